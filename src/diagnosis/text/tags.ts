/** Anti-spam and Outlook.com tags, quoted back verbatim because they have no public meaning. */

const AS_TAG = /\(AS\d{1,12}\)|(?<![A-Za-z])AS\(\d{1,12}\)/g;
const S_TAG = /\((S\d{3,6})\)|(?<![A-Za-z0-9-])((?:SC|OU|DY|RP)-\d{3})(?![\d])/g;

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function findAsTags(text: string): string[] {
  return unique([...text.matchAll(AS_TAG)].map((match) => match[0]));
}

export function findSTags(text: string): string[] {
  return unique([...text.matchAll(S_TAG)].map((match) => match[1] ?? match[2]));
}

/**
 * Turns any pasted or decoded text into bounded lines the scanners can walk once.
 * Lines are capped so that every later per-line regex works on a bounded string, whatever the input.
 */

/** Longest line handed to the scanners; longer physical lines are cut into pieces of this size. */
export const MAX_LINE_CHARS = 4096;

/**
 * Removes e-mail quoting ("> ", ">> ", "> > ") one level at a time, keeping the indentation that follows,
 * because RFC 3464 continuation lines are recognised by their leading whitespace.
 */
export function stripQuotePrefix(line: string): string {
  let index = 0;
  while (index < line.length && line.charCodeAt(index) === 62 /* > */) {
    index += 1;
    if (line.charCodeAt(index) === 32 /* space */) index += 1;
  }
  return index === 0 ? line : line.slice(index);
}

/** Splits on CRLF / CR / LF, unquotes, replaces NBSP and chops very long lines. */
export function toLines(text: string): string[] {
  const out: string[] = [];
  // One pass over the whole text is far cheaper than a regex call per line.
  const spaced = /[\u00a0\u3000\t]/.test(text) ? text.replace(/[\u00a0\u3000\t]/g, ' ') : text;
  // A run of blank lines means the same as one; collapsing first avoids allocating a string per blank line.
  const collapsed = spaced.replace(/\n[\r\n ]*\n/g, '\n\n');
  for (const physical of collapsed.split(/\r\n|\r|\n/)) {
    const line = (physical.charCodeAt(0) === 62 ? stripQuotePrefix(physical) : physical).trimEnd();
    if (line.length <= MAX_LINE_CHARS) {
      out.push(line);
      continue;
    }
    for (let start = 0; start < line.length; start += MAX_LINE_CHARS) {
      out.push(line.slice(start, start + MAX_LINE_CHARS));
    }
  }
  return out;
}

/** Collapses all whitespace runs to one space: diagnostics are shown on one line. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** True when the line starts with an RFC 5322 / RFC 3464 style "Field-Name:" (name without spaces). */
export function fieldName(line: string): string | undefined {
  const match = /^([A-Za-z][A-Za-z0-9-]{0,76}):(?: |$)/.exec(line);
  return match ? match[1].toLowerCase() : undefined;
}

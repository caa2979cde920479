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

/**
 * Replaces NBSP, ideographic space and tab with a plain space in one pass over the UTF-16 code units:
 * a regex replace costs a string piece per match, far too slow on a megabyte of tabs.
 */
function plainSpaces(text: string): string {
  if (!/[\u00a0\u3000\t]/.test(text)) return text;
  const bytes = Buffer.from(text, 'utf16le');
  for (let index = 0; index < bytes.length; index += 2) {
    const low = bytes[index];
    const high = bytes[index + 1];
    if ((high === 0 && (low === 0x09 || low === 0xa0)) || (high === 0x30 && low === 0)) {
      bytes[index] = 0x20;
      bytes[index + 1] = 0;
    }
  }
  return bytes.toString('utf16le');
}

/** Splits on CRLF / CR / LF, unquotes, replaces NBSP and chops very long lines. */
export function toLines(text: string): string[] {
  // A run of blank lines means the same as one; collapsing first avoids allocating a string per blank line.
  // "+" rather than "*": a bare "\n\n" would be replaced by itself, and a match per paragraph is costly.
  const collapsed = plainSpaces(text).replace(/\n[\r\n ]+\n/g, '\n\n');
  const lines = collapsed.includes('\r') ? collapsed.split(/\r\n|\r|\n/) : collapsed.split('\n');
  // Cleaned in place: a second array of hundreds of thousands of lines is a cost worth avoiding.
  let tooLong = false;
  for (let index = 0; index < lines.length; index += 1) {
    const physical = lines[index];
    lines[index] = (physical.charCodeAt(0) === 62 ? stripQuotePrefix(physical) : physical).trimEnd();
    tooLong ||= lines[index].length > MAX_LINE_CHARS;
  }
  if (!tooLong) return lines;
  const out: string[] = [];
  for (const line of lines) {
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

/** String.prototype.trim's whitespace (the same set as \s). */
export function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Collapses all whitespace runs to one space: diagnostics are shown on one line. */
export function foldWhitespace(text: string): string {
  // Same result as /\s+/g, but a single space (the common case) is not a match, which keeps replace cheap.
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/**
 * Drops every trailing character listed in `chars`. Same result as replace(/[...]+$/, ''), which backtracks
 * from every position of a long run that does not reach the end, so it is quadratic on hostile input.
 */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

/** True when the line starts with an RFC 5322 / RFC 3464 style "Field-Name:" (name without spaces). */
export function fieldName(line: string): string | undefined {
  // Most lines are not fields: ruling them out by two cheap checks spares a regex run on every line.
  const first = line.charCodeAt(0) | 0x20; // ASCII letters to lower case; nothing else becomes a-z
  if (first < 97 || first > 122) return undefined;
  const colon = line.indexOf(':');
  if (colon < 1 || colon > 77) return undefined;
  const match = /^([A-Za-z][A-Za-z0-9-]{0,76}):(?: |$)/.exec(line);
  return match ? match[1].toLowerCase() : undefined;
}

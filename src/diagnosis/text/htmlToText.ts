/**
 * HTML → text in one left-to-right pass (indexOf jumps, no regex over the markup), keeping the line structure
 * of <br>, <p>, <div>, <tr>, <li> and separating table cells, so NDR tables read like their plain-text twins.
 */
import { isSpace } from './lines';
import { TextBuilder } from './textBuilder';

const LINE_BREAK_TAGS = [
  'br',
  'p',
  'div',
  'tr',
  'li',
  'ul',
  'ol',
  'table',
  'tbody',
  'thead',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'hr',
  'title',
  'dt',
  'dd',
  'section',
  'body',
  'html',
];
const CELL_TAGS = ['td', 'th'];
const SKIPPED_CONTENT = ['script', 'style', 'head'];

/** One lookup per tag instead of three: tags are the unit of work on tag-heavy input. */
const TAG_KINDS = new Map<string, 'line-break' | 'cell' | 'skipped'>([
  ...[...LINE_BREAK_TAGS].map((name) => [name, 'line-break'] as const),
  ...CELL_TAGS.map((name) => [name, 'cell'] as const),
  ...SKIPPED_CONTENT.map((name) => [name, 'skipped'] as const),
]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  copy: '\u00a9',
};

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/g, (whole: string, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function isTagNameChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function tagNameAt(html: string, start: number): string {
  let end = start;
  let upper = false;
  for (; end < html.length && end - start < 12; end += 1) {
    const code = html.charCodeAt(end);
    if (!isTagNameChar(code)) break;
    upper ||= code >= 65 && code <= 90;
  }
  const name = html.slice(start, end);
  return upper ? name.toLowerCase() : name;
}

/**
 * Per line: trims, turns a run of spaces/tabs into one space (three when it holds a tab, so cells stay apart);
 * keeps at most one empty line between text and none at either end. Lines that need no trimming are copied
 * together as one span, so the cost does not grow with the number of lines.
 */
function tidyLines(text: string): string {
  // Spaces first, so that the tab pattern never backtracks over a long run of spaces.
  const spaced = text.replace(/ {2,}/g, ' ').replace(/[ \t]*\t[ \t]*/g, '   ');
  const out = new TextBuilder();
  let spanStart = 0;
  let spanEnd = -1; // -1: nothing kept yet
  let blankPending = false;
  for (let start = 0; start <= spaced.length;) {
    let end = spaced.indexOf('\n', start);
    if (end === -1) end = spaced.length;
    let first = start;
    let last = end;
    while (first < last && isSpace(spaced.charCodeAt(first))) first += 1;
    while (last > first && isSpace(spaced.charCodeAt(last - 1))) last -= 1;
    start = end + 1;
    if (first === last) {
      blankPending = spanEnd !== -1;
      continue;
    }
    const separator = blankPending ? 2 : 1;
    blankPending = false;
    // The line continues the current span when the text between them is exactly the separator.
    if (spanEnd !== -1 && first - spanEnd === separator && spaced.charCodeAt(first - separator) === 10) {
      spanEnd = last;
      continue;
    }
    if (spanEnd !== -1) {
      out.pushString(spaced.slice(spanStart, spanEnd));
      for (let newline = 0; newline < separator; newline += 1) out.push(10);
    }
    spanStart = first;
    spanEnd = last;
  }
  if (spanEnd !== -1) out.pushString(spaced.slice(spanStart, spanEnd));
  return out.toString();
}

export function htmlToText(html: string): string {
  const out = new TextBuilder();
  let lowerHtml: string | undefined;
  // Position of the next '>' at or after the current tag; remembered so a run of unclosed '<' stays linear.
  let nextClose = -2;
  let index = 0;
  while (index < html.length) {
    const open = html.indexOf('<', index);
    const textEnd = open === -1 ? html.length : open;
    // Only runs of two or more, or a single non-space whitespace, need replacing: far fewer matches than /\s+/.
    if (textEnd > index) out.pushString(html.slice(index, textEnd).replace(/\s{2,}|[^\S ]/g, ' '));
    if (open === -1) break;
    if (html.charCodeAt(open + 1) === 33 /* ! */ && html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      index = close === -1 ? html.length : close + 3;
      continue;
    }
    const closing = html.charCodeAt(open + 1) === 47; /* / */
    const name = tagNameAt(html, open + (closing ? 2 : 1));
    if (nextClose !== -1 && nextClose <= open) nextClose = html.indexOf('>', open + 1);
    if (name.length === 0 || nextClose === -1) {
      out.push(60); /* < */
      index = open + 1;
      continue;
    }
    index = nextClose + 1;
    const kind = TAG_KINDS.get(name);
    if (kind === 'skipped' && !closing) {
      lowerHtml ??= html.toLowerCase();
      const end = lowerHtml.indexOf(`</${name}`, index);
      index = end === -1 ? html.length : end;
    } else if (kind === 'line-break') {
      // Runs of block tags would otherwise become thousands of empty lines.
      if (!(out.peek(1) === 10 && out.peek(2) === 10)) out.push(10);
    } else if (kind === 'cell' && !closing) out.push(9);
  }
  return tidyLines(decodeEntities(out.toString()));
}

/**
 * HTML → text in one left-to-right pass (indexOf jumps, no regex over the markup), keeping the line structure
 * of <br>, <p>, <div>, <tr>, <li> and separating table cells, so NDR tables read like their plain-text twins.
 */

const LINE_BREAK_TAGS = new Set([
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
]);
const CELL_TAGS = new Set(['td', 'th']);
const SKIPPED_CONTENT = ['script', 'style', 'head'];

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
  return text.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/g, (whole: string, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function tagNameAt(html: string, start: number): string {
  let end = start;
  while (end < html.length && end - start < 12 && /[A-Za-z0-9]/.test(html.charAt(end))) end += 1;
  return html.slice(start, end).toLowerCase();
}

export function htmlToText(html: string): string {
  const out: string[] = [];
  const lowerHtml = html.toLowerCase();
  let index = 0;
  while (index < html.length) {
    const open = html.indexOf('<', index);
    const textEnd = open === -1 ? html.length : open;
    if (textEnd > index) out.push(html.slice(index, textEnd).replace(/\s+/g, ' '));
    if (open === -1) break;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      index = close === -1 ? html.length : close + 3;
      continue;
    }
    const closing = html.charAt(open + 1) === '/';
    const name = tagNameAt(html, open + (closing ? 2 : 1));
    const close = html.indexOf('>', open + 1);
    if (name.length === 0 || close === -1) {
      out.push('<');
      index = open + 1;
      continue;
    }
    index = close + 1;
    if (!closing && SKIPPED_CONTENT.includes(name)) {
      const end = lowerHtml.indexOf(`</${name}`, index);
      index = end === -1 ? html.length : end;
      continue;
    }
    // Runs of block tags would otherwise become thousands of empty lines.
    if (
      LINE_BREAK_TAGS.has(name) &&
      !(out.length >= 2 && out[out.length - 1] === '\n' && out[out.length - 2] === '\n')
    ) {
      out.push('\n');
    } else if (CELL_TAGS.has(name) && !closing) out.push('\t');
  }
  return decodeEntities(out.join(''))
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, (run) => (run.includes('\t') ? '   ' : ' ')).trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

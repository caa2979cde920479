/**
 * A pasted raw RFC 5322 message (headers at the top), decoded synchronously: header unfolding, multipart
 * splitting, base64 / quoted-printable and charsets. Returned original messages (message/rfc822) are dropped.
 * Deliberately small: .eml files go through mailparser; this only has to make pastes readable.
 */
import { fieldName } from './lines';
import { htmlToText } from './htmlToText';

const KNOWN_HEADERS = new Set([
  'received',
  'return-path',
  'from',
  'to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'delivered-to',
  'content-type',
  'dkim-signature',
  'authentication-results',
  'arc-seal',
  'x-ms-exchange-message-is-ndr',
  'auto-submitted',
  'envelope-to',
  'delivery-date',
  'reply-to',
  'sender',
]);
const MAX_HEADER_CHARS = 64 * 1024;
const MAX_DEPTH = 4;
const MAX_PARTS = 50;

export interface RawMessage {
  headerText: string;
  headers: Map<string, string>;
  body: string;
}

/** An mbox "From sender date" separator line is not a header; drop it before reading the header block. */
function withoutMboxLine(text: string): string {
  const start = text.trimStart();
  if (!start.startsWith('From ')) return start;
  const newline = start.indexOf('\n');
  return newline < 0 ? '' : start.slice(newline + 1);
}

function headerBlockEnd(text: string): number {
  const match = /\r?\n\r?\n/.exec(text.slice(0, MAX_HEADER_CHARS));
  return match ? match.index : -1;
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  let lastName: string | undefined;
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && lastName) {
      headers.set(lastName, `${headers.get(lastName) ?? ''} ${line.trim()}`);
      continue;
    }
    const name = fieldName(line);
    if (!name) continue;
    lastName = name;
    if (!headers.has(name)) headers.set(name, line.slice(line.indexOf(':') + 1).trim());
  }
  return headers;
}

/** True when the text opens with at least two header fields, one of them a well-known RFC 5322 header. */
export function looksLikeRawMessage(text: string): boolean {
  const start = withoutMboxLine(text);
  const end = headerBlockEnd(start);
  if (end <= 0) return false;
  const names = start
    .slice(0, end)
    .split(/\r?\n/)
    .filter((line) => !/^[ \t]/.test(line))
    .map((line) => fieldName(line));
  return (
    names.length >= 2 &&
    names.every((name) => name !== undefined) &&
    names.some((name) => KNOWN_HEADERS.has(name ?? ''))
  );
}

export function splitRawMessage(text: string): RawMessage {
  const start = withoutMboxLine(text);
  const end = headerBlockEnd(start);
  const headerText = end < 0 ? start : start.slice(0, end);
  const body = end < 0 ? '' : start.slice(end).replace(/^\r?\n\r?\n/, '');
  return { headerText, headers: parseHeaders(headerText), body };
}

function parameter(value: string, name: string): string | undefined {
  const match = new RegExp(`${name}\\s{0,3}=\\s{0,3}"?([^";\\s]{1,200})"?`, 'i').exec(value);
  return match ? match[1] : undefined;
}

function decodeCharset(bytes: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

function decodeTransfer(body: string, encoding: string, charset: string | undefined): string {
  if (encoding === 'base64')
    return decodeCharset(Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'), charset);
  if (encoding !== 'quoted-printable') return body;
  const unwrapped = body.replace(/=\r?\n/g, '');
  const bytes = unwrapped.replace(/=([0-9A-Fa-f]{2})/g, (_whole, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  // Text that already holds non-Latin-1 characters was decoded by whoever pasted it.
  return /[^\u0000-\u00ff]/.test(bytes) ? bytes : decodeCharset(Buffer.from(bytes, 'latin1'), charset);
}

/** Readable text of an entity: text parts, delivery-status and feedback parts; never the returned original. */
export function entityText(headers: Map<string, string>, body: string, depth = 0): string {
  const contentType = headers.get('content-type') ?? 'text/plain';
  const type = contentType.split(';')[0].trim().toLowerCase();
  const boundary = parameter(contentType, 'boundary');
  if (type.startsWith('multipart/') && boundary && depth < MAX_DEPTH) {
    const parts = body.split(`--${boundary}`).slice(1, MAX_PARTS + 1);
    return parts
      .filter((part) => !part.startsWith('--'))
      .map((part) => {
        const child = splitRawMessage(part.replace(/^[ \t]*\r?\n/, 'X-Part: 1\n'));
        return entityText(child.headers, child.body, depth + 1);
      })
      .join('\n');
  }
  if (type === 'message/rfc822' || type === 'text/rfc822-headers') return '';
  const encoding = (headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  const text = decodeTransfer(body, encoding, parameter(contentType, 'charset'));
  if (type === 'text/html') return htmlToText(text);
  return type.startsWith('message/') ? `Content-Type: ${type}\n${text}` : text;
}

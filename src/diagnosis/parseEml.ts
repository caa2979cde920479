/**
 * .eml files (RFC 5322), through mailparser. The human-readable part and the RFC 3464 delivery-status part are
 * read together so the result carries the DSN's exact fields and the server's full wording.
 */
import { simpleParser, type Attachment, type ParsedMail } from 'mailparser';
import { parseNdrText } from './parseText';
import type { DocumentHints } from './text/document';
import { hostsFromHeaders } from './text/headerHosts';
import { htmlToText } from './text/htmlToText';
import type { ParsedMessage } from './types';

const MAX_HEADER_CHARS = 64 * 1024;
/** Parts whose text explains the failure; the returned original message (message/rfc822) is left out. */
const REPORT_PART_TYPES = new Set([
  'message/delivery-status',
  'message/global-delivery-status',
  'message/feedback-report',
  'text/plain',
]);

function headerValue(mail: ParsedMail, name: string): string | undefined {
  const value = mail.headers.get(name);
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'value' in value && typeof value.value === 'string') {
    const params = 'params' in value && value.params ? Object.entries(value.params) : [];
    return [value.value, ...params.map(([key, param]) => `${key}=${String(param)}`)].join('; ');
  }
  return undefined;
}

function rawHeaderText(mail: ParsedMail): string {
  return mail.headerLines
    .map((header) => header.line)
    .join('\n')
    .slice(0, MAX_HEADER_CHARS);
}

function reportParts(attachments: Attachment[]): string[] {
  return attachments
    .filter((attachment) => REPORT_PART_TYPES.has(attachment.contentType.toLowerCase()))
    .map((attachment) => `\nContent-Type: ${attachment.contentType}\n${attachment.content.toString('utf8')}`);
}

export function hintsFromMail(mail: ParsedMail): DocumentHints {
  const contentType = (headerValue(mail, 'content-type') ?? '').toLowerCase();
  const received = mail.headerLines
    .filter((header) => header.key === 'received')
    .map((header) => header.line);
  const hints: DocumentHints = {
    headerText: rawHeaderText(mail),
    headerHosts: hostsFromHeaders(received, mail.messageId),
  };
  if (mail.subject !== undefined) hints.subject = mail.subject;
  if (contentType.includes('feedback-report')) hints.knownKind = 'complaint';
  return hints;
}

export function bodyOf(mail: ParsedMail): string {
  const text = typeof mail.text === 'string' ? mail.text : '';
  const html = typeof mail.html === 'string' ? mail.html : '';
  const readable = text.trim().length > 0 ? text : htmlToText(html);
  return [readable, ...reportParts(mail.attachments)].join('\n');
}

/** Never rejects: unreadable input resolves to kind 'not-an-ndr'. */
export async function parseEml(bytes: Buffer): Promise<ParsedMessage> {
  try {
    const mail = await simpleParser(bytes, {
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
    });
    return parseNdrText(bodyOf(mail), hintsFromMail(mail));
  } catch {
    return { kind: 'not-an-ndr', recipients: [] };
  }
}

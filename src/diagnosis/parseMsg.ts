/**
 * Outlook .msg files (CFB compound files) through @kenjiuno/msgreader. An NDR saved from Outlook has the message
 * class REPORT.IPM.Note.NDR (delay: REPORT.IPM.Note.DR... / .Delayed); its transport headers and body go through
 * the same text logic as everything else.
 */
import MsgReader from '@kenjiuno/msgreader';
import { parseNdrText } from './parseText';
import type { DocumentHints } from './text/document';
import { htmlToText } from './text/htmlToText';
import type { ParsedMessage } from './types';

const MAX_HEADER_CHARS = 64 * 1024;

export class UnreadableMsgError extends Error {}

/** Throws UnreadableMsgError when the bytes are not a readable .msg (parseNdrFile turns that into 'unreadable'). */
export function readMsg(bytes: Buffer): ParsedMessage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data = new MsgReader(view).getFileData();
  if (data.error) throw new UnreadableMsgError(data.error);
  const headers = (data.headers ?? '').slice(0, MAX_HEADER_CHARS);
  const messageClass = (data.messageClass ?? '').toUpperCase();
  const hints: DocumentHints = { headerText: `${headers}\nX-Message-Class: ${messageClass}` };
  if (data.subject !== undefined) hints.subject = data.subject;
  if (messageClass.startsWith('IPM.NOTE.RULES.OOFTEMPLATE')) {
    hints.knownKind = 'auto-reply';
  }
  const html = data.bodyHtml ?? (data.html ? Buffer.from(data.html).toString('utf8') : '');
  const body = data.body && data.body.trim().length > 0 ? data.body : htmlToText(html);
  return parseNdrText(body, hints);
}

/** Never throws: unreadable input gives kind 'not-an-ndr'. */
export function parseMsg(bytes: Buffer): ParsedMessage {
  try {
    return readMsg(bytes);
  } catch {
    return { kind: 'not-an-ndr', recipients: [] };
  }
}

/**
 * Entry points for uploads and pastes. Both return a result object and never throw, so the dialog can answer
 * every failure with a precise message ("too large", "not a bounce file", "could not read it").
 *
 * parseNdrPaste is synchronous: a pasted raw message (headers at the top) is split and decoded by the small
 * MIME reader in text/rawMessage.ts instead of mailparser (which is async).
 */
import { simpleParser } from 'mailparser';
import { bodyOf, hintsFromMail } from './parseEml';
import { parseNdrHtml } from './parseHtml';
import { readMsg } from './parseMsg';
import { parseNdrText } from './parseText';
import { entityText, looksLikeRawMessage, splitRawMessage } from './text/rawMessage';
import { decodeText, isBinary, isCompoundFile, looksLikeEml, looksLikeHtml } from './text/sniff';
import type { ParsedMessage } from './types';

export type FileKind = 'eml' | 'msg' | 'txt' | 'html';

export type ParseFileResult =
  | { ok: true; message: ParsedMessage }
  | { ok: false; error: 'unsupported-type' | 'too-large' | 'unreadable' | 'empty' };

export type ParsePasteResult =
  { ok: true; message: ParsedMessage } | { ok: false; error: 'too-large' | 'empty' };

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_PASTE_CHARS = 256 * 1024;

const EXTENSIONS: Record<string, FileKind> = {
  eml: 'eml',
  msg: 'msg',
  txt: 'txt',
  log: 'txt',
  html: 'html',
  htm: 'html',
};

function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1).slice(name.lastIndexOf('\\') + 1);
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** The kind the bytes really are, 'unsupported' for other extensions, 'unreadable' when bytes contradict the name. */
export function detectFileKind(name: string, bytes: Buffer): FileKind | 'unsupported' | 'unreadable' {
  const claimed = EXTENSIONS[extensionOf(name)];
  if (isCompoundFile(bytes))
    return claimed === undefined || claimed === 'msg' || claimed === 'eml' ? 'msg' : 'unreadable';
  if (claimed === undefined) return extensionOf(name) === '' && looksLikeEml(bytes) ? 'eml' : 'unsupported';
  if (claimed === 'msg') return looksLikeEml(bytes) ? 'eml' : 'unreadable';
  if (isBinary(bytes)) return 'unreadable';
  if (claimed === 'txt' && looksLikeEml(bytes)) return 'eml';
  // A body saved without its headers still reads as a text bounce.
  if (claimed === 'eml' && !looksLikeEml(bytes)) return 'txt';
  return claimed;
}

function parseRawPaste(text: string): ParsedMessage {
  const raw = splitRawMessage(text);
  const hints = { headerText: raw.headerText, subject: raw.headers.get('subject') };
  const body = entityText(raw.headers, raw.body);
  return parseNdrText(body, hints.subject === undefined ? { headerText: hints.headerText } : hints);
}

function routeText(text: string): ParsedMessage {
  if (looksLikeRawMessage(text)) return parseRawPaste(text);
  return looksLikeHtml(text) ? parseNdrHtml(text) : parseNdrText(text);
}

export function parseNdrPaste(text: string, opts: { maxChars?: number } = {}): ParsePasteResult {
  const value = typeof text === 'string' ? text : '';
  if (value.length > (opts.maxChars ?? DEFAULT_MAX_PASTE_CHARS)) return { ok: false, error: 'too-large' };
  if (value.trim().length === 0) return { ok: false, error: 'empty' };
  try {
    return { ok: true, message: routeText(value) };
  } catch {
    return { ok: true, message: { kind: 'not-an-ndr', recipients: [] } };
  }
}

export async function parseNdrFile(
  name: string,
  bytes: Buffer,
  opts: { maxBytes?: number } = {},
): Promise<ParseFileResult> {
  try {
    if (bytes.length > (opts.maxBytes ?? DEFAULT_MAX_FILE_BYTES)) return { ok: false, error: 'too-large' };
    if (bytes.length === 0) return { ok: false, error: 'empty' };
    const kind = detectFileKind(name, bytes);
    if (kind === 'unsupported') return { ok: false, error: 'unsupported-type' };
    if (kind === 'unreadable') return { ok: false, error: 'unreadable' };
    if (kind === 'msg') return { ok: true, message: readMsg(bytes) };
    const text = decodeText(bytes);
    if (text.trim().length === 0) return { ok: false, error: 'empty' };
    if (kind === 'eml') {
      const mail = await simpleParser(bytes, {
        skipTextToHtml: true,
        skipTextLinks: true,
        skipImageLinks: true,
      });
      return { ok: true, message: parseNdrText(bodyOf(mail), hintsFromMail(mail)) };
    }
    return { ok: true, message: kind === 'html' ? parseNdrHtml(text) : routeText(text) };
  } catch {
    return { ok: false, error: 'unreadable' };
  }
}

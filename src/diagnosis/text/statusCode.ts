/**
 * Finds SMTP replies ("550 5.7.606 ...") in one bounded line.
 * Every pattern is anchored on fixed digit shapes with bounded quantifiers, so a scan is linear in the line length.
 */
import { isSpace } from './lines';

/** How much a piece of evidence tells: reply code + enhanced status beats a bare status, which beats a bare code. */
export enum EvidenceRank {
  ReplyOnly = 1,
  StatusOnly = 2,
  ReplyAndStatus = 3,
  DsnField = 4,
}

export interface ReplyMatch {
  /** Index in the line where the quoted reply starts. */
  start: number;
  /** Index just after the code(s); the reply text follows. */
  textStart: number;
  replyCode?: number;
  status?: string;
  rank: EvidenceRank;
}

/** RFC 3463: class 2/4/5, subject 0-7, detail 0-999 (Microsoft uses three-digit details such as 5.7.606). */
export function validStatus(candidate: string): string | undefined {
  const match = /^([245])\.(\d{1,3})\.(\d{1,3})$/.exec(candidate);
  if (!match) return undefined;
  const subject = Number(match[2]);
  const detail = Number(match[3]);
  if (subject > 7 || detail > 999) return undefined;
  if (match[2].length > 1 && match[2].startsWith('0')) return undefined;
  return `${match[1]}.${subject}.${detail}`;
}

/** "5.0.0" / "4.0.0" say only the class; a concrete code of the same class is more useful. */
export function isGenericStatus(status: string): boolean {
  return status.endsWith('.0.0');
}

export function statusClass(status: string | undefined): string | undefined {
  return status?.charAt(0);
}

function validReplyCode(digits: string): number | undefined {
  const code = Number(digits);
  const second = Number(digits.charAt(1));
  return second <= 5 ? code : undefined;
}

// "550 5.7.606", "#550 5.7.606", "550-5.7.606", "550 - b'5.7.1"; a status followed by "-649" is a documented range.
const REPLY_AND_STATUS =
  /(?<![\w.])#?([245]\d\d)(?:[ ]{1,3}|[ ]?-[ ]?)(?:b?['"])?#?([245]\.\d{1,3}\.\d{1,3})(?![\w.-]?\d)/g;
const STATUS_ONLY = /(?<![\w.])([245]\.\d{1,3}\.\d{1,3})(?![\w.-]?\d)/g;
const REPLY_ONLY = /(?<![\w.])#?([245]\d\d)(?=[ ]{1,3}[A-Za-z<[(]|-[A-Za-z])/g;

const STATUS_CUES = [
  'response was:',
  'returned',
  'said:',
  'reason:',
  'error:',
  'code:',
  'dsn=',
  'status:',
  'answer:',
  'smtp;',
];
const REPLY_CUES = ['said:', 'reason:', 'returned', 'smtp;', '<<<', 'error:', 'answer:', 'was:'];

/** Where the line's text starts, measured once per line so that each candidate code costs O(1) to check. */
interface LineStart {
  /** Index of the first non-whitespace character. */
  text: number;
  /** Index of the first character that is not whitespace or decoration such as "> - #". */
  words: number;
}

function lineStart(line: string): LineStart {
  let text = 0;
  while (text < line.length && isSpace(line.charCodeAt(text))) text += 1;
  let words = text;
  while (words < line.length && (isSpace(line.charCodeAt(words)) || `-#*'"<>`.includes(line.charAt(words))))
    words += 1;
  return { text, words };
}

/** line.slice(0, end).trim().length, without building either string. */
function trimmedLength(line: string, end: number, start: LineStart): number {
  let last = end;
  while (last > start.text && isSpace(line.charCodeAt(last - 1))) last -= 1;
  return Math.max(0, last - start.text);
}

/** The text before a code counts as a cue when it ends with one of the phrases, or the code opens the line. */
function hasCue(line: string, index: number, cues: string[], start: LineStart): boolean {
  const before = line
    .slice(Math.max(0, index - 40), index)
    .toLowerCase()
    .replace(/[\s'"#([-]+$/, '');
  if (before.length === 0 && trimmedLength(line, index, start) <= 4) return true;
  if (index <= start.words) return true;
  return cues.some((cue) => before.endsWith(cue));
}

function searchReplies(line: string): ReplyMatch[] {
  const found: ReplyMatch[] = [];
  // exec with lastIndex rather than matchAll, which clones the RegExp on every call (costly on long inputs).
  REPLY_AND_STATUS.lastIndex = 0;
  for (let match = REPLY_AND_STATUS.exec(line); match; match = REPLY_AND_STATUS.exec(line)) {
    const replyCode = validReplyCode(match[1]);
    const status = validStatus(match[2]);
    if (replyCode === undefined || status === undefined) continue;
    const start = match.index + (match[0].startsWith('#') ? 1 : 0);
    found.push({
      start,
      textStart: match.index + match[0].length,
      replyCode,
      status,
      rank: EvidenceRank.ReplyAndStatus,
    });
  }
  if (found.length > 0) return found;
  const opening = lineStart(line);
  STATUS_ONLY.lastIndex = 0;
  for (let match = STATUS_ONLY.exec(line); match; match = STATUS_ONLY.exec(line)) {
    const status = validStatus(match[1]);
    if (status === undefined || !hasCue(line, match.index, STATUS_CUES, opening)) continue;
    return [
      { start: match.index, textStart: match.index + match[0].length, status, rank: EvidenceRank.StatusOnly },
    ];
  }
  REPLY_ONLY.lastIndex = 0;
  for (let match = REPLY_ONLY.exec(line); match; match = REPLY_ONLY.exec(line)) {
    const replyCode = validReplyCode(match[1]);
    if (replyCode === undefined || !hasCue(line, match.index, REPLY_CUES, opening)) continue;
    const start = match.index + (match[0].startsWith('#') ? 1 : 0);
    return [{ start, textStart: match.index + match[0].length, replyCode, rank: EvidenceRank.ReplyOnly }];
  }
  return [];
}

/**
 * The scanner asks about most coded lines twice (as the line after a reply: does a new one start here? then as
 * a line of its own), so the last answers are kept: one for the line as given, which answers the second question
 * at the cost of a comparison, and one for its trimmed text, which serves the same text with other indentation
 * (surrounding whitespace never changes what is found, only where).
 */
let lastLine: { line: string; replies: readonly ReplyMatch[] } = { line: '', replies: [] };
let lastSearch: { text: string; replies: readonly ReplyMatch[] } = { text: '', replies: [] };

/** All replies carrying both codes, in order; otherwise the first cued bare status; otherwise the first cued bare code. */
export function findReplies(line: string): readonly ReplyMatch[] {
  if (line === lastLine.line) return lastLine.replies;
  // Most lines hold no code at all; one cheap test spares three scans.
  if (!/[245][\d.]/.test(line)) return [];
  const text = line.trim();
  if (lastSearch.text !== text) lastSearch = { text, replies: searchReplies(text) };
  let offset = 0;
  while (offset < line.length && isSpace(line.charCodeAt(offset))) offset += 1;
  const replies =
    offset === 0
      ? lastSearch.replies
      : lastSearch.replies.map((reply) => ({
          ...reply,
          start: reply.start + offset,
          textStart: reply.textStart + offset,
        }));
  lastLine = { line, replies };
  return replies;
}

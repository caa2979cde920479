import type { FailedRecipient } from './types';
import { ADDRESSING_ENTRIES } from './kb/addressing';
import { DELISTING_ENTRIES } from './kb/delisting';
import type { KbEntry, Matcher, Signal } from './kb/entryTypes';
import { OUTBOUND_ENTRIES } from './kb/outbound';
import { OUTLOOK_COM_ENTRIES } from './kb/outlookCom';
import { RECIPIENT_SIDE_ENTRIES } from './kb/recipientSide';
import { SENDING_SETUP_ENTRIES } from './kb/sendingSetup';
import { THROTTLING_ENTRIES } from './kb/throttling';

export type { ExtraPlaceholder, KbEntry, Matcher, Signal } from './kb/entryTypes';

/** Every entry; on equal scores the earlier one wins, so the order only matters for true ties. */
export const KNOWLEDGE_BASE: readonly KbEntry[] = [
  ...OUTLOOK_COM_ENTRIES,
  ...DELISTING_ENTRIES,
  ...THROTTLING_ENTRIES,
  ...SENDING_SETUP_ENTRIES,
  ...RECIPIENT_SIDE_ENTRIES,
  ...ADDRESSING_ENTRIES,
  ...OUTBOUND_ENTRIES,
];

const BY_ID: ReadonlyMap<string, KbEntry> = new Map(KNOWLEDGE_BASE.map((e) => [e.id, e]));

export function getEntry(id: string): KbEntry | undefined {
  return BY_ID.get(id);
}

/*
 * Specificity, highest wins:
 *   an S-tag match (4000) beats everything, because Outlook.com tags name the list precisely;
 *   an exact code (2000) beats a range (1000 minus its width, so narrower ranges win);
 *   entries with no code at all are identified by their signal and count as exact (2000);
 *   a matched reply text adds 300 plus its length (the longer needle is the more specific wording);
 *   producer and host conditions add 100 each;
 *   without any status code only `statuslessText` can match (100 plus its length).
 */
const S_TAG_SCORE = 4000;
const EXACT_SCORE = 2000;
const RANGE_SCORE = 1000;
const TEXT_SCORE = 300;
const CONTEXT_SCORE = 100;
const STATUSLESS_SCORE = 100;

interface ParsedStatus {
  cls: number;
  subject: number;
  detail: number;
}

export function parseStatus(status: string | undefined): ParsedStatus | undefined {
  const m = /^([245])\.(\d{1,3})\.(\d{1,3})$/.exec(status?.trim() ?? '');
  return m ? { cls: Number(m[1]), subject: Number(m[2]), detail: Number(m[3]) } : undefined;
}

function longestNeedle(haystack: string, needles: readonly string[] | undefined): number | undefined {
  let best: number | undefined;
  for (const n of needles ?? []) {
    if (haystack.includes(n.toLowerCase()) && (best === undefined || n.length > best)) best = n.length;
  }
  return best;
}

function signalScore(signal: Signal, r: FailedRecipient, text: string): number | undefined {
  let score = 0;
  if (signal.sTags) {
    const tags = new Set(r.sTags.map((t) => t.toUpperCase()));
    if (!signal.sTags.some((t) => tags.has(t.toUpperCase()))) return undefined;
    score += S_TAG_SCORE;
  }
  if (signal.text) {
    const len = longestNeedle(text, signal.text);
    if (len === undefined) return undefined;
    score += TEXT_SCORE + len;
  }
  if (signal.producers) {
    if (!signal.producers.includes(r.producer)) return undefined;
    score += CONTEXT_SCORE;
  }
  if (signal.hosts) {
    const hosts = [r.remoteHost, r.reportingHost].map((h) => (h ?? '').toLowerCase());
    if (!signal.hosts.some((suffix) => hosts.some((h) => h.endsWith(suffix) || h === suffix.slice(1)))) {
      return undefined;
    }
    score += CONTEXT_SCORE;
  }
  return score;
}

function whenScore(match: Matcher, r: FailedRecipient, text: string): number | undefined {
  if (!match.when) return 0;
  let best: number | undefined;
  for (const alt of match.when) {
    const s = signalScore(alt, r, text);
    if (s !== undefined && (best === undefined || s > best)) best = s;
  }
  return best;
}

function codeScore(match: Matcher, status: ParsedStatus): number | undefined {
  const code = `${status.cls}.${status.subject}.${status.detail}`;
  if (match.codes?.includes(code)) return EXACT_SCORE;
  let best: number | undefined;
  for (const range of match.ranges ?? []) {
    const m = /^(\d)\.(\d{1,3})\.(\d{1,3})-(\d{1,3})$/.exec(range);
    if (!m || Number(m[1]) !== status.cls || Number(m[2]) !== status.subject) continue;
    const [from, to] = [Number(m[3]), Number(m[4])];
    if (status.detail >= from && status.detail <= to) {
      const s = RANGE_SCORE - Math.min(to - from, RANGE_SCORE - 1);
      if (best === undefined || s > best) best = s;
    }
  }
  return best;
}

/** How well `entry` fits `r`; undefined when it does not apply at all. */
export function scoreEntry(entry: KbEntry, r: FailedRecipient): number | undefined {
  const { match } = entry;
  const text = r.diagnostic.toLowerCase();
  const hasCode = Boolean(match.codes?.length || match.ranges?.length);
  if (!hasCode) {
    if (!match.when) return undefined;
    const s = whenScore(match, r, text);
    return s === undefined ? undefined : EXACT_SCORE + s;
  }
  const status = parseStatus(r.status);
  if (!status) {
    const len = longestNeedle(text, match.statuslessText);
    return len === undefined ? undefined : STATUSLESS_SCORE + len;
  }
  const base = codeScore(match, status);
  if (base === undefined) return undefined;
  const extra = whenScore(match, r, text);
  return extra === undefined ? undefined : base + extra;
}

/** The most specific entry for this recipient, or undefined when only the RFC 3463 fallback applies. */
export function findEntry(r: FailedRecipient): KbEntry | undefined {
  let best: { entry: KbEntry; score: number } | undefined;
  for (const entry of KNOWLEDGE_BASE) {
    const score = scoreEntry(entry, r);
    if (score !== undefined && (best === undefined || score > best.score)) best = { entry, score };
  }
  return best?.entry;
}

/**
 * The shared core behind every entry point: text (already decoded) plus optional hints from e-mail headers
 * → ParsedMessage. Decides the kind first by strong markers, then by the codes found.
 */
import type { FailedRecipient, MessageKind, ParsedMessage } from '../types';
import { assembleRecipients, codelessRecipient, dsnEvidence, MAX_EVIDENCE } from './assemble';
import { toLines } from './lines';
import {
  FAILURE_SENTENCE_WORDS,
  hasDelayMarker,
  hasFailureMarker,
  hasFinalFailureMarker,
  isComplaint,
  isStrongAutoReply,
  isWeakAutoReply,
} from './markers';
import { wrapperCluesOf, type WrapperClues } from './producer';
import { readReply } from './reply';
import { scanLines, type ReplyEvidence, type ScanResult } from './scan';
import { EvidenceRank } from './statusCode';

export interface DocumentHints {
  subject?: string;
  /** Raw header block of the report (for markers such as Auto-Submitted or report-type). */
  headerText?: string;
  /** Hosts the report passed through (Received / Message-ID), used when the body names no reporting host. */
  headerHosts?: string[];
  /** Set when the container already proved the kind (e.g. multipart/report; report-type=feedback-report). */
  knownKind?: 'complaint' | 'auto-reply';
}

const MAX_CODELESS_RECIPIENTS = 20;
/** Kind markers sit in the first part of a report; bounding the search keeps huge files cheap (the paste limit is 256 Ki). */
const MARKER_WINDOW_CHARS = 256 * 1024;

function failureKind(recipients: FailedRecipient[], scan: ScanResult, lower: string): MessageKind {
  const actions = scan.dsn.records.map((record) => record.action).filter((action) => action !== undefined);
  if (actions.includes('failed')) return 'ndr';
  if (
    recipients.some(
      (recipient) => recipient.status?.startsWith('5') || String(recipient.replyCode).startsWith('5'),
    )
  ) {
    return 'ndr';
  }
  if (actions.length > 0 && actions.every((action) => action === 'delayed')) return 'delay';
  if (scan.dsn.willRetry) return 'delay';
  return hasDelayMarker(lower) && !hasFinalFailureMarker(lower) ? 'delay' : 'ndr';
}

function looksLikeRejection(lower: string): boolean {
  return hasFailureMarker(lower) || FAILURE_SENTENCE_WORDS.some((word) => lower.includes(word));
}

/** The first sentence that says what went wrong, with its wrapped continuation. */
function failureSentence(lines: string[]): string {
  for (let index = 0; index < lines.length; index += 1) {
    const lower = lines[index].toLowerCase();
    if (!FAILURE_SENTENCE_WORDS.some((word) => lower.includes(word))) continue;
    const start = lines[index].length - lines[index].trimStart().length;
    return readReply(lines, index, { start, textStart: start, rank: EvidenceRank.ReplyOnly }, undefined)
      .diagnostic;
  }
  return '';
}

function codelessRecipients(lines: string[], scan: ScanResult, wrapper: WrapperClues): FailedRecipient[] {
  const sentence = failureSentence(lines);
  const seen = new Set<string>();
  const recipients: FailedRecipient[] = [];
  for (const { address, detail } of scan.introduced) {
    const key = address.toLowerCase();
    if (seen.has(key) || recipients.length >= MAX_CODELESS_RECIPIENTS) continue;
    seen.add(key);
    const lowerDetail = detail.toLowerCase();
    const useful = FAILURE_SENTENCE_WORDS.some((word) => lowerDetail.includes(word));
    recipients.push(codelessRecipient(address, useful ? detail : sentence, scan.reportingHost, wrapper));
  }
  if (recipients.length === 0)
    recipients.push(codelessRecipient(undefined, sentence, scan.reportingHost, wrapper));
  return recipients;
}

function message(
  kind: MessageKind,
  recipients: FailedRecipient[],
  subject: string | undefined,
): ParsedMessage {
  return subject === undefined ? { kind, recipients } : { kind, recipients, subject };
}

export function parseDocument(text: string, hints: DocumentHints = {}): ParsedMessage {
  const lower =
    `${hints.headerText ?? ''}\n${hints.subject ?? ''}\n${text.slice(0, MARKER_WINDOW_CHARS)}`.toLowerCase();
  const lines = toLines(text);
  const scan = scanLines(lines);
  const subject = hints.subject ?? scan.subject;
  if (hints.knownKind === 'complaint' || isComplaint(lower)) return message('complaint', [], subject);
  if (hints.knownKind === 'auto-reply') return message('auto-reply', [], subject);

  const wrapper = wrapperCluesOf(lower, hints.headerHosts);
  const evidence: ReplyEvidence[] = [];
  // assembleRecipients reads only the first MAX_EVIDENCE items; building more is wasted work on hostile input.
  for (const record of scan.dsn.records) {
    if (evidence.length >= MAX_EVIDENCE) break;
    const item = dsnEvidence(record);
    if (item) evidence.push(item);
  }
  evidence.push(...scan.replies.slice(0, MAX_EVIDENCE - evidence.length));
  const reportingHost = scan.dsn.reportingMta ?? scan.reportingHost;
  const recipients = assembleRecipients(evidence, reportingHost, wrapper);
  const weakEvidenceOnly = recipients.every((recipient) => recipient.status === undefined);

  if (
    recipients.length > 0 &&
    !(weakEvidenceOnly && (isStrongAutoReply(lower) || !looksLikeRejection(lower)))
  ) {
    return message(failureKind(recipients, scan, lower), recipients, subject);
  }
  if (isStrongAutoReply(lower)) return message('auto-reply', [], subject);
  if (hasFailureMarker(lower)) return message('ndr', codelessRecipients(lines, scan, wrapper), subject);
  if (isWeakAutoReply(lower)) return message('auto-reply', [], subject);
  return message('not-an-ndr', [], subject);
}

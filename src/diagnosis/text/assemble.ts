/**
 * Merges RFC 3464 records and SMTP replies found in the text into one entry per failed recipient,
 * keeping the most telling status and filling every other field from whichever source has it.
 */
import type { FailedRecipient } from '../types';
import type { DsnRecord } from './dsnFields';
import { foldWhitespace } from './lines';
import { decideProducer, type WrapperClues } from './producer';
import type { ReplyEvidence } from './scan';
import { findSenderIp } from './senderIp';
import { EvidenceRank, findReplies, isGenericStatus, statusClass } from './statusCode';
import { findAsTags, findSTags } from './tags';

const MAX_RECIPIENTS = 100;
/** No real bounce quotes more replies than this; the cap keeps merging linear on hostile input. */
export const MAX_EVIDENCE = 500;
const NOT_FAILURES = new Set(['delivered', 'relayed', 'expanded']);

interface Accumulator {
  address?: string;
  replyCode?: number;
  status?: string;
  statusRank: number;
  diagnostic: string;
  diagnosticRank: number;
  remoteHost?: string;
  senderIp?: string;
  asTags: string[];
  sTags: string[];
}

/** A DSN record as evidence: Status field, refined by a more specific code of the same class in Diagnostic-Code. */
export function dsnEvidence(record: DsnRecord): ReplyEvidence | undefined {
  if (record.action && NOT_FAILURES.has(record.action)) return undefined;
  const value = record.diagnosticCode ?? '';
  const reply = value ? findReplies(value)[0] : undefined;
  const fromDiagnostic = reply && reply.start <= 4 ? reply : undefined;
  let status = record.status;
  const diagnosticStatus = fromDiagnostic?.status;
  if (
    diagnosticStatus &&
    (!status || (statusClass(status) === statusClass(diagnosticStatus) && isGenericStatus(status)))
  ) {
    status = diagnosticStatus;
  }
  const diagnostic = fromDiagnostic
    ? foldWhitespace(
        [fromDiagnostic.replyCode, fromDiagnostic.status].filter((part) => part !== undefined).join(' ') +
          ' ' +
          value.slice(fromDiagnostic.textStart),
      )
    : foldWhitespace(value);
  if (!status && !fromDiagnostic) return undefined;
  return {
    address: record.address,
    replyCode: fromDiagnostic?.replyCode,
    status,
    rank: EvidenceRank.DsnField,
    diagnostic,
    remoteHost: record.remoteMta,
  };
}

function newAccumulator(address: string | undefined): Accumulator {
  return { address, statusRank: 0, diagnostic: '', diagnosticRank: 0, asTags: [], sTags: [] };
}

function absorb(target: Accumulator, evidence: ReplyEvidence): void {
  const { status } = evidence;
  const better =
    status !== undefined &&
    (target.status === undefined ||
      evidence.rank > target.statusRank ||
      (statusClass(target.status) === statusClass(status) &&
        isGenericStatus(target.status) &&
        !isGenericStatus(status)));
  if (better) {
    target.status = status;
    target.statusRank = Math.max(target.statusRank, evidence.rank);
    if (evidence.replyCode !== undefined) target.replyCode = evidence.replyCode;
  }
  target.replyCode ??= evidence.replyCode;
  if (evidence.diagnostic && (evidence.rank > target.diagnosticRank || !target.diagnostic)) {
    target.diagnostic = evidence.diagnostic;
    target.diagnosticRank = evidence.rank;
  }
  target.remoteHost ??= evidence.remoteHost;
  target.senderIp ??= findSenderIp(evidence.diagnostic);
  target.asTags = [...new Set([...target.asTags, ...findAsTags(evidence.diagnostic)])];
  target.sTags = [...new Set([...target.sTags, ...findSTags(evidence.diagnostic)])];
}

/** Address-less replies (pasted fragments) join an entry with the same code instead of duplicating it. */
function findHome(
  accumulators: Accumulator[],
  addressed: Accumulator[],
  evidence: ReplyEvidence,
): Accumulator | undefined {
  const sameStatus = addressed.find(
    (entry) => entry.status !== undefined && entry.status === evidence.status,
  );
  if (sameStatus) return sameStatus;
  if (addressed.length === 1 && (evidence.status === undefined || addressed[0].status === undefined))
    return addressed[0];
  const evidenceIp = findSenderIp(evidence.diagnostic);
  return accumulators.find(
    (entry) =>
      entry.address === undefined &&
      entry.status === evidence.status &&
      entry.replyCode === evidence.replyCode &&
      (entry.senderIp === undefined || evidenceIp === undefined || entry.senderIp === evidenceIp),
  );
}

function isFailureEvidence(evidence: ReplyEvidence): boolean {
  const klass = evidence.status?.charAt(0) ?? String(evidence.replyCode ?? '').charAt(0);
  return klass === '4' || klass === '5';
}

export function assembleRecipients(
  evidence: ReplyEvidence[],
  reportingHost: string | undefined,
  wrapper: WrapperClues,
): FailedRecipient[] {
  const byAddress = new Map<string, Accumulator>();
  const ordered: Accumulator[] = [];
  const addressed: Accumulator[] = [];
  for (const item of evidence.slice(0, MAX_EVIDENCE)) {
    if (!isFailureEvidence(item)) continue;
    const key = item.address?.toLowerCase();
    let target = key !== undefined ? byAddress.get(key) : findHome(ordered, addressed, item);
    if (!target) {
      if (ordered.length >= MAX_RECIPIENTS) continue;
      target = newAccumulator(item.address);
      ordered.push(target);
      if (key !== undefined) byAddress.set(key, target);
      if (key !== undefined) addressed.push(target);
    }
    absorb(target, item);
  }
  return ordered.map((entry) => toRecipient(entry, reportingHost, wrapper));
}

export function toRecipient(
  entry: Accumulator,
  reportingHost: string | undefined,
  wrapper: WrapperClues,
): FailedRecipient {
  const recipient: FailedRecipient = {
    diagnostic: entry.diagnostic,
    asTags: entry.asTags,
    sTags: entry.sTags,
    producer: decideProducer({ ...entry, reportingHost }, wrapper),
  };
  if (entry.address !== undefined) recipient.address = entry.address;
  if (entry.replyCode !== undefined) recipient.replyCode = entry.replyCode;
  if (entry.status !== undefined) recipient.status = entry.status;
  if (entry.remoteHost !== undefined) recipient.remoteHost = entry.remoteHost;
  if (reportingHost !== undefined) recipient.reportingHost = reportingHost;
  if (entry.senderIp !== undefined) recipient.senderIp = entry.senderIp;
  return recipient;
}

/** Entries for a bounce that names recipients (or only a reason) but carries no code at all. */
export function codelessRecipient(
  address: string | undefined,
  diagnostic: string,
  reportingHost: string | undefined,
  wrapper: WrapperClues,
): FailedRecipient {
  const entry = newAccumulator(address);
  absorb(entry, {
    address,
    rank: EvidenceRank.ReplyOnly,
    diagnostic: foldWhitespace(diagnostic).slice(0, 2000),
  });
  return toRecipient(entry, reportingHost, wrapper);
}

/**
 * RFC 3464 delivery-status fields, collected per recipient.
 * A new recipient block starts when Final-/Original-Recipient repeats, or when a per-recipient field repeats
 * (pasted fragments often lack the Final-Recipient line).
 */
import { findAddresses } from './addresses';
import { cleanHost } from './hosts';
import { validStatus } from './statusCode';

export interface DsnRecord {
  address?: string;
  action?: string;
  status?: string;
  remoteMta?: string;
  diagnosticCode?: string;
}

const RECIPIENT_FIELDS = new Set(['final-recipient', 'original-recipient', 'x-actual-recipient']);
const PER_RECIPIENT_FIELDS = new Set(['action', 'status', 'remote-mta', 'diagnostic-code']);
const IGNORED_FIELDS = new Set([
  'received-from-mta',
  'arrival-date',
  'last-attempt-date',
  'will-retry-until',
  'x-display-name',
  'x-postfix-queue-id',
  'x-postfix-sender',
  'original-envelope-id',
  'dsn-gateway',
  'x-supplementary-info',
]);

export function isDsnField(name: string): boolean {
  return (
    name === 'reporting-mta' ||
    RECIPIENT_FIELDS.has(name) ||
    PER_RECIPIENT_FIELDS.has(name) ||
    IGNORED_FIELDS.has(name)
  );
}

/** "rfc822; a@b" / "dns; host" / "smtp; 550 ...": the part after the type label. */
function afterTypeLabel(value: string): string {
  const match = /^[A-Za-z0-9-]{1,20}\s?;\s?/.exec(value);
  return (match ? value.slice(match[0].length) : value).trim();
}

export class DsnCollector {
  reportingMta?: string;
  readonly records: DsnRecord[] = [];
  private current?: DsnRecord;
  private currentHasFinal = false;
  private currentHasOriginal = false;
  /** True once a "Will-Retry-Until" field was seen: the report is a delay warning. */
  willRetry = false;

  /** Feeds one unfolded field; returns the recipient address when the field named one. */
  accept(name: string, rawValue: string): string | undefined {
    const value = rawValue.trim();
    if (name === 'reporting-mta') {
      this.reportingMta ??= cleanHost(afterTypeLabel(value));
      return undefined;
    }
    if (name === 'will-retry-until') this.willRetry = true;
    if (IGNORED_FIELDS.has(name)) return undefined;
    if (RECIPIENT_FIELDS.has(name)) return this.acceptRecipient(name, value);
    const record = this.recordFor(name);
    if (name === 'action') record.action = value.toLowerCase().split(/[\s;(]/)[0];
    else if (name === 'status') record.status = validStatus(value.split(/[\s(]/)[0]);
    else if (name === 'remote-mta') record.remoteMta = cleanHost(afterTypeLabel(value));
    else if (name === 'diagnostic-code') record.diagnosticCode = afterTypeLabel(value);
    return undefined;
  }

  private acceptRecipient(name: string, value: string): string | undefined {
    const address = findAddresses(value, 1)[0]?.address;
    const current = this.current;
    if (name === 'x-actual-recipient' && current) {
      current.address ??= address;
      return current.address;
    }
    const sameBlock =
      current !== undefined &&
      !this.hasPerRecipientData(current) &&
      (name === 'final-recipient'
        ? !this.currentHasFinal
        : !this.currentHasOriginal && !this.currentHasFinal);
    if (!sameBlock) this.open();
    const record = this.current as DsnRecord;
    if (name === 'final-recipient') this.currentHasFinal = true;
    else this.currentHasOriginal = true;
    // Final-Recipient is authoritative; Original-Recipient only fills a gap.
    if (address && (name === 'final-recipient' || record.address === undefined)) record.address = address;
    return record.address;
  }

  private hasPerRecipientData(record: DsnRecord | undefined): boolean {
    return (
      !!record &&
      (record.action !== undefined || record.status !== undefined || record.diagnosticCode !== undefined)
    );
  }

  private recordFor(name: string): DsnRecord {
    const fieldKey =
      name === 'remote-mta' ? 'remoteMta' : name === 'diagnostic-code' ? 'diagnosticCode' : name;
    const current = this.current;
    if (!current || (current as Record<string, unknown>)[fieldKey] !== undefined) this.open();
    return this.current as DsnRecord;
  }

  private open(): void {
    this.current = {};
    this.currentHasFinal = false;
    this.currentHasOriginal = false;
    this.records.push(this.current);
  }
}

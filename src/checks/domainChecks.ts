/**
 * DNS checks of the sender's domain: SPF, DMARC and MX. Microsoft's composite authentication rejects or
 * junks mail whose domain has no or broken SPF/DMARC (ndr-facts (d) 11), so these explain many 5.7.x NDRs.
 */
import { lookup, type LookupError } from './resolver';
import { isSpfRecord, judgeSpfRecord } from './spfRecord';
import type { CheckResult, DnsResolver } from './types';

type TxtOutcome = { ok: true; records: string[] } | { ok: false; error: LookupError };

/** TXT records as whole strings: a record split into 255-byte chunks is joined without spaces (RFC 7208 3.3). */
export async function lookupTxt(name: string, resolver: DnsResolver): Promise<TxtOutcome> {
  const result = await lookup(() => resolver.resolveTxt(name));
  return result.ok ? { ok: true, records: result.value.map((chunks) => chunks.join('')) } : result;
}

const failed = (
  base: Pick<CheckResult, 'id' | 'kind'>,
  error: LookupError,
  values: Record<string, string>,
) =>
  error.type === 'failure'
    ? ({ ...base, status: 'unknown', reason: error.reason, values } as CheckResult)
    : undefined;

export function spfCheck(domain: string, txt: TxtOutcome): CheckResult {
  const base = { id: 'spf', kind: 'spf' as const };
  const values = { domain };
  if (!txt.ok) {
    const unknown = failed(base, txt.error, values);
    if (unknown) return unknown;
    return {
      ...base,
      status: 'problem',
      reason: txt.error.type === 'nxdomain' ? 'no-domain' : 'none',
      values,
    };
  }
  const spf = txt.records.filter(isSpfRecord);
  if (spf.length === 0) return { ...base, status: 'problem', reason: 'none', values };
  // Two SPF records make every SPF check a permanent error (RFC 7208 4.5), whatever they say.
  if (spf.length > 1) {
    return {
      ...base,
      status: 'problem',
      reason: 'several',
      values: { ...values, count: String(spf.length) },
    };
  }
  const verdict = judgeSpfRecord(spf[0]);
  return {
    ...base,
    status: verdict.status,
    reason: verdict.reason,
    values: { ...values, ...verdict.values },
  };
}

const DMARC_POLICIES = new Set(['none', 'quarantine', 'reject']);

export function dmarcCheck(domain: string, txt: TxtOutcome): CheckResult {
  const base = { id: 'dmarc', kind: 'dmarc' as const };
  const values = { domain };
  if (!txt.ok) {
    // No _dmarc name at all is the usual way a missing DMARC record looks.
    return failed(base, txt.error, values) ?? { ...base, status: 'warning', reason: 'none', values };
  }
  const records = txt.records.filter((r) => /^v\s*=\s*DMARC1\s*(?:;|$)/i.test(r.trim()));
  if (records.length === 0) return { ...base, status: 'warning', reason: 'none', values };
  // Receivers ignore DMARC entirely when there is more than one record (RFC 7489 6.6.3).
  if (records.length > 1) {
    return {
      ...base,
      status: 'problem',
      reason: 'several',
      values: { ...values, count: String(records.length) },
    };
  }
  const record = records[0].trim();
  const tags = new Map(
    record
      .split(';')
      .map((tag) => tag.split('=').map((part) => part.trim()))
      .filter((kv) => kv.length === 2 && kv[0] !== '')
      .map(([k, v]) => [k.toLowerCase(), v] as const),
  );
  const policy = tags.get('p')?.toLowerCase();
  if (policy === undefined || !DMARC_POLICIES.has(policy)) {
    return { ...base, status: 'problem', reason: 'syntax', values: { ...values, record } };
  }
  // p=none only asks for reports: fine for delivery, but it protects nobody from spoofing of the domain.
  return {
    ...base,
    status: 'pass',
    reason: policy === 'none' ? 'policy-none' : undefined,
    values: { ...values, record, policy },
  };
}

export async function mxCheck(domain: string, resolver: DnsResolver): Promise<CheckResult> {
  const base = { id: 'mx', kind: 'mx' as const };
  const values = { domain };
  const result = await lookup(() => resolver.resolveMx(domain));
  if (!result.ok) {
    const unknown = failed(base, result.error, values);
    if (unknown) return unknown;
    if (result.error.type === 'nxdomain') return { ...base, status: 'problem', reason: 'no-domain', values };
    // No MX: receivers may fall back to the A record, but many filters distrust such sender domains.
    return { ...base, status: 'warning', reason: 'none', values };
  }
  const hosts = [...result.value]
    .sort((a, b) => a.priority - b.priority)
    .map((mx) => mx.exchange.replace(/\.$/, ''));
  if (hosts.length === 0) return { ...base, status: 'warning', reason: 'none', values };
  // RFC 7505 null MX ("0 ."): the domain says it receives no mail at all, so replies and bounces are lost.
  if (hosts.every((h) => h === '')) {
    return { ...base, status: 'warning', reason: 'null-mx', values };
  }
  return { ...base, status: 'pass', values: { ...values, hosts: hosts.filter(Boolean).join(', ') } };
}

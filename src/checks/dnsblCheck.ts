/**
 * One DNSBL lookup. The hard part is honesty: only a real 127.x answer is a listing, only NXDOMAIN is a
 * clean result, and everything else (timeouts, refusals, the list's own error codes, a resolver that rewrites
 * NXDOMAIN into an advertising IP) is 'unknown', so the bot never tells someone they are clean or listed
 * when it does not know.
 */
import ipaddr from 'ipaddr.js';
import type { Blocklist } from './blocklists';
import { lookup } from './resolver';
import { reversedLabels } from './reverseName';
import type { CheckResult, DnsResolver } from './types';

export function dnsblQueryName(ip: string, list: Blocklist): string {
  return `${reversedLabels(ip)}.${list.zone}`;
}

export async function dnsblCheck(ip: string, list: Blocklist, resolver: DnsResolver): Promise<CheckResult> {
  const base = { id: `dnsbl:${list.id}`, kind: 'dnsbl' as const };
  const values = { ip, list: list.name, listId: list.id, zone: list.zone };
  if (ipaddr.process(ip).kind() === 'ipv6' && !list.ipv6) {
    return { ...base, status: 'unknown', reason: 'ipv6-unsupported', values };
  }

  const answer = await lookup(() => resolver.resolve4(dnsblQueryName(ip, list)));
  if (!answer.ok) {
    // NODATA (name exists, no A record) is as good as NXDOMAIN: no listing code was returned.
    if (answer.error.type !== 'failure') return { ...base, status: 'pass', values };
    return { ...base, status: 'unknown', reason: answer.error.reason, values };
  }

  const codes = [...new Set(answer.value)].sort();
  const codeValues = { ...values, codes: codes.join(', ') };
  if (codes.some((c) => list.errorAnswers?.includes(c))) {
    return { ...base, status: 'unknown', reason: 'list-refused', values: codeValues };
  }
  const listing = codes.filter((c) => c.startsWith('127.'));
  if (listing.length === 0) {
    return { ...base, status: 'unknown', reason: 'unexpected-answer', values: codeValues };
  }
  const policyOnly = listing.every((c) => list.policyAnswers?.includes(c));
  return { ...base, status: 'problem', reason: policyOnly ? 'policy' : 'listed', values: codeValues };
}

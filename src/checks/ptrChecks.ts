/**
 * Reverse DNS checks. Microsoft may refuse mail from an IP without a valid reverse name (ndr-facts (d) 4, 10),
 * and a name that does not point back to the IP ("forward-confirmed reverse DNS") looks like a home
 * connection or a forged name to most receivers.
 */
import ipaddr from 'ipaddr.js';
import { providerForPtr } from '../ip/providers';
import { lookup, type LookupError } from './resolver';
import { reverseDnsName, sameAddress } from './reverseName';
import type { CheckResult, DnsResolver, ProviderMatch } from './types';

/** A handful of PTR names is normal; more is misconfiguration and not worth a lookup each. */
const MAX_NAMES_CHECKED = 5;

export type PtrOutcome = { ok: true; names: string[] } | { ok: false; error: LookupError };

export async function lookupPtr(ip: string, resolver: DnsResolver): Promise<PtrOutcome> {
  const result = await lookup(() =>
    resolver.resolvePtr ? resolver.resolvePtr(reverseDnsName(ip)) : resolver.reverse(ip),
  );
  if (!result.ok) return result;
  const names = [...new Set(result.value.map((n) => n.replace(/\.$/, '').toLowerCase()))].filter(Boolean);
  return names.length > 0
    ? { ok: true, names }
    : { ok: false, error: { type: 'nodata' } satisfies LookupError };
}

export function ptrCheck(ip: string, outcome: PtrOutcome): CheckResult {
  const base = { id: 'ptr', kind: 'ptr' as const };
  if (outcome.ok) return { ...base, status: 'pass', values: { ip, names: outcome.names.join(', ') } };
  if (outcome.error.type === 'failure') {
    return { ...base, status: 'unknown', reason: outcome.error.reason, values: { ip } };
  }
  return { ...base, status: 'problem', reason: 'none', values: { ip } };
}

export interface FcrdnsOutcome {
  result: CheckResult;
  /** PTR names that resolve back to the IP. */
  confirmed: string[];
}

export async function fcrdnsCheck(
  ip: string,
  outcome: PtrOutcome,
  resolver: DnsResolver,
): Promise<FcrdnsOutcome> {
  const base = { id: 'fcrdns', kind: 'fcrdns' as const };
  if (!outcome.ok) {
    const result: CheckResult =
      outcome.error.type === 'failure'
        ? { ...base, status: 'unknown', reason: outcome.error.reason, values: { ip } }
        : { ...base, status: 'problem', reason: 'no-ptr', values: { ip } };
    return { result, confirmed: [] };
  }

  const v6 = ipaddr.process(ip).kind() === 'ipv6';
  const names = outcome.names.slice(0, MAX_NAMES_CHECKED);
  const answers = await Promise.all(
    names.map((name) => lookup(() => (v6 ? resolver.resolve6(name) : resolver.resolve4(name)))),
  );
  const confirmed = names.filter((_, i) => {
    const answer = answers[i];
    return answer.ok && answer.value.some((a) => sameAddress(a, ip));
  });
  if (confirmed.length > 0) {
    return { result: { ...base, status: 'pass', values: { ip, name: confirmed[0] } }, confirmed };
  }
  // A name we could not resolve might still have matched: only a complete set of answers proves a mismatch.
  const failure = answers.find((a) => !a.ok && a.error.type === 'failure');
  if (failure && !failure.ok && failure.error.type === 'failure') {
    return {
      result: { ...base, status: 'unknown', reason: failure.error.reason, values: { ip } },
      confirmed,
    };
  }
  const resolvedTo = [...new Set(answers.flatMap((a) => (a.ok ? a.value : [])))];
  return {
    result: {
      ...base,
      status: 'warning',
      reason: 'mismatch',
      values: { ip, names: names.join(', '), addresses: resolvedTo.join(', ') || '-' },
    },
    confirmed,
  };
}

/** The first provider among the PTR names, preferring a forward-confirmed one. */
export function providerMatch(names: string[], confirmed: string[]): ProviderMatch | undefined {
  const candidates = names
    .map((ptr) => ({ ptr, provider: providerForPtr(ptr) }))
    .filter((c) => c.provider !== undefined);
  const best = candidates.find((c) => confirmed.includes(c.ptr)) ?? candidates[0];
  if (!best?.provider) return undefined;
  return { ...best.provider, ptr: best.ptr, confirmed: confirmed.includes(best.ptr) };
}

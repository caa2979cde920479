/**
 * Judges one SPF record (RFC 7208) the way a deliverability helpdesk would: is it readable, and does it end
 * with a clear verdict for everyone else? Includes are not followed (no 10-lookup count): that needs many
 * more lookups than a chat answer can wait for.
 */
import ipaddr from 'ipaddr.js';
import type { CheckStatus } from './types';

export interface SpfVerdict {
  status: CheckStatus;
  /** 'syntax' | 'plus-all' | 'neutral-all' | 'no-all' | 'all-not-last' | 'redirect' | undefined (plain pass) */
  reason?: string;
  values: Record<string, string>;
}

const QUALIFIER = '[+\\-~?]?';
const SIMPLE_MECHANISMS = [
  new RegExp(`^${QUALIFIER}all$`, 'i'),
  new RegExp(`^${QUALIFIER}(?:include|exists):[^\\s:]\\S{0,252}$`, 'i'),
  new RegExp(`^${QUALIFIER}(?:a|mx)(?::[^/\\s]{1,253})?(?:/\\d{1,2})?(?://\\d{1,3})?$`, 'i'),
  new RegExp(`^${QUALIFIER}ptr(?::\\S{1,253})?$`, 'i'),
];
const IP_MECHANISM = new RegExp(`^${QUALIFIER}(ip4|ip6):([^/\\s]{1,45})(?:/(\\d{1,3}))?$`, 'i');
const MECHANISM_NAMES = new Set(['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists']);
const MODIFIER = /^([a-z][a-z0-9_.-]{0,30})=(\S*)$/i;

function validIpMechanism(term: string): boolean {
  const match = IP_MECHANISM.exec(term);
  if (!match) return false;
  const [, kind, address, bits] = match;
  const v4 = kind.toLowerCase() === 'ip4';
  const validAddress = v4 ? ipaddr.IPv4.isValidFourPartDecimal(address) : ipaddr.IPv6.isValid(address);
  const max = v4 ? 32 : 128;
  return validAddress && (bits === undefined || Number(bits) <= max);
}

/** The first term that is not a known mechanism or a well-formed modifier, if any. */
function firstBadTerm(terms: string[]): string | undefined {
  const seen = new Set<string>();
  for (const term of terms) {
    if (SIMPLE_MECHANISMS.some((re) => re.test(term)) || validIpMechanism(term)) continue;
    const modifier = MODIFIER.exec(term);
    if (!modifier) return term;
    const name = modifier[1].toLowerCase();
    // "include=x" parses as an unknown modifier and is silently ignored by receivers: a classic typo.
    if (MECHANISM_NAMES.has(name)) return term;
    // redirect and exp may appear once and need a value (RFC 7208 6); unknown modifiers are allowed.
    if ((name === 'redirect' || name === 'exp') && (modifier[2] === '' || seen.has(name))) return term;
    seen.add(name);
  }
  return undefined;
}

export function isSpfRecord(text: string): boolean {
  return /^v=spf1(?: |$)/i.test(text.trim());
}

export function judgeSpfRecord(record: string): SpfVerdict {
  const text = record.trim().replace(/\s+/g, ' ');
  const values = { record: text };
  const terms = text.split(' ').slice(1);
  const bad = firstBadTerm(terms);
  if (bad !== undefined) return { status: 'problem', reason: 'syntax', values: { ...values, term: bad } };

  const allIndex = terms.findIndex((t) => /^[+\-~?]?all$/i.test(t));
  if (allIndex >= 0) {
    const all = terms[allIndex].toLowerCase();
    const shown = { ...values, all };
    if (all === 'all' || all === '+all') return { status: 'problem', reason: 'plus-all', values: shown };
    if (all === '?all') return { status: 'warning', reason: 'neutral-all', values: shown };
    // Mechanisms after "all" are never evaluated (RFC 7208 5.1): usually a sign of a botched edit.
    const isMechanism = (t: string): boolean => !MODIFIER.test(t);
    if (terms.slice(allIndex + 1).some(isMechanism)) {
      return { status: 'warning', reason: 'all-not-last', values: shown };
    }
    return { status: 'pass', values: shown };
  }

  const redirect = terms.find((t) => /^redirect=/i.test(t));
  if (redirect) return { status: 'pass', reason: 'redirect', values: { ...values, all: redirect } };
  // Without "all" or redirect the default result is neutral: the record vouches for nobody else.
  return { status: 'warning', reason: 'no-all', values };
}

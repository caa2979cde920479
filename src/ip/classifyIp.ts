/**
 * Says whether an address can be the public IP a sender's mail server connects from, and if not, why.
 * The dialog uses the kind as a locale key (`checks:ip.<kind>.*`) to explain it to the user.
 */
import ipaddr from 'ipaddr.js';
import { MICROSOFT_CURRENT_RANGES, MICROSOFT_RETIRED_RANGES, type MicrosoftRange } from './microsoftRanges';
import {
  IPV4_SPECIAL_RANGES,
  IPV6_SPECIAL_RANGES,
  type SpecialKind,
  type SpecialRange,
} from './specialRanges';

export type { SpecialKind } from './specialRanges';

export type IpClass =
  | { kind: 'public' }
  | { kind: SpecialKind; range: string }
  | { kind: 'microsoft'; range: string; retired: boolean };

export type IpKind = IpClass['kind'];

/** Every kind classifyIp can return, for tests and for checking that each has its texts. */
export const IP_KINDS: readonly IpKind[] = [
  'public',
  'microsoft',
  ...new Set([...IPV4_SPECIAL_RANGES, ...IPV6_SPECIAL_RANGES].map((r) => r.kind)),
];

type Address = ipaddr.IPv4 | ipaddr.IPv6;

interface Compiled<T> {
  entry: T;
  v4?: [ipaddr.IPv4, number];
  v6?: [ipaddr.IPv6, number];
}

/** Parsed once at load: a typo in a data table fails at start-up, not in the middle of a conversation. */
function compile<T extends { cidr: string }>(entries: readonly T[]): Compiled<T>[] {
  return entries.map((entry) => {
    const [net, bits] = ipaddr.parseCIDR(entry.cidr);
    return net.kind() === 'ipv4'
      ? { entry, v4: [net as ipaddr.IPv4, bits] }
      : { entry, v6: [net as ipaddr.IPv6, bits] };
  });
}

function firstMatch<T>(table: Compiled<T>[], address: Address): T | undefined {
  if (address.kind() === 'ipv4') {
    const v4 = address as ipaddr.IPv4;
    return table.find((c) => c.v4 !== undefined && v4.match(c.v4))?.entry;
  }
  const v6 = address as ipaddr.IPv6;
  return table.find((c) => c.v6 !== undefined && v6.match(c.v6))?.entry;
}

const SPECIAL = compile<SpecialRange>([...IPV4_SPECIAL_RANGES, ...IPV6_SPECIAL_RANGES]);
const MS_CURRENT = compile<MicrosoftRange>(MICROSOFT_CURRENT_RANGES);
const MS_RETIRED = compile<MicrosoftRange>(MICROSOFT_RETIRED_RANGES);

/**
 * @param ip an address as parseIpInput returns it; IPv4-mapped IPv6 and IPv6 zone ids are accepted too.
 * @throws TypeError when `ip` is not an IP address at all (a programming error: parse the input first).
 */
export function classifyIp(ip: string): IpClass {
  const text = ip.trim().replace(/%[^%]*$/, '');
  // Same strictness as parseIpInput: "010.1.1.1" or "1.2.3" would silently become another address.
  const valid = text.includes(':') ? ipaddr.IPv6.isValid(text) : ipaddr.IPv4.isValidFourPartDecimal(text);
  if (!valid) throw new TypeError(`classifyIp: not an IP address: ${JSON.stringify(ip)}`);
  const address = ipaddr.process(text);

  const special = firstMatch(SPECIAL, address);
  if (special) return { kind: special.kind, range: special.cidr };
  const current = firstMatch(MS_CURRENT, address);
  if (current) return { kind: 'microsoft', range: current.cidr, retired: false };
  const retired = firstMatch(MS_RETIRED, address);
  if (retired) return { kind: 'microsoft', range: retired.cidr, retired: true };
  return { kind: 'public' };
}

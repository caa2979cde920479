/**
 * The reversed form of an address used by both reverse DNS (in-addr.arpa / ip6.arpa) and DNSBL queries:
 * 203.0.113.7 → "7.113.0.203"; 2001:db8::1 → "1.0.0.0. ... .8.b.d.0.1.0.0.2" (32 nibbles).
 */
import ipaddr from 'ipaddr.js';

/** @throws TypeError when `ip` is not an address. */
export function reversedLabels(ip: string): string {
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return [...(address as ipaddr.IPv4).octets].reverse().join('.');
  const hex = (address as ipaddr.IPv6).parts.map((p) => p.toString(16).padStart(4, '0')).join('');
  return [...hex].reverse().join('.');
}

/** The PTR query name, e.g. "7.113.0.203.in-addr.arpa". */
export function reverseDnsName(ip: string): string {
  const suffix = ipaddr.process(ip).kind() === 'ipv4' ? 'in-addr.arpa' : 'ip6.arpa';
  return `${reversedLabels(ip)}.${suffix}`;
}

/** Addresses compared by value: "2001:DB8::1" equals "2001:db8:0::1", and a mapped IPv4 equals the plain one. */
export function sameAddress(a: string, b: string): boolean {
  try {
    const x = ipaddr.process(a);
    const y = ipaddr.process(b);
    return x.kind() === y.kind() && x.toNormalizedString() === y.toNormalizedString();
  } catch {
    return false;
  }
}

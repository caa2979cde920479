/**
 * Address blocks that can never be the public IP a mail server connects from, with the reason.
 * Written out rather than taken from ipaddr.js's range() so the exact blocks (and their order) are reviewable
 * here and cannot shift with a library update: 172.16.0.0/12 in particular, not the /11 of Microsoft's page.
 *
 * First match wins, so narrower or more telling blocks come before the catch-all reserved ones.
 */

export type SpecialKind =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'documentation'
  | 'benchmarking'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'unique-local';

export interface SpecialRange {
  cidr: string;
  kind: SpecialKind;
}

export const IPV4_SPECIAL_RANGES: readonly SpecialRange[] = [
  { cidr: '0.0.0.0/8', kind: 'unspecified' }, // RFC 1122 "this network"; 0.0.0.0 itself is the classic one
  { cidr: '255.255.255.255/32', kind: 'broadcast' }, // RFC 919, before 240/4 swallows it
  { cidr: '10.0.0.0/8', kind: 'private' }, // RFC 1918
  { cidr: '172.16.0.0/12', kind: 'private' }, // RFC 1918: 172.16.0.0-172.31.255.255
  { cidr: '192.168.0.0/16', kind: 'private' }, // RFC 1918
  { cidr: '127.0.0.0/8', kind: 'loopback' }, // RFC 1122
  { cidr: '169.254.0.0/16', kind: 'link-local' }, // RFC 3927
  { cidr: '100.64.0.0/10', kind: 'cgnat' }, // RFC 6598 shared address space
  { cidr: '192.0.2.0/24', kind: 'documentation' }, // RFC 5737 TEST-NET-1
  { cidr: '198.51.100.0/24', kind: 'documentation' }, // RFC 5737 TEST-NET-2
  { cidr: '203.0.113.0/24', kind: 'documentation' }, // RFC 5737 TEST-NET-3
  { cidr: '198.18.0.0/15', kind: 'benchmarking' }, // RFC 2544
  { cidr: '224.0.0.0/4', kind: 'multicast' }, // RFC 5771
  { cidr: '240.0.0.0/4', kind: 'reserved' }, // RFC 1112 "future use"
  { cidr: '192.0.0.0/24', kind: 'reserved' }, // RFC 6890 IETF protocol assignments
];

export const IPV6_SPECIAL_RANGES: readonly SpecialRange[] = [
  { cidr: '::/128', kind: 'unspecified' }, // RFC 4291
  { cidr: '::1/128', kind: 'loopback' }, // RFC 4291
  { cidr: '2001:db8::/32', kind: 'documentation' }, // RFC 3849
  { cidr: '3fff::/20', kind: 'documentation' }, // RFC 9637 (2024)
  { cidr: '2001:2::/48', kind: 'benchmarking' }, // RFC 5180
  { cidr: 'fc00::/7', kind: 'unique-local' }, // RFC 4193
  { cidr: 'fe80::/10', kind: 'link-local' }, // RFC 4291
  { cidr: 'ff00::/8', kind: 'multicast' }, // RFC 4291
  { cidr: '100::/64', kind: 'reserved' }, // RFC 6666 discard-only
  // Everything outside 2000::/3 (global unicast) is unassigned or special: the three blocks below cover it.
  { cidr: '::/3', kind: 'reserved' },
  { cidr: '4000::/2', kind: 'reserved' },
  { cidr: '8000::/1', kind: 'reserved' },
];

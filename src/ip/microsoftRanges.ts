/**
 * Address ranges that belong to Microsoft's mail service (Exchange Online Protection / Outlook.com).
 *
 * An IP in here is Microsoft's server (the recipient's side, or Microsoft's own outbound pool), never the
 * user's own sending IP, so there is nothing for the user to delist.
 *
 * Sources (stored copies, see shared/reference/ndr-facts.md section (e)):
 * - CURRENT: "Microsoft 365 URLs and IP address ranges", endpoint ID 10 (*.mail.protection.outlook.com, TCP 25),
 *   version 2023073100 (generated 2023-07-31); ID 9 adds 52.238.78.88/32. Plus the narrower blocks of the
 *   spf.protection.outlook.com TXT record as quoted by third-party repositories in 2024-2026 (UNVERIFIED against
 *   live DNS; they all sit inside the ID 10 ranges, kept so a match reports the most specific published block).
 *   Live data: endpoints.office.com (updated monthly), so this list can go stale; re-check it yearly.
 * - RETIRED: "Exchange Online Protection IP addresses", ms.date 2018-12-12 (S16). Still useful: old headers and
 *   quoted bounces name hosts such as 213.199.154.202 and 207.46.163.74 from these blocks.
 *
 * Order matters within each list: more specific blocks first, so the reported range is the narrowest one.
 */

export interface MicrosoftRange {
  cidr: string;
  note: string;
}

export const MICROSOFT_CURRENT_RANGES: readonly MicrosoftRange[] = [
  { cidr: '52.100.0.0/15', note: 'spf.protection.outlook.com' },
  { cidr: '52.102.0.0/16', note: 'spf.protection.outlook.com' },
  { cidr: '52.103.0.0/17', note: 'spf.protection.outlook.com' },
  { cidr: '2a01:111:f403::/49', note: 'spf.protection.outlook.com' },
  { cidr: '2a01:111:f403:8000::/51', note: 'spf.protection.outlook.com' },
  { cidr: '2a01:111:f403:c000::/51', note: 'spf.protection.outlook.com' },
  { cidr: '2a01:111:f403:f000::/52', note: 'spf.protection.outlook.com' },
  { cidr: '52.238.78.88/32', note: 'Microsoft 365 endpoints ID 9, *.protection.outlook.com' },
  { cidr: '40.92.0.0/15', note: 'Microsoft 365 endpoints ID 10, 2023-07-31' },
  { cidr: '40.107.0.0/16', note: 'Microsoft 365 endpoints ID 10, 2023-07-31' },
  { cidr: '52.100.0.0/14', note: 'Microsoft 365 endpoints ID 10, 2023-07-31' },
  { cidr: '104.47.0.0/17', note: 'Microsoft 365 endpoints ID 10, 2023-07-31' },
  { cidr: '2a01:111:f400::/48', note: 'Microsoft 365 endpoints ID 10, 2023-07-31' },
  { cidr: '2a01:111:f403::/48', note: 'Microsoft 365 endpoints ID 10, 2023-07-31' },
];

const RETIRED_2018 = 'EOP IP addresses, retired list, 2018-12-12';

/** Blocks also present in the current list (52.100.0.0/14, 104.47.0.0/17, ...) are matched as current first. */
export const MICROSOFT_RETIRED_RANGES: readonly MicrosoftRange[] = [
  '23.103.132.0/22',
  '23.103.136.0/21',
  '23.103.144.0/20',
  '23.103.198.0/23',
  '23.103.200.0/22',
  '40.92.0.0/14',
  '40.107.0.0/17',
  '52.100.0.0/14',
  '52.238.78.88/32',
  '65.55.88.0/24',
  '65.55.169.0/24',
  '94.245.120.64/26',
  '104.47.0.0/17',
  '157.55.234.0/24',
  '157.56.110.0/23',
  '157.56.112.0/24',
  '207.46.100.0/24',
  '207.46.163.0/24',
  '213.199.154.0/24',
  '213.199.180.128/26',
  '216.32.180.0/23',
  '2a01:111:f400:7c00::/54',
  '2a01:111:f400:fc00::/54',
  '2a01:111:f403::/48',
].map((cidr) => ({ cidr, note: RETIRED_2018 }));

import type { KbEntry } from './entryTypes';

type Shape = Pick<KbEntry, 'category' | 'direction' | 'actor' | 'route' | 'temporary' | 'references'>;

/** The address you wrote does not exist (or no longer does): check it before anything else. */
const CHECK_ADDRESS: Shape = {
  category: 'userunknown',
  direction: 'inbound',
  actor: 'you',
  route: 'check-address',
  temporary: false,
  references: [],
};

export const ADDRESSING_ENTRIES: readonly KbEntry[] = [
  { id: '5-1-1', match: { codes: ['5.1.1'] }, ...CHECK_ADDRESS },
  { id: '5-1-10', match: { codes: ['5.1.10'], statuslessText: ['recipientnotfound'] }, ...CHECK_ADDRESS },
  {
    // Exchange Online relaying the remote server's "unknown user" (hybrid / outbound).
    id: '5-1-351',
    match: { codes: ['5.1.351'] },
    ...CHECK_ADDRESS,
    direction: 'outbound',
  },
  {
    // Directory-Based Edge Blocking: the domain is on Microsoft 365 but the mailbox is not. Not a block list.
    id: '5-4-1-recipient-rejected',
    match: {
      codes: ['5.4.1'],
      when: [{ text: ['recipient address rejected'] }],
      statuslessText: ['recipient address rejected: access denied'],
    },
    ...CHECK_ADDRESS,
  },
  { id: '5-7-504', match: { codes: ['5.7.504'] }, ...CHECK_ADDRESS },
  { id: '5-7-505', match: { codes: ['5.7.505'] }, ...CHECK_ADDRESS, category: 'suspend' },
  { id: '5-5-0', match: { codes: ['5.5.0'] }, ...CHECK_ADDRESS },
  {
    // Hotmail's wording for a recipient domain it cannot reach (sisimai: hostunknown).
    id: '5-5-0-domain-unreachable',
    match: { codes: ['5.5.0'], when: [{ text: ['domain is not reachable'] }] },
    ...CHECK_ADDRESS,
    category: 'hostunknown',
  },
  {
    // Sender-side: Hotmail found your domain's claims and your connecting IP inconsistent (sisimai: requireptr).
    id: '5-5-0-ip-mismatch',
    match: { codes: ['5.5.0'], when: [{ text: ['mismatches client ip'] }] },
    ...CHECK_ADDRESS,
    category: 'requireptr',
    actor: 'your-admin',
    route: 'fix-sending-setup',
  },
  {
    id: '5-1-0',
    match: { codes: ['5.1.0'] },
    ...CHECK_ADDRESS,
    category: 'rejected',
    direction: 'outbound',
  },
  {
    // "DNS query failed": the recipient domain has no usable MX/A record, most often a typo in the domain.
    id: '5-4-312',
    match: { codes: ['5.4.312', '4.4.312'] },
    ...CHECK_ADDRESS,
    category: 'networkerror',
    direction: 'outbound',
    temporary: 'by-class',
  },
];

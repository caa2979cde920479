import type { KbEntry } from './entryTypes';
import {
  DELIST_MAILBOX,
  DELIST_PORTAL,
  EXTERNAL_SENDER_GUIDE,
  NDR_REFERENCE,
  SPAMHAUS_CHECK,
} from './references';

/** Your sending IP (or domain) is on a block list: Microsoft's own, the recipient's, or a third party's. */
export const DELISTING_ENTRIES: readonly KbEntry[] = [
  {
    id: '5-7-606-649',
    match: { ranges: ['5.7.606-649'], statuslessText: ['banned sending ip'] },
    category: 'blocked',
    direction: 'inbound',
    actor: 'your-admin',
    route: 'delist-portal',
    temporary: false,
    references: [DELIST_PORTAL, EXTERNAL_SENDER_GUIDE],
  },
  {
    // The portal explicitly does not handle 5.7.511 (ndr-facts (b) 8): only the delist mailbox.
    id: '5-7-511',
    match: { codes: ['5.7.511'] },
    category: 'blocked',
    direction: 'inbound',
    actor: 'your-admin',
    route: 'delist-mailbox',
    temporary: false,
    references: [DELIST_MAILBOX],
    extraPlaceholders: ['delistAddress'],
  },
  {
    id: '5-7-1-blocklist1',
    match: {
      codes: ['5.7.1'],
      when: [{ text: ['blocked using blocklist 1'] }],
      statuslessText: ['blocked using blocklist 1'],
    },
    category: 'blocked',
    direction: 'inbound',
    actor: 'your-admin',
    route: 'delist-mailbox',
    temporary: false,
    references: [DELIST_MAILBOX, DELIST_PORTAL],
    extraPlaceholders: ['delistAddress'],
  },
  {
    id: '5-7-1-spamhaus',
    match: {
      codes: ['5.7.1'],
      when: [{ text: ['blocked using spamhaus', 'spamhaus'] }],
      statuslessText: ['blocked using spamhaus'],
    },
    category: 'blocked',
    direction: 'inbound',
    actor: 'your-admin',
    route: 'third-party-blocklist',
    temporary: false,
    references: [SPAMHAUS_CHECK],
    extraPlaceholders: ['listName'],
  },
  {
    // Any other list Microsoft names ("blocked using <list>"); the list's own page comes from the NDR.
    id: '5-7-1-third-party-list',
    match: { codes: ['5.7.1'], when: [{ text: ['blocked using', 'dnsbl'] }] },
    category: 'blocked',
    direction: 'inbound',
    actor: 'your-admin',
    route: 'third-party-blocklist',
    temporary: false,
    references: [],
    extraPlaceholders: ['listName'],
  },
  {
    // The recipient's own Customer Block List: Microsoft's portal cannot remove it.
    id: '5-7-513',
    match: { codes: ['5.7.513'], statuslessText: ['using customer block list'] },
    category: 'blocked',
    direction: 'inbound',
    actor: 'recipient-admin',
    route: 'contact-recipient',
    temporary: false,
    references: [],
  },
  {
    id: '5-7-507',
    match: { codes: ['5.7.507'] },
    category: 'blocked',
    direction: 'inbound',
    actor: 'recipient-admin',
    route: 'contact-recipient',
    temporary: false,
    references: [],
  },
  {
    // Domain-level ban; the only documented way out is Microsoft support, which needs a customer.
    id: '5-7-800',
    match: { codes: ['5.7.800'] },
    category: 'blocked',
    direction: 'inbound',
    actor: 'your-admin',
    route: 'escalate',
    temporary: false,
    references: [EXTERNAL_SENDER_GUIDE],
  },
  {
    // Not publicly documented beyond "5.7.0-5.7.999" (ndr-facts S3); sisimai files it as policyviolation.
    id: '5-7-900-999',
    match: { ranges: ['5.7.900-999'] },
    category: 'policyviolation',
    direction: 'inbound',
    actor: 'recipient-admin',
    route: 'escalate',
    temporary: false,
    references: [NDR_REFERENCE],
  },
];

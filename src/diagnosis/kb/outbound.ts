import type { KbEntry } from './entryTypes';
import { NDR_REFERENCE } from './references';

type Shape = Pick<KbEntry, 'category' | 'direction' | 'actor' | 'route' | 'temporary' | 'references'>;

/** A Microsoft 365 organisation's own sending problem: only its admin can act. */
const SENDER_ORG: Shape = {
  category: 'rejected',
  direction: 'outbound',
  actor: 'sending-org',
  route: 'sender-org-admin',
  temporary: false,
  references: [NDR_REFERENCE],
};

/** Microsoft 365 sent out and the destination server (the recipient's side) failed. */
const DESTINATION: Shape = {
  category: 'failedstarttls',
  direction: 'outbound',
  actor: 'recipient-admin',
  route: 'contact-recipient',
  temporary: 'by-class',
  references: [NDR_REFERENCE],
};

export const OUTBOUND_ENTRIES: readonly KbEntry[] = [
  { id: '5-1-8', match: { codes: ['5.1.8'] }, ...SENDER_ORG },
  { id: '5-1-90', match: { codes: ['5.1.90'] }, ...SENDER_ORG, category: 'speeding' },
  {
    id: '5-2-2-submission-quota',
    match: { codes: ['5.2.2'], when: [{ text: ['submission quota'] }] },
    ...SENDER_ORG,
    category: 'speeding',
  },
  {
    // Same condition without any status code in the text (ndr-facts (a), last row).
    id: 'submission-quota-exceeded',
    match: { when: [{ text: ["sender's submission quota was exceeded"] }] },
    ...SENDER_ORG,
    category: 'speeding',
  },
  { id: '5-3-190', match: { codes: ['5.3.190'] }, ...SENDER_ORG, category: 'systemerror' },
  { id: '5-7-57', match: { codes: ['5.7.57'] }, ...SENDER_ORG, category: 'securityerror' },
  { id: '5-7-64', match: { codes: ['5.7.64'] }, ...SENDER_ORG, category: 'norelaying' },
  {
    id: '5-7-501-503',
    match: { codes: ['5.7.501', '5.7.502', '5.7.503'] },
    ...SENDER_ORG,
    category: 'spamdetected',
  },
  { id: '5-7-514', match: { codes: ['5.7.514'] }, ...SENDER_ORG, category: 'blocked' },
  { id: '5-7-703', match: { codes: ['5.7.703'] }, ...SENDER_ORG },
  { id: '5-7-705', match: { codes: ['5.7.705'] }, ...SENDER_ORG, category: 'speeding' },
  { id: '5-7-708', match: { codes: ['5.7.708'] }, ...SENDER_ORG, category: 'badreputation' },
  { id: '5-7-700-749', match: { ranges: ['5.7.700-749'] }, ...SENDER_ORG, category: 'speeding' },
  { id: '5-7-750', match: { codes: ['5.7.750'] }, ...SENDER_ORG },
  { id: '4-4-8-mta-sts', match: { codes: ['4.4.8', '5.4.8'] }, ...DESTINATION },
  { id: '4-7-5-mta-sts', match: { codes: ['4.7.5', '5.7.5'] }, ...DESTINATION },
  { id: '4-7-321-325', match: { ranges: ['4.7.321-325', '5.7.321-325'] }, ...DESTINATION },
  {
    // sisimai files "connection refused" under expired for Office 365 (lhost-office365-08).
    id: '4-4-316',
    match: { codes: ['4.4.316', '5.4.316'] },
    ...DESTINATION,
    category: 'expired',
  },
  {
    // A final NDR even though the code is 4.x: the message is gone, so not temporary.
    id: '4-4-7',
    match: { codes: ['4.4.7', '5.4.300'] },
    ...DESTINATION,
    category: 'expired',
    temporary: false,
  },
];

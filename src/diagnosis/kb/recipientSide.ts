import type { KbEntry } from './entryTypes';

type Shape = Pick<KbEntry, 'category' | 'direction' | 'actor' | 'route' | 'temporary' | 'references'>;

/** The recipient's organisation refuses mail from outside: only its admin (or group owner) can change that. */
const ASK_RECIPIENT: Shape = {
  category: 'rejected',
  direction: 'inbound',
  actor: 'recipient-admin',
  route: 'contact-recipient',
  temporary: false,
  references: [],
};

/** Problems on the recipient's side: their settings, their mailbox, their DNS. */
export const RECIPIENT_SIDE_ENTRIES: readonly KbEntry[] = [
  {
    id: '5-7-1-delivery-not-authorized',
    match: { codes: ['5.7.1'], when: [{ text: ['delivery not authorized'] }] },
    ...ASK_RECIPIENT,
  },
  {
    // Usually the recipient domain's MX does not point at the server that answered.
    id: '5-7-1-unable-to-relay',
    match: { codes: ['5.7.1'], when: [{ text: ['unable to relay'] }] },
    ...ASK_RECIPIENT,
    category: 'norelaying',
  },
  {
    // A mail-enabled public folder that only takes authenticated (internal) senders.
    id: '5-7-1-auth-required',
    match: { codes: ['5.7.1'], when: [{ text: ['resolver.rst.authrequired'] }] },
    ...ASK_RECIPIENT,
    category: 'securityerror',
  },
  {
    // Any other 5.7.1 wording: a policy refusal whose owner the text does not name.
    id: '5-7-1',
    match: { codes: ['5.7.1'] },
    ...ASK_RECIPIENT,
    category: 'securityerror',
  },
  { id: '5-7-12', match: { codes: ['5.7.12'] }, ...ASK_RECIPIENT },
  { id: '5-7-13-135', match: { codes: ['5.7.13', '5.7.135'] }, ...ASK_RECIPIENT },
  { id: '5-7-124', match: { codes: ['5.7.124'] }, ...ASK_RECIPIENT },
  { id: '5-7-133', match: { codes: ['5.7.133'] }, ...ASK_RECIPIENT },
  { id: '5-7-134', match: { codes: ['5.7.134'] }, ...ASK_RECIPIENT },
  { id: '5-7-136', match: { codes: ['5.7.136'] }, ...ASK_RECIPIENT },
  { id: '5-7-193', match: { codes: ['5.7.193'] }, ...ASK_RECIPIENT },
  {
    // The NDR goes to the recipient, not to an outside sender (ndr-facts: PR #3317): not your problem.
    id: '5-7-520',
    match: { codes: ['5.7.520'], statuslessText: ['does not allow external forwarding'] },
    ...ASK_RECIPIENT,
    category: 'policyviolation',
    direction: 'outbound',
  },
  { id: '5-0-350', match: { codes: ['5.0.350'] }, ...ASK_RECIPIENT, category: 'contenterror' },
  {
    id: '5-4-1-relay-access-denied',
    match: { codes: ['5.4.1'], when: [{ text: ['relay access denied'] }] },
    ...ASK_RECIPIENT,
    category: 'norelaying',
  },
  { id: '5-4-6-14', match: { codes: ['5.4.6', '5.4.14'] }, ...ASK_RECIPIENT, category: 'networkerror' },
  {
    // Mailbox full is the recipient's to clear; the 5.2.2 "Submission quota" variant is a separate entry.
    id: '5-2-2',
    match: { codes: ['5.2.2', '4.2.2'] },
    ...ASK_RECIPIENT,
    category: 'mailboxfull',
    temporary: 'by-class',
  },
  {
    id: '5-2-3',
    match: { codes: ['5.2.3'] },
    ...ASK_RECIPIENT,
    category: 'exceedlimit',
    actor: 'you',
    route: 'fix-sending-setup',
  },
];

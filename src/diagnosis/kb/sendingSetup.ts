import type { KbEntry } from './entryTypes';
import { CONSUMER_515, DMARC_GUIDE, EXTERNAL_SENDER_GUIDE } from './references';

type Shape = Pick<KbEntry, 'category' | 'direction' | 'actor' | 'route' | 'temporary' | 'references'>;

const FIX_AUTH: Shape = {
  category: 'authfailure',
  direction: 'inbound',
  actor: 'your-admin',
  route: 'fix-authentication',
  temporary: false,
  references: [DMARC_GUIDE],
};

const FIX_SETUP: Shape = {
  category: 'contenterror',
  direction: 'inbound',
  actor: 'your-admin',
  route: 'fix-sending-setup',
  temporary: false,
  references: [EXTERNAL_SENDER_GUIDE],
};

/** Your own server or domain setup: SPF/DKIM/DMARC, reverse DNS, HELO, message format. */
export const SENDING_SETUP_ENTRIES: readonly KbEntry[] = [
  { id: '4-7-26', match: { codes: ['4.7.26'] }, ...FIX_AUTH, temporary: true },
  { id: '5-7-23', match: { codes: ['5.7.23'] }, ...FIX_AUTH },
  {
    id: '5-7-509',
    match: { codes: ['5.7.509'], statuslessText: ['does not pass dmarc verification'] },
    ...FIX_AUTH,
  },
  {
    // Outlook.com consumer rule for high-volume senders (S19); not Microsoft 365 tenants.
    id: '5-7-515',
    match: { codes: ['5.7.515'], statuslessText: ['does not meet the required authentication level'] },
    ...FIX_AUTH,
    references: [CONSUMER_515, DMARC_GUIDE],
  },
  {
    // Another provider refused a Microsoft 365 sender over SPF (sisimai lhost-office365-03, "IB508").
    id: '5-1-0-spf',
    match: { codes: ['5.1.0'], when: [{ text: ['spf'] }] },
    ...FIX_AUTH,
    direction: 'outbound',
  },
  {
    // Forwarded mail that failed SPF/DKIM on entry leaves through the unpublished relay pool (S5, S18).
    id: '5-7-367',
    match: { codes: ['5.7.367'] },
    ...FIX_AUTH,
    category: 'norelaying',
    direction: 'outbound',
  },
  {
    id: '5-7-1-not-authenticated',
    match: { codes: ['5.7.1'], when: [{ text: ['client was not authenticated'] }] },
    ...FIX_AUTH,
    category: 'securityerror',
  },
  { id: '5-7-25', match: { codes: ['5.7.25'] }, ...FIX_SETUP, category: 'requireptr' },
  { id: '5-7-506', match: { codes: ['5.7.506'] }, ...FIX_SETUP, category: 'blocked' },
  { id: '5-7-510', match: { codes: ['5.7.510'] }, ...FIX_SETUP, category: 'notaccept' },
  { id: '5-7-512', match: { codes: ['5.7.512'] }, ...FIX_SETUP, category: 'policyviolation' },
  { id: '5-6-11', match: { codes: ['5.6.11'] }, ...FIX_SETUP },
  { id: '5-1-20', match: { codes: ['5.1.20'] }, ...FIX_SETUP, category: 'policyviolation' },
  {
    // Rich Text (TNEF) formatting; sending as HTML or plain text fixes it.
    id: '5-0-350-x-dg-ref',
    match: { codes: ['5.0.350'], when: [{ text: ['x-dg-ref'] }] },
    ...FIX_SETUP,
    actor: 'you',
  },
];

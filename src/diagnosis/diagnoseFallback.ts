import type { Actor, Category, FailedRecipient, Route } from './types';
import { parseStatus } from './knowledgeBase';

export interface FallbackShape {
  entryId: string;
  category: Category;
  actor: Actor;
  route: Route;
  temporary: boolean;
}

/** sisimai's reasons for the standard RFC 3463 / IANA codes it names (go-sisimai smtp/status Name()). */
const STANDARD_CODES: Readonly<Record<string, Category>> = {
  '4.2.2': 'mailboxfull',
  '4.2.3': 'exceedlimit',
  '4.3.2': 'notaccept',
  '4.4.1': 'expired',
  '4.4.2': 'networkerror',
  '4.4.4': 'networkerror',
  '4.4.6': 'networkerror',
  '4.4.7': 'expired',
  '4.7.1': 'blocked',
  '5.1.2': 'hostunknown',
  '5.1.3': 'userunknown',
  '5.1.6': 'userunknown',
  '5.2.1': 'filtered',
  '5.3.2': 'notaccept',
  '5.3.4': 'mesgtoobig',
  '5.4.4': 'hostunknown',
  '5.5.3': 'toomanyconn',
  '5.7.0': 'securityerror',
  '5.7.27': 'notaccept',
  '5.7.28': 'spamdetected',
  '5.7.30': 'failedstarttls',
};

/** When nothing more precise is known: what the RFC 3463 subject usually means. */
const SUBJECT_CATEGORY: readonly Category[] = [
  'undefined', // x.0 other
  'userunknown', // x.1 addressing
  'filtered', // x.2 mailbox
  'systemerror', // x.3 mail system
  'networkerror', // x.4 network and routing
  'syntaxerror', // x.5 protocol
  'contenterror', // x.6 content
  'securityerror', // x.7 security or policy
];

/** Who moves first on a permanent failure, by subject (RFC 3463 names the usual owner of each). */
const PERMANENT_BY_SUBJECT: readonly [Actor, Route][] = [
  ['your-admin', 'escalate'],
  ['you', 'check-address'],
  ['recipient-admin', 'contact-recipient'],
  ['recipient-admin', 'contact-recipient'],
  ['recipient-admin', 'contact-recipient'],
  ['your-admin', 'fix-sending-setup'],
  ['you', 'fix-sending-setup'],
  ['your-admin', 'escalate'],
];

function noCode(r: FailedRecipient): FallbackShape {
  // The basic reply code still tells temporary from permanent when the enhanced code is missing.
  const temporary = r.replyCode !== undefined && r.replyCode >= 400 && r.replyCode < 500;
  return {
    entryId: 'no-code',
    category: 'undefined',
    actor: temporary ? 'nobody-wait' : 'your-admin',
    route: temporary ? 'retry-later' : 'escalate',
    temporary,
  };
}

export function fallbackShape(r: FailedRecipient): FallbackShape {
  const status = parseStatus(r.status);
  if (!status || status.subject > 7) return noCode(r);
  const entryId = `unknown-${status.cls}-${status.subject}`;
  const code = `${status.cls}.${status.subject}.${status.detail}`;
  const category = STANDARD_CODES[code] ?? SUBJECT_CATEGORY[status.subject] ?? 'undefined';
  if (status.cls === 2) {
    // A success code in a bounce: the message went through; only the recipient can look further.
    return {
      entryId,
      category: 'undefined',
      actor: 'nobody-wait',
      route: 'contact-recipient',
      temporary: false,
    };
  }
  if (status.cls === 4)
    return { entryId, category, actor: 'nobody-wait', route: 'retry-later', temporary: true };
  const [actor, route] = PERMANENT_BY_SUBJECT[status.subject] ?? ['your-admin', 'escalate'];
  return { entryId, category, actor, route, temporary: false };
}

/** Locale keys (namespace kb) a fallback diagnosis is told with: the class text plus the subject hint. */
export function fallbackTextKeys(entryId: string): string[] {
  const m = /^unknown-(\d)-(\d)$/.exec(entryId);
  return m ? [`fallback.class-${m[1]}`, `fallback.subject-${m[2]}`] : [entryId];
}

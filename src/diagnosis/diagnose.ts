import type { Diagnosis, FailedRecipient, ParsedMessage } from './types';
import { findEntry, parseStatus } from './knowledgeBase';
import { fallbackShape } from './diagnoseFallback';
import { buildReferences, buildValues } from './diagnoseValues';
import { NDR_REFERENCE } from './kb/references';

/** For entries covering both 4.x.x and 5.x.x forms: the code decides; without one, the basic reply code. */
function isTemporaryByClass(recipient: FailedRecipient): boolean {
  const status = parseStatus(recipient.status);
  if (status) return status.cls === 4;
  return recipient.replyCode !== undefined && recipient.replyCode >= 400 && recipient.replyCode < 500;
}

/** What the knowledge base says about one failed recipient; never throws, unknown codes fall back honestly. */
export function diagnose(recipient: FailedRecipient): Diagnosis {
  const entry = findEntry(recipient);
  if (entry) {
    return {
      recipient,
      entryId: entry.id,
      category: entry.category,
      direction: entry.direction,
      actor: entry.actor,
      route: entry.route,
      temporary: entry.temporary === 'by-class' ? isTemporaryByClass(recipient) : entry.temporary,
      fallback: false,
      references: buildReferences(recipient, entry, entry.references),
      values: buildValues(recipient, entry),
    };
  }
  const shape = fallbackShape(recipient);
  return {
    recipient,
    ...shape,
    direction: 'inbound',
    fallback: true,
    references: buildReferences(recipient, undefined, [NDR_REFERENCE]),
    values: buildValues(recipient, undefined),
  };
}

/** One diagnosis per failed or delayed recipient, in the order the message lists them. */
export function diagnoseMessage(message: ParsedMessage): Diagnosis[] {
  return message.recipients.map(diagnose);
}

// For the card builder: which kb keys tell a fallback, and the marker for facts the bounce omits.
export { fallbackTextKeys } from './diagnoseFallback';
export { UNKNOWN_VALUE } from './diagnoseValues';

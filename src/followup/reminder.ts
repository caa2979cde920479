import type { ConversationReference } from 'botbuilder';

export type ReminderLocale = 'en' | 'zh-TW';
export type ReminderState = 'pending' | 'claimed' | 'sent' | 'cancelled';

export interface ReminderTopic {
  kind: 'delist';
  ip?: string;
  route?: string;
  code?: string;
}

/** One proactive "does your mail get through now?" follow-up, stored as plain JSON. */
export interface Reminder {
  id: string;
  /** ISO timestamp; the reminder becomes claimable at or after this instant. */
  dueAt: string;
  /** As returned by TurnContext.getConversationReference, so the app can continue the conversation. */
  conversationReference: Partial<ConversationReference>;
  locale: ReminderLocale;
  topic: ReminderTopic;
  state: ReminderState;
  claimedBy?: string;
  /** While claimed and before this instant no other instance may claim it. */
  claimExpiresAt?: string;
  /** Delivery attempts started, counted at claim time so claimers that crash mid-send are bounded too. */
  attempts: number;
  sentAt?: string;
  createdAt: string;
  cancelReason?: string;
  lastError?: string;
}

export const DEFAULT_REMINDER_DELAY_MS = 24 * 60 * 60 * 1000;

const LOCALES: readonly string[] = ['en', 'zh-TW'];
const STATES: readonly string[] = ['pending', 'claimed', 'sent', 'cancelled'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function isOptional(value: unknown, check: (v: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';

function isTopic(value: unknown): value is ReminderTopic {
  return (
    isRecord(value) &&
    value.kind === 'delist' &&
    isOptional(value.ip, isString) &&
    isOptional(value.route, isString) &&
    isOptional(value.code, isString)
  );
}

/**
 * Validates a document read from storage. Storage is shared with other code and survives upgrades,
 * so a malformed document is skipped rather than trusted.
 */
export function parseReminder(value: unknown): Reminder | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const valid =
    isString(value.id) &&
    isTimestamp(value.dueAt) &&
    isRecord(value.conversationReference) &&
    isString(value.locale) &&
    LOCALES.includes(value.locale) &&
    isTopic(value.topic) &&
    isString(value.state) &&
    STATES.includes(value.state) &&
    typeof value.attempts === 'number' &&
    Number.isInteger(value.attempts) &&
    isTimestamp(value.createdAt) &&
    isOptional(value.claimedBy, isString) &&
    isOptional(value.claimExpiresAt, isTimestamp) &&
    isOptional(value.sentAt, isTimestamp) &&
    isOptional(value.cancelReason, isString) &&
    isOptional(value.lastError, isString);
  if (!valid) {
    return undefined;
  }
  // The storage layer adds eTag to what it returns; it belongs to the envelope, not the reminder.
  const reminder: Record<string, unknown> = { ...value };
  delete reminder.eTag;
  return reminder as unknown as Reminder;
}

export function isFinished(reminder: Reminder): boolean {
  return reminder.state === 'sent' || reminder.state === 'cancelled';
}

/** Pending and due, or claimed by an instance whose lease has run out (it presumably crashed). */
export function isClaimable(reminder: Reminder, now: Date): boolean {
  const at = now.getTime();
  if (reminder.state === 'pending') {
    return Date.parse(reminder.dueAt) <= at;
  }
  if (reminder.state === 'claimed') {
    return reminder.claimExpiresAt === undefined || Date.parse(reminder.claimExpiresAt) <= at;
  }
  return false;
}

import { randomUUID } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import { isETagConflict, type KeyValueStorage, retryOnConflict } from './keyValueStorage';
import {
  DEFAULT_REMINDER_DELAY_MS,
  isClaimable,
  isFinished,
  parseReminder,
  type Reminder,
  type ReminderLocale,
  type ReminderTopic,
} from './reminder';
import { ReminderIndex } from './reminderIndex';

export interface ReminderStoreOptions {
  /** Delivery attempts (claims) before a reminder is cancelled. Default 5. */
  maxAttempts?: number;
  /** Delay before the first retry after a failed send; doubles per attempt. Default 1 minute. */
  backoffBaseMs?: number;
  /** Upper bound of the retry delay. Default 1 hour. */
  backoffMaxMs?: number;
}

export interface ScheduleInput {
  conversationReference: Partial<ConversationReference>;
  locale: ReminderLocale;
  topic: ReminderTopic;
  now: Date;
  /** Default 24 hours. */
  delayMs?: number;
  /** Lets callers make scheduling idempotent; a random UUID otherwise. */
  id?: string;
}

export const REMINDER_KEY_PREFIX = 'reminders/';

export const reminderKey = (id: string): string => `${REMINDER_KEY_PREFIX}${id}`;

const iso = (ms: number): string => new Date(ms).toISOString();

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}

/** Drops the claim fields entirely; `undefined` values would survive in memory and differ from a reload. */
function withoutClaim(reminder: Reminder): Reminder {
  const rest = { ...reminder };
  delete rest.claimedBy;
  delete rest.claimExpiresAt;
  return rest;
}

interface Loaded {
  reminder: Reminder;
  eTag: string;
}

/**
 * Reminders kept in a botbuilder Storage, one document per reminder plus an index of unfinished ids.
 *
 * Every state change is written with the eTag it was read with, never '*': that is what lets several
 * instances share the storage and still send each reminder once. Finished documents are kept (for
 * get() and auditing); only their ids leave the index.
 */
export class ReminderStore {
  private readonly index: ReminderIndex;
  private readonly maxAttempts: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;

  constructor(
    private readonly storage: KeyValueStorage,
    options: ReminderStoreOptions = {},
  ) {
    this.index = new ReminderIndex(storage);
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffBaseMs = options.backoffBaseMs ?? 60_000;
    this.backoffMaxMs = options.backoffMaxMs ?? 60 * 60_000;
    if (!(this.maxAttempts >= 1) || !(this.backoffBaseMs >= 0) || !(this.backoffMaxMs >= 0)) {
      throw new RangeError('ReminderStore: maxAttempts must be >= 1 and backoff delays >= 0.');
    }
  }

  async schedule(input: ScheduleInput): Promise<Reminder> {
    const now = input.now.getTime();
    const reminder: Reminder = {
      id: input.id ?? randomUUID(),
      dueAt: iso(now + (input.delayMs ?? DEFAULT_REMINDER_DELAY_MS)),
      conversationReference: input.conversationReference,
      locale: input.locale,
      topic: input.topic,
      state: 'pending',
      attempts: 0,
      createdAt: iso(now),
    };
    // Document first, index second: a crash in between leaves an orphan document nobody sends,
    // and schedule() never resolved, so the bot never promised the user a reminder.
    await this.storage.write({ [reminderKey(reminder.id)]: { ...reminder } });
    await this.index.add(reminder.id);
    return reminder;
  }

  async get(id: string): Promise<Reminder | undefined> {
    return (await this.load(id))?.reminder;
  }

  /**
   * Returns the stored reminder (state 'cancelled', or 'sent' if it was too late), or undefined if
   * unknown. A reminder already claimed may still go out: its send may be in flight.
   */
  async cancel(id: string, reason = 'cancelled'): Promise<Reminder | undefined> {
    const result = await this.update(id, (current) =>
      isFinished(current)
        ? undefined
        : { ...withoutClaim(current), state: 'cancelled', cancelReason: reason },
    );
    await this.forgetIfFinished(result);
    return result;
  }

  /** Reminders an instance could claim now, earliest first; also prunes finished ids from the index. */
  async due(now: Date, limit = Number.POSITIVE_INFINITY): Promise<Reminder[]> {
    const ids = await this.index.list();
    if (ids.length === 0) {
      return [];
    }
    const docs = await this.storage.read(ids.map(reminderKey));
    const due: Reminder[] = [];
    const stale: string[] = [];
    for (const id of ids) {
      const reminder = parseReminder(docs[reminderKey(id)]);
      if (reminder === undefined || isFinished(reminder)) {
        stale.push(id);
      } else if (isClaimable(reminder, now)) {
        due.push(reminder);
      }
    }
    if (stale.length > 0) {
      await this.removeFromIndex(stale);
    }
    due.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
    return due.slice(0, limit);
  }

  /**
   * Takes the reminder for `leaseMs`. A single eTag-guarded attempt: a conflict means another
   * instance changed it first (normally by claiming it), so this instance must not send it.
   */
  async claim(id: string, instanceId: string, now: Date, leaseMs: number): Promise<Reminder | undefined> {
    const loaded = await this.load(id);
    if (loaded === undefined || !isClaimable(loaded.reminder, now)) {
      return undefined;
    }
    const { reminder, eTag } = loaded;
    const next: Reminder =
      reminder.attempts >= this.maxAttempts
        ? // Only reachable through expired leases: every attempt died mid-send. Stop crash loops.
          { ...withoutClaim(reminder), state: 'cancelled', cancelReason: 'lease-expired-max-attempts' }
        : {
            ...reminder,
            state: 'claimed',
            claimedBy: instanceId,
            claimExpiresAt: iso(now.getTime() + leaseMs),
            attempts: reminder.attempts + 1,
          };
    try {
      await this.write(next, eTag);
    } catch (error) {
      if (isETagConflict(error)) {
        return undefined;
      }
      throw error;
    }
    if (next.state === 'cancelled') {
      await this.forgetIfFinished(next);
      return undefined;
    }
    return next;
  }

  /**
   * Records delivery. Applies whoever holds the claim now: the message did go out, and recording it
   * stops any later claim. Idempotent.
   */
  async markSent(id: string, instanceId: string, now: Date): Promise<Reminder | undefined> {
    const result = await this.update(id, (current) =>
      current.state === 'sent'
        ? undefined
        : { ...withoutClaim(current), state: 'sent', claimedBy: instanceId, sentAt: now.toISOString() },
    );
    await this.forgetIfFinished(result);
    return result;
  }

  /**
   * Gives back a claim after a failed send: pending again after an exponential backoff, or cancelled
   * once maxAttempts is reached. Ignored unless `instanceId` still holds the claim, so a slow
   * instance cannot undo a claim another instance has since taken over.
   */
  async release(id: string, instanceId: string, now: Date, error?: unknown): Promise<Reminder | undefined> {
    const lastError = error === undefined ? undefined : describeError(error);
    const result = await this.update(id, (current) => {
      if (current.state !== 'claimed' || current.claimedBy !== instanceId) {
        return undefined;
      }
      const base = { ...withoutClaim(current), ...(lastError === undefined ? {} : { lastError }) };
      if (current.attempts >= this.maxAttempts) {
        return { ...base, state: 'cancelled', cancelReason: 'max-attempts' };
      }
      return { ...base, state: 'pending', dueAt: iso(now.getTime() + this.backoffMs(current.attempts)) };
    });
    await this.forgetIfFinished(result);
    return result;
  }

  /** `attempts` is at least 1 here: it was counted when the failed attempt claimed the reminder. */
  private backoffMs(attempts: number): number {
    return Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  }

  /** Read-modify-write with retry; `change` returning undefined leaves the reminder as it is. */
  private update(
    id: string,
    change: (current: Reminder) => Reminder | undefined,
  ): Promise<Reminder | undefined> {
    return retryOnConflict(async () => {
      const loaded = await this.load(id);
      if (loaded === undefined) {
        return undefined;
      }
      const next = change(loaded.reminder);
      if (next === undefined) {
        return loaded.reminder;
      }
      await this.write(next, loaded.eTag);
      return next;
    });
  }

  private async load(id: string): Promise<Loaded | undefined> {
    const key = reminderKey(id);
    const doc = (await this.storage.read([key]))[key];
    const reminder = parseReminder(doc);
    if (reminder === undefined) {
      return undefined;
    }
    const eTag: unknown = (doc as { eTag?: unknown }).eTag;
    // Without an eTag from the storage there is nothing to guard with; '*' is all that is left.
    return { reminder, eTag: typeof eTag === 'string' && eTag !== '' ? eTag : '*' };
  }

  private write(reminder: Reminder, eTag: string): Promise<void> {
    return this.storage.write({ [reminderKey(reminder.id)]: { ...reminder, eTag } });
  }

  private async forgetIfFinished(reminder: Reminder | undefined): Promise<void> {
    if (reminder !== undefined && isFinished(reminder)) {
      await this.removeFromIndex([reminder.id]);
    }
  }

  /** Best effort: the state is already final, and the next due() prunes ids this fails to remove. */
  private async removeFromIndex(ids: string[]): Promise<void> {
    try {
      await this.index.remove(ids);
    } catch {
      // Deliberately ignored; see above.
    }
  }
}

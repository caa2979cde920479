import type { Reminder } from './reminder';
import type { ReminderStore } from './reminderStore';

type LogFn = (details: object, message?: string) => void;

/** The pino methods the scheduler uses; a pino Logger fits as is. */
export interface SchedulerLogger {
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export interface ReminderSchedulerDeps {
  store: ReminderStore;
  /** Delivers one reminder, e.g. via adapter.continueConversationAsync; rejecting means "not delivered". */
  send: (reminder: Reminder) => Promise<void>;
  clock: () => Date;
  /** Unique per running process, e.g. hostname + pid + random suffix. */
  instanceId: string;
  intervalMs: number;
  /**
   * How long a claim blocks other instances. Must comfortably exceed a send's duration: a send that
   * outlives its lease can be repeated by another instance.
   */
  leaseMs: number;
  /** A send still pending after this long counts as failed, so a hung send cannot stall the scheduler. Default leaseMs / 2. */
  sendTimeoutMs?: number;
  /** Caps the work of one tick; the rest waits for the next. Default 50. */
  maxPerTick?: number;
  logger?: SchedulerLogger;
}

const silent: SchedulerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

class SendTimeoutError extends Error {
  constructor(ms: number) {
    super(`send did not finish within ${ms} ms`);
    this.name = 'SendTimeoutError';
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendTimeoutError(ms)), ms);
    // A pending send must not keep a shutting-down process alive.
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Periodically claims due reminders and sends them.
 *
 * Delivery is at-least-once. A claim is a lease: if this instance dies after claiming, another one
 * re-claims once the lease has expired. The duplicate window is a crash (or a markSent failure)
 * after the message went out but before it was recorded, or a send outliving its lease. We prefer
 * that rare duplicate "is your mail getting through now?" to a follow-up the user was promised and
 * never gets.
 */
export class ReminderScheduler {
  private readonly logger: SchedulerLogger;
  private readonly sendTimeoutMs: number;
  private readonly maxPerTick: number;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<number> | undefined;

  constructor(private readonly deps: ReminderSchedulerDeps) {
    if (!(deps.intervalMs > 0) || !(deps.leaseMs > 0)) {
      throw new RangeError('ReminderScheduler: intervalMs and leaseMs must be positive.');
    }
    this.logger = deps.logger ?? silent;
    this.sendTimeoutMs = deps.sendTimeoutMs ?? Math.max(1, Math.floor(deps.leaseMs / 2));
    this.maxPerTick = deps.maxPerTick ?? 50;
  }

  start(): void {
    if (this.timer !== undefined) {
      return;
    }
    this.timer = setInterval(() => {
      // Skip rather than queue: a slow tick followed by a burst of queued ones helps nobody.
      if (this.inFlight === undefined) {
        void this.tick();
      }
    }, this.deps.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for the current tick, so shutdown does not cut a send in half. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  /** Sends what is due now; resolves to the number sent and never rejects. */
  tick(): Promise<number> {
    // Ticks of one instance run one after another; overlapping ones would only contend for the same claims.
    const run = (this.inFlight ?? Promise.resolve(0)).then(() => this.runTick());
    this.inFlight = run;
    void run.then(() => {
      if (this.inFlight === run) {
        this.inFlight = undefined;
      }
    });
    return run;
  }

  private async runTick(): Promise<number> {
    let due: Reminder[];
    try {
      due = await this.deps.store.due(this.deps.clock(), this.maxPerTick);
    } catch (error) {
      this.logger.error({ err: error }, 'reminder scheduler: listing due reminders failed');
      return 0;
    }
    let sent = 0;
    // One at a time: each claim is taken just before its send, so the lease is not eaten up waiting.
    for (const reminder of due) {
      if (await this.deliver(reminder.id)) {
        sent += 1;
      }
    }
    return sent;
  }

  private async deliver(id: string): Promise<boolean> {
    const { store, instanceId } = this.deps;
    let claimed: Reminder | undefined;
    try {
      claimed = await store.claim(id, instanceId, this.deps.clock(), this.deps.leaseMs);
    } catch (error) {
      this.logger.error({ err: error, reminderId: id }, 'reminder scheduler: claim failed');
      return false;
    }
    if (claimed === undefined) {
      return false;
    }
    const reminder = claimed;
    try {
      // Wrapped so a send that throws synchronously is handled like a rejected one.
      await withTimeout(
        Promise.resolve().then(() => this.deps.send(reminder)),
        this.sendTimeoutMs,
      );
    } catch (error) {
      await this.release(reminder, error);
      return false;
    }
    try {
      await store.markSent(id, instanceId, this.deps.clock());
    } catch (error) {
      // The user has the message; once the lease expires another instance may send it again.
      this.logger.error({ err: error, reminderId: id }, 'reminder scheduler: sent but could not record it');
    }
    this.logger.info({ reminderId: id, attempt: reminder.attempts }, 'reminder scheduler: reminder sent');
    return true;
  }

  private async release(reminder: Reminder, sendError: unknown): Promise<void> {
    try {
      const released = await this.deps.store.release(
        reminder.id,
        this.deps.instanceId,
        this.deps.clock(),
        sendError,
      );
      const gaveUp = released?.state === 'cancelled';
      this.logger.warn(
        {
          err: sendError,
          reminderId: reminder.id,
          attempt: reminder.attempts,
          nextDueAt: released?.dueAt,
          gaveUp,
        },
        gaveUp ? 'reminder scheduler: send failed, giving up' : 'reminder scheduler: send failed, will retry',
      );
    } catch (error) {
      // The claim stays; the reminder becomes claimable again when its lease expires.
      this.logger.error(
        { err: error, sendError, reminderId: reminder.id },
        'reminder scheduler: release failed',
      );
    }
  }
}

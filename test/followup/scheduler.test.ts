import { expect } from 'chai';
import pino from 'pino';
import type { Reminder } from '../../src/followup/reminder';
import { ReminderStore } from '../../src/followup/reminderStore';
import {
  ReminderScheduler,
  type ReminderSchedulerDeps,
  type SchedulerLogger,
} from '../../src/followup/scheduler';
import { at, DAY, delistInput, ManualClock, TempDb, waitFor } from './helpers';

const LEASE = 5 * 60 * 1000;

/** Records every send per reminder id; `failFor` makes the next N sends of an id fail. */
class SendRecorder {
  readonly sends: Array<{ id: string; by: string }> = [];
  private readonly failures = new Map<string, number>();

  failNext(id: string, times: number): void {
    this.failures.set(id, times);
  }

  sender(instance: string): (reminder: Reminder) => Promise<void> {
    return async (reminder) => {
      // Yield first so concurrent schedulers really interleave between claim and markSent.
      await new Promise((resolve) => setImmediate(resolve));
      this.sends.push({ id: reminder.id, by: instance });
      const left = this.failures.get(reminder.id) ?? 0;
      if (left > 0) {
        this.failures.set(reminder.id, left - 1);
        throw new Error(`connector returned 503 (${left} failures left)`);
      }
    };
  }

  count(id: string): number {
    return this.sends.filter((send) => send.id === id).length;
  }
}

function scheduler(
  store: ReminderStore,
  clock: ManualClock,
  instanceId: string,
  send: ReminderSchedulerDeps['send'],
  extra: Partial<ReminderSchedulerDeps> = {},
): ReminderScheduler {
  return new ReminderScheduler({
    store,
    send,
    clock: clock.now,
    instanceId,
    intervalMs: 20,
    leaseMs: LEASE,
    ...extra,
  });
}

describe('followup/ReminderScheduler', () => {
  let db: TempDb;
  const started: ReminderScheduler[] = [];

  beforeEach(() => {
    db = new TempDb();
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.stop()));
    db.dispose();
  });

  it('sends after the delay and not before', async () => {
    const store = new ReminderStore(db.open());
    const clock = new ManualClock();
    const recorder = new SendRecorder();
    const received: Reminder[] = [];
    const record = recorder.sender('A');
    const a = scheduler(store, clock, 'A', async (reminder) => {
      received.push(reminder);
      await record(reminder);
    });
    const scheduled = await store.schedule(delistInput());

    clock.set(at(DAY - 1));
    expect(await a.tick()).to.equal(0);
    expect(recorder.sends).to.deep.equal([]);

    clock.set(at(DAY));
    expect(await a.tick()).to.equal(1);
    expect(received).to.have.length(1);
    expect(received[0]).to.deep.include({
      id: scheduled.id,
      locale: 'zh-TW',
      conversationReference: scheduled.conversationReference,
      topic: scheduled.topic,
    });
    expect(await store.get(scheduled.id)).to.deep.include({ state: 'sent', sentAt: at(DAY).toISOString() });

    clock.set(at(3 * DAY));
    expect(await a.tick(), 'a sent reminder never fires again').to.equal(0);
    expect(recorder.count(scheduled.id)).to.equal(1);
  });

  it('fires from its own interval once started, and stops', async () => {
    const store = new ReminderStore(db.open());
    const clock = new ManualClock();
    const recorder = new SendRecorder();
    const a = scheduler(store, clock, 'A', recorder.sender('A'));
    started.push(a);
    const { id } = await store.schedule(delistInput());

    a.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(recorder.sends, 'several intervals passed, nothing due yet').to.deep.equal([]);

    clock.set(at(DAY));
    await waitFor(() => recorder.count(id) === 1);
    await a.stop();
    await store.schedule(delistInput({ now: at(DAY), delayMs: 0 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(recorder.sends, 'nothing is sent after stop()').to.have.length(1);
  });

  it('sends each reminder exactly once with two instances ticking concurrently on one file', async () => {
    const storeA = new ReminderStore(db.open());
    const storeB = new ReminderStore(db.open());
    const clock = new ManualClock(at(DAY));
    const recorder = new SendRecorder();
    const a = scheduler(storeA, clock, 'A', recorder.sender('A'), { maxPerTick: 1000 });
    const b = scheduler(storeB, clock, 'B', recorder.sender('B'), { maxPerTick: 1000 });
    const reminders = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        (i % 2 === 0 ? storeA : storeB).schedule(delistInput({ delayMs: i })),
      ),
    );

    const counts = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);

    expect(
      counts.reduce((sum, n) => sum + n, 0),
      `sent per tick: ${counts.join(',')}`,
    ).to.equal(60);
    for (const reminder of reminders) {
      expect(recorder.count(reminder.id), `sends of ${reminder.id}`).to.equal(1);
      expect((await storeB.get(reminder.id))?.state).to.equal('sent');
    }
    expect(await Promise.all([a.tick(), b.tick()])).to.deep.equal([0, 0]);
    expect(recorder.sends).to.have.length(60);
  });

  it('re-sends a reminder whose claimer crashed, but only after the lease expired', async () => {
    const storeA = new ReminderStore(db.open());
    const storeB = new ReminderStore(db.open());
    const clock = new ManualClock();
    const recorder = new SendRecorder();
    const b = scheduler(storeB, clock, 'B', recorder.sender('B'));
    const { id } = await storeA.schedule(delistInput());

    // Instance A claims, then "crashes": it never sends, marks or releases.
    expect(await storeA.claim(id, 'A', at(DAY), LEASE)).to.deep.include({ claimedBy: 'A' });

    clock.set(at(DAY + LEASE - 1));
    expect(await b.tick()).to.equal(0);
    expect(recorder.sends).to.deep.equal([]);

    clock.set(at(DAY + LEASE));
    expect(await b.tick()).to.equal(1);
    expect(recorder.sends).to.deep.equal([{ id, by: 'B' }]);
    expect(await storeB.get(id)).to.deep.include({ state: 'sent', claimedBy: 'B', attempts: 2 });

    clock.set(at(DAY + 10 * LEASE));
    expect(await b.tick()).to.equal(0);
    expect(recorder.count(id)).to.equal(1);
  });

  it('retries a failed send after backoff and succeeds', async () => {
    const store = new ReminderStore(db.open(), { backoffBaseMs: 60_000 });
    const clock = new ManualClock(at(DAY));
    const recorder = new SendRecorder();
    const a = scheduler(store, clock, 'A', recorder.sender('A'));
    const { id } = await store.schedule(delistInput());
    recorder.failNext(id, 1);

    expect(await a.tick()).to.equal(0);
    expect(await store.get(id)).to.deep.include({
      state: 'pending',
      attempts: 1,
      dueAt: at(DAY + 60_000).toISOString(),
      lastError: 'connector returned 503 (1 failures left)',
    });

    clock.set(at(DAY + 59_999));
    expect(await a.tick()).to.equal(0);
    expect(recorder.count(id), 'not retried during backoff').to.equal(1);

    clock.set(at(DAY + 60_000));
    expect(await a.tick()).to.equal(1);
    expect(recorder.count(id)).to.equal(2);
    expect(await store.get(id)).to.deep.include({ state: 'sent', attempts: 2 });
  });

  it('gives up after maxAttempts failed sends', async () => {
    const store = new ReminderStore(db.open(), { maxAttempts: 3, backoffBaseMs: 1000 });
    const clock = new ManualClock(at(DAY));
    const recorder = new SendRecorder();
    const warnings: string[] = [];
    const logger: SchedulerLogger = {
      info: () => undefined,
      warn: (_details, message) => warnings.push(message ?? ''),
      error: () => undefined,
    };
    const a = scheduler(store, clock, 'A', recorder.sender('A'), { logger });
    const { id } = await store.schedule(delistInput());
    recorder.failNext(id, 100);

    for (const offset of [0, 1000, 3000]) {
      clock.set(at(DAY + offset));
      expect(await a.tick()).to.equal(0);
    }
    expect(recorder.count(id)).to.equal(3);
    expect(await store.get(id)).to.deep.include({
      state: 'cancelled',
      cancelReason: 'max-attempts',
      attempts: 3,
    });
    expect(warnings.at(-1)).to.match(/giving up/);

    clock.set(at(30 * DAY));
    expect(await a.tick()).to.equal(0);
    expect(recorder.count(id)).to.equal(3);
  });

  it('treats a hung send as failed once sendTimeoutMs passes', async () => {
    const store = new ReminderStore(db.open());
    const clock = new ManualClock(at(DAY));
    const a = scheduler(store, clock, 'A', () => new Promise<void>(() => undefined), { sendTimeoutMs: 30 });
    const { id } = await store.schedule(delistInput());

    expect(await a.tick()).to.equal(0);
    expect(await store.get(id)).to.deep.include({ state: 'pending', attempts: 1 });
    expect((await store.get(id))?.lastError).to.match(/within 30 ms/);
  });

  it('handles a send that throws synchronously', async () => {
    const store = new ReminderStore(db.open());
    const clock = new ManualClock(at(DAY));
    const a = scheduler(store, clock, 'A', () => {
      throw new Error('no adapter');
    });
    const { id } = await store.schedule(delistInput());

    expect(await a.tick()).to.equal(0);
    expect(await store.get(id)).to.deep.include({ state: 'pending', lastError: 'no adapter' });
  });

  it('never rejects, even when the storage fails', async () => {
    const storage = db.open();
    const store = new ReminderStore(storage);
    await store.schedule(delistInput());
    const clock = new ManualClock(at(DAY));
    const errors: string[] = [];
    const logger: SchedulerLogger = {
      info: () => undefined,
      warn: () => undefined,
      error: (_details, message) => errors.push(message ?? ''),
    };
    const a = scheduler(store, clock, 'A', async () => undefined, { logger });
    storage.close();

    expect(await a.tick()).to.equal(0);
    expect(errors).to.have.length(1);
  });

  it('sends a reminder that survives an app restart, once', async () => {
    const before = db.open();
    const { id } = await new ReminderStore(before).schedule(delistInput());
    const clock = new ManualClock(at(DAY - 1));
    const recorder = new SendRecorder();
    expect(await scheduler(new ReminderStore(before), clock, 'old', recorder.sender('old')).tick()).to.equal(
      0,
    );
    before.close();

    // "Restart": new connection, new store, new scheduler with a new instance id.
    const after = new ReminderStore(db.open());
    const restarted = scheduler(after, clock, 'new', recorder.sender('new'), {
      logger: pino({ level: 'silent' }),
    });
    clock.set(at(DAY));
    expect(await restarted.tick()).to.equal(1);
    expect(await restarted.tick()).to.equal(0);
    expect(recorder.sends).to.deep.equal([{ id, by: 'new' }]);
    expect((await after.get(id))?.state).to.equal('sent');
  });
});

import { MemoryStorage } from 'botbuilder';
import { expect } from 'chai';
import { REMINDER_INDEX_KEY } from '../../src/followup/reminderIndex';
import { reminderKey, ReminderStore } from '../../src/followup/reminderStore';
import type { SqliteStorage } from '../../src/storage/sqliteStorage';
import { at, DAY, delistInput, HOUR, T0, TempDb } from './helpers';

const LEASE = 5 * 60 * 1000;

async function indexIds(storage: SqliteStorage): Promise<string[]> {
  const doc: unknown = (await storage.read([REMINDER_INDEX_KEY]))[REMINDER_INDEX_KEY];
  expect(doc, 'index document').to.be.an('object');
  const { ids } = doc as { ids: unknown };
  expect(ids).to.be.an('array');
  return ids as string[];
}

describe('followup/ReminderStore', () => {
  let db: TempDb;

  beforeEach(() => {
    db = new TempDb();
  });

  afterEach(() => {
    db.dispose();
  });

  describe('schedule and due', () => {
    it('is not due before dueAt and is due from dueAt on', async () => {
      const store = new ReminderStore(db.open());
      const reminder = await store.schedule(delistInput({ delayMs: 2 * HOUR }));

      expect(reminder).to.deep.include({
        state: 'pending',
        attempts: 0,
        locale: 'zh-TW',
        dueAt: at(2 * HOUR).toISOString(),
        createdAt: T0.toISOString(),
      });
      expect(reminder.topic).to.deep.equal({
        kind: 'delist',
        ip: '203.0.113.7',
        route: 'olc',
        code: 'S3150',
      });
      expect(await store.due(T0)).to.deep.equal([]);
      expect(await store.due(at(2 * HOUR - 1))).to.deep.equal([]);
      expect((await store.due(at(2 * HOUR))).map((r) => r.id)).to.deep.equal([reminder.id]);
      expect(await store.get(reminder.id)).to.deep.equal(reminder);
    });

    it('defaults to a 24 hour delay', async () => {
      const store = new ReminderStore(db.open());
      const reminder = await store.schedule(delistInput({ delayMs: undefined }));
      expect(reminder.dueAt).to.equal(at(DAY).toISOString());
    });

    it('returns due reminders earliest first and honours the limit', async () => {
      const store = new ReminderStore(db.open());
      const late = await store.schedule(delistInput({ delayMs: 3 * HOUR }));
      const early = await store.schedule(delistInput({ delayMs: 1 * HOUR }));
      const middle = await store.schedule(delistInput({ delayMs: 2 * HOUR }));
      expect((await store.due(at(DAY))).map((r) => r.id)).to.deep.equal([early.id, middle.id, late.id]);
      expect((await store.due(at(DAY), 2)).map((r) => r.id)).to.deep.equal([early.id, middle.id]);
    });

    it('returns undefined for an unknown id', async () => {
      const store = new ReminderStore(db.open());
      expect(await store.get('nope')).to.equal(undefined);
      expect(await store.claim('nope', 'A', at(DAY), LEASE)).to.equal(undefined);
      expect(await store.cancel('nope')).to.equal(undefined);
    });
  });

  describe('cancel', () => {
    it('stops a pending reminder from becoming due and removes it from the index', async () => {
      const storage = db.open();
      const store = new ReminderStore(storage);
      const keep = await store.schedule(delistInput());
      const drop = await store.schedule(delistInput());

      const cancelled = await store.cancel(drop.id, 'user-said-fixed');

      expect(cancelled).to.deep.include({ id: drop.id, state: 'cancelled', cancelReason: 'user-said-fixed' });
      expect((await store.due(at(2 * DAY))).map((r) => r.id)).to.deep.equal([keep.id]);
      expect(await indexIds(storage)).to.deep.equal([keep.id]);
      expect(await store.claim(drop.id, 'A', at(2 * DAY), LEASE)).to.equal(undefined);
      expect((await store.cancel(drop.id))?.cancelReason, 'cancelling again keeps the first reason').to.equal(
        'user-said-fixed',
      );
    });

    it('does not turn a sent reminder into a cancelled one', async () => {
      const store = new ReminderStore(db.open());
      const reminder = await store.schedule(delistInput());
      await store.claim(reminder.id, 'A', at(DAY), LEASE);
      await store.markSent(reminder.id, 'A', at(DAY));
      expect((await store.cancel(reminder.id))?.state).to.equal('sent');
    });
  });

  describe('persistence', () => {
    it('keeps a reminder across closing and reopening the database file', async () => {
      const first = db.open();
      const scheduled = await new ReminderStore(first).schedule(delistInput());
      first.close();

      const reopened = new ReminderStore(db.open());
      expect(await reopened.get(scheduled.id)).to.deep.equal(scheduled);
      expect(await reopened.due(at(DAY - 1))).to.deep.equal([]);
      expect(await reopened.due(at(DAY))).to.deep.equal([scheduled]);
    });
  });

  describe('concurrency across instances', () => {
    it('keeps every id when two instances schedule concurrently on one file', async () => {
      const storageA = db.open();
      const storageB = db.open();
      const storeA = new ReminderStore(storageA);
      const storeB = new ReminderStore(storageB);

      // Interleaved: even indices on A, odd on B, all in flight at once.
      const scheduled = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? storeA : storeB).schedule(delistInput())),
      );

      const ids = scheduled.map((r) => r.id);
      expect(new Set(ids).size).to.equal(40);
      expect([...(await indexIds(storageA))].sort()).to.deep.equal([...ids].sort());
      expect((await storeB.due(at(DAY))).map((r) => r.id).sort()).to.deep.equal([...ids].sort());
    });

    it('keeps new ids while another instance removes finished ones', async () => {
      const storageA = db.open();
      const storeA = new ReminderStore(storageA);
      const storeB = new ReminderStore(db.open());
      const old = await Promise.all(Array.from({ length: 15 }, () => storeA.schedule(delistInput())));

      const [added] = await Promise.all([
        Promise.all(Array.from({ length: 15 }, () => storeA.schedule(delistInput()))),
        Promise.all(old.map((r) => storeB.cancel(r.id))),
      ]);

      expect([...(await indexIds(storageA))].sort()).to.deep.equal(added.map((r) => r.id).sort());
    });

    it('lets exactly one of two instances claim a reminder', async () => {
      const storeA = new ReminderStore(db.open());
      const storeB = new ReminderStore(db.open());
      const reminders = await Promise.all(Array.from({ length: 20 }, () => storeA.schedule(delistInput())));

      for (const reminder of reminders) {
        const [a, b] = await Promise.all([
          storeA.claim(reminder.id, 'A', at(DAY), LEASE),
          storeB.claim(reminder.id, 'B', at(DAY), LEASE),
        ]);
        const winners = [a, b].filter((claim) => claim !== undefined);
        expect(winners, `claims of ${reminder.id}`).to.have.length(1);
        expect((await storeA.get(reminder.id))?.claimedBy).to.equal(winners[0]?.claimedBy);
      }
    });
  });

  describe('claim, markSent, release', () => {
    it('claims only when due, and blocks other claims until the lease expires', async () => {
      const store = new ReminderStore(db.open());
      const { id } = await store.schedule(delistInput());

      expect(await store.claim(id, 'A', at(DAY - 1), LEASE), 'not yet due').to.equal(undefined);
      const claimed = await store.claim(id, 'A', at(DAY), LEASE);
      expect(claimed).to.deep.include({
        state: 'claimed',
        claimedBy: 'A',
        claimExpiresAt: at(DAY + LEASE).toISOString(),
        attempts: 1,
      });
      expect(await store.claim(id, 'B', at(DAY + LEASE - 1), LEASE), 'lease still held').to.equal(undefined);
      expect(await store.due(at(DAY + LEASE - 1))).to.deep.equal([]);

      const reclaimed = await store.claim(id, 'B', at(DAY + LEASE), LEASE);
      expect(reclaimed).to.deep.include({ state: 'claimed', claimedBy: 'B', attempts: 2 });
    });

    it('marks sent idempotently and drops the id from the index', async () => {
      const storage = db.open();
      const store = new ReminderStore(storage);
      const { id } = await store.schedule(delistInput());
      await store.claim(id, 'A', at(DAY), LEASE);

      const sent = await store.markSent(id, 'A', at(DAY + 1000));
      expect(sent).to.deep.include({ state: 'sent', sentAt: at(DAY + 1000).toISOString(), claimedBy: 'A' });
      expect(sent).to.not.have.property('claimExpiresAt');
      expect(await store.markSent(id, 'A', at(DAY + 5000))).to.deep.equal(sent);
      expect(await indexIds(storage)).to.deep.equal([]);
      expect(await store.claim(id, 'B', at(2 * DAY), LEASE)).to.equal(undefined);
    });

    it('releases with exponential backoff and cancels after maxAttempts', async () => {
      const storage = db.open();
      const store = new ReminderStore(storage, { maxAttempts: 3, backoffBaseMs: 1000, backoffMaxMs: 1500 });
      const { id } = await store.schedule(delistInput());

      await store.claim(id, 'A', at(DAY), LEASE);
      const first = await store.release(id, 'A', at(DAY), new Error('502 from connector'));
      expect(first).to.deep.include({ state: 'pending', attempts: 1, lastError: '502 from connector' });
      expect(first?.dueAt).to.equal(at(DAY + 1000).toISOString());
      expect(first).to.not.have.property('claimedBy');

      await store.claim(id, 'A', at(DAY + 1000), LEASE);
      const second = await store.release(id, 'A', at(DAY + 1000), new Error('again'));
      expect(second?.dueAt, 'doubled, then capped at backoffMaxMs').to.equal(at(DAY + 2500).toISOString());

      await store.claim(id, 'A', at(DAY + 2500), LEASE);
      const third = await store.release(id, 'A', at(DAY + 2500), new Error('still failing'));
      expect(third).to.deep.include({ state: 'cancelled', cancelReason: 'max-attempts', attempts: 3 });
      expect(await indexIds(storage)).to.deep.equal([]);
    });

    it('ignores a release from an instance that no longer holds the claim', async () => {
      const store = new ReminderStore(db.open());
      const { id } = await store.schedule(delistInput());
      await store.claim(id, 'A', at(DAY), LEASE);
      await store.claim(id, 'B', at(DAY + LEASE), LEASE);

      const result = await store.release(id, 'A', at(DAY + LEASE), new Error('late failure from A'));

      expect(result).to.deep.include({ state: 'claimed', claimedBy: 'B' });
      expect(result).to.not.have.property('lastError');
    });

    it('gives up when every claimer died mid-send, so a crash loop is bounded', async () => {
      const storage = db.open();
      const store = new ReminderStore(storage, { maxAttempts: 2 });
      const { id } = await store.schedule(delistInput());

      expect(await store.claim(id, 'A', at(DAY), LEASE)).to.not.equal(undefined);
      expect(await store.claim(id, 'B', at(DAY + LEASE), LEASE)).to.not.equal(undefined);
      expect(await store.claim(id, 'C', at(DAY + 2 * LEASE), LEASE)).to.equal(undefined);

      expect(await store.get(id)).to.deep.include({
        state: 'cancelled',
        cancelReason: 'lease-expired-max-attempts',
      });
      expect(await indexIds(storage)).to.deep.equal([]);
    });
  });

  describe('robustness', () => {
    it('skips and prunes an index entry whose document is malformed', async () => {
      const storage = db.open();
      const store = new ReminderStore(storage);
      const good = await store.schedule(delistInput());
      const bad = await store.schedule(delistInput());
      await storage.write({ [reminderKey(bad.id)]: { id: bad.id, state: 'pending' } });

      expect((await store.due(at(DAY))).map((r) => r.id)).to.deep.equal([good.id]);
      expect(await indexIds(storage)).to.deep.equal([good.id]);
    });

    it("works on botbuilder's MemoryStorage too", async () => {
      const store = new ReminderStore(new MemoryStorage());
      const reminders = await Promise.all(Array.from({ length: 10 }, () => store.schedule(delistInput())));
      expect(await store.due(at(DAY))).to.have.length(10);
      const claims = await Promise.all([
        store.claim(reminders[0].id, 'A', at(DAY), LEASE),
        store.claim(reminders[0].id, 'B', at(DAY), LEASE),
      ]);
      expect(claims.filter((c) => c !== undefined)).to.have.length(1);
    });
  });
});

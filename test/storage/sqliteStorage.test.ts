import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { expect } from 'chai';
import { SqliteStorage } from '../../src/storage/sqliteStorage';

const conflictMessage = (key: string): string => `Storage: error writing "${key}" due to eTag conflict.`;

/** Takes a thunk so a synchronous throw counts as well; fails the test when nothing is thrown. */
async function expectFailure(action: () => Promise<unknown>): Promise<Error> {
  let caught: unknown;
  try {
    await action();
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof Error)) {
    return expect.fail(`expected an Error to be thrown, got ${String(caught)}`);
  }
  return caught;
}

async function readOne(storage: Storage, key: string): Promise<StoreItems[string]> {
  const items = await storage.read([key]);
  expect(items).to.have.property(key);
  return items[key];
}

async function eTagOf(storage: Storage, key: string): Promise<string> {
  const { eTag } = await readOne(storage, key);
  expect(eTag).to.be.a('string').and.not.equal('');
  return eTag as string;
}

interface ContractCase {
  name: string;
  run(storage: Storage): Promise<void>;
}

/** The eTag contract; every case runs against MemoryStorage and SqliteStorage to prove they agree. */
const contract: ContractCase[] = [
  {
    name: 'writes an item without eTag and reads it back with an eTag',
    async run(storage) {
      const item = { count: 1 };
      await storage.write({ a: item });
      expect(await readOne(storage, 'a')).to.deep.include({ count: 1 });
      await eTagOf(storage, 'a');
      expect(item, 'caller object must not be mutated').to.deep.equal({ count: 1 });
    },
  },
  {
    name: "overwrites unconditionally with eTag '*' and assigns a new eTag",
    async run(storage) {
      await storage.write({ a: { v: 1 } });
      const first = await eTagOf(storage, 'a');
      await storage.write({ a: { v: 2, eTag: '*' } });
      expect(await readOne(storage, 'a')).to.deep.include({ v: 2 });
      expect(await eTagOf(storage, 'a')).to.not.equal(first);
    },
  },
  {
    name: 'overwrites unconditionally without eTag even when the key exists',
    async run(storage) {
      await storage.write({ a: { v: 1 } });
      await storage.write({ a: { v: 2 } });
      expect(await readOne(storage, 'a')).to.deep.include({ v: 2 });
    },
  },
  {
    name: 'accepts a matching eTag and changes the eTag',
    async run(storage) {
      await storage.write({ a: { v: 1 } });
      const first = await eTagOf(storage, 'a');
      await storage.write({ a: { v: 2, eTag: first } });
      expect(await readOne(storage, 'a')).to.deep.include({ v: 2 });
      expect(await eTagOf(storage, 'a')).to.not.equal(first);
    },
  },
  {
    name: 'rejects a stale eTag with the conflict message and keeps the stored value',
    async run(storage) {
      await storage.write({ a: { v: 1 } });
      const stale = await eTagOf(storage, 'a');
      await storage.write({ a: { v: 2, eTag: stale } });
      const current = await eTagOf(storage, 'a');
      const error = await expectFailure(() => storage.write({ a: { v: 3, eTag: stale } }));
      expect(error.message).to.equal(conflictMessage('a'));
      expect(await readOne(storage, 'a')).to.deep.equal({ v: 2, eTag: current });
    },
  },
  {
    name: 'writes a new key even with an arbitrary eTag (MemoryStorage behaviour)',
    async run(storage) {
      await storage.write({ fresh: { v: 1, eTag: 'made-up' } });
      expect(await readOne(storage, 'fresh')).to.deep.include({ v: 1 });
      expect(await eTagOf(storage, 'fresh')).to.not.equal('made-up');
    },
  },
  {
    name: 'round-trips a read item written back with its own eTag (BotState pattern)',
    async run(storage) {
      await storage.write({ a: { v: 1 } });
      const item = await readOne(storage, 'a');
      item.v = 2;
      await storage.write({ a: item });
      expect(await readOne(storage, 'a')).to.deep.include({ v: 2 });
    },
  },
  {
    name: 'returns only existing keys',
    async run(storage) {
      expect(await storage.read(['missing'])).to.deep.equal({});
      await storage.write({ a: { v: 1 } });
      const items = await storage.read(['missing', 'a', 'other']);
      expect(Object.keys(items)).to.deep.equal(['a']);
    },
  },
  {
    name: 'deletes keys, ignores missing ones, and then treats the key as new',
    async run(storage) {
      await storage.write({ a: { v: 1 }, b: { v: 2 } });
      const old = await eTagOf(storage, 'a');
      await storage.delete(['a', 'never-existed']);
      expect(Object.keys(await storage.read(['a', 'b']))).to.deep.equal(['b']);
      await storage.write({ a: { v: 3, eTag: old } });
      expect(await readOne(storage, 'a')).to.deep.include({ v: 3 });
    },
  },
  {
    name: 'round-trips zh-TW and emoji text',
    async run(storage) {
      const text = '郵件伺服器 🚫 拒絕了您的郵件';
      await storage.write({ '使用者/🚫': { text } });
      expect(await readOne(storage, '使用者/🚫')).to.deep.include({ text });
    },
  },
  {
    name: 'round-trips nested objects and arrays',
    async run(storage) {
      const state = { dialog: { stack: [{ id: 'main', state: { step: 2, flags: [true, null] } }] }, n: 0 };
      await storage.write({ a: state });
      const read = await readOne(storage, 'a');
      expect(read).to.deep.equal({ ...state, eTag: read.eTag });
    },
  },
  {
    name: 'is isolated from callers mutating objects after write or after read',
    async run(storage) {
      const item = { nested: { v: 1 }, list: [1] };
      await storage.write({ a: item });
      item.nested.v = 99;
      item.list.push(2);
      const read = await readOne(storage, 'a');
      expect(read).to.deep.include({ nested: { v: 1 }, list: [1] });
      read.nested.v = 42;
      expect(await readOne(storage, 'a')).to.deep.include({ nested: { v: 1 } });
    },
  },
  {
    name: 'treats empty key arrays and empty change sets as no-ops',
    async run(storage) {
      expect(await storage.read([])).to.deep.equal({});
      await storage.write({});
      await storage.delete([]);
    },
  },
  {
    name: 'rejects missing or non-array arguments',
    async run(storage) {
      const bad = [undefined, null, 'a'] as unknown as string[][];
      for (const keys of bad) {
        await expectFailure(() => storage.read(keys));
        await expectFailure(() => storage.delete(keys));
      }
      await expectFailure(() => storage.write(undefined as unknown as StoreItems));
    },
  },
];

describe('storage eTag contract', () => {
  const factories: { name: string; create(): Storage }[] = [
    { name: 'MemoryStorage', create: () => new MemoryStorage() },
    { name: 'SqliteStorage', create: () => new SqliteStorage({ filePath: ':memory:' }) },
  ];

  for (const factory of factories) {
    describe(factory.name, () => {
      for (const testCase of contract) {
        it(testCase.name, async () => {
          const storage = factory.create();
          try {
            await testCase.run(storage);
          } finally {
            if (storage instanceof SqliteStorage) {
              storage.close();
            }
          }
        });
      }
    });
  }
});

describe('SqliteStorage (file-backed)', () => {
  let dir: string;
  let opened: SqliteStorage[];

  const open = (file = 'bot.sqlite'): SqliteStorage => {
    const storage = new SqliteStorage({ filePath: path.join(dir, file) });
    opened.push(storage);
    return storage;
  };
  /** A second, raw connection: sees only what is really on disk. */
  const raw = <T>(query: (db: Database.Database) => T): T => {
    const db = new Database(path.join(dir, 'bot.sqlite'), { readonly: true });
    try {
      return query(db);
    } finally {
      db.close();
    }
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-storage-'));
    opened = [];
  });
  afterEach(() => {
    opened.forEach((storage) => storage.close());
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('persists data across close and reopen of the same file', async () => {
    const first = open();
    await first.write({ a: { text: '郵件伺服器 🚫' } });
    const eTag = await eTagOf(first, 'a');
    first.close();
    const second = open();
    expect(await readOne(second, 'a')).to.deep.equal({ text: '郵件伺服器 🚫', eTag });
  });

  it('uses WAL journal mode', async () => {
    await open().write({ a: { v: 1 } });
    expect(raw((db) => db.pragma('journal_mode', { simple: true }))).to.equal('wal');
  });

  it('creates a missing parent directory', async () => {
    const storage = open(path.join('nested', 'deeper', 'bot.sqlite'));
    await storage.write({ a: { v: 1 } });
    expect(fs.existsSync(path.join(dir, 'nested', 'deeper', 'bot.sqlite'))).to.equal(true);
  });

  it('keeps the eTag only in its column, not inside the stored doc', async () => {
    const storage = open();
    await storage.write({ a: { v: 1, eTag: '*' } });
    const row = raw((db) => db.prepare('SELECT etag, doc FROM store_items WHERE key = ?').get('a'));
    expect(row).to.deep.equal({ etag: await eTagOf(storage, 'a'), doc: '{"v":1}' });
  });

  it('rejects a stale eTag written through a second instance on the same file', async () => {
    const appA = open();
    const appB = open();
    await appA.write({ a: { owner: 'none' } });
    const shared = await eTagOf(appB, 'a');
    await appA.write({ a: { owner: 'A', eTag: shared } });
    const error = await expectFailure(() => appB.write({ a: { owner: 'B', eTag: shared } }));
    expect(error.message).to.equal(conflictMessage('a'));
    expect(await readOne(appB, 'a')).to.deep.include({ owner: 'A' });
  });

  it('writes a batch all-or-nothing when one key conflicts', async () => {
    const storage = open();
    await storage.write({ a: { v: 1 }, c: { v: 1 } });
    const stale = await eTagOf(storage, 'c');
    await storage.write({ c: { v: 2 } });
    const error = await expectFailure(() =>
      storage.write({ a: { v: 'batch' }, b: { v: 'batch' }, c: { v: 'batch', eTag: stale } }),
    );
    expect(error.message).to.equal(conflictMessage('c'));
    const items = await storage.read(['a', 'b', 'c']);
    expect(Object.keys(items).sort()).to.deep.equal(['a', 'c']);
    expect(items.a).to.deep.include({ v: 1 });
    expect(items.c).to.deep.include({ v: 2 });
  });

  it('never lets two processes both win with the same eTag', async function () {
    this.timeout(60_000);
    const processes = 4;
    const incrementsEach = 50;
    const modulePath = path.resolve(__dirname, '../../src/storage/sqliteStorage.js');
    // Each child does read-modify-write increments, retrying on conflict; a lost update would
    // leave the final count short of processes * incrementsEach.
    const child = `
      const { SqliteStorage } = require(${JSON.stringify(modulePath)});
      const storage = new SqliteStorage({ filePath: process.argv[1] });
      (async () => {
        for (let done = 0, attempts = 0; done < ${incrementsEach}; ) {
          if (++attempts > 100000) throw new Error('no progress');
          const { counter } = await storage.read(['counter']);
          try {
            await storage.write({ counter: { n: counter.n + 1, eTag: counter.eTag } });
            done++;
          } catch (error) {
            if (!/eTag conflict/.test(error.message)) throw error;
          }
        }
        storage.close();
      })().catch((error) => { console.error(error); process.exit(1); });`;
    const seed = open();
    await seed.write({ counter: { n: 0 } });
    const run = promisify(execFile);
    const file = path.join(dir, 'bot.sqlite');
    await Promise.all(
      Array.from({ length: processes }, () =>
        run(process.execPath, ['-e', child, file], { timeout: 30_000 }),
      ),
    );
    expect(await readOne(seed, 'counter')).to.deep.include({ n: processes * incrementsEach });
  });

  it('rejects a non-string eTag and a non-object item', async () => {
    const storage = open();
    await storage.write({ a: { v: 1 } });
    const badETag = await expectFailure(() => storage.write({ a: { v: 2, eTag: 5 } }));
    expect(badETag).to.be.instanceOf(TypeError);
    const badItem = await expectFailure(() => storage.write({ a: null }));
    expect(badItem.message).to.contain('"a"');
    expect(await readOne(storage, 'a')).to.deep.include({ v: 1 });
  });

  it('reports clear errors for missing and non-array keys', async () => {
    const storage = open();
    const missing = await expectFailure(() => storage.read(undefined as unknown as string[]));
    expect(missing.message).to.equal('Keys are required when reading.');
    const notArray = await expectFailure(() => storage.delete('a' as unknown as string[]));
    expect(notArray.message).to.contain('array of strings');
  });

  it('pings while open, rejects after close, and closes idempotently', async () => {
    const storage = open();
    await storage.ping();
    storage.close();
    storage.close();
    await expectFailure(() => storage.ping());
    await expectFailure(() => storage.read(['a']));
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { expect } from 'chai';
import { createStorage, type AppStorage, type StorageKind } from '../../src/storage/createStorage';
import { SqliteStorage } from '../../src/storage/sqliteStorage';

describe('createStorage', () => {
  let dataDir: string;
  let created: AppStorage[];

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'create-storage-'));
    created = [];
  });
  afterEach(async () => {
    await Promise.all(created.map((app) => app.close()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const cases: { kind: StorageKind; type: new (...args: never[]) => object }[] = [
    { kind: 'sqlite', type: SqliteStorage },
    { kind: 'memory', type: MemoryStorage },
  ];

  for (const { kind, type } of cases) {
    it(`returns a working, pingable ${kind} storage`, async () => {
      const app = createStorage(kind, { dataDir });
      created.push(app);
      expect(app.storage).to.be.instanceOf(type);
      await app.ping();
      await app.storage.write({ k: { text: '郵件伺服器 🚫' } });
      expect(await app.storage.read(['k'])).to.have.nested.property('k.text', '郵件伺服器 🚫');
    });
  }

  it('puts the sqlite file at <dataDir>/bot.sqlite, creating dataDir if needed', async () => {
    const nestedDir = path.join(dataDir, 'not', 'yet');
    const app = createStorage('sqlite', { dataDir: nestedDir });
    created.push(app);
    await app.storage.write({ k: { v: 1 } });
    expect(fs.existsSync(path.join(nestedDir, 'bot.sqlite'))).to.equal(true);
  });

  it('makes sqlite ping reject after close', async () => {
    const app = createStorage('sqlite', { dataDir });
    await app.close();
    let failed = false;
    await app.ping().catch(() => (failed = true));
    expect(failed).to.equal(true);
  });

  it('creates no files for memory storage', async () => {
    created.push(createStorage('memory', { dataDir }));
    expect(fs.readdirSync(dataDir)).to.deep.equal([]);
  });
});

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';

export interface SqliteStorageOptions {
  /** Path of the database file, or ':memory:' for a private in-process database (tests). */
  filePath: string;
}

interface Row {
  etag: string;
  doc: string;
}

/** Thrown when an eTag-guarded write loses; same text as botbuilder's MemoryStorage so callers can't tell them apart. */
function conflictError(key: string): Error {
  return new Error(`Storage: error writing "${key}" due to eTag conflict.`);
}

function assertKeys(keys: unknown, operation: 'reading' | 'deleting'): asserts keys is string[] {
  if (keys === undefined || keys === null) {
    throw new ReferenceError(`Keys are required when ${operation}.`);
  }
  if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'string')) {
    throw new TypeError(`Storage: keys must be an array of strings when ${operation}.`);
  }
}

function assertChanges(changes: unknown): asserts changes is StoreItems {
  if (changes === undefined || changes === null) {
    throw new ReferenceError('Changes are required when writing.');
  }
  if (typeof changes !== 'object' || Array.isArray(changes)) {
    throw new TypeError('Storage: changes must be an object of items indexed by key.');
  }
}

/** Returns the eTag to check against, or undefined when the write is unconditional. */
function expectedETag(key: string, item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new TypeError(`Storage: item "${key}" must be an object.`);
  }
  const eTag: unknown = (item as StoreItem).eTag;
  // MemoryStorage treats any falsy eTag as "no eTag"; mirror that.
  if (!eTag || eTag === '*') {
    return undefined;
  }
  if (typeof eTag !== 'string') {
    // SQLite would coerce 5 to '5' against a TEXT column, which MemoryStorage's === never does.
    throw new TypeError(`Storage: eTag of item "${key}" must be a string.`);
  }
  return eTag;
}

/** The eTag lives only in its column, so a stale copy inside doc can never disagree with it. */
function serialize(item: StoreItem): string {
  const doc: Record<string, unknown> = { ...item };
  delete doc.eTag;
  return JSON.stringify(doc);
}

/**
 * botbuilder Storage backed by one SQLite file, with MemoryStorage's eTag semantics.
 *
 * A write batch is a single IMMEDIATE transaction: either every item is written or, on the first
 * eTag conflict, none is (MemoryStorage writes the non-conflicting keys; all-or-nothing is safer).
 * eTags are random UUIDs rather than a counter, because several processes may share the file and
 * per-process counters would collide, letting a stale writer match a newer row's eTag.
 */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly selectStmt: Database.Statement<[string], Row>;
  private readonly upsertStmt: Database.Statement<[string, string, string]>;
  private readonly insertIfAbsentStmt: Database.Statement<[string, string, string]>;
  private readonly updateIfMatchStmt: Database.Statement<[string, string, string, string]>;
  private readonly deleteStmt: Database.Statement<[string]>;
  private readonly pingStmt: Database.Statement<[], unknown>;
  private readonly readAll: (keys: string[]) => StoreItems;
  private readonly writeAll: (changes: StoreItems) => void;
  private readonly deleteAll: (keys: string[]) => void;

  constructor(options: SqliteStorageOptions) {
    const { filePath } = options;
    if (typeof filePath !== 'string' || filePath.length === 0) {
      // An empty path would silently give a throwaway temp database.
      throw new TypeError('SqliteStorage: filePath is required.');
    }
    if (filePath !== ':memory:') {
      fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
    }
    this.db = new Database(filePath);
    // busy_timeout first, so the WAL switch itself waits for another process holding the lock.
    this.db.pragma('busy_timeout = 5000');
    // WAL lets readers in other processes proceed while one process writes. If the filesystem
    // refuses WAL, SQLite keeps the rollback journal, which is slower but still correct.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS store_items (key TEXT PRIMARY KEY, etag TEXT NOT NULL, doc TEXT NOT NULL)',
    );

    this.selectStmt = this.db.prepare<[string], Row>('SELECT etag, doc FROM store_items WHERE key = ?');
    this.upsertStmt = this.db.prepare<[string, string, string]>(
      'INSERT INTO store_items (key, etag, doc) VALUES (?, ?, ?) ' +
        'ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, doc = excluded.doc',
    );
    this.insertIfAbsentStmt = this.db.prepare<[string, string, string]>(
      'INSERT INTO store_items (key, etag, doc) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING',
    );
    this.updateIfMatchStmt = this.db.prepare<[string, string, string, string]>(
      'UPDATE store_items SET etag = ?, doc = ? WHERE key = ? AND etag = ?',
    );
    this.deleteStmt = this.db.prepare<[string]>('DELETE FROM store_items WHERE key = ?');
    this.pingStmt = this.db.prepare<[], unknown>('SELECT 1');

    // A read transaction gives one consistent snapshot across all requested keys.
    this.readAll = this.db.transaction((keys: string[]) => {
      const items: StoreItems = {};
      for (const key of keys) {
        const row = this.selectStmt.get(key);
        if (row) {
          items[key] = { ...(JSON.parse(row.doc) as StoreItem), eTag: row.etag };
        }
      }
      return items;
    });
    const writeTx = this.db.transaction((changes: StoreItems) => {
      for (const [key, item] of Object.entries(changes)) {
        this.writeOne(key, item);
      }
    });
    // IMMEDIATE takes the write lock up front; a deferred read-then-write transaction can fail with
    // SQLITE_BUSY_SNAPSHOT in WAL mode without busy_timeout retrying it.
    this.writeAll = (changes) => writeTx.immediate(changes);
    const deleteTx = this.db.transaction((keys: string[]) => {
      for (const key of keys) {
        this.deleteStmt.run(key);
      }
    });
    this.deleteAll = (keys) => deleteTx.immediate(keys);
  }

  async read(keys: string[]): Promise<StoreItems> {
    assertKeys(keys, 'reading');
    if (keys.length === 0) {
      return {};
    }
    return this.readAll(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    assertChanges(changes);
    if (Object.keys(changes).length === 0) {
      return;
    }
    this.writeAll(changes);
  }

  async delete(keys: string[]): Promise<void> {
    assertKeys(keys, 'deleting');
    if (keys.length === 0) {
      return;
    }
    this.deleteAll(keys);
  }

  /** Cheap liveness probe for /readyz; rejects once the database is closed or unusable. */
  async ping(): Promise<void> {
    this.pingStmt.get();
  }

  /** Idempotent; later calls to read/write/delete/ping reject. */
  close(): void {
    if (this.db.open) {
      this.db.close();
    }
  }

  private writeOne(key: string, item: unknown): void {
    const expected = expectedETag(key, item);
    const doc = serialize(item as StoreItem);
    const eTag = randomUUID();
    if (expected === undefined) {
      this.upsertStmt.run(key, eTag, doc);
      return;
    }
    // The WHERE clause makes the check-and-set one statement, so it stays atomic even outside the
    // surrounding transaction.
    if (this.updateIfMatchStmt.run(eTag, doc, key, expected).changes === 1) {
      return;
    }
    // MemoryStorage accepts any eTag when the key does not exist yet; so do we.
    if (this.insertIfAbsentStmt.run(key, eTag, doc).changes === 1) {
      return;
    }
    throw conflictError(key);
  }
}

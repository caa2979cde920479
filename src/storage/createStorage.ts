import path from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import { SqliteStorage } from './sqliteStorage';

export type StorageKind = 'sqlite' | 'memory';

/** A Storage plus the lifecycle hooks the server needs for /readyz and graceful shutdown. */
export interface AppStorage {
  storage: Storage;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface CreateStorageOptions {
  dataDir: string;
}

export const SQLITE_FILE_NAME = 'bot.sqlite';

function createSqlite(options: CreateStorageOptions): AppStorage {
  const sqlite = new SqliteStorage({ filePath: path.join(options.dataDir, SQLITE_FILE_NAME) });
  return {
    storage: sqlite,
    ping: () => sqlite.ping(),
    close: async () => sqlite.close(),
  };
}

function createMemory(): AppStorage {
  return {
    storage: new MemoryStorage(),
    // Nothing external can fail, so memory storage is always ready.
    ping: async () => undefined,
    close: async () => undefined,
  };
}

export function createStorage(kind: StorageKind, options: CreateStorageOptions): AppStorage {
  switch (kind) {
    case 'sqlite':
      return createSqlite(options);
    case 'memory':
      return createMemory();
    default: {
      // Compile-time exhaustiveness: adding a kind (e.g. 'blob') without a case fails to build.
      const unknownKind: never = kind;
      throw new Error(`Unknown storage kind: ${String(unknownKind)}`);
    }
  }
}

import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The part of botbuilder's Storage the reminder store uses. botbuilder's Storage (MemoryStorage,
 * SqliteStorage, BlobsStorage) satisfies it structurally, so callers pass one in directly.
 */
export interface KeyValueStorage {
  read(keys: string[]): Promise<Record<string, unknown>>;
  write(changes: Record<string, Record<string, unknown>>): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

/**
 * Storage has no "create only if absent". MemoryStorage and SqliteStorage insert when the key is
 * absent whatever the eTag, and reject a non-matching eTag when it exists; writing this never-issued
 * eTag therefore creates a document but conflicts if another instance created it first, where '*'
 * would silently overwrite that instance's document.
 */
export const CREATE_ONLY_ETAG = 'reminders:create-only';

/** MemoryStorage, SqliteStorage and BlobsStorage share this message; Cosmos reports HTTP 412. */
export function isETagConflict(error: unknown): boolean {
  if (error instanceof Error && /eTag conflict/i.test(error.message)) {
    return true;
  }
  if (typeof error === 'object' && error !== null) {
    const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
    return code === 412 || statusCode === 412;
  }
  return false;
}

/**
 * Re-runs a read-modify-write until its eTag-guarded write lands. Each round at least one contender
 * wins, so this terminates; the random pause keeps losers from colliding in lock-step again.
 */
export async function retryOnConflict<T>(operation: () => Promise<T>, maxAttempts = 100): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (!isETagConflict(error) || attempt >= maxAttempts) {
        throw error;
      }
      await sleep(Math.random() * Math.min(50, 2 ** attempt));
    }
  }
}

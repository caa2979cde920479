import { CREATE_ONLY_ETAG, type KeyValueStorage, retryOnConflict } from './keyValueStorage';

export const REMINDER_INDEX_KEY = 'reminders/index';

interface IndexSnapshot {
  ids: string[];
  eTag?: string;
}

/**
 * Ids of unfinished reminders. Storage cannot list keys, so without this document the scheduler
 * could not find reminders after a restart. Every change is an eTag-guarded read-modify-write, so
 * two instances adding at once both land instead of the later write dropping the other's id.
 */
export class ReminderIndex {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly key: string = REMINDER_INDEX_KEY,
  ) {}

  async list(): Promise<string[]> {
    return (await this.load()).ids;
  }

  add(id: string): Promise<void> {
    return this.update((ids) => (ids.includes(id) ? undefined : [...ids, id]));
  }

  remove(idsToRemove: readonly string[]): Promise<void> {
    const drop = new Set(idsToRemove);
    return this.update((ids) => {
      const kept = ids.filter((id) => !drop.has(id));
      return kept.length === ids.length ? undefined : kept;
    });
  }

  /** `change` returns undefined for "nothing to do", which skips a pointless write. */
  private update(change: (ids: string[]) => string[] | undefined): Promise<void> {
    return retryOnConflict(async () => {
      const { ids, eTag } = await this.load();
      const next = change(ids);
      if (next === undefined) {
        return;
      }
      await this.storage.write({ [this.key]: { ids: next, eTag: eTag ?? CREATE_ONLY_ETAG } });
    });
  }

  private async load(): Promise<IndexSnapshot> {
    const doc = (await this.storage.read([this.key]))[this.key];
    if (typeof doc !== 'object' || doc === null) {
      return { ids: [] };
    }
    const { ids, eTag } = doc as { ids?: unknown; eTag?: unknown };
    return {
      ids: Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [],
      // A stored document without an eTag can only be overwritten unconditionally.
      eTag: typeof eTag === 'string' && eTag !== '' ? eTag : '*',
    };
  }
}

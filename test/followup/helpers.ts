import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import type { ScheduleInput } from '../../src/followup/reminderStore';

export const T0 = new Date('2026-03-01T08:00:00.000Z');
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export const at = (offsetMs: number): Date => new Date(T0.getTime() + offsetMs);

/** A temp directory per test with every storage opened on it closed and removed afterwards. */
export class TempDb {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-'));
  readonly file = path.join(this.dir, 'bot.sqlite');
  private readonly opened: SqliteStorage[] = [];

  open(): SqliteStorage {
    const storage = new SqliteStorage({ filePath: this.file });
    this.opened.push(storage);
    return storage;
  }

  dispose(): void {
    for (const storage of this.opened) {
      storage.close();
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(private current: Date = T0) {}
  readonly now = (): Date => this.current;
  set(date: Date): void {
    this.current = date;
  }
}

export function delistInput(overrides: Partial<ScheduleInput> = {}): ScheduleInput {
  return {
    conversationReference: {
      channelId: 'msteams',
      serviceUrl: 'https://smba.example.test/',
      conversation: { id: 'conv-1', isGroup: false, conversationType: 'personal', name: '' },
      user: { id: 'user-1', name: '王小明' },
      bot: { id: 'bot-1', name: 'Sender Support Bot' },
    },
    locale: 'zh-TW',
    topic: { kind: 'delist', ip: '203.0.113.7', route: 'olc', code: 'S3150' },
    now: T0,
    delayMs: DAY,
    ...overrides,
  };
}

export async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

import type { Activity } from 'botbuilder';
import { activityId, randomId } from './ids';
import type { LocalDirectLineLimits } from './limits';

/** What a Direct Line client receives, on a poll or in one WebSocket frame. */
export interface ActivitySet {
  activities: Partial<Activity>[];
  watermark?: string;
}

/** One open WebSocket (or any other live reader) of a conversation. */
export interface StreamListener {
  send(set: ActivitySet): void;
  close(reason: string): void;
}

interface StoredActivity {
  seq: number;
  activity: Partial<Activity>;
  bytes: number;
}

export class Conversation {
  started = false;
  userId?: string;
  userName?: string;
  locale?: string;
  /** Whether the bot has been told (conversationUpdate) that the user joined. */
  userAnnounced = false;
  lastUsed: number;
  bytes = 0;
  readonly entries: StoredActivity[] = [];
  readonly listeners: StreamListener[] = [];
  private seq = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly id: string,
    now: number,
  ) {
    this.lastUsed = now;
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  get watermark(): number {
    return this.seq;
  }

  /**
   * Runs the conversation's turns one after the other, as Direct Line does: the bot's conversation state is
   * last-writer-wins, so two concurrent turns of one conversation would overwrite each other.
   */
  enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(task);
    this.chain = run.catch(() => undefined);
    return run;
  }
}

export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private totalBytes = 0;
  private readonly removedHooks: ((conversationId: string) => void)[] = [];

  constructor(
    private readonly limits: LocalDirectLineLimits,
    private readonly now: () => number,
  ) {}

  /** Called with the id of every conversation that is dropped (idle, evicted), to free its tokens and files. */
  onRemoved(hook: (conversationId: string) => void): void {
    this.removedHooks.push(hook);
  }

  create(): Conversation {
    this.sweepIdle();
    while (this.conversations.size >= this.limits.maxConversations) this.evictLeastRecentlyUsed();
    const conversation = new Conversation(randomId(), this.now());
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  get(conversationId: string): Conversation | undefined {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return undefined;
    if (this.now() - conversation.lastUsed > this.limits.conversationIdleMs) {
      this.remove(conversation.id, 'idle');
      return undefined;
    }
    return conversation;
  }

  touch(conversation: Conversation): void {
    conversation.lastUsed = this.now();
    // Map order doubles as the LRU order.
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  /** Stores an activity, gives it the next id and sequence (unless it keeps its id) and pushes it to streams. */
  append(conversation: Conversation, activity: Partial<Activity>, keepId = false): Partial<Activity> {
    const seq = conversation.nextSeq();
    const stored: Partial<Activity> = {
      ...activity,
      id: keepId && activity.id ? activity.id : activityId(conversation.id, seq),
      timestamp: activity.timestamp ?? new Date(this.now()),
      conversation: { ...activity.conversation, id: conversation.id } as Activity['conversation'],
    };
    const bytes = Buffer.byteLength(JSON.stringify(stored));
    conversation.entries.push({ seq, activity: stored, bytes });
    conversation.bytes += bytes;
    this.totalBytes += bytes;
    while (conversation.entries.length > this.limits.maxActivitiesPerConversation)
      this.dropOldest(conversation);
    this.enforceByteBudget(conversation);
    this.publish(conversation, { activities: [stored], watermark: String(seq) });
    return stored;
  }

  /**
   * Replaces an activity: the new version moves to the end of the history under a new sequence number, so
   * pollers past the old version see it too, while a resumed page shows it once, in its latest form.
   */
  update(conversation: Conversation, id: string, activity: Partial<Activity>): Partial<Activity> | undefined {
    const index = conversation.entries.findIndex((e) => e.activity.id === id);
    if (index < 0) return undefined;
    this.removeEntry(conversation, index);
    return this.append(conversation, { ...activity, id }, true);
  }

  delete(conversation: Conversation, id: string): boolean {
    const index = conversation.entries.findIndex((e) => e.activity.id === id);
    if (index < 0) return false;
    this.removeEntry(conversation, index);
    return true;
  }

  /** The history after a watermark (0: all of it) and the watermark to ask with next. */
  after(conversation: Conversation, watermark: number): ActivitySet {
    return {
      activities: conversation.entries.filter((e) => e.seq > watermark).map((e) => e.activity),
      watermark: String(conversation.watermark),
    };
  }

  /** Ephemeral activities (typing) go to open streams only, as in Direct Line: never polled, never replayed. */
  publish(conversation: Conversation, set: ActivitySet): void {
    for (const listener of [...conversation.listeners]) listener.send(set);
  }

  subscribe(conversation: Conversation, listener: StreamListener): () => void {
    conversation.listeners.push(listener);
    while (conversation.listeners.length > this.limits.maxStreamsPerConversation) {
      conversation.listeners.shift()?.close('too many streams for this conversation');
    }
    return () => {
      const index = conversation.listeners.indexOf(listener);
      if (index >= 0) conversation.listeners.splice(index, 1);
    };
  }

  remove(conversationId: string, reason: string): void {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return;
    this.conversations.delete(conversationId);
    this.totalBytes -= conversation.bytes;
    for (const listener of conversation.listeners.splice(0)) listener.close(reason);
    for (const hook of this.removedHooks) hook(conversationId);
  }

  clear(): void {
    for (const id of [...this.conversations.keys()]) this.remove(id, 'server shutting down');
  }

  get size(): number {
    return this.conversations.size;
  }

  private sweepIdle(): void {
    const now = this.now();
    for (const conversation of [...this.conversations.values()]) {
      if (now - conversation.lastUsed > this.limits.conversationIdleMs) this.remove(conversation.id, 'idle');
    }
  }

  private evictLeastRecentlyUsed(except?: Conversation): boolean {
    for (const conversation of this.conversations.values()) {
      if (conversation === except) continue;
      this.remove(conversation.id, 'evicted to make room');
      return true;
    }
    return false;
  }

  private enforceByteBudget(current: Conversation): void {
    while (this.totalBytes > this.limits.maxStoredBytes && this.evictLeastRecentlyUsed(current)) {
      // Other conversations go first; the one being written to loses its oldest activities only as a last resort.
    }
    while (this.totalBytes > this.limits.maxStoredBytes && current.entries.length > 1)
      this.dropOldest(current);
  }

  private dropOldest(conversation: Conversation): void {
    this.removeEntry(conversation, 0);
  }

  private removeEntry(conversation: Conversation, index: number): void {
    const [entry] = conversation.entries.splice(index, 1);
    conversation.bytes -= entry.bytes;
    this.totalBytes -= entry.bytes;
  }
}

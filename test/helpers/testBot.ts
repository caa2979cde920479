import { ActivityTypes, TestAdapter, type Activity, type Attachment } from 'botbuilder';
import { createBotCore, type AppDeps, type BotCore } from '../../src/app';
import { loadConfig, type AppConfig } from '../../src/config';

/** A valid configuration for tests: memory storage, silent logs; overrides win. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent', ...env });
}

export interface Reply {
  type: string;
  text: string;
  suggestions: string[];
  attachments: Attachment[];
}

function toReply(a: Partial<Activity>): Reply {
  return {
    type: a.type ?? '',
    text: a.text ?? '',
    suggestions: (a.suggestedActions?.actions ?? []).map((action) => String(action.title)),
    attachments: a.attachments ?? [],
  };
}

/**
 * Talks to the real bot (dialogs, middleware, error boundary) through botbuilder's TestAdapter,
 * one user turn at a time, and returns what the bot said in that turn (typing indicators left out).
 */
export class TestConversation {
  readonly adapter: TestAdapter;

  constructor(
    readonly core: BotCore,
    readonly locale = 'en-US',
    conversationId = 'conv-1',
  ) {
    this.adapter = new TestAdapter(TestAdapter.createConversation(conversationId));
    core.configureAdapter(this.adapter);
  }

  static create(locale = 'en-US', env: Record<string, string> = {}, deps: AppDeps = {}): TestConversation {
    return new TestConversation(createBotCore(testConfig(env), deps), locale);
  }

  async activity(activity: Partial<Activity>): Promise<Reply[]> {
    this.adapter.activeQueue.splice(0);
    await this.adapter.processActivity({ locale: this.locale, ...activity }, (ctx) => this.core.bot.run(ctx));
    return this.adapter.activeQueue
      .splice(0)
      .filter((a) => a.type !== ActivityTypes.Typing)
      .map(toReply);
  }

  say(text: string): Promise<Reply[]> {
    return this.activity({ type: ActivityTypes.Message, text });
  }

  join(): Promise<Reply[]> {
    return this.activity({
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: 'user1', name: 'User1' }],
    });
  }
}

export function texts(replies: Reply[]): string[] {
  return replies.map((r) => r.text);
}

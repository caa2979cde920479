import type { Activity } from 'botbuilder';
import { createApp, type App, type AppDeps } from '../../src/app';
import { testConfig } from './testBot';

/** An activity as a channel would POST it: ids only, the rest filled in by send(). */
export type WireActivity = Omit<Partial<Activity>, 'conversation'> & { conversation?: { id: string } };

export interface RunningApp {
  app: App;
  baseUrl: string;
  /** POSTs one activity with deliveryMode expectReplies and returns the bot's replies from the response body. */
  send(activity: WireActivity): Promise<Partial<Activity>[]>;
  stop(): Promise<void>;
}

let nextId = 0;

/** The real server (restify, CloudAdapter, local mode) on a free loopback port. */
export async function startApp(env: Record<string, string> = {}, deps: AppDeps = {}): Promise<RunningApp> {
  const app = createApp(testConfig({ PORT: '0', ...env }), deps);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${app.server.address().port}`;
  return {
    app,
    baseUrl,
    async send(activity) {
      const body = {
        channelId: 'test-http',
        serviceUrl: 'http://127.0.0.1:1/unused',
        conversation: { id: 'http-conv-1' },
        from: { id: 'user1', name: 'User' },
        recipient: { id: 'bot', name: 'Bot' },
        id: `act-${++nextId}`,
        deliveryMode: 'expectReplies',
        ...activity,
      };
      const res = await fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status !== 200)
        throw new Error(`POST /api/messages answered ${res.status}: ${await res.text()}`);
      const payload = (await res.json()) as { activities?: Partial<Activity>[] };
      return (payload.activities ?? []).filter((a) => a.type !== 'typing');
    },
    stop: () => app.close(),
  };
}

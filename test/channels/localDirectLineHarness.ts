import type { AddressInfo } from 'node:net';
import pino from 'pino';
import restify from 'restify';
import WebSocket from 'ws';
import type { Activity } from 'botbuilder';
import {
  registerLocalDirectLine,
  type LocalDirectLine,
  type LocalDirectLineLimits,
} from '../../src/channels/localDirectLine';

export interface ActivitySet {
  activities: Partial<Activity>[];
  watermark?: string;
}

export type Deliver = (activity: Partial<Activity>) => Promise<void>;

export interface Harness {
  baseUrl: string;
  channel: LocalDirectLine;
  /** What the channel handed to the bot, in order. */
  delivered: Partial<Activity>[];
  stop(): Promise<void>;
}

/** Only the local channel's routes on a real restify server, with the same bodyParser as createServer. */
export async function startHarness(options: {
  deliver: (h: { delivered: Partial<Activity>[] }) => Deliver;
  maxUploadBytes?: number;
  limits?: Partial<LocalDirectLineLimits>;
  host?: string;
}): Promise<Harness> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 4 * 1024 * 1024, mapParams: false }));
  const delivered: Partial<Activity>[] = [];
  const deliver = options.deliver({ delivered });
  let baseUrl = '';
  const channel = registerLocalDirectLine(server, {
    deliver: async (activity) => {
      delivered.push(activity);
      await deliver(activity);
    },
    publicBaseUrl: () => baseUrl,
    // A real pino logger: the channel's logger type must accept the app's.
    logger: pino({ level: 'silent' }),
    maxUploadBytes: options.maxUploadBytes ?? 64 * 1024,
    limits: options.limits,
  });
  await new Promise<void>((resolve) => server.listen(0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    channel,
    delivered,
    stop: async () => {
      channel.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Posts a bot message over the Bot Connector REST API, as CloudAdapter's ConnectorClient does. */
export async function botSay(to: Partial<Activity>, text: string): Promise<string> {
  const conversationId = encodeURIComponent(to.conversation?.id ?? '');
  const url = `${to.serviceUrl}v3/conversations/${conversationId}/activities/${encodeURIComponent(to.id ?? '')}`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({
      type: 'message',
      text,
      from: to.recipient,
      recipient: to.from,
      conversation: to.conversation,
      replyToId: to.id,
    }),
  });
  if (res.status !== 200) throw new Error(`connector answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export interface CallResult<T> {
  status: number;
  json: T;
}

export async function call<T = Record<string, unknown>>(
  h: Harness,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<CallResult<T>> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${h.baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as T };
}

export interface Started {
  conversationId: string;
  token: string;
  streamUrl: string;
}

/** What Web Chat does: a token from the page's server, then "start conversation" with it. */
export async function startConversation(h: Harness, user?: { id: string; name?: string }): Promise<Started> {
  const generated = await call<{ token: string }>(h, 'POST', '/v3/directline/tokens/generate', undefined, {
    user,
  });
  const started = await call<Started>(h, 'POST', '/v3/directline/conversations', generated.json.token, {
    user: {},
    locale: 'en-US',
  });
  if (started.status !== 201) throw new Error(`start answered ${started.status}`);
  return started.json;
}

export async function poll(h: Harness, s: Started, watermark = ''): Promise<ActivitySet> {
  const res = await call<ActivitySet>(
    h,
    'GET',
    `/v3/directline/conversations/${s.conversationId}/activities?watermark=${watermark}`,
    s.token,
  );
  if (res.status !== 200) throw new Error(`poll answered ${res.status}`);
  return res.json;
}

export interface StreamClient {
  frames: ActivitySet[];
  /** Resolves with the first activity (already received or coming) that matches. */
  waitFor(match: (a: Partial<Activity>) => boolean, timeoutMs?: number): Promise<Partial<Activity>>;
  close(): void;
}

export function openStream(url: string): Promise<StreamClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const frames: ActivitySet[] = [];
    const waiters: (() => void)[] = [];
    ws.on('message', (data) => {
      frames.push(JSON.parse(String(data)) as ActivitySet);
      for (const w of waiters.splice(0)) w();
    });
    ws.on('unexpected-response', (_req, res) => reject(new Error(`stream refused: ${res.statusCode}`)));
    ws.on('error', reject);
    ws.on('open', () =>
      resolve({
        frames,
        close: () => ws.close(),
        waitFor: (match, timeoutMs = 5000) =>
          new Promise((done, fail) => {
            const timer = setTimeout(() => fail(new Error('no matching activity on the stream')), timeoutMs);
            const check = (): void => {
              const found = frames.flatMap((f) => f.activities).find(match);
              if (found) {
                clearTimeout(timer);
                done(found);
              } else waiters.push(check);
            };
            check();
          }),
      }),
    );
  });
}

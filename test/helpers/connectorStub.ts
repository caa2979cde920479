import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

export interface ReceivedActivity {
  conversationId: string;
  activity: Partial<Activity>;
}

export interface ConnectorStub {
  /** Use as the activities' serviceUrl: the bot sends its replies and proactive messages here. */
  url: string;
  received: ReceivedActivity[];
  /** Every request, including the ones answered with a failure status. */
  attempts: number;
  /** Status codes to answer with, in order, before falling back to 200 (e.g. [429] to test retries). */
  failNext(statuses: number[], headers?: Record<string, string>): void;
  stop(): Promise<void>;
}

/**
 * A stand-in for the Bot Connector service on loopback: it accepts what the real CloudAdapter POSTs
 * to `{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]` and records it.
 */
export async function startConnectorStub(): Promise<ConnectorStub> {
  const received: ReceivedActivity[] = [];
  let failures: { status: number; headers: Record<string, string> }[] = [];
  let nextId = 0;
  const stub = { attempts: 0 };
  const server = http.createServer((req, res) => {
    stub.attempts += 1;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      const failure = failures.shift();
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        res.end(JSON.stringify({ error: { code: 'Throttled', message: 'stub failure' } }));
        return;
      }
      if (req.method !== 'POST' || !match) {
        res.writeHead(404).end();
        return;
      }
      received.push({
        conversationId: decodeURIComponent(match[1]),
        activity: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<Activity>,
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `stub-${++nextId}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    get attempts() {
      return stub.attempts;
    },
    failNext: (statuses, headers = {}) => {
      failures = statuses.map((status) => ({ status, headers }));
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

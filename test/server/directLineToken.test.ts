import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startApp, type RunningApp } from '../helpers/httpBot';

const SECRET = 'dl-secret-never-leaves-the-server';

interface TokenRequest {
  authorization?: string;
  body: { user?: { id?: string }; trustedOrigins?: string[] };
}

/** A stand-in for Direct Line's tokens/generate on loopback. */
async function startDirectLineStub(
  status = 200,
): Promise<{ url: string; requests: TokenRequest[]; stop(): Promise<void> }> {
  const requests: TokenRequest[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      if (req.url !== '/v3/directline/tokens/generate' || req.method !== 'POST') {
        res.writeHead(404).end();
        return;
      }
      requests.push({ authorization: req.headers.authorization, body: JSON.parse(raw || '{}') });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ conversationId: 'abc123', token: 'conversation-token', expires_in: 3600 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const post = (app: RunningApp) => fetch(`${app.baseUrl}/api/directline/token`, { method: 'POST' });

describe('POST /api/directline/token', () => {
  it('answers a clear 503 when no Direct Line secret is configured', async () => {
    const app = await startApp();
    try {
      const res = await post(app);
      expect(res.status).to.equal(503);
      expect(((await res.json()) as { message: string }).message).to.contain('DIRECT_LINE_SECRET');
    } finally {
      await app.stop();
    }
  });

  it('exchanges the secret for a token, with a server-made dl_ user id and trusted origins; never returns the secret', async () => {
    const stub = await startDirectLineStub();
    const app = await startApp({
      DIRECT_LINE_SECRET: SECRET,
      DIRECT_LINE_ENDPOINT: stub.url,
      TRUSTED_ORIGINS: 'https://www.contoso.com',
    });
    try {
      const res = await post(app);
      const text = await res.text();
      expect(res.status).to.equal(200);
      expect(text).not.to.contain(SECRET);
      const body = JSON.parse(text) as { token: string; conversationId: string; userId: string };
      expect(body.token).to.equal('conversation-token');
      expect(body.userId).to.match(/^dl_[0-9a-f-]{36}$/);
      expect(stub.requests[0].authorization).to.equal(`Bearer ${SECRET}`);
      expect(stub.requests[0].body.user?.id).to.equal(body.userId);
      expect(stub.requests[0].body.trustedOrigins).to.deep.equal(['https://www.contoso.com']);
    } finally {
      await app.stop();
      await stub.stop();
    }
  });

  it('limits requests per client IP with 429 and Retry-After', async () => {
    const stub = await startDirectLineStub();
    const app = await startApp({
      DIRECT_LINE_SECRET: SECRET,
      DIRECT_LINE_ENDPOINT: stub.url,
      TOKEN_RATE_LIMIT_PER_MINUTE: '2',
    });
    try {
      expect((await post(app)).status).to.equal(200);
      expect((await post(app)).status).to.equal(200);
      const limited = await post(app);
      expect(limited.status).to.equal(429);
      expect(Number(limited.headers.get('retry-after'))).to.be.within(1, 60);
      expect(stub.requests).to.have.length(2);
    } finally {
      await app.stop();
      await stub.stop();
    }
  });

  it('answers 502 when Direct Line refuses, without details of the secret', async () => {
    const stub = await startDirectLineStub(403);
    const app = await startApp({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: stub.url });
    try {
      const res = await post(app);
      expect(res.status).to.equal(502);
      expect(await res.text()).not.to.contain(SECRET);
    } finally {
      await app.stop();
      await stub.stop();
    }
  });
});

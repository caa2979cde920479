import { expect } from 'chai';
import { startApp, type RunningApp } from '../helpers/httpBot';

describe('HTTP server (real restify + CloudAdapter, local mode)', () => {
  let running: RunningApp;
  before(async () => {
    running = await startApp();
  });
  after(async () => {
    await running.stop();
  });

  it('GET /healthz answers 200', async () => {
    const res = await fetch(`${running.baseUrl}/healthz`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal({ status: 'ok' });
  });

  it('GET /readyz answers 200 while storage is reachable', async () => {
    const res = await fetch(`${running.baseUrl}/readyz`);
    expect(res.status).to.equal(200);
  });

  for (const [locale, conversation, expected, menu] of [
    [
      'en-US',
      'welcome-en',
      "Hi! I'm the Sender Support Bot.",
      ['Diagnose a bounce', 'Request delisting', 'Help', '中文'],
    ],
    ['zh-TW', 'welcome-zh', '您好！我是寄件者支援機器人。', ['診斷退信', '申請解除封鎖', '說明', 'English']],
  ] as const) {
    it(`welcomes a joining user in ${locale} in the response body (expectReplies)`, async () => {
      const replies = await running.send({
        type: 'conversationUpdate',
        locale,
        conversation: { id: conversation },
        membersAdded: [{ id: 'user1', name: 'User' }],
      });
      expect(replies[0].text).to.contain(expected);
      expect(replies[1].suggestedActions?.actions.map((a) => a.title)).to.deep.equal([...menu]);
    });
  }

  it('refuses a body over the size limit with 413', async () => {
    const small = await startApp({ MAX_BODY_BYTES: '2048' });
    try {
      const res = await fetch(`${small.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'x'.repeat(10_000) }),
      });
      expect(res.status).to.equal(413);
    } finally {
      await small.stop();
    }
  });

  it('answers malformed JSON with 400, and keeps serving', async () => {
    const res = await fetch(`${running.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message", ',
    });
    expect(res.status).to.equal(400);
    expect((await fetch(`${running.baseUrl}/healthz`)).status).to.equal(200);
  });

  it('GET /readyz answers 503 when storage is unreachable', async () => {
    const broken = await startApp(
      {},
      {
        storage: {
          storage: running.app.storage.storage,
          ping: async () => {
            throw new Error('unreachable');
          },
          close: async () => undefined,
        },
      },
    );
    try {
      expect((await fetch(`${broken.baseUrl}/readyz`)).status).to.equal(503);
    } finally {
      await broken.stop();
    }
  });
});

describe('HTTP server with channel authentication', () => {
  it('rejects an unauthenticated request with 401 when MicrosoftAppId is set', async () => {
    const secured = await startApp({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'x',
    });
    try {
      const res = await fetch(`${secured.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: 'hi',
          channelId: 'msteams',
          serviceUrl: 'https://smba.trafficmanager.net/emea/',
          conversation: { id: 'c' },
          from: { id: 'u' },
          recipient: { id: 'b' },
        }),
      });
      expect(res.status).to.equal(401);
    } finally {
      await secured.stop();
    }
  });
});

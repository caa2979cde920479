import { createHash } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { isLoopbackAddress } from '../../src/channels/localDirectLine';
import {
  botSay,
  call,
  openStream,
  poll,
  startConversation,
  startHarness,
  type Harness,
  type Started,
} from './localDirectLineHarness';

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const EML = Buffer.from(
  'From: postmaster@example.com\r\nTo: sender@example.org\r\nSubject: Undeliverable: 退信\r\n\r\n550 5.7.1 blocked\r\n',
  'utf8',
);

describe('local Direct Line channel (real restify, fake bot over the connector API)', () => {
  let h: Harness;
  /** Files the fake bot fetched from contentUrl, by attachment name. */
  const fetched = new Map<string, Buffer>();

  before(async () => {
    h = await startHarness({
      maxUploadBytes: 64 * 1024,
      limits: { maxActivityBytes: 16 * 1024 },
      deliver: () => async (activity: Partial<Activity>) => {
        if (activity.type !== 'message') return;
        if (activity.text === 'fail') throw new Error('bot crashed');
        if (activity.attachments?.length) {
          for (const a of activity.attachments) {
            const res = await fetch(a.contentUrl ?? '');
            fetched.set(a.name ?? '', Buffer.from(await res.arrayBuffer()));
          }
          await botSay(activity, `received ${activity.attachments.map((a) => a.name).join(', ')}`);
          return;
        }
        if (activity.text === 'update-me') {
          const id = await botSay(activity, 'working…');
          const url = `${activity.serviceUrl}v3/conversations/${activity.conversation?.id}/activities/${encodeURIComponent(id)}`;
          const res = await fetch(url, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ type: 'message', id, text: 'done', from: activity.recipient }),
          });
          if (res.status !== 200) throw new Error(`PUT answered ${res.status}`);
          return;
        }
        await botSay(activity, `echo: ${activity.text}`);
      },
    });
  });
  after(async () => {
    await h.stop();
  });

  const post = (s: Started, activity: object) =>
    call<{ id: string }>(
      h,
      'POST',
      `/v3/directline/conversations/${s.conversationId}/activities`,
      s.token,
      activity,
    );

  it('starts a conversation (201), and answers 200 for the same token again', async () => {
    const generated = await call<{ conversationId: string; token: string; expires_in: number }>(
      h,
      'POST',
      '/v3/directline/tokens/generate',
    );
    expect(generated.status).to.equal(200);
    expect(generated.json.expires_in).to.equal(1800);
    const first = await call<Started>(h, 'POST', '/v3/directline/conversations', generated.json.token, {});
    expect(first.status).to.equal(201);
    expect(first.json.conversationId).to.equal(generated.json.conversationId);
    expect(first.json.streamUrl).to.match(
      /^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/.+\/stream\?t=/,
    );
    const again = await call<Started>(h, 'POST', '/v3/directline/conversations', generated.json.token, {});
    expect(again.status).to.equal(200);
    expect(again.json.conversationId).to.equal(first.json.conversationId);
  });

  it('echoes the user activity with its clientActivityID and returns the bot reply on a poll', async () => {
    const s = await startConversation(h);
    const posted = await post(s, {
      type: 'message',
      text: 'hello',
      from: { id: 'r_page', name: 'Page user', role: 'user' },
      channelData: { clientActivityID: 'client-1' },
    });
    expect(posted.status).to.equal(200);
    expect(posted.json.id).to.equal(`${s.conversationId}|0000001`);

    const set = await poll(h, s);
    expect(set.activities.map((a) => a.text)).to.deep.equal(['hello', 'echo: hello']);
    const [echo, reply] = set.activities;
    expect(echo.id).to.equal(posted.json.id);
    expect((echo.channelData as { clientActivityID?: string }).clientActivityID).to.equal('client-1');
    expect(echo.from).to.include({ id: 'r_page', role: 'user' });
    expect(reply.replyToId).to.equal(posted.json.id);
    expect(reply.from?.role).to.equal('bot');
    expect(set.watermark).to.equal('2');
    expect((await poll(h, s, set.watermark)).activities).to.deep.equal([]);

    // The bot was told who joined first, then got the message addressed the Direct Line way.
    const toBot = h.delivered.filter((a) => a.conversation?.id === s.conversationId);
    expect(toBot.map((a) => a.type)).to.deep.equal(['conversationUpdate', 'message']);
    expect(toBot[1]).to.deep.include({
      channelId: 'directline',
      serviceUrl: `${h.baseUrl}/v3/localconnector/`,
    });
    expect(toBot[1].recipient?.id).to.equal('bot');
    expect(toBot[1].locale).to.equal('en-US');
  });

  it('announces a token-bound user right at the start (so the bot can welcome) and pins from.id to it', async () => {
    const s = await startConversation(h, { id: 'dl_alice', name: 'Alice' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const update = h.delivered.find((a) => a.conversation?.id === s.conversationId);
    expect(update?.type).to.equal('conversationUpdate');
    expect(update?.membersAdded?.map((m) => m.id)).to.deep.equal(['bot', 'dl_alice']);
    await post(s, { type: 'message', text: 'hi', from: { id: 'someone-else' } });
    const [echo] = (await poll(h, s)).activities;
    expect(echo.from?.id).to.equal('dl_alice');
  });

  it('streams the echo and the reply over the WebSocket at streamUrl', async () => {
    const s = await startConversation(h);
    const stream = await openStream(s.streamUrl);
    try {
      await post(s, { type: 'message', text: 'over ws', channelData: { clientActivityID: 'c-ws' } });
      const echo = await stream.waitFor((a) => a.text === 'over ws');
      expect((echo.channelData as { clientActivityID?: string }).clientActivityID).to.equal('c-ws');
      const reply = await stream.waitFor((a) => a.text === 'echo: over ws');
      expect(reply.replyToId).to.equal(echo.id);
      expect(stream.frames.at(-1)?.watermark).to.equal('2');
    } finally {
      stream.close();
    }
  });

  it('resumes a conversation (page reload): GET conversation gives a new streamUrl that replays history', async () => {
    const s = await startConversation(h);
    await post(s, { type: 'message', text: 'before reload' });
    const resumed = await call<Started>(
      h,
      'GET',
      `/v3/directline/conversations/${s.conversationId}?watermark=`,
      s.token,
    );
    expect(resumed.status).to.equal(200);
    expect(resumed.json.streamUrl).to.not.equal(s.streamUrl);
    const stream = await openStream(resumed.json.streamUrl);
    try {
      await stream.waitFor((a) => a.text === 'echo: before reload');
      expect(stream.frames[0].activities.map((a) => a.text)).to.deep.equal([
        'before reload',
        'echo: before reload',
      ]);
    } finally {
      stream.close();
    }
    // With a watermark only what came later is replayed.
    const later = await call<Started>(
      h,
      'GET',
      `/v3/directline/conversations/${s.conversationId}?watermark=1`,
      s.token,
    );
    const tail = await openStream(later.json.streamUrl);
    try {
      await tail.waitFor(() => true);
      expect(tail.frames[0].activities.map((a) => a.text)).to.deep.equal(['echo: before reload']);
    } finally {
      tail.close();
    }
  });

  it('refuses a streamUrl that was already used or has a wrong ticket', async () => {
    const s = await startConversation(h);
    const stream = await openStream(s.streamUrl);
    stream.close();
    let error = '';
    await openStream(s.streamUrl).catch((err: Error) => (error = err.message));
    expect(error).to.match(/403|socket hang up|Unexpected server response/);
  });

  it('keeps conversations apart: token A cannot read or write conversation B (403); no token is 401', async () => {
    const a = await startConversation(h);
    const b = await startConversation(h);
    const paths = [
      ['GET', `/v3/directline/conversations/${b.conversationId}/activities`],
      ['GET', `/v3/directline/conversations/${b.conversationId}`],
      ['POST', `/v3/directline/conversations/${b.conversationId}/activities`],
    ] as const;
    for (const [method, path] of paths) {
      const body = method === 'POST' ? { type: 'message', text: 'x' } : undefined;
      expect(
        (await call(h, method, path, a.token, body)).status,
        `${method} ${path} with A's token`,
      ).to.equal(403);
      expect(
        (await call(h, method, path, undefined, body)).status,
        `${method} ${path} without token`,
      ).to.equal(401);
    }
    expect(
      (await call(h, 'GET', `/v3/directline/conversations/${b.conversationId}/activities`, 'forged')).status,
    ).to.equal(403);
    expect((await poll(h, b)).activities).to.deep.equal([]);
  });

  it('refreshes a token; the new token works on the same conversation', async () => {
    const s = await startConversation(h);
    const refreshed = await call<{ token: string; conversationId: string }>(
      h,
      'POST',
      '/v3/directline/tokens/refresh',
      s.token,
    );
    expect(refreshed.status).to.equal(200);
    expect(refreshed.json.conversationId).to.equal(s.conversationId);
    expect(refreshed.json.token).to.not.equal(s.token);
    expect((await poll(h, { ...s, token: refreshed.json.token })).watermark).to.equal('0');
  });

  it('uploads an .eml: the bot fetches contentUrl and gets the same bytes', async () => {
    const s = await startConversation(h);
    const form = new FormData();
    form.append(
      'activity',
      new Blob([JSON.stringify({ type: 'message', text: '', channelData: { clientActivityID: 'c-up' } })], {
        type: 'application/vnd.microsoft.activity',
      }),
    );
    form.append('file', new Blob([EML], { type: 'message/rfc822' }), 'bounce.eml');
    const res = await fetch(
      `${h.baseUrl}/v3/directline/conversations/${s.conversationId}/upload?userId=r_up`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${s.token}` },
        body: form,
      },
    );
    expect(res.status).to.equal(200);
    const { id } = (await res.json()) as { id: string };
    expect(sha(fetched.get('bounce.eml') ?? Buffer.alloc(0))).to.equal(sha(EML));

    const [echo, reply] = (await poll(h, s)).activities;
    expect(echo.id).to.equal(id);
    expect((echo.channelData as { clientActivityID?: string }).clientActivityID).to.equal('c-up');
    expect(echo.from?.id).to.equal('r_up');
    expect(echo.attachments?.[0]).to.include({ name: 'bounce.eml', contentType: 'message/rfc822' });
    expect(reply.text).to.equal('received bounce.eml');
    const file = await fetch(echo.attachments?.[0].contentUrl ?? '');
    expect(file.headers.get('content-disposition')).to.match(/^attachment;/);
    expect(file.headers.get('x-content-type-options')).to.equal('nosniff');
  });

  it('answers an upload over the size limit with a clear 413', async () => {
    const s = await startConversation(h);
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(200 * 1024, 1)]), 'huge.eml');
    const res = await fetch(`${h.baseUrl}/v3/directline/conversations/${s.conversationId}/upload?userId=u`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.token}` },
      body: form,
    });
    expect(res.status).to.equal(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).to.contain('65536 bytes');
    expect((await poll(h, s)).activities).to.deep.equal([]);
  });

  it('answers an activity over maxActivityBytes with 413, a wrong type with 400, a bot failure with 502', async () => {
    const s = await startConversation(h);
    expect((await post(s, { type: 'message', text: 'x'.repeat(20_000) })).status).to.equal(413);
    expect((await post(s, { type: 'invoke', name: 'x' })).status).to.equal(400);
    expect((await post(s, { type: 'message', text: 'fail' })).status).to.equal(502);
  });

  it('delivers an activity update (PUT by the bot) to the stream, and history keeps only the new version', async () => {
    const s = await startConversation(h);
    const stream = await openStream(s.streamUrl);
    try {
      await post(s, { type: 'message', text: 'update-me' });
      const first = await stream.waitFor((a) => a.text === 'working…');
      const updated = await stream.waitFor((a) => a.text === 'done');
      expect(updated.id).to.equal(first.id);
    } finally {
      stream.close();
    }
    expect((await poll(h, s)).activities.map((a) => a.text)).to.deep.equal(['update-me', 'done']);
  });

  it('drops attachments from JSON posts that point outside this channel (the bot would fetch them)', async () => {
    const s = await startConversation(h);
    await post(s, {
      type: 'event',
      name: 'x',
      attachments: [
        { contentType: 'text/plain', contentUrl: 'http://169.254.169.254/latest/meta-data', name: 'ssrf' },
        { contentType: 'application/vnd.microsoft.card.adaptive', content: {} },
      ],
    });
    const [echo] = (await poll(h, s)).activities;
    expect(echo.attachments?.map((a) => a.contentType)).to.deep.equal([
      'application/vnd.microsoft.card.adaptive',
    ]);
  });

  it('connector API: 404 for unknown conversations and activities', async () => {
    const res = await fetch(`${h.baseUrl}/v3/localconnector/v3/conversations/nope/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'x' }),
    });
    expect(res.status).to.equal(404);
    const s = await startConversation(h);
    const put = await fetch(
      `${h.baseUrl}/v3/localconnector/v3/conversations/${s.conversationId}/activities/${encodeURIComponent(`${s.conversationId}|0000099`)}`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message' }),
      },
    );
    expect(put.status).to.equal(404);
  });
});

describe('local Direct Line channel: limits and loopback', () => {
  it('treats only loopback addresses as local', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(a), a).to.equal(true);
    for (const a of ['10.0.0.5', '::ffff:192.168.1.2', 'fe80::1', '', undefined]) {
      expect(isLoopbackAddress(a), String(a)).to.equal(false);
    }
  });

  it('refuses connector calls that do not come from this machine (403)', async function () {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) this.skip();
    const h = await startHarness({ deliver: () => async () => undefined, host: '0.0.0.0' });
    try {
      const s = await startConversation(h);
      const port = new URL(h.baseUrl).port;
      const res = await fetch(
        `http://${external?.address}:${port}/v3/localconnector/v3/conversations/${s.conversationId}/activities`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: 'spoofed' }),
        },
      );
      expect(res.status).to.equal(403);
      expect((await poll(h, s)).activities).to.deep.equal([]);
    } finally {
      await h.stop();
    }
  });

  it('bounds conversations (LRU) and activities per conversation', async () => {
    const h = await startHarness({
      deliver: () => async () => undefined,
      limits: { maxConversations: 2, maxActivitiesPerConversation: 3 },
    });
    try {
      const first = await startConversation(h);
      const second = await startConversation(h);
      for (let i = 1; i <= 5; i += 1) {
        await call(
          h,
          'POST',
          `/v3/directline/conversations/${second.conversationId}/activities`,
          second.token,
          {
            type: 'message',
            text: `m${i}`,
          },
        );
      }
      expect((await poll(h, second)).activities.map((a) => a.text)).to.deep.equal(['m3', 'm4', 'm5']);
      await startConversation(h);
      // The least recently used conversation was dropped, and its token with it.
      const res = await call(
        h,
        'GET',
        `/v3/directline/conversations/${first.conversationId}/activities`,
        first.token,
      );
      expect(res.status).to.equal(403);
    } finally {
      await h.stop();
    }
  });
});

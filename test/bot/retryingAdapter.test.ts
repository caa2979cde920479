import { expect } from 'chai';
import { retryAfterMs } from '../../src/bot/retryingAdapter';
import { startConnectorStub, type ConnectorStub } from '../helpers/connectorStub';
import { startApp, type RunningApp } from '../helpers/httpBot';

/** Replies go through the real CloudAdapter to a Bot Connector stub that throttles first. */
describe('outbound throttling: retry with backoff, honouring Retry-After', () => {
  let connector: ConnectorStub;
  let running: RunningApp;
  beforeEach(async () => {
    connector = await startConnectorStub();
    running = await startApp();
    running.app.adapter.retryPolicy = { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 200 };
  });
  afterEach(async () => {
    await running.stop();
    await connector.stop();
  });

  // A slow turn (waiting out a Retry-After) also sends a typing indicator; only messages matter here.
  const messages = () => connector.received.filter((r) => r.activity.type === 'message');

  async function sayHelp(): Promise<number> {
    const res = await fetch(`${running.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'help',
        locale: 'en-US',
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: 'throttled' },
        from: { id: 'user1' },
        recipient: { id: 'bot' },
      }),
    });
    return res.status;
  }

  for (const status of [429, 412, 502, 504]) {
    it(`retries after ${status}, then delivers every reply in order`, async () => {
      connector.failNext([status], { 'retry-after': '0' });
      expect(await sayHelp()).to.equal(200);
      const texts = messages().map((r) => r.activity.text ?? '');
      expect(texts[0]).to.contain("Here's what I can do:");
      expect(texts[1]).to.equal('What would you like to do?');
      expect(connector.attempts, 'one failed attempt more than delivered').to.be.greaterThan(
        connector.received.length,
      );
    });
  }

  it('waits as long as Retry-After says', async () => {
    connector.failNext([429], { 'retry-after': '1' });
    const started = Date.now();
    await sayHelp();
    expect(Date.now() - started).to.be.at.least(900);
    expect(messages()).to.have.length(2);
  });

  it('does not retry a 400: the error boundary handles it', async () => {
    connector.failNext([400, 400]);
    expect(await sayHelp()).to.equal(200);
    expect(connector.attempts, 'the reply and the apology, each tried once').to.be.at.most(3);
  });

  it('reads Retry-After as seconds or as a date', () => {
    const headers = (value: string) => ({ response: { headers: { get: () => value } } });
    expect(retryAfterMs(headers('3'))).to.equal(3000);
    expect(retryAfterMs(headers('Thu, 01 Jan 1970 00:00:10 GMT'), 4000)).to.equal(6000);
    expect(retryAfterMs(headers('soon'))).to.equal(undefined);
    expect(retryAfterMs({})).to.equal(undefined);
  });
});

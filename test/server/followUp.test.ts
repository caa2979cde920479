import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startConnectorStub, type ConnectorStub } from '../helpers/connectorStub';
import { startTestDnsServer, type TestDnsServer } from '../helpers/dnsServer';
import { startApp, type RunningApp } from '../helpers/httpBot';

/**
 * The delisting follow-up end to end: scheduled in a conversation over HTTP, persisted in SQLite,
 * delivered by the real CloudAdapter to a Bot Connector stub on loopback after the delay (an injected
 * clock), across an app restart, and once only when two instances share the storage.
 */
const IP = '45.79.188.170';
const MAILBOX_NDR = `550 5.7.511 Access denied, banned sender[${IP}]. To request removal from this list, forward this message to delist@microsoft.com.`;
const HOUR = 3_600_000;

describe('delisting follow-up (proactive, persisted, sent once)', function () {
  this.timeout(30000);
  let dns: TestDnsServer;
  let connector: ConnectorStub;
  let dataDir: string;
  let now: number;
  const apps: RunningApp[] = [];
  const clock = (): Date => new Date(now);

  beforeEach(async () => {
    dns = await startTestDnsServer({ '*': 'nxdomain' });
    connector = await startConnectorStub();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-followup-'));
    now = Date.parse('2026-11-27T09:00:00Z');
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.stop()));
    await connector.stop();
    await dns.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<RunningApp> {
    const app = await startApp({ STORAGE: 'sqlite', DATA_DIR: dataDir, DNS_SERVERS: dns.address }, { clock });
    apps.push(app);
    return app;
  }

  async function requestReminder(app: RunningApp, locale: string): Promise<void> {
    const conversation = { id: `followup-${locale}` };
    const say = (text: string) =>
      app.send({ type: 'message', text, locale, conversation, serviceUrl: connector.url });
    await say(MAILBOX_NDR);
    await say(locale === 'zh-TW' ? '申請解除封鎖' : 'Request delisting');
    await say(locale === 'zh-TW' ? '略過' : 'Skip');
    const [scheduled] = await say(locale === 'zh-TW' ? '好，請提醒我' : 'Yes, remind me');
    expect(scheduled.text).to.match(
      locale === 'zh-TW' ? /我會在 2026-11-28 09:00（UTC）左右詢問您/ : /around 2026-11-28 09:00 \(UTC\)/,
    );
  }

  const followUps = () => connector.received.filter((r) => /delist|解除封鎖/.test(r.activity.text ?? ''));

  it('asks after the delay, not before, in the conversation and its language', async () => {
    const app = await start();
    await requestReminder(app, 'en-US');
    now += 23 * HOUR;
    expect(await app.app.scheduler.tick()).to.equal(0);
    expect(followUps()).to.have.length(0);

    now += 2 * HOUR;
    expect(await app.app.scheduler.tick()).to.equal(1);
    const [sent] = followUps();
    expect(sent.conversationId).to.equal('followup-en-US');
    expect(sent.activity.text).to.equal(
      `Hi again! 24 hours ago you asked to have ${IP} delisted. Does your mail to Microsoft 365 get through now?`,
    );
    expect(sent.activity.suggestedActions?.actions.map((a) => a.title)).to.deep.equal([
      'Yes, it works',
      'Still failing',
    ]);

    expect(await app.app.scheduler.tick(), 'never twice').to.equal(0);
  });

  it('survives a restart, and two instances sharing the storage send it once', async () => {
    const first = await start();
    await requestReminder(first, 'zh-TW');
    await first.stop();
    apps.splice(apps.indexOf(first), 1);

    now += 25 * HOUR;
    const [a, b] = await Promise.all([start(), start()]);
    const sent = await Promise.all([a.app.scheduler.tick(), b.app.scheduler.tick(), a.app.scheduler.tick()]);
    expect(sent.reduce((x, y) => x + y, 0)).to.equal(1);
    expect(followUps()).to.have.length(1);
    expect(followUps()[0].activity.text).to.contain(`您申請將 ${IP} 解除封鎖`);
  });

  it('"Still failing" leads back to diagnosis or a person', async () => {
    const app = await start();
    await requestReminder(app, 'en-US');
    now += 25 * HOUR;
    await app.app.scheduler.tick();
    const [reply] = await app.send({
      type: 'message',
      text: 'Still failing',
      locale: 'en-US',
      conversation: { id: 'followup-en-US' },
      serviceUrl: connector.url,
    });
    expect(reply.text).to.contain('Paste the newest bounce');
  });
});

import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../helpers/httpBot';

const BOUNCE =
  "Remote Server returned '550 5.7.606 Access denied, banned sending IP [203.0.113.7]. To request removal from this list please visit https://sender.office.com/ and follow the directions.'";

describe('restart in the middle of a conversation (SQLite file)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-restart-'));
  });
  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('continues the waiting flow after the app is stopped and started again', async () => {
    const env = { STORAGE: 'sqlite', DATA_DIR: dataDir };
    const conversation = { id: 'restart-conv' };

    const first = await startApp(env);
    const [ask] = await first.send({ type: 'message', text: '診斷退信', locale: 'zh-TW', conversation });
    expect(ask.text).to.contain('請貼上退信內容');
    await first.stop();
    expect(fs.existsSync(path.join(dataDir, 'bot.sqlite'))).to.equal(true);

    const second = await startApp(env);
    try {
      // A bare SMTP line without the word "undeliverable": only a waiting flow would take it as the answer.
      const replies = await second.send({ type: 'message', text: BOUNCE, locale: 'zh-TW', conversation });
      const diagnosis = replies.find((r) => (r.attachments ?? []).length > 0);
      expect(diagnosis, JSON.stringify(replies.map((r) => r.text))).to.not.equal(undefined);
      expect(diagnosis?.text).to.contain('5.7.606');
      expect(diagnosis?.text).to.contain('https://sender.office.com');
    } finally {
      await second.stop();
    }
  });

  it('remembers the language the user chose, across a restart', async () => {
    const env = { STORAGE: 'sqlite', DATA_DIR: dataDir };
    const first = await startApp(env);
    await first.send({ type: 'message', text: '中文', locale: 'en-US' });
    await first.stop();
    const second = await startApp(env);
    try {
      const [help] = await second.send({ type: 'message', text: 'help', locale: 'en-US' });
      expect(help.text).to.contain('我可以幫您：');
    } finally {
      await second.stop();
    }
  });
});

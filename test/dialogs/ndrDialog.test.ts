import { expect } from 'chai';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CORPUS_DIR } from '../helpers/paths';
import { TestConversation, texts, type Reply } from '../helpers/testBot';

const BANNED_IP =
  "Remote Server returned '550 5.7.606 Access denied, banned sending IP [203.0.113.7]. To request removal from this list please visit https://sender.office.com/ and follow the directions. (AS16012609)'";
const CUSTOMER_BLOCK =
  "Remote Server returned '550 5.7.513 Service unavailable, Client host [198.51.100.20] blocked by contoso.com using Customer Block list (AS16012607)'";
const TWO_RECIPIENTS = [
  'Delivery has failed to these recipients or groups:',
  '',
  'alice@contoso.com',
  "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
  '',
  'bob@fabrikam.com',
  "Remote Server returned '550 5.7.606 Access denied, banned sending IP [203.0.113.7]. To request removal from this list please visit https://sender.office.com/ and follow the directions.'",
].join('\n');
const NO_CODE = "Undeliverable: Quarterly report\n\nYour message to alice@contoso.com couldn't be delivered.";

function card(replies: Reply[]): { reply: Reply; json: string } {
  const reply = replies.find((r) =>
    r.attachments.some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive'),
  );
  if (!reply) throw new Error(`no diagnosis card among: ${JSON.stringify(texts(replies))}`);
  return { reply, json: JSON.stringify(reply.attachments[0].content) };
}

function dataUrlAttachment(name: string, bytes: Buffer, contentType = 'application/octet-stream'): object {
  return { name, contentType, contentUrl: `data:${contentType};base64,${bytes.toString('base64')}` };
}

describe('NDR diagnosis flow (English)', () => {
  let chat: TestConversation;
  beforeEach(() => {
    chat = TestConversation.create('en-US');
  });

  it('diagnoses a bounce pasted as the first message: card, summary with the code and the portal, next steps', async () => {
    const replies = await chat.say(BANNED_IP);
    const { reply, json } = card(replies);
    expect(reply.text).to.contain('550 5.7.606');
    expect(reply.text).to.contain('https://sender.office.com');
    expect(json).to.contain('203.0.113.7');
    expect(json).to.contain('"version":"1.5"');
    expect(json, 'AS tags are quoted back, not interpreted').to.contain('(AS16012609)');
    const next = replies[replies.length - 1];
    expect(next.suggestions).to.include.members(['Diagnose another bounce', 'Talk to a person']);
  });

  it('asks for the bounce from the menu, then diagnoses the paste', async () => {
    const [ask] = await chat.say('Diagnose a bounce');
    expect(ask.text).to.contain('Please paste the bounce message');
    expect(card(await chat.say(BANNED_IP)).reply.text).to.contain('5.7.606');
  });

  it('asks two precise questions when the paste has no code, then diagnoses the full bounce', async () => {
    const [question] = await chat.say(NO_CODE);
    expect(question.text).to.contain("I can't find the error code");
    expect(question.text).to.contain('Which server rejected the mail');
    expect(card(await chat.say(BANNED_IP)).reply.text).to.contain('5.7.606');
  });

  it('gives one section per distinct problem when recipients failed differently', async () => {
    const { reply, json } = card(await chat.say(TWO_RECIPIENTS));
    expect(reply.text).to.contain('I found 2 different problems');
    expect(json).to.contain('alice@contoso.com');
    expect(json).to.contain('bob@fabrikam.com');
    expect(json.match(/"type":"Container"/g)).to.have.length(2);
  });

  it('offers a ready message for the recipient admin when only they can fix it (5.7.513)', async () => {
    const replies = await chat.say(CUSTOMER_BLOCK);
    expect(card(replies).reply.text).to.contain('5.7.513');
    expect(replies[replies.length - 1].suggestions).to.include("Message for the recipient's admin");
    const [message] = await chat.say("Message for the recipient's admin");
    expect(message.text).to.contain('Sending IP address: 198.51.100.20');
    expect(message.text).to.contain('5.7.513');
  });

  it('says an out-of-office reply is not a bounce, and ends the flow', async () => {
    await chat.say('Diagnose a bounce');
    const replies = await chat.say(
      'Automatic reply: Quarterly report\n\nI am out of the office until Monday with limited access to email.',
    );
    expect(replies[0].text).to.equal(
      'This is an automatic reply (for example an out-of-office message), not a bounce: your message was delivered. Nothing needs fixing.',
    );
    expect(replies[1].text).to.equal('Anything else I can help with?');
  });

  it('says when a paste in the flow is not a bounce at all, and asks again', async () => {
    await chat.say('Diagnose a bounce');
    const replies = await chat.say('my cat walked over the keyboard');
    expect(texts(replies)).to.deep.equal([
      "This doesn't look like a bounce message: I can't find a delivery failure in it.",
      'Paste the bounce message here or attach it as an .eml or .msg file. Type "cancel" to stop.',
    ]);
  });

  it('answers an over-long paste clearly, and keeps the flow going', async () => {
    const small = TestConversation.create('en-US', { MAX_PASTE_CHARS: '2048' });
    const [tooLong, again] = await small.say(`${BANNED_IP}\n${'x'.repeat(5000)}`);
    expect(tooLong.text).to.contain("That's more than I can read at once (the limit is 2 KB)");
    expect(again.text).to.contain('Paste the bounce message here');
    expect(card(await small.say(BANNED_IP)).reply.text).to.contain('5.7.606');
  });

  it('reads an uploaded .eml bounce from the corpus', async () => {
    const eml = fs.readFileSync(path.join(CORPUS_DIR, 'sisimai', 'rhost-microsoft-01.eml'));
    const replies = await chat.activity({
      type: 'message',
      attachments: [dataUrlAttachment('bounce.eml', eml, 'message/rfc822')] as never,
    });
    expect(card(replies).reply.text).to.contain('5.7.606');
  });

  it("reads a file sent in Teams (download-info attachment, fetched from the file's URL)", async () => {
    const eml = fs.readFileSync(path.join(CORPUS_DIR, 'sisimai', 'rhost-microsoft-01.eml'));
    const server = http.createServer((_req, res) => res.end(eml));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const replies = await chat.activity({
        type: 'message',
        channelId: 'msteams',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'bounce.eml',
            content: { downloadUrl: `http://127.0.0.1:${port}/bounce.eml`, fileType: 'eml' },
          },
          // Teams adds the message text as HTML too: it is not a file.
          { contentType: 'text/html', content: '<p></p>' },
        ],
      });
      expect(card(replies).reply.text).to.contain('5.7.606');
    } finally {
      server.close();
    }
  });

  it('answers a damaged .msg and an unsupported file type without crashing', async () => {
    const [broken] = await chat.activity({
      type: 'message',
      attachments: [dataUrlAttachment('bounce.msg', Buffer.from('definitely not a compound file'))] as never,
    });
    expect(broken.text).to.contain('I couldn\'t read "bounce.msg"');
    const [pdf] = await chat.activity({
      type: 'message',
      attachments: [dataUrlAttachment('bounce.pdf', Buffer.from('%PDF-1.4'))] as never,
    });
    expect(pdf.text).to.contain('"bounce.pdf" isn\'t one of those');
  });
});

describe('NDR diagnosis flow (繁體中文)', () => {
  it('診斷第一則訊息就貼上的退信，並以中文說明', async () => {
    const chat = TestConversation.create('zh-TW');
    const { reply, json } = card(await chat.say(BANNED_IP));
    expect(reply.text).to.contain('550 5.7.606');
    expect(reply.text).to.contain('需要處理的人');
    expect(reply.text).to.contain('https://sender.office.com');
    expect(json).to.contain('診斷結果');
    expect(json).to.contain('該怎麼做');
  });

  it('找不到錯誤碼時，提出明確的問題', async () => {
    const chat = TestConversation.create('zh-TW');
    const [question] = await chat.say(NO_CODE);
    expect(question.text).to.contain('找不到錯誤碼');
    expect(question.text).to.contain('是哪一台伺服器拒收了郵件');
  });

  it('收件者組織自行封鎖時 (5.7.513)，提供給對方系統管理員的訊息', async () => {
    const chat = TestConversation.create('zh-TW');
    await chat.say(CUSTOMER_BLOCK);
    const [message] = await chat.say('給收件者系統管理員的訊息');
    expect(message.text).to.contain('寄件 IP 位址：198.51.100.20');
  });
});

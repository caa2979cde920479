import { expect } from 'chai';
import { startTestDnsServer, type TestDnsServer } from '../helpers/dnsServer';
import { TestConversation, texts, type Reply } from '../helpers/testBot';

/**
 * Delisting transcripts in both languages. The live checks query a real DNS server on loopback that
 * serves this zone: a clean IP with forward-confirmed reverse DNS, an IP listed on Spamhaus, an IP
 * whose PTR names SendGrid, and a sender domain with SPF, DMARC and MX.
 */
const CLEAN_IP = '45.79.188.170';
const LISTED_IP = '67.23.235.203';
const SENDGRID_IP = '168.245.63.135';
const ZONE = {
  '170.188.79.45.in-addr.arpa': { PTR: ['mail.example-sender.com'] },
  'mail.example-sender.com': { A: [CLEAN_IP] },
  '203.235.23.67.in-addr.arpa': { PTR: ['mx.listed-sender.net'] },
  'mx.listed-sender.net': { A: [LISTED_IP] },
  '203.235.23.67.zen.spamhaus.org': { A: ['127.0.0.2'] },
  '135.63.245.168.in-addr.arpa': { PTR: ['o1.ptr1234.sendgrid.net'] },
  'o1.ptr1234.sendgrid.net': { A: [SENDGRID_IP] },
  'example-sender.com': {
    TXT: [`v=spf1 ip4:${CLEAN_IP} -all`],
    MX: [{ exchange: 'mail.example-sender.com', priority: 10 }],
  },
  '_dmarc.example-sender.com': { TXT: ['v=DMARC1; p=none; rua=mailto:dmarc@example-sender.com'] },
  '*': 'nxdomain' as const,
};

const PORTAL_NDR = `550 5.7.606 Access denied, banned sending IP [${CLEAN_IP}]. To request removal from this list please visit https://sender.office.com/ and follow the directions.`;
const MAILBOX_NDR = `550 5.7.511 Access denied, banned sender[${CLEAN_IP}]. To request removal from this list, forward this message to delist@microsoft.com.`;
const CONSUMER_NDR = `550 5.7.1 Unfortunately, messages from [${CLEAN_IP}] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.`;

function all(replies: Reply[]): string {
  return replies.map((r) => `${r.text}\n${JSON.stringify(r.attachments)}`).join('\n');
}

describe('delisting flow', function () {
  this.timeout(20000);
  let dns: TestDnsServer;
  before(async () => {
    dns = await startTestDnsServer(ZONE);
  });
  after(async () => {
    await dns.stop();
  });

  const chatIn = (locale: 'en-US' | 'zh-TW'): TestConversation =>
    TestConversation.create(locale, { DNS_SERVERS: dns.address, DNS_TIMEOUT_MS: '1500' });

  describe('English', () => {
    it('5.7.606: checks the IP from the bounce, asks for confirmation, then walks through the portal', async () => {
      const chat = chatIn('en-US');
      const diagnosis = await chat.say(PORTAL_NDR);
      expect(diagnosis[diagnosis.length - 1].suggestions).to.include('Request delisting');

      const [fromBounce, askDomain] = await chat.say('Request delisting');
      expect(fromBounce.text).to.equal(`I'll work with ${CLEAN_IP}, the address named in your bounce.`);
      expect(askDomain.text).to.contain('Which domain do you send mail from');
      expect(askDomain.suggestions).to.deep.equal(['Skip']);

      const checked = await chat.say('example-sender.com');
      const checklist = checked.find((r) => r.attachments.length > 0);
      expect(checklist?.text, 'plain-text checklist').to.contain('✅');
      expect(all(checked)).to.contain('Checks for 45.79.188.170 · example-sender.com');
      expect(all(checked), 'the "checking…" card was replaced in place by the results').not.to.contain('⏳');
      expect(all(checked)).to.contain('Before you ask, fix what caused the block');
      const confirm = checked[checked.length - 1];
      expect(confirm.text).to.contain(`Is ${CLEAN_IP} your sending IP, and is the cause fixed?`);
      expect(confirm.suggestions).to.deep.equal(['Yes, mine and fixed', 'Not yet']);

      const steps = await chat.say('Yes, mine and fixed');
      expect(all(steps)).to.contain('https://sender.office.com');
      expect(all(steps)).to.contain('One email address and one IP per request');
      expect(all(steps)).to.contain('junk/spam folder');
      expect(all(steps)).to.contain('"Delist IP"');
      expect(all(steps)).to.contain('up to 24 hours');
      expect(all(steps)).to.contain(`IP address: ${CLEAN_IP}\nError: 550 5.7.606`);
      const reminder = steps[steps.length - 1];
      expect(reminder.text).to.equal(
        'Shall I check back with you in 24 hours to see whether your mail gets through?',
      );

      const [declined] = await chat.say('No thanks');
      expect(declined.text).to.contain('paste the new bounce here');
    });

    it('"Not yet" at the confirmation stops before the portal', async () => {
      const chat = chatIn('en-US');
      await chat.say(PORTAL_NDR);
      await chat.say('Request delisting');
      await chat.say('Skip');
      const replies = await chat.say('Not yet');
      expect(texts(replies)[0]).to.contain('fix the cause first');
      expect(all(replies)).not.to.contain('"Delist IP"');
    });

    it('a private IP typed is explained and asked again; a public one is accepted', async () => {
      const chat = chatIn('en-US');
      const [ask] = await chat.say('Request delisting');
      expect(ask.text).to.contain('Which IP address is blocked?');
      const [explained, again] = await chat.say('192.168.1.20');
      expect(explained.text).to.contain("192.168.1.20 can't be your public sending IP address.");
      expect(again.text).to.equal(
        'Please type just the IP address from the bounce, for example 203.0.113.7 or 2001:db8::25.',
      );
      const [askDomain] = await chat.say(`my server is ${CLEAN_IP}`);
      expect(askDomain.text).to.contain('Which domain do you send mail from');
    });

    it("an IP of Microsoft's own servers is explained", async () => {
      const chat = chatIn('en-US');
      await chat.say('Request delisting');
      const [explained] = await chat.say('104.47.8.36');
      expect(explained.text).to.contain("104.47.8.36 can't be your public sending IP address.");
      expect(explained.text).to.match(/Microsoft/);
    });

    it('a bounce pasted while the flow waits for an IP starts its diagnosis instead', async () => {
      const chat = chatIn('en-US');
      await chat.say('Request delisting');
      const replies = await chat.say(MAILBOX_NDR);
      expect(all(replies)).to.contain('550 5.7.511');
      expect(all(replies)).to.contain('"type":"AdaptiveCard"');
      expect(replies[replies.length - 1].suggestions).to.include('Request delisting');
    });

    it('text that is no IP at all gets a clear answer', async () => {
      const chat = chatIn('en-US');
      await chat.say('Request delisting');
      const [invalid] = await chat.say('my.mail.server');
      expect(invalid.text).to.equal('"my.mail.server" isn\'t an IP address I can read.');
    });

    it('5.7.511: the delist mailbox, within 48 hours, and never the portal', async () => {
      const chat = chatIn('en-US');
      await chat.say(MAILBOX_NDR);
      await chat.say('Request delisting');
      const replies = await chat.say('Skip');
      const text = all(replies);
      expect(text).to.contain("Microsoft's delist portal can't remove this block (550 5.7.511)");
      expect(text).to.contain('delist@microsoft.com');
      expect(text).to.contain('48 hours');
      expect(text).not.to.contain('https://sender.office.com');
      expect(text).not.to.contain('Yes, mine and fixed');
    });

    it('S3150: the Outlook.com form with SNDS and JMRP, not sender.office.com', async () => {
      const chat = chatIn('en-US');
      await chat.say(CONSUMER_NDR);
      await chat.say('Request delisting');
      const text = all(await chat.say('Skip'));
      expect(text).to.contain(
        'https://support.microsoft.com/supportrequestform/8ad563e3-288e-2a61-8122-3ba03d6b8d75',
      );
      expect(text).to.contain('sender.office.com is the wrong place');
      expect(text).to.contain('SNDS');
      expect(text).to.contain('JMRP');
    });

    it('an IP found on Spamhaus is sent to Spamhaus for removal', async () => {
      const chat = chatIn('en-US');
      await chat.say('Request delisting');
      await chat.say(LISTED_IP);
      const replies = await chat.say('Skip');
      expect(all(replies)).to.contain(`${LISTED_IP} is on Spamhaus ZEN. Microsoft can't remove an address`);
      expect(all(replies)).to.contain('https://check.spamhaus.org/');
      expect(replies[replies.length - 1].text).to.equal('Which block does your bounce show?');
    });

    it('an IP whose reverse DNS names SendGrid belongs to SendGrid: contact them', async () => {
      const chat = chatIn('en-US');
      await chat.say('Request delisting');
      await chat.say(SENDGRID_IP);
      const replies = await chat.say('Skip');
      expect(all(replies)).to.contain(`${SENDGRID_IP} belongs to SendGrid`);
      expect(replies[replies.length - 1].text).to.equal('Anything else I can help with?');
    });

    it('without a diagnosis, asks which block; "Something else" asks for the bounce', async () => {
      const chat = chatIn('en-US');
      await chat.say('Request delisting');
      await chat.say(CLEAN_IP);
      const asked = await chat.say('Skip');
      expect(asked[asked.length - 1].suggestions).to.include.members([
        '5.7.606–649 banned sending IP',
        'Something else',
      ]);
      const [pasteFirst] = await chat.say('Something else');
      expect(pasteFirst.text).to.contain("let's look at the bounce first");
    });

    it('schedules the follow-up when the user wants one', async () => {
      const chat = chatIn('en-US');
      await chat.say(MAILBOX_NDR);
      await chat.say('Request delisting');
      await chat.say('Skip');
      const [scheduled] = await chat.say('Yes, remind me');
      expect(scheduled.text).to.match(/^OK, I'll ask you around \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\)\.$/);
      const due = await chat.core.reminders.due(new Date(Date.now() + 25 * 3_600_000));
      expect(due).to.have.length(1);
      expect(due[0].topic).to.include({ ip: CLEAN_IP, route: 'delist-mailbox' });
      expect(await chat.core.reminders.due(new Date(Date.now() + 23 * 3_600_000))).to.have.length(0);
    });
  });

  describe('other routes and failures (English)', () => {
    it("5.7.513: only the recipient's organisation can remove it; a ready message for them", async () => {
      const chat = chatIn('en-US');
      await chat.say(
        `550 5.7.513 Service unavailable, Client host [${CLEAN_IP}] blocked by contoso.com using Customer Block list (AS16012607)`,
      );
      await chat.say('Request delisting');
      const text = all(await chat.say('Skip'));
      expect(text).to.contain("Only the recipient's organisation can remove this block (550 5.7.513)");
      expect(text).to.contain(`Sending IP address: ${CLEAN_IP}`);
      expect(text).not.to.contain('https://sender.office.com');
    });

    it('4.7.5xx: temporary, keep volume steady, nothing to delist', async () => {
      const chat = chatIn('en-US');
      await chat.say(`451 4.7.550 Access denied, please try again later from [${CLEAN_IP}]`);
      await chat.say('Request delisting');
      const text = all(await chat.say('Skip'));
      expect(text).to.contain("There's nothing to delist.");
      expect(text).to.contain('Keep your daily volume steady');
    });

    it('with no DNS reachable, every check reads "couldn\'t check" and the flow goes on', async () => {
      const chat = TestConversation.create('en-US', { DNS_SERVERS: '127.0.0.1:9', DNS_TIMEOUT_MS: '500' });
      await chat.say(MAILBOX_NDR);
      await chat.say('Request delisting');
      const replies = await chat.say('example-sender.com');
      expect(all(replies)).to.contain('Could not check');
      expect(all(replies)).not.to.contain('✅');
      expect(all(replies)).to.contain('delist@microsoft.com');
    });
  });

  describe('繁體中文', () => {
    it('私人 IP：說明原因並再問一次', async () => {
      const chat = chatIn('zh-TW');
      const [ask] = await chat.say('申請解除封鎖');
      expect(ask.text).to.contain('被封鎖的是哪一個 IP 位址？');
      const [explained, again] = await chat.say('10.0.0.8');
      expect(explained.text).to.contain('10.0.0.8 不可能是您對外寄信的公用 IP 位址。');
      expect(again.text).to.equal('請只輸入退信中的 IP 位址，例如 203.0.113.7 或 2001:db8::25。');
    });

    it('5.7.606：確認後說明入口網站的步驟', async () => {
      const chat = chatIn('zh-TW');
      await chat.say(PORTAL_NDR);
      await chat.say('申請解除封鎖');
      const checked = await chat.say('略過');
      expect(checked[checked.length - 1].suggestions).to.deep.equal(['是，是我的且已修正', '還沒有']);
      const steps = all(await chat.say('是，是我的且已修正'));
      expect(steps).to.contain('https://sender.office.com');
      expect(steps).to.contain('每次申請只能填一個電子郵件地址和一個 IP');
      expect(steps).to.contain('最多可能需要 24 小時');
    });

    it('5.7.511：寄信到解除封鎖信箱，不使用入口網站', async () => {
      const chat = chatIn('zh-TW');
      await chat.say(MAILBOX_NDR);
      await chat.say('申請解除封鎖');
      const text = all(await chat.say('略過'));
      expect(text).to.contain('Microsoft 的解除封鎖入口網站無法移除這種封鎖');
      expect(text).to.contain('delist@microsoft.com');
      expect(text).to.contain('48 小時');
      expect(text).not.to.contain('https://sender.office.com');
    });

    it('S3150：使用 Outlook.com 表單', async () => {
      const chat = chatIn('zh-TW');
      await chat.say(CONSUMER_NDR);
      await chat.say('申請解除封鎖');
      const text = all(await chat.say('略過'));
      expect(text).to.contain('sender.office.com 不適用');
      expect(text).to.contain(
        'https://support.microsoft.com/supportrequestform/8ad563e3-288e-2a61-8122-3ba03d6b8d75',
      );
    });

    it('Microsoft 的 IP：說明這是 Microsoft 的伺服器', async () => {
      const chat = chatIn('zh-TW');
      await chat.say('申請解除封鎖');
      const [explained] = await chat.say('40.107.22.5');
      expect(explained.text).to.contain('40.107.22.5 不可能是您對外寄信的公用 IP 位址。');
      expect(explained.text).to.contain('Microsoft');
    });
  });
});

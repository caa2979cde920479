import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { parseNdrFile, parseNdrPaste } from '../../src/diagnosis/parseFile';
import { parseMsg } from '../../src/diagnosis/parseMsg';
import { CORPUS_DIR } from '../helpers/paths';
import { buildMsg } from './msgFixture';

const SISIMAI_DIR = path.join(CORPUS_DIR, 'sisimai');
const corpusFile = (name: string): Buffer => fs.readFileSync(path.join(SISIMAI_DIR, name));

const NDR_BODY = [
  'Delivery has failed to these recipients or groups:',
  '',
  'bob@contoso.com',
  '',
  'Diagnostic information for administrators:',
  'Generating server: DM6PR01MB0001.namprd01.prod.outlook.com',
  'bob@contoso.com',
  "Remote Server returned '550 5.7.606 Access denied, banned sending IP [203.0.113.9]. AS(1430)'",
].join('\r\n');

describe('parseNdrFile', () => {
  it('parses a corpus .eml (multipart/report with delivery-status)', async () => {
    const result = await parseNdrFile('rhost-microsoft-01.eml', corpusFile('rhost-microsoft-01.eml'));
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const [first] = result.message.recipients;
    expect(first.status).to.equal('5.7.606');
    expect(first.senderIp).to.equal('198.51.100.222');
    expect(first.asTags).to.deep.equal(['(AS16012609)']);
    expect(first.remoteHost).to.equal('example.com.mail.protection.outlook.com');
  });

  it('finds the DSN fields of an Exchange Online NDR together with its readable text', async () => {
    const result = await parseNdrFile('lhost-office365-06.eml', corpusFile('lhost-office365-06.eml'));
    expect(result.ok && result.message.recipients[0]).to.include({
      status: '5.4.312',
      address: 'neko@libsisimai.org',
    });
  });

  it('parses an HTML body file', async () => {
    const html = `<html><body><p>Delivery has failed to these recipients:</p><table><tr><td>bob@contoso.com</td></tr>
      <tr><td>Remote Server returned &#39;550 5.4.1 Recipient address rejected: Access denied. AS(201806281)&#39;</td></tr>
      </table></body></html>`;
    const result = await parseNdrFile('ndr.html', Buffer.from(html));
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.message.recipients[0]).to.include({ status: '5.4.1', address: 'bob@contoso.com' });
    expect(result.message.recipients[0].asTags).to.deep.equal(['AS(201806281)']);
  });

  it('parses an Outlook .msg (REPORT.IPM.Note.NDR) built at test time with cfb', async () => {
    const bytes = buildMsg({
      messageClass: 'REPORT.IPM.Note.NDR',
      subject: 'Undeliverable: Quarterly report',
      body: NDR_BODY,
      transportHeaders: 'Subject: Undeliverable: Quarterly report\r\nX-MS-Exchange-Message-Is-Ndr:\r\n',
    });
    const result = await parseNdrFile('bounce.msg', bytes);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.message.kind).to.equal('ndr');
    expect(result.message.subject).to.equal('Undeliverable: Quarterly report');
    expect(result.message.recipients[0]).to.include({
      status: '5.7.606',
      senderIp: '203.0.113.9',
      address: 'bob@contoso.com',
      producer: 'exchange-online',
    });
    expect(parseMsg(bytes).recipients[0].status).to.equal('5.7.606');
  });

  it('sniffs a .msg saved with an .eml extension', async () => {
    const bytes = buildMsg({
      messageClass: 'REPORT.IPM.Note.NDR',
      subject: 'x',
      body: NDR_BODY,
      transportHeaders: '',
    });
    const result = await parseNdrFile('renamed.eml', bytes);
    expect(result.ok && result.message.recipients[0].status).to.equal('5.7.606');
  });

  it('parses a plain .txt paste saved as a file', async () => {
    const result = await parseNdrFile(
      'bounce.txt',
      fs.readFileSync(path.join(CORPUS_DIR, 'quoted', 'q05-5.7.606-pastebin-EH1TUb0X.txt')),
    );
    expect(result.ok && result.message.recipients[0].senderIp).to.equal('185.234.72.45');
  });

  const FAILURES: [string, string, Buffer, string][] = [
    ['an unsupported extension', 'report.pdf', Buffer.from('%PDF-1.4 550 5.7.606'), 'unsupported-type'],
    ['an empty file', 'bounce.eml', Buffer.alloc(0), 'empty'],
    ['a whitespace-only text file', 'bounce.txt', Buffer.from('  \r\n\t\n'), 'empty'],
    [
      'garbage bytes named .msg',
      'bounce.msg',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      'unreadable',
    ],
    [
      'garbage bytes named .eml',
      'bounce.eml',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 104729) % 256)),
      'unreadable',
    ],
    [
      'a truncated compound file named .msg',
      'bounce.msg',
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600, 0xff)]),
      'unreadable',
    ],
  ];
  for (const [name, fileName, bytes, error] of FAILURES) {
    it(`refuses ${name} with '${error}'`, async () => {
      expect(await parseNdrFile(fileName, bytes)).to.deep.equal({ ok: false, error });
    });
  }

  it("refuses a file over maxBytes with 'too-large' before reading it", async () => {
    expect(await parseNdrFile('big.eml', Buffer.alloc(2048, 0x41), { maxBytes: 1024 })).to.deep.equal({
      ok: false,
      error: 'too-large',
    });
  });
});

describe('parseNdrPaste', () => {
  it("refuses empty input with 'empty'", () => {
    expect(parseNdrPaste('   \n ')).to.deep.equal({ ok: false, error: 'empty' });
  });

  it("refuses more than maxChars (default 256 Ki) with 'too-large'", () => {
    expect(parseNdrPaste('x'.repeat(256 * 1024 + 1))).to.deep.equal({ ok: false, error: 'too-large' });
    expect(parseNdrPaste('550 5.1.1 unknown', { maxChars: 5 })).to.deep.equal({
      ok: false,
      error: 'too-large',
    });
  });

  it('routes pasted HTML through the HTML converter', () => {
    const result = parseNdrPaste(
      '<div>Remote Server returned</div><div>&#39;550 5.1.10 RESOLVER.ADR.RecipientNotFound&#39;</div><br>',
    );
    expect(result.ok && result.message.recipients[0].status).to.equal('5.1.10');
  });

  it('routes a pasted raw message (headers, multipart, quoted-printable) through the MIME reader', () => {
    const raw = fs.readFileSync(path.join(SISIMAI_DIR, 'lhost-office365-01.eml'), 'latin1');
    const result = parseNdrPaste(raw);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.message.subject).to.equal('Undeliverable: Nyaan');
    expect(result.message.recipients[0].diagnostic).to.equal(
      '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
    );
  });
});

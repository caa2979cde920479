import { expect } from 'chai';
import { looksLikeNdr } from '../../src/diagnosis/looksLikeNdr';

describe('looksLikeNdr: does this message go straight to diagnosis?', () => {
  const YES: string[] = [
    '550 5.7.606 Access denied, banned sending IP [203.0.113.7]',
    '5.7.606',
    'I keep getting 5.4.1 when I write to them',
    'Undeliverable: Invoice 42',
    'Delivery has failed to these recipients or groups:',
    "Remote Server returned '550 5.7.1 Unable to relay'",
    'status=bounced (host x.mail.protection.outlook.com[104.47.1.1] said: 550 5.7.606 ...)',
    '554 Transaction failed, mail blocked by policy',
    'Access denied, sending domain [EXAMPLE.ORG] does not pass DMARC verification',
    '無法傳遞給這些收件者或群組：',
    '郵件傳遞失敗',
    '451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited',
  ];
  const NO: string[] = [
    '',
    'hello',
    'I sent 500 emails yesterday',
    'my server is 192.168.4.5',
    'version 2.0.0 is out',
    'what is the weather like',
    'Diagnose a bounce',
  ];
  for (const text of YES) it(`yes: ${JSON.stringify(text)}`, () => expect(looksLikeNdr(text)).to.equal(true));
  for (const text of NO) it(`no: ${JSON.stringify(text)}`, () => expect(looksLikeNdr(text)).to.equal(false));
});

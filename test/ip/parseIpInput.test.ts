import { expect } from 'chai';
import fc from 'fast-check';
import { parseIpInput, type ParseIpResult } from '../../src/ip/parseIpInput';

const ok = (ip: string, version: 4 | 6): ParseIpResult => ({ ok: true, ip, version });
const fail = (error: 'empty' | 'not-an-ip' | 'several'): ParseIpResult => ({ ok: false, error });

describe('parseIpInput', () => {
  const cases: [string, ParseIpResult][] = [
    // plain
    ['203.0.113.7', ok('203.0.113.7', 4)],
    ['  203.0.113.7\n', ok('203.0.113.7', 4)],
    ['0.0.0.0', ok('0.0.0.0', 4)],
    ['255.255.255.255', ok('255.255.255.255', 4)],
    ['2001:db8::1', ok('2001:db8::1', 6)],
    ['2001:DB8:0:0:0:0:0:1', ok('2001:db8::1', 6)],
    ['::1', ok('::1', 6)],
    // IPv4-mapped IPv6 is the IPv4 address
    ['::ffff:203.0.113.7', ok('203.0.113.7', 4)],
    ['::FFFF:cb00:7107', ok('203.0.113.7', 4)],
    ['[::ffff:203.0.113.7]:25', ok('203.0.113.7', 4)],
    // brackets and ports
    ['[203.0.113.7]', ok('203.0.113.7', 4)],
    ['203.0.113.7:25', ok('203.0.113.7', 4)],
    ['[203.0.113.7]:587', ok('203.0.113.7', 4)],
    ['[2001:db8::1]', ok('2001:db8::1', 6)],
    ['[2001:db8::1]:25', ok('2001:db8::1', 6)],
    ['2001:db8::1:25', ok('2001:db8::1:25', 6)], // a valid address, not a port: kept as written
    // zone ids
    ['fe80::1%eth0', ok('fe80::1', 6)],
    ['[fe80::1%25en0]:25', ok('fe80::1', 6)],
    // in words, the way people paste it
    ['my IP is 203.0.113.7.', ok('203.0.113.7', 4)],
    ['IP:203.0.113.7', ok('203.0.113.7', 4)],
    ['ip=2001:db8::25', ok('2001:db8::25', 6)],
    ['550 5.7.606 Access denied, banned sending IP [203.0.113.7].', ok('203.0.113.7', 4)],
    ['Client host [198.51.100.23] blocked using zen.spamhaus.org', ok('198.51.100.23', 4)],
    ['connect to mail.example.com[203.0.113.9]:25: refused', ok('203.0.113.9', 4)],
    ['(203.0.113.7)', ok('203.0.113.7', 4)],
    ['"2001:db8::7",', ok('2001:db8::7', 6)],
    ['我的 IP 是 203.0.113.7。', ok('203.0.113.7', 4)],
    ['IP：203.0.113.7', ok('203.0.113.7', 4)],
    ['the same twice: 203.0.113.7 and [203.0.113.7]', ok('203.0.113.7', 4)],
    ['mapped and plain: ::ffff:203.0.113.7 203.0.113.7', ok('203.0.113.7', 4)],
    ['one valid among junk: 999.1.1.1 and 203.0.113.7', ok('203.0.113.7', 4)],
    ['Error:: see 203.0.113.7', ok('203.0.113.7', 4)],
    // empty
    ['', fail('empty')],
    ['   \n\t ', fail('empty')],
    // not an IP
    ['999.1.1.1', fail('not-an-ip')],
    ['256.0.0.1', fail('not-an-ip')],
    ['1.2.3', fail('not-an-ip')],
    ['1.2.3.4.5', fail('not-an-ip')],
    ['3232235777', fail('not-an-ip')],
    ['0x7f.0.0.1', fail('not-an-ip')],
    ['010.1.1.1', fail('not-an-ip')], // octal-looking: rejected on purpose (see parseIpInput.ts)
    ['192.168.01.1', fail('not-an-ip')],
    ['::ffff:010.1.1.1', fail('not-an-ip')],
    ['mail.example.com', fail('not-an-ip')],
    ['1.2.3.4.zen.spamhaus.org', fail('not-an-ip')],
    ['203.0.113.0/24', fail('not-an-ip')],
    ['2001:db8::1::2', fail('not-an-ip')],
    ['12:30', fail('not-an-ip')],
    ['00:1a:2b:3c:4d:5e', fail('not-an-ip')],
    ['::', fail('not-an-ip')],
    ['no address here, sorry', fail('not-an-ip')],
    // several
    ['203.0.113.7 and 198.51.100.1', fail('several')],
    ['from 10.0.0.5 via 203.0.113.7', fail('several')],
    ['2001:db8::1 or 203.0.113.7', fail('several')],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected.ok ? expected.ip : expected.error}`, () => {
      expect(parseIpInput(input)).to.deep.equal(expected);
    });
  }

  it('finds any valid IPv4 surrounded by words', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(
        fc.tuple(octet, octet, octet, octet),
        fc.constantFrom('', 'IP ', 'my IP is '),
        (o, prefix) => {
          const ip = o.join('.');
          expect(parseIpInput(`${prefix}${ip}.`)).to.deep.equal(ok(ip, 4));
        },
      ),
    );
  });

  it('never throws, and stays fast on long hostile input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = parseIpInput(text);
        expect(result.ok || ['empty', 'not-an-ip', 'several'].includes(result.error)).to.equal(true);
      }),
    );
    const hostile = [
      '1.'.repeat(50000),
      ':'.repeat(100000),
      '['.repeat(100000),
      'a:'.repeat(50000),
      '1:'.repeat(50000),
    ];
    for (const text of hostile) {
      const started = Date.now();
      parseIpInput(text);
      // A generous guard: quadratic behaviour on 100 000 characters would take far longer.
      expect(Date.now() - started, text.slice(0, 10)).to.be.below(1000);
    }
  });
});

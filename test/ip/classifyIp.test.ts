import { expect } from 'chai';
import { classifyIp, IP_KINDS, type IpClass } from '../../src/ip/classifyIp';
import { providerForPtr } from '../../src/ip/providers';

const pub: IpClass = { kind: 'public' };
const ms = (range: string, retired: boolean): IpClass => ({ kind: 'microsoft', range, retired });

describe('classifyIp', () => {
  const cases: [string, IpClass][] = [
    // RFC 1918, with the edges of 172.16.0.0/12 (Microsoft's page says /11: 172.32.0.1 is public)
    ['10.0.0.1', { kind: 'private', range: '10.0.0.0/8' }],
    ['10.255.255.255', { kind: 'private', range: '10.0.0.0/8' }],
    ['11.0.0.1', pub],
    ['172.15.255.255', pub],
    ['172.16.0.0', { kind: 'private', range: '172.16.0.0/12' }],
    ['172.31.255.255', { kind: 'private', range: '172.16.0.0/12' }],
    ['172.32.0.0', pub],
    ['172.32.0.1', pub],
    ['192.168.1.20', { kind: 'private', range: '192.168.0.0/16' }],
    ['192.169.0.1', pub],
    ['127.0.0.1', { kind: 'loopback', range: '127.0.0.0/8' }],
    ['127.255.255.254', { kind: 'loopback', range: '127.0.0.0/8' }],
    ['169.254.10.1', { kind: 'link-local', range: '169.254.0.0/16' }],
    ['100.63.255.255', pub],
    ['100.64.0.1', { kind: 'cgnat', range: '100.64.0.0/10' }],
    ['100.127.255.255', { kind: 'cgnat', range: '100.64.0.0/10' }],
    ['100.128.0.0', pub],
    ['192.0.2.1', { kind: 'documentation', range: '192.0.2.0/24' }],
    ['198.51.100.7', { kind: 'documentation', range: '198.51.100.0/24' }],
    ['203.0.113.7', { kind: 'documentation', range: '203.0.113.0/24' }],
    ['198.18.0.1', { kind: 'benchmarking', range: '198.18.0.0/15' }],
    ['198.19.255.255', { kind: 'benchmarking', range: '198.18.0.0/15' }],
    ['198.20.0.0', pub],
    ['224.0.0.251', { kind: 'multicast', range: '224.0.0.0/4' }],
    ['239.255.255.250', { kind: 'multicast', range: '224.0.0.0/4' }],
    ['240.0.0.1', { kind: 'reserved', range: '240.0.0.0/4' }],
    ['255.255.255.254', { kind: 'reserved', range: '240.0.0.0/4' }],
    ['255.255.255.255', { kind: 'broadcast', range: '255.255.255.255/32' }],
    ['0.0.0.0', { kind: 'unspecified', range: '0.0.0.0/8' }],
    ['0.1.2.3', { kind: 'unspecified', range: '0.0.0.0/8' }],
    ['192.0.0.9', { kind: 'reserved', range: '192.0.0.0/24' }],
    ['8.8.8.8', pub],
    ['1.1.1.1', pub],
    // IPv6
    ['::', { kind: 'unspecified', range: '::/128' }],
    ['::1', { kind: 'loopback', range: '::1/128' }],
    ['2001:db8::1', { kind: 'documentation', range: '2001:db8::/32' }],
    ['3fff::25', { kind: 'documentation', range: '3fff::/20' }],
    ['2001:2::1', { kind: 'benchmarking', range: '2001:2::/48' }],
    ['fc00::1', { kind: 'unique-local', range: 'fc00::/7' }],
    ['fd12:3456:789a::1', { kind: 'unique-local', range: 'fc00::/7' }],
    ['fe80::1', { kind: 'link-local', range: 'fe80::/10' }],
    ['fe80::1%eth0', { kind: 'link-local', range: 'fe80::/10' }],
    ['ff02::1', { kind: 'multicast', range: 'ff00::/8' }],
    ['100::1', { kind: 'reserved', range: '100::/64' }],
    ['4000::1', { kind: 'reserved', range: '4000::/2' }],
    ['fec0::1', { kind: 'reserved', range: '8000::/1' }],
    ['2a00:1450:4001::1', pub],
    ['2606:4700::1111', pub],
    // IPv4-mapped IPv6 is classified as the IPv4 address
    ['::ffff:10.1.2.3', { kind: 'private', range: '10.0.0.0/8' }],
    ['::ffff:172.32.0.1', pub],
    ['::ffff:127.0.0.1', { kind: 'loopback', range: '127.0.0.0/8' }],
    ['::ffff:40.107.22.5', ms('40.107.0.0/16', false)],
    // Microsoft: current (2023 endpoints + spf.protection.outlook.com blocks) before the retired 2018 list
    ['40.107.22.5', ms('40.107.0.0/16', false)],
    ['40.92.1.1', ms('40.92.0.0/15', false)],
    ['40.94.1.1', ms('40.92.0.0/14', true)], // only in the retired /14
    ['52.100.10.1', ms('52.100.0.0/15', false)],
    ['52.101.40.1', ms('52.100.0.0/15', false)], // inbound olc MX block, inside the SPF /15
    ['52.102.1.1', ms('52.102.0.0/16', false)],
    ['52.103.200.1', ms('52.100.0.0/14', false)], // outside the SPF /17, inside the /14
    ['104.47.20.1', ms('104.47.0.0/17', false)],
    ['104.47.128.1', pub],
    ['52.238.78.88', ms('52.238.78.88/32', false)],
    ['2a01:111:f400::1', ms('2a01:111:f400::/48', false)],
    ['2a01:111:f403:c000::1', ms('2a01:111:f403:c000::/51', false)],
    ['2a01:111:f403:4000::1', ms('2a01:111:f403::/49', false)],
    ['2a01:111:f403:a000::1', ms('2a01:111:f403::/48', false)], // between the SPF blocks, inside the /48
    ['2a01:111:f404::1', pub],
    ['213.199.154.202', ms('213.199.154.0/24', true)],
    ['207.46.163.74', ms('207.46.163.0/24', true)],
    ['23.103.140.1', ms('23.103.136.0/21', true)],
    ['65.55.88.10', ms('65.55.88.0/24', true)],
    ['94.245.120.65', ms('94.245.120.64/26', true)],
    ['94.245.120.130', pub],
    ['216.32.181.1', ms('216.32.180.0/23', true)],
  ];
  for (const [ip, expected] of cases) {
    it(`${ip} → ${expected.kind}${'range' in expected ? ` ${expected.range}` : ''}`, () => {
      expect(classifyIp(ip)).to.deep.equal(expected);
    });
  }

  it('the case table covers every kind', () => {
    const covered = new Set(cases.map(([, c]) => c.kind));
    expect([...IP_KINDS].filter((k) => !covered.has(k))).to.deep.equal([]);
  });

  for (const bad of ['', 'mail.example.com', '1.2.3', '010.1.1.1', '999.1.1.1', '2001:db8::1::2']) {
    it(`throws TypeError for ${JSON.stringify(bad)}`, () => {
      expect(() => classifyIp(bad)).to.throw(TypeError);
    });
  }
});

describe('providerForPtr', () => {
  const cases: [string, string | undefined][] = [
    ['o1.ptr1234.sendgrid.net', 'sendgrid'],
    ['a8-12.smtp-out.amazonses.com', 'amazon-ses'],
    ['e226-3.smtp-out.eu-west-1.amazonses.com.', 'amazon-ses'],
    ['m228-4.mailgun.net', 'mailgun'],
    ['so254-12.mailgun.org', 'mailgun'],
    ['mail-wm1-f41.google.com', 'google'],
    ['mail-sor-f65.googlemail.com', 'google'],
    ['mail180-10.suw21.mandrillapp.com', 'mailchimp'],
    ['mail96.atl281.mcsv.net', 'mailchimp'],
    ['mail7.wdc04.rsgsv.net', 'mailchimp'],
    ['mta-208.sparkpostmail.com', 'sparkpost'],
    ['sender4-op-o14.zoho.com', 'zoho'],
    ['sender-of-o51.zohomail.com', 'zoho'],
    ['mta-200-10.mtasv.net', 'postmark'],
    ['MAIL-DB8EUR05ON2104.outbound.protection.outlook.com', 'microsoft'],
    // near misses
    ['mail.example.com', undefined],
    ['evilsendgrid.net', undefined],
    ['sendgrid.net', undefined],
    ['sendgrid.net.example.com', undefined],
    ['mail.protection.outlook.com', undefined],
    ['', undefined],
  ];
  for (const [host, id] of cases) {
    it(`${JSON.stringify(host)} → ${String(id)}`, () => {
      expect(providerForPtr(host)?.id).to.equal(id);
    });
  }

  it('gives a display name with the id', () => {
    expect(providerForPtr('x.mtasv.net')).to.deep.equal({ id: 'postmark', name: 'Postmark' });
  });
});

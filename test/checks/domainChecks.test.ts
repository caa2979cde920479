/**
 * SPF, DMARC and MX of a sender domain, against the loopback DNS server (real resolver, real wire format).
 */
import { expect } from 'chai';
import { createResolver, type ManagedResolver } from '../../src/checks/resolver';
import { normaliseDomain } from '../../src/checks/domainName';
import { runChecks } from '../../src/checks/runChecks';
import type { CheckResult, CheckStatus } from '../../src/checks/types';
import { startTestDnsServer, type TestDnsServer, type Zone, type ZoneEntry } from '../helpers/dnsServer';

const DOMAIN = 'example.org';

interface Case {
  name: string;
  entry?: ZoneEntry | 'servfail';
  status: CheckStatus;
  reason?: string;
}

describe('domain checks (loopback DNS server)', function () {
  this.timeout(15000);
  let server: TestDnsServer | undefined;
  let resolver: ManagedResolver | undefined;

  async function check(id: 'spf' | 'dmarc' | 'mx', zone: Zone, domain = DOMAIN): Promise<CheckResult> {
    server = await startTestDnsServer(zone);
    resolver = createResolver({ servers: [server.address], timeoutMs: 1500, tries: 1 });
    const report = await runChecks({ domain, resolver });
    expect(report.items.map((i) => i.id)).to.deep.equal(['spf', 'dmarc', 'mx']);
    const item = report.items.find((i) => i.id === id);
    if (!item) throw new Error(`no ${id} item`);
    return item;
  }

  afterEach(async () => {
    resolver?.cancel();
    await server?.stop();
    server = undefined;
  });

  describe('SPF', () => {
    const txt = (...records: (string | string[])[]): ZoneEntry => ({ TXT: records });
    const cases: Case[] = [
      {
        name: 'no TXT at all',
        entry: { MX: [{ exchange: 'mx.example.org', priority: 10 }] },
        status: 'problem',
        reason: 'none',
      },
      {
        name: 'TXT records but no SPF',
        entry: txt('google-site-verification=abc'),
        status: 'problem',
        reason: 'none',
      },
      {
        name: 'one good record ending -all',
        entry: txt('v=spf1 ip4:192.0.2.0/24 include:spf.example.net -all'),
        status: 'pass',
      },
      { name: '~all (softfail) is fine', entry: txt('v=spf1 mx ~all'), status: 'pass' },
      {
        name: 'record split into chunks',
        entry: txt(['v=spf1 ip4:192.0.2.1 ', 'ip6:2001:db8::/32 -all']),
        status: 'pass',
      },
      { name: '+all lets anyone send', entry: txt('v=spf1 +all'), status: 'problem', reason: 'plus-all' },
      { name: 'bare "all" is +all', entry: txt('v=spf1 a all'), status: 'problem', reason: 'plus-all' },
      { name: '?all is neutral', entry: txt('v=spf1 a ?all'), status: 'warning', reason: 'neutral-all' },
      {
        name: 'two SPF records',
        entry: txt('v=spf1 -all', 'v=spf1 mx -all'),
        status: 'problem',
        reason: 'several',
      },
      { name: 'missing all', entry: txt('v=spf1 ip4:192.0.2.1'), status: 'warning', reason: 'no-all' },
      {
        name: 'redirect= instead of all',
        entry: txt('v=spf1 redirect=_spf.example.net'),
        status: 'pass',
        reason: 'redirect',
      },
      {
        name: 'mechanisms after all',
        entry: txt('v=spf1 -all ip4:192.0.2.1'),
        status: 'warning',
        reason: 'all-not-last',
      },
      { name: 'broken ip4', entry: txt('v=spf1 ip4:192.0.2.300 -all'), status: 'problem', reason: 'syntax' },
      {
        name: 'unknown mechanism',
        entry: txt('v=spf1 ipv4:192.0.2.1 -all'),
        status: 'problem',
        reason: 'syntax',
      },
      {
        name: 'include with = instead of :',
        entry: txt('v=spf1 include=spf.example.net -all'),
        status: 'problem',
        reason: 'syntax',
      },
      { name: 'SERVFAIL', entry: 'servfail', status: 'unknown', reason: 'servfail' },
    ];
    for (const c of cases) {
      it(`${c.name} → ${c.status}${c.reason ? ` (${c.reason})` : ''}`, async () => {
        const item = await check('spf', c.entry ? { [DOMAIN]: c.entry } : {});
        expect(item.status).to.equal(c.status);
        expect(item.reason).to.equal(c.reason);
      });
    }

    it('a domain that does not exist → problem (no-domain)', async () => {
      const item = await check('spf', {});
      expect([item.status, item.reason]).to.deep.equal(['problem', 'no-domain']);
    });

    it('reports the record and its ending for the texts', async () => {
      const item = await check('spf', { [DOMAIN]: txt('v=spf1 mx -all') });
      expect(item.values).to.deep.equal({ domain: DOMAIN, record: 'v=spf1 mx -all', all: '-all' });
    });
  });

  describe('DMARC', () => {
    const dmarc = (...records: string[]): Zone => ({ [`_dmarc.${DOMAIN}`]: { TXT: records } });
    const cases: (Omit<Case, 'entry'> & { zone: Zone; policy?: string })[] = [
      {
        name: 'p=reject',
        zone: dmarc('v=DMARC1; p=reject; rua=mailto:d@example.org'),
        status: 'pass',
        policy: 'reject',
      },
      { name: 'p=quarantine', zone: dmarc('v=DMARC1;p=quarantine'), status: 'pass', policy: 'quarantine' },
      {
        name: 'p=none',
        zone: dmarc('v=DMARC1; p=none'),
        status: 'pass',
        reason: 'policy-none',
        policy: 'none',
      },
      { name: 'missing', zone: {}, status: 'warning', reason: 'none' },
      {
        name: 'name exists, no DMARC TXT',
        zone: dmarc('some other text'),
        status: 'warning',
        reason: 'none',
      },
      {
        name: 'two records',
        zone: dmarc('v=DMARC1; p=reject', 'v=DMARC1; p=none'),
        status: 'problem',
        reason: 'several',
      },
      {
        name: 'no p= tag',
        zone: dmarc('v=DMARC1; rua=mailto:d@example.org'),
        status: 'problem',
        reason: 'syntax',
      },
      { name: 'bad p= value', zone: dmarc('v=DMARC1; p=block'), status: 'problem', reason: 'syntax' },
      { name: 'SERVFAIL', zone: { [`_dmarc.${DOMAIN}`]: 'servfail' }, status: 'unknown', reason: 'servfail' },
    ];
    for (const c of cases) {
      it(`${c.name} → ${c.status}${c.reason ? ` (${c.reason})` : ''}`, async () => {
        const item = await check('dmarc', c.zone);
        expect(item.status).to.equal(c.status);
        expect(item.reason).to.equal(c.reason);
        expect(item.values.policy).to.equal(c.policy);
      });
    }
  });

  describe('MX', () => {
    const cases: Case[] = [
      {
        name: 'present',
        entry: {
          MX: [
            { exchange: 'mx2.example.org', priority: 20 },
            { exchange: 'mx1.example.org', priority: 10 },
          ],
        },
        status: 'pass',
      },
      { name: 'missing (domain exists)', entry: { A: ['192.0.2.10'] }, status: 'warning', reason: 'none' },
      {
        name: 'null MX (RFC 7505)',
        entry: { MX: [{ exchange: '', priority: 0 }] },
        status: 'warning',
        reason: 'null-mx',
      },
      { name: 'domain does not exist', entry: undefined, status: 'problem', reason: 'no-domain' },
      { name: 'SERVFAIL', entry: 'servfail', status: 'unknown', reason: 'servfail' },
    ];
    for (const c of cases) {
      it(`${c.name} → ${c.status}`, async () => {
        const item = await check('mx', c.entry ? { [DOMAIN]: c.entry } : {});
        expect(item.status).to.equal(c.status);
        expect(item.reason).to.equal(c.reason);
      });
    }

    it('lists the hosts by priority', async () => {
      const item = await check('mx', { [DOMAIN]: cases[0].entry as ZoneEntry });
      expect(item.values.hosts).to.equal('mx1.example.org, mx2.example.org');
    });
  });

  describe('the domain itself', () => {
    it('is lower-cased, and taken from an address', async () => {
      const item = await check(
        'mx',
        { [DOMAIN]: { MX: [{ exchange: 'mx.example.org', priority: 5 }] } },
        'News@Example.ORG.',
      );
      expect(item.status).to.equal('pass');
      expect(item.values.domain).to.equal(DOMAIN);
    });

    it('nonsense gives "unknown (invalid-input)" items without asking DNS', async () => {
      const item = await check('spf', {}, 'not a domain');
      expect([item.status, item.reason]).to.deep.equal(['unknown', 'invalid-input']);
      expect(server?.queries).to.deep.equal([]);
    });

    const table: [string, string | undefined][] = [
      ['example.com', 'example.com'],
      ['EXAMPLE.com.', 'example.com'],
      ['user@mail.example.co.uk', 'mail.example.co.uk'],
      ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
      ['bücher.example', 'bücher.example'],
      ['例子.台灣', '例子.台灣'],
      ['localhost', undefined],
      ['203.0.113.7', undefined],
      ['-bad.example', undefined],
      ['bad-.example', undefined],
      ['a..example', undefined],
      ['under_score.example', undefined],
      [`${'a'.repeat(64)}.example`, undefined],
      ['', undefined],
    ];
    for (const [input, expected] of table) {
      it(`normaliseDomain(${JSON.stringify(input)}) → ${String(expected)}`, () => {
        expect(normaliseDomain(input)).to.equal(expected);
      });
    }
  });
});

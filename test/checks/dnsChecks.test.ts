/**
 * The live DNS checks against a real DNS server on loopback (test/helpers/dnsServer.ts), through node's own
 * resolver: the same code path as production, only the zone data is ours.
 */
import { expect } from 'chai';
import { DEFAULT_BLOCKLISTS } from '../../src/checks/blocklists';
import { dnsblQueryName } from '../../src/checks/dnsblCheck';
import { createResolver, type ManagedResolver } from '../../src/checks/resolver';
import { reverseDnsName } from '../../src/checks/reverseName';
import { runChecks } from '../../src/checks/runChecks';
import type { CheckReport, CheckStatus } from '../../src/checks/types';
import { closedDnsAddress, startTestDnsServer, type TestDnsServer, type Zone } from '../helpers/dnsServer';

const IP = '198.18.7.7'; // any address works for the checks; they do not classify it
const SPAMHAUS = DEFAULT_BLOCKLISTS[0];
const SPAMCOP = DEFAULT_BLOCKLISTS[1];
const LIST_IDS = DEFAULT_BLOCKLISTS.map((l) => `dnsbl:${l.id}`);

const status = (report: CheckReport, id: string): CheckStatus | undefined =>
  report.items.find((i) => i.id === id)?.status;
const reason = (report: CheckReport, id: string): string | undefined =>
  report.items.find((i) => i.id === id)?.reason;

describe('live DNS checks (loopback DNS server)', function () {
  this.timeout(15000);
  let server: TestDnsServer | undefined;
  let resolver: ManagedResolver | undefined;

  async function serve(zone: Zone, timeoutMs = 1500): Promise<ManagedResolver> {
    server = await startTestDnsServer(zone);
    resolver = createResolver({ servers: [server.address], timeoutMs, tries: 1 });
    return resolver;
  }

  afterEach(async () => {
    resolver?.cancel();
    resolver = undefined;
    await server?.stop();
    server = undefined;
  });

  describe('blocklists', () => {
    const cases: { name: string; answer: Zone[string] | undefined; status: CheckStatus; reason?: string }[] =
      [
        {
          name: 'listed on SBL (127.0.0.2)',
          answer: { A: ['127.0.0.2'] },
          status: 'problem',
          reason: 'listed',
        },
        { name: 'PBL only (127.0.0.10)', answer: { A: ['127.0.0.10'] }, status: 'problem', reason: 'policy' },
        {
          name: 'PBL and XBL',
          answer: { A: ['127.0.0.11', '127.0.0.4'] },
          status: 'problem',
          reason: 'listed',
        },
        { name: 'clean (NXDOMAIN)', answer: undefined, status: 'pass' },
        {
          name: 'query refused (127.255.255.254)',
          answer: { A: ['127.255.255.254'] },
          status: 'unknown',
          reason: 'list-refused',
        },
        {
          name: 'excessive queries (127.255.255.255)',
          answer: { A: ['127.255.255.255'] },
          status: 'unknown',
          reason: 'list-refused',
        },
        {
          name: 'resolver rewrote NXDOMAIN to an ad server',
          answer: { A: ['198.51.100.80'] },
          status: 'unknown',
          reason: 'unexpected-answer',
        },
        { name: 'SERVFAIL', answer: 'servfail', status: 'unknown', reason: 'servfail' },
        { name: 'REFUSED rcode', answer: 'refused', status: 'unknown', reason: 'refused' },
      ];
    for (const c of cases) {
      it(`Spamhaus ZEN: ${c.name} → ${c.status}`, async () => {
        const zone: Zone = c.answer === undefined ? {} : { [dnsblQueryName(IP, SPAMHAUS)]: c.answer };
        const report = await runChecks({ ip: IP, resolver: await serve(zone), blocklists: [SPAMHAUS] });
        expect(status(report, 'dnsbl:spamhaus-zen')).to.equal(c.status);
        expect(reason(report, 'dnsbl:spamhaus-zen')).to.equal(c.reason);
        const listed = c.status === 'problem';
        expect(report.listedOn).to.deep.equal(
          listed
            ? [{ listId: 'spamhaus-zen', name: 'Spamhaus ZEN', removalUrl: 'https://check.spamhaus.org/' }]
            : [],
        );
      });
    }

    it('asks every list in the set, with the reversed-octet name, and reports each', async () => {
      const zone: Zone = { [dnsblQueryName(IP, SPAMCOP)]: { A: ['127.0.0.2'] } };
      const report = await runChecks({ ip: IP, resolver: await serve(zone) });
      expect(server?.queries).to.include('A 7.7.18.198.bl.spamcop.net');
      expect(report.items.map((i) => i.id)).to.include.members(LIST_IDS);
      for (const id of LIST_IDS)
        expect(status(report, id), id).to.equal(id === 'dnsbl:spamcop' ? 'problem' : 'pass');
      expect(report.listedOn.map((l) => l.listId)).to.deep.equal(['spamcop']);
    });

    it('IPv6: nibble query where the list supports it, honest "unknown" where it does not', async () => {
      const v6 = '2001:db8::1';
      const zone: Zone = { [dnsblQueryName(v6, SPAMHAUS)]: { A: ['127.0.0.2'] } };
      const report = await runChecks({
        ip: v6,
        resolver: await serve(zone),
        blocklists: [SPAMHAUS, SPAMCOP],
      });
      expect(server?.queries).to.include(
        'A 1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org',
      );
      expect(status(report, 'dnsbl:spamhaus-zen')).to.equal('problem');
      expect(status(report, 'dnsbl:spamcop')).to.equal('unknown');
      expect(reason(report, 'dnsbl:spamcop')).to.equal('ipv6-unsupported');
      expect(server?.queries.some((q) => q.endsWith('bl.spamcop.net'))).to.equal(false);
    });
  });

  describe('reverse DNS', () => {
    const ptr = reverseDnsName(IP);
    const cases: {
      name: string;
      zone: Zone;
      ptr: CheckStatus;
      fcrdns: CheckStatus;
      fcrdnsReason?: string;
    }[] = [
      {
        name: 'PTR that points back (FCrDNS)',
        zone: { [ptr]: { PTR: ['mail.example.net'] }, 'mail.example.net': { A: [IP] } },
        ptr: 'pass',
        fcrdns: 'pass',
      },
      {
        name: 'PTR whose name resolves elsewhere',
        zone: { [ptr]: { PTR: ['mail.example.net'] }, 'mail.example.net': { A: ['192.0.2.99'] } },
        ptr: 'pass',
        fcrdns: 'warning',
        fcrdnsReason: 'mismatch',
      },
      {
        name: 'PTR whose name does not exist',
        zone: { [ptr]: { PTR: ['gone.example.net'] } },
        ptr: 'pass',
        fcrdns: 'warning',
        fcrdnsReason: 'mismatch',
      },
      { name: 'no PTR (NXDOMAIN)', zone: {}, ptr: 'problem', fcrdns: 'problem', fcrdnsReason: 'no-ptr' },
      {
        name: 'PTR lookup SERVFAIL',
        zone: { [ptr]: 'servfail' },
        ptr: 'unknown',
        fcrdns: 'unknown',
        fcrdnsReason: 'servfail',
      },
    ];
    for (const c of cases) {
      it(`${c.name} → ptr ${c.ptr}, fcrdns ${c.fcrdns}`, async () => {
        const report = await runChecks({ ip: IP, resolver: await serve(c.zone), blocklists: [] });
        expect(status(report, 'ptr')).to.equal(c.ptr);
        expect(status(report, 'fcrdns')).to.equal(c.fcrdns);
        expect(reason(report, 'fcrdns')).to.equal(c.fcrdnsReason);
      });
    }

    it('reports the PTR names, and a forward-confirmed provider', async () => {
      const zone: Zone = {
        [ptr]: { PTR: ['o1.ptr1234.SendGrid.net.'] },
        'o1.ptr1234.sendgrid.net': { A: [IP] },
      };
      const report = await runChecks({ ip: IP, resolver: await serve(zone), blocklists: [] });
      expect(report.ptrNames).to.deep.equal(['o1.ptr1234.sendgrid.net']);
      expect(report.provider).to.deep.equal({
        id: 'sendgrid',
        name: 'SendGrid (Twilio)',
        ptr: 'o1.ptr1234.sendgrid.net',
        confirmed: true,
      });
    });

    it('marks a provider PTR that does not point back as unconfirmed', async () => {
      const zone: Zone = { [ptr]: { PTR: ['a1-2.smtp-out.amazonses.com'] } };
      const report = await runChecks({ ip: IP, resolver: await serve(zone), blocklists: [] });
      expect(report.provider).to.include({ id: 'amazon-ses', confirmed: false });
      expect(status(report, 'fcrdns')).to.equal('warning');
    });

    it('IPv6 forward confirmation uses AAAA', async () => {
      const v6 = '2001:db8:5::25';
      const zone: Zone = {
        [reverseDnsName(v6)]: { PTR: ['mx6.example.net'] },
        'mx6.example.net': { AAAA: ['2001:db8:5:0:0:0:0:25'] },
      };
      const report = await runChecks({ ip: v6, resolver: await serve(zone), blocklists: [] });
      expect(status(report, 'fcrdns')).to.equal('pass');
      expect(server?.queries).to.include('AAAA mx6.example.net');
    });
  });
  describe('when DNS is slow or unreachable', () => {
    const everyId = ['ptr', 'fcrdns', ...LIST_IDS, 'spf', 'dmarc', 'mx'];

    it('a server that never answers: resolves by the overall deadline, every item present and unknown', async () => {
      server = await startTestDnsServer({ '*': 'slow' });
      // The per-lookup limit is longer than the deadline, so only the deadline can end this run.
      resolver = createResolver({ servers: [server.address], timeoutMs: 10000, tries: 1 });
      const started = Date.now();
      const report = await runChecks({ ip: IP, domain: 'example.org', resolver, overallTimeoutMs: 800 });
      const elapsed = Date.now() - started;
      expect(elapsed).to.be.below(800 + 1000);
      expect(elapsed, 'it did wait for the deadline').to.be.at.least(700);
      expect(report.items.map((i) => i.id)).to.deep.equal(everyId);
      expect(report.items.every((i) => i.status === 'unknown' && i.reason === 'deadline')).to.equal(true);
      expect(report.complete).to.equal(false);
      expect(report.listedOn).to.deep.equal([]);
    });

    it('one slow name costs only its own item (per-lookup timeout)', async () => {
      const zone: Zone = {
        [dnsblQueryName(IP, SPAMHAUS)]: 'slow',
        [dnsblQueryName(IP, SPAMCOP)]: { A: ['127.0.0.2'] },
      };
      const report = await runChecks({
        ip: IP,
        resolver: await serve(zone, 300),
        blocklists: [SPAMHAUS, SPAMCOP],
        overallTimeoutMs: 3000,
      });
      expect([status(report, 'dnsbl:spamhaus-zen'), reason(report, 'dnsbl:spamhaus-zen')]).to.deep.equal([
        'unknown',
        'timeout',
      ]);
      expect(status(report, 'dnsbl:spamcop')).to.equal('problem');
      expect(report.complete).to.equal(true);
    });

    it('an answer that arrives after the per-lookup timeout is not used', async () => {
      const zone: Zone = {
        [dnsblQueryName(IP, SPAMHAUS)]: { behaviour: 'slow', delayMs: 600, A: ['127.0.0.2'] },
      };
      const report = await runChecks({ ip: IP, resolver: await serve(zone, 200), blocklists: [SPAMHAUS] });
      expect(status(report, 'dnsbl:spamhaus-zen')).to.equal('unknown');
    });

    it('a late answer within the limits is used', async () => {
      const zone: Zone = {
        [dnsblQueryName(IP, SPAMHAUS)]: { behaviour: 'slow', delayMs: 150, A: ['127.0.0.2'] },
      };
      const report = await runChecks({ ip: IP, resolver: await serve(zone, 2000), blocklists: [SPAMHAUS] });
      expect(status(report, 'dnsbl:spamhaus-zen')).to.equal('problem');
    });

    it('no DNS server reachable (closed port): every item unknown, and it still resolves', async () => {
      resolver = createResolver({ servers: [await closedDnsAddress()], timeoutMs: 1000, tries: 1 });
      const report = await runChecks({ ip: IP, domain: 'example.org', resolver, overallTimeoutMs: 3000 });
      expect(report.items.map((i) => i.id)).to.deep.equal(everyId);
      const outcomes = new Set(report.items.map((i) => `${i.status}/${i.reason}`));
      expect([...outcomes]).to.deep.equal(['unknown/unreachable']);
      expect(report.ptrNames).to.deep.equal([]);
      expect(report.provider).to.equal(undefined);
    });

    it('an IP that is not an IP gives unknown (invalid-input) items, asking nothing', async () => {
      const report = await runChecks({ ip: '999.1.1.1', resolver: await serve({}), blocklists: [SPAMHAUS] });
      expect(report.items.map((i) => [i.id, i.status, i.reason])).to.deep.equal([
        ['ptr', 'unknown', 'invalid-input'],
        ['fcrdns', 'unknown', 'invalid-input'],
        ['dnsbl:spamhaus-zen', 'unknown', 'invalid-input'],
      ]);
      expect(server?.queries).to.deep.equal([]);
    });
  });
});

import { expect } from 'chai';
import { promises as dns } from 'node:dns';
import { createResolver, withTimeout } from '../../src/checks/resolver';
import { reverseDnsName } from '../../src/checks/reverseName';
import { runChecks } from '../../src/checks/runChecks';
import type { DnsResolver } from '../../src/checks/types';
import { startTestDnsServer } from '../helpers/dnsServer';

describe('resolver', () => {
  it('withTimeout rejects with ETIMEOUT when the lookup is slower than the limit', async () => {
    const never = new Promise<string[]>(() => {});
    const error: unknown = await withTimeout(never, 30, 'A slow.example').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(Error).and.to.have.property('code', 'ETIMEOUT');
  });

  it('withTimeout passes a prompt answer (and rejection) through unchanged', async () => {
    expect(await withTimeout(Promise.resolve(['127.0.0.2']), 1000)).to.deep.equal(['127.0.0.2']);
    const error: unknown = await withTimeout(Promise.reject(new Error('boom')), 1000).catch(
      (e: unknown) => e,
    );
    expect(error).to.have.property('message', 'boom');
  });

  it('accepts a comma list from configuration, blanks included (DNS_SERVERS)', async () => {
    const server = await startTestDnsServer({ 'mx.example.net': { A: ['192.0.2.25'] } });
    const resolver = createResolver({ servers: ` ${server.address} ,,`.split(','), timeoutMs: 1000 });
    try {
      expect(await resolver.resolve4('mx.example.net')).to.deep.equal(['192.0.2.25']);
    } finally {
      resolver.cancel();
      await server.stop();
    }
  });

  it('a node:dns/promises Resolver is a DnsResolver as it is', async () => {
    const ip = '192.0.2.77';
    const server = await startTestDnsServer({
      [reverseDnsName(ip)]: { PTR: ['mail.example.net'] },
      'mail.example.net': { A: [ip] },
    });
    const resolver = new dns.Resolver({ timeout: 1000, tries: 1 });
    resolver.setServers([server.address]);
    const asInterface: DnsResolver = resolver;
    try {
      const report = await runChecks({ ip, resolver: asInterface, blocklists: [] });
      expect(report.items.map((i) => `${i.id}:${i.status}`)).to.deep.equal(['ptr:pass', 'fcrdns:pass']);
    } finally {
      resolver.cancel();
      await server.stop();
    }
  });
});

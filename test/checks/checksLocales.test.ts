/**
 * Every text the checks can ask for exists in both languages, and every placeholder it uses is filled by
 * the values the check actually provides. Results come from running the real checks over an in-memory
 * resolver with many scenarios, so a new status or reason without text fails here.
 */
import { expect } from 'chai';
import path from 'node:path';
import { DEFAULT_BLOCKLISTS } from '../../src/checks/blocklists';
import { dnsblQueryName } from '../../src/checks/dnsblCheck';
import { reverseDnsName } from '../../src/checks/reverseName';
import { runChecks } from '../../src/checks/runChecks';
import { CHECK_CATALOGUE, CHECK_KINDS, LOOKUP_FAILURES, checkTextKeys } from '../../src/checks/texts';
import type { CheckResult, DnsResolver } from '../../src/checks/types';
import { createLocalizer, readLocaleResources } from '../../src/i18n/localizer';
import { classifyIp, IP_KINDS } from '../../src/ip/classifyIp';
import { PROJECT_ROOT } from '../helpers/paths';

const LOCALES_DIR = path.join(PROJECT_ROOT, 'locales');
const resources = readLocaleResources(LOCALES_DIR);
const LANGUAGES = ['en', 'zh-TW'] as const;

/** The raw string at "checks:a.b.c" in one language, without i18next's fallback to English. */
function raw(lng: string, key: string): unknown {
  const [ns, rest] = key.split(/:(.*)/s);
  return rest.split('.').reduce<unknown>((node, part) => {
    return node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }, resources[lng]?.[ns]);
}

type Answer = string[] | string[][] | { exchange: string; priority: number }[] | string; // string = error code
const fail = (code: string): Error => Object.assign(new Error(code), { code });

/** An in-memory DnsResolver: `table['A name']` is the answer, or an error code; unknown names are NXDOMAIN. */
function fakeResolver(table: Record<string, Answer>): DnsResolver {
  const ask = async <T>(type: string, name: string): Promise<T> => {
    const answer = table[`${type} ${name}`] ?? table[`* ${name}`] ?? table['*'] ?? 'ENOTFOUND';
    if (typeof answer === 'string') throw fail(answer);
    return answer as T;
  };
  return {
    reverse: () => Promise.reject(fail('ENOTIMP')),
    resolvePtr: (name) => ask('PTR', name),
    resolve4: (name) => ask('A', name),
    resolve6: (name) => ask('AAAA', name),
    resolveTxt: (name) => ask('TXT', name),
    resolveMx: (name) => ask('MX', name),
  };
}

const IP = '192.0.2.55';
const V6 = '2001:db8::55';
const D = 'example.net';
const zen = (ip: string): string => `A ${dnsblQueryName(ip, DEFAULT_BLOCKLISTS[0])}`;
const spam = `A ${dnsblQueryName(IP, DEFAULT_BLOCKLISTS[1])}`;

const SCENARIOS: Record<string, Answer>[] = [
  {
    [`PTR ${reverseDnsName(IP)}`]: ['mail.example.net'],
    'A mail.example.net': [IP],
    [zen(IP)]: ['127.0.0.2'],
    [spam]: ['127.0.0.2'],
    [`TXT ${D}`]: [['v=spf1 -all']],
    [`TXT _dmarc.${D}`]: [['v=DMARC1; p=none']],
    [`MX ${D}`]: [{ exchange: 'mx.example.net', priority: 1 }],
  },
  {
    [`PTR ${reverseDnsName(IP)}`]: ['x.sendgrid.net'],
    [zen(IP)]: ['127.0.0.10'],
    [`TXT ${D}`]: [['v=spf1 +all'], ['v=DMARC1']],
    [`TXT _dmarc.${D}`]: [['v=DMARC1; p=reject'], ['v=DMARC1; p=none']],
    [`MX ${D}`]: [{ exchange: '', priority: 0 }],
  },
  {
    [`PTR ${reverseDnsName(IP)}`]: ['mail.example.net'],
    'A mail.example.net': 'ETIMEOUT',
    [zen(IP)]: ['127.255.255.254'],
    [spam]: ['198.51.100.1'],
    [`TXT ${D}`]: [['v=spf1 ?all']],
    [`TXT _dmarc.${D}`]: [['v=DMARC1; p=maybe']],
    [`MX ${D}`]: 'ENODATA',
  },
  { [`TXT ${D}`]: [['v=spf1 a']], [`MX ${D}`]: 'ESERVFAIL', '* 1.0.0.0': 'EREFUSED' },
  { [`TXT ${D}`]: [['v=spf1 -all a']], [`TXT _dmarc.${D}`]: 'ECONNREFUSED' },
  { [`TXT ${D}`]: [['v=spf1 redirect=_spf.example.org']], [`PTR ${reverseDnsName(IP)}`]: 'ESERVFAIL' },
  { [`TXT ${D}`]: [['v=spf1 ip4:1.2.3 -all']], '*': 'EWHATEVER' },
  { [`TXT ${D}`]: [['v=spf1 -all'], ['v=spf1 mx -all']], '*': 'ECONNREFUSED' },
  { [`TXT ${D}`]: [['hello']] },
  {}, // everything NXDOMAIN
];

async function producedResults(): Promise<CheckResult[]> {
  const reports = await Promise.all([
    ...SCENARIOS.map((table) => runChecks({ ip: IP, domain: D, resolver: fakeResolver(table) })),
    runChecks({ ip: V6, resolver: fakeResolver({ [zen(V6)]: ['127.0.0.3'] }) }),
    runChecks({ ip: 'nonsense', domain: 'not a domain', resolver: fakeResolver({}) }),
    runChecks({
      ip: IP,
      domain: D,
      resolver: { ...fakeResolver({}), resolve4: () => new Promise(() => {}) },
      overallTimeoutMs: 50,
    }),
  ]);
  return reports.flatMap((r) => r.items);
}

describe('checks locale texts', () => {
  let results: CheckResult[] = [];
  before(async () => {
    results = await producedResults();
  });

  it('the scenarios produce every status and reason in the catalogue (so the catalogue is the truth)', () => {
    const produced = new Set(results.map((r) => `${r.kind}.${r.status}`));
    const reasons = new Set(results.map((r) => `${r.kind}.${r.reason}`));
    for (const kind of CHECK_KINDS) {
      for (const status of CHECK_CATALOGUE[kind].statuses)
        expect(produced, `${kind}.${status}`).to.include(`${kind}.${status}`);
      for (const reason of CHECK_CATALOGUE[kind].reasons)
        expect(reasons, `${kind} ${reason}`).to.include(`${kind}.${reason}`);
    }
  });

  it('every produced result is in the catalogue', () => {
    for (const r of results) {
      const entry = CHECK_CATALOGUE[r.kind];
      expect(entry.statuses, r.id).to.include(r.status);
      if (r.reason !== undefined)
        expect([...entry.reasons, ...LOOKUP_FAILURES], `${r.id} ${r.reason}`).to.include(r.reason);
    }
  });

  for (const lng of LANGUAGES) {
    it(`${lng}: every catalogue key has text`, () => {
      const keys = [
        ...LOOKUP_FAILURES.map((f) => `checks:lookup.${f}`),
        ...['pass', 'warning', 'problem', 'unknown'].map((s) => `checks:status.${s}`),
        ...CHECK_KINDS.flatMap((kind) => [
          `checks:${kind}.title`,
          `checks:${kind}.fix`,
          ...CHECK_CATALOGUE[kind].statuses.map((s) => `checks:${kind}.${s}`),
          ...CHECK_CATALOGUE[kind].reasons.map((r) => `checks:${kind}.reasons.${r}`),
        ]),
        ...['title', 'explain', 'unconfirmed'].map((k) => `checks:provider.${k}`),
      ];
      const missing = keys.filter(
        (k) => typeof raw(lng, k) !== 'string' || String(raw(lng, k)).trim() === '',
      );
      expect(missing).to.deep.equal([]);
    });

    it(`${lng}: every produced result renders completely (all placeholders filled)`, () => {
      const t = createLocalizer(LOCALES_DIR).translator(lng);
      const broken: string[] = [];
      for (const r of results) {
        const keys = checkTextKeys(r);
        for (const key of [keys.title, keys.text, keys.reason, keys.fix]) {
          if (key === undefined) continue;
          if (typeof raw(lng, key) !== 'string') broken.push(`${r.id}: missing ${key}`);
          else if (t.t(key, r.values).includes('{{')) broken.push(`${r.id}: ${key} → ${t.t(key, r.values)}`);
        }
      }
      expect(broken).to.deep.equal([]);
    });

    it(`${lng}: every IP class has title, explain and howToFind, filled from classifyIp`, () => {
      const t = createLocalizer(LOCALES_DIR).translator(lng);
      const samples: Record<string, string> = {};
      for (const ip of [
        '8.8.8.8',
        '40.107.1.1',
        '10.0.0.1',
        '127.0.0.1',
        '169.254.1.1',
        '100.64.0.1',
        '192.0.2.1',
        '198.18.0.1',
        '224.0.0.1',
        '240.0.0.1',
        '0.0.0.0',
        'fd00::1',
        '255.255.255.255',
      ]) {
        samples[classifyIp(ip).kind] = ip;
      }
      expect(Object.keys(samples).sort()).to.deep.equal([...IP_KINDS].sort());
      for (const [kind, ip] of Object.entries(samples)) {
        const values = { ip, ...classifyIp(ip) };
        for (const part of ['title', 'explain', 'howToFind']) {
          const key = `checks:ip.${kind}.${part}`;
          expect(raw(lng, key), key).to.be.a('string');
          expect(t.t(key, values), key).not.to.include('{{');
        }
      }
      expect(raw(lng, 'checks:ip.microsoft.retired')).to.be.a('string');
    });
  }
});

/**
 * Runs every check for a sender's IP and/or domain at once, within one overall deadline.
 *
 * Never throws and always returns every requested item: a chat reply with "could not check" next to the
 * answers we did get is more useful than an error, and the dialog can rely on the item list being complete.
 */
import ipaddr from 'ipaddr.js';
import { DEFAULT_BLOCKLISTS, type Blocklist } from './blocklists';
import { dnsblCheck } from './dnsblCheck';
import { dmarcCheck, lookupTxt, mxCheck, spfCheck } from './domainChecks';
import { normaliseDomain } from './domainName';
import {
  fcrdnsCheck,
  lookupPtr,
  providerMatch,
  ptrCheck,
  type FcrdnsOutcome,
  type PtrOutcome,
} from './ptrChecks';
import type { CheckKind, CheckReport, CheckResult, DnsResolver, LookupFailure } from './types';

export const DEFAULT_OVERALL_TIMEOUT_MS = 4000;

export interface RunChecksOptions {
  /** The sender's IP (ideally already validated with parseIpInput and classified as public). */
  ip?: string;
  /** The sender's domain (or address); invalid text gives 'unknown' domain items, not an exception. */
  domain?: string;
  resolver: DnsResolver;
  /** Defaults to DEFAULT_BLOCKLISTS. */
  blocklists?: readonly Blocklist[];
  /** Defaults to DEFAULT_OVERALL_TIMEOUT_MS. */
  overallTimeoutMs?: number;
}

/** A planned item: the work, and what to report if it misses the deadline. */
interface Planned {
  id: string;
  kind: CheckKind;
  values: Record<string, string>;
  work?: Promise<CheckResult>;
}

const unknown = (p: Planned, reason: LookupFailure): CheckResult => ({
  id: p.id,
  kind: p.kind,
  status: 'unknown',
  reason,
  values: p.values,
});

function validIp(ip: string): string | undefined {
  const text = ip.trim();
  const valid = text.includes(':') ? ipaddr.IPv6.isValid(text) : ipaddr.IPv4.isValidFourPartDecimal(text);
  return valid ? ipaddr.process(text).toString() : undefined;
}

/** What the IP checks leave behind besides their items, filled in as the lookups settle. */
interface IpExtras {
  ptr?: PtrOutcome;
  fcrdns?: FcrdnsOutcome;
}

function planIp(
  raw: string,
  resolver: DnsResolver,
  lists: readonly Blocklist[],
  extras: IpExtras,
): Planned[] {
  const ip = validIp(raw) ?? raw.trim();
  const plan: Planned[] = [
    { id: 'ptr', kind: 'ptr', values: { ip } },
    { id: 'fcrdns', kind: 'fcrdns', values: { ip } },
    ...lists.map((l): Planned => ({
      id: `dnsbl:${l.id}`,
      kind: 'dnsbl',
      values: { ip, list: l.name, listId: l.id, zone: l.zone },
    })),
  ];
  if (validIp(raw) === undefined) return plan; // no work: every item reports 'invalid-input'

  const ptr = lookupPtr(ip, resolver).then((outcome) => (extras.ptr = outcome));
  const fcrdns = ptr.then((outcome) => fcrdnsCheck(ip, outcome, resolver)).then((o) => (extras.fcrdns = o));
  plan[0].work = ptr.then((outcome) => ptrCheck(ip, outcome));
  plan[1].work = fcrdns.then((o) => o.result);
  lists.forEach((list, i) => (plan[i + 2].work = dnsblCheck(ip, list, resolver)));
  return plan;
}

function planDomain(raw: string, resolver: DnsResolver): Planned[] {
  const domain = normaliseDomain(raw);
  const values = { domain: domain ?? raw.trim() };
  const plan: Planned[] = (['spf', 'dmarc', 'mx'] as const).map((kind) => ({ id: kind, kind, values }));
  if (domain === undefined) return plan;
  plan[0].work = lookupTxt(domain, resolver).then((txt) => spfCheck(domain, txt));
  plan[1].work = lookupTxt(`_dmarc.${domain}`, resolver).then((txt) => dmarcCheck(domain, txt));
  plan[2].work = mxCheck(domain, resolver);
  return plan;
}

export async function runChecks(options: RunChecksOptions): Promise<CheckReport> {
  const {
    resolver,
    blocklists = DEFAULT_BLOCKLISTS,
    overallTimeoutMs = DEFAULT_OVERALL_TIMEOUT_MS,
  } = options;
  const extras: IpExtras = {};
  const plan = [
    ...(options.ip !== undefined ? planIp(options.ip, resolver, blocklists, extras) : []),
    ...(options.domain !== undefined ? planDomain(options.domain, resolver) : []),
  ];

  // One timer for the whole run; each item races it on its own, so a slow lookup only costs its own item.
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), overallTimeoutMs);
  });
  let complete = true;
  const settle = async (p: Planned): Promise<CheckResult> => {
    if (!p.work) return unknown(p, 'invalid-input');
    // The checks turn DNS errors into results; a rejection here would be a bug, still not the user's problem.
    const settled = await Promise.race([p.work.catch(() => unknown(p, 'dns-error')), expired]);
    if (settled !== 'deadline') return settled;
    complete = false;
    return unknown(p, 'deadline');
  };

  try {
    const items = await Promise.all(plan.map(settle));
    const ptrNames = extras.ptr?.ok ? extras.ptr.names : [];
    const provider = providerMatch(ptrNames, extras.fcrdns?.confirmed ?? []);
    const listedOn = blocklists
      .filter((l) => items.some((r) => r.id === `dnsbl:${l.id}` && r.status === 'problem'))
      .map((l) => ({ listId: l.id, name: l.name, removalUrl: l.removalUrl }));
    return { items, listedOn, ...(provider ? { provider } : {}), ptrNames, complete };
  } finally {
    clearTimeout(timer);
  }
}

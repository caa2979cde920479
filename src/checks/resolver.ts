/**
 * A DNS resolver with a hard per-lookup time limit.
 *
 * c-ares has its own timeout and retries, but its total wait grows with tries and backoff; the bot answers a
 * person in a chat, so each lookup is also raced against our own timer and one slow name cannot hold up the
 * rest of the checks.
 */
import { promises as dns } from 'node:dns';
import type { DnsResolver } from './types';

export interface ResolverOptions {
  /** DNS servers, e.g. ['127.0.0.1:5353', '[::1]:53', '192.0.2.53']; the system's servers when omitted. */
  servers?: string[];
  /** Upper bound for one lookup, retries included. */
  timeoutMs: number;
  /** c-ares attempts per server (default 2); the per-lookup bound above still applies. */
  tries?: number;
}

/** DnsResolver plus cancel(), which abandons this resolver's outstanding queries (for shutdown and tests). */
export interface ManagedResolver extends DnsResolver {
  cancel(): void;
}

/** Carries a dns-style code so callers treat it like any other lookup failure. */
export class LookupTimeoutError extends Error {
  readonly code = 'ETIMEOUT';
  constructor(label: string, ms: number) {
    super(`DNS lookup timed out after ${ms} ms: ${label}`);
    this.name = 'LookupTimeoutError';
  }
}

/** Races `promise` against a timer; the timer is always cleared so nothing keeps the process alive. */
export function withTimeout<T>(promise: Promise<T>, ms: number, label = 'lookup'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LookupTimeoutError(label, ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * @throws when a server string is not an IP (with optional port): a configuration error, better at start-up.
 */
export function createResolver(options: ResolverOptions): ManagedResolver {
  const tries = Math.max(1, options.tries ?? 2);
  const perTry = Math.max(50, Math.floor(options.timeoutMs / tries));
  const resolver = new dns.Resolver({ timeout: perTry, tries });
  const servers = (options.servers ?? []).map((s) => s.trim()).filter((s) => s !== '');
  if (servers.length > 0) resolver.setServers(servers);

  const limit = <T>(label: string, run: () => Promise<T>): Promise<T> =>
    withTimeout(run(), options.timeoutMs, label);

  return {
    reverse: (ip) => limit(`PTR ${ip}`, () => resolver.reverse(ip)),
    resolvePtr: (name) => limit(`PTR ${name}`, () => resolver.resolvePtr(name)),
    resolve4: (host) => limit(`A ${host}`, () => resolver.resolve4(host)),
    resolve6: (host) => limit(`AAAA ${host}`, () => resolver.resolve6(host)),
    resolveTxt: (host) => limit(`TXT ${host}`, () => resolver.resolveTxt(host)),
    resolveMx: (host) => limit(`MX ${host}`, () => resolver.resolveMx(host)),
    cancel: () => resolver.cancel(),
  };
}

/** What a failed lookup means for a check. */
export type LookupError =
  | { type: 'nxdomain' } // the name does not exist
  | { type: 'nodata' } // the name exists, but has no record of that type
  | { type: 'failure'; reason: 'timeout' | 'servfail' | 'refused' | 'unreachable' | 'dns-error' };

export function classifyLookupError(error: unknown): LookupError {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown';
  switch (code) {
    case 'ENOTFOUND':
      return { type: 'nxdomain' };
    case 'ENODATA':
      return { type: 'nodata' };
    case 'ETIMEOUT':
      return { type: 'failure', reason: 'timeout' };
    case 'ESERVFAIL':
      return { type: 'failure', reason: 'servfail' };
    case 'EREFUSED':
      return { type: 'failure', reason: 'refused' };
    case 'ECONNREFUSED':
    case 'ECONNRESET':
      return { type: 'failure', reason: 'unreachable' };
    default:
      return { type: 'failure', reason: 'dns-error' };
  }
}

/** Runs a lookup and turns the rejection into data, so checks read as plain branching. */
export async function lookup<T>(
  run: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: LookupError }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: classifyLookupError(error) };
  }
}

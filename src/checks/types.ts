/**
 * The contract between the live DNS checks and the dialog that shows them.
 * Plain data only (no Bot Framework types); every text is a locale key in the "checks" namespace.
 */
import type { Provider } from '../ip/providers';

/** The subset of node:dns/promises Resolver the checks use; a Resolver satisfies it, and so does a test fake. */
export interface DnsResolver {
  reverse(ip: string): Promise<string[]>;
  /**
   * PTR lookup by name (e.g. "7.113.0.203.in-addr.arpa"). Preferred over reverse() when present: node's
   * reverse() uses getHostByAddr, which reports SERVFAIL, REFUSED and timeouts all as ENOTFOUND, so "no
   * reverse DNS" could not be told apart from "DNS broken".
   */
  resolvePtr?(name: string): Promise<string[]>;
  resolve4(host: string): Promise<string[]>;
  resolve6(host: string): Promise<string[]>;
  resolveTxt(host: string): Promise<string[][]>;
  resolveMx(host: string): Promise<{ exchange: string; priority: number }[]>;
}

export type CheckStatus = 'pass' | 'warning' | 'problem' | 'unknown';

/** The check families; a result id is the kind itself, or `dnsbl:<listId>` for one blocklist. */
export type CheckKind = 'ptr' | 'fcrdns' | 'dnsbl' | 'spf' | 'dmarc' | 'mx';

/**
 * Why a lookup gave no usable answer. Shared by every kind: texts at `checks:lookup.<reason>`.
 * 'deadline' = the overall time budget ran out; 'timeout' = one lookup took too long.
 */
export type LookupFailure =
  'timeout' | 'deadline' | 'servfail' | 'refused' | 'unreachable' | 'dns-error' | 'invalid-input';

export interface CheckResult {
  /** 'ptr' | 'fcrdns' | 'spf' | 'dmarc' | 'mx' | `dnsbl:${listId}` */
  id: string;
  kind: CheckKind;
  status: CheckStatus;
  /**
   * The specific case behind the status, when there is more than one (e.g. spf 'plus-all', dnsbl 'policy').
   * A LookupFailure for 'unknown' caused by DNS; otherwise a kind-specific reason (see CHECK_CATALOGUE).
   */
  reason?: string;
  /** Placeholder values for the texts: {{ip}}, {{domain}}, {{list}}, {{names}}, {{record}}, ... */
  values: Record<string, string>;
}

/** One blocklist the sender's IP is on, with the page where its owner can look it up or ask for removal. */
export interface Listing {
  listId: string;
  name: string;
  removalUrl: string;
}

export interface ProviderMatch extends Provider {
  /** The PTR name that matched. */
  ptr: string;
  /** True when that name resolves back to the IP; an unconfirmed PTR can be set by anyone who owns the IP. */
  confirmed: boolean;
}

export interface CheckReport {
  /** Every requested check, always present: a lookup that did not finish in time is 'unknown'. */
  items: CheckResult[];
  listedOn: Listing[];
  provider?: ProviderMatch;
  ptrNames: string[];
  /** False when the overall deadline cut at least one lookup short. */
  complete: boolean;
}

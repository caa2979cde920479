export type {
  CheckKind,
  CheckReport,
  CheckResult,
  CheckStatus,
  DnsResolver,
  Listing,
  LookupFailure,
  ProviderMatch,
} from './types';
export { DEFAULT_BLOCKLISTS, type Blocklist } from './blocklists';
export { createResolver, withTimeout, type ManagedResolver, type ResolverOptions } from './resolver';
export { runChecks, DEFAULT_OVERALL_TIMEOUT_MS, type RunChecksOptions } from './runChecks';
export { normaliseDomain } from './domainName';
export { reverseDnsName, reversedLabels } from './reverseName';
export { dnsblQueryName } from './dnsblCheck';
export {
  CHECK_CATALOGUE,
  CHECK_KINDS,
  CHECK_STATUSES,
  LOOKUP_FAILURES,
  checkTextKeys,
  type CheckTextKeys,
} from './texts';

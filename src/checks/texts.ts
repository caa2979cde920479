/**
 * The locale key scheme for check results (namespace "checks"), in one place so the dialog and the locale
 * tests agree:
 *
 *   checks:<kind>.title               what was checked
 *   checks:<kind>.<status>            the verdict in one plain sentence
 *   checks:<kind>.reasons.<reason>    the specific case, when the result has a kind-specific reason
 *   checks:lookup.<failure>           why a lookup gave no answer (reason of an 'unknown' caused by DNS)
 *   checks:<kind>.fix                 what to do, for 'warning' and 'problem'
 *   checks:status.<status>            the short label (OK / Warning / Problem / Could not check)
 *
 * <kind> is the check family: a DNSBL result has id "dnsbl:<listId>" but its texts live under checks:dnsbl.*
 * with {{list}} naming the list (i18next reads ':' as the namespace separator, so ids cannot be keys).
 */
import type { CheckKind, CheckResult, CheckStatus, LookupFailure } from './types';

export const CHECK_STATUSES: readonly CheckStatus[] = ['pass', 'warning', 'problem', 'unknown'];

export const LOOKUP_FAILURES: readonly LookupFailure[] = [
  'timeout',
  'deadline',
  'servfail',
  'refused',
  'unreachable',
  'dns-error',
  'invalid-input',
];

/** Every status and kind-specific reason each check can produce. */
export const CHECK_CATALOGUE: Record<
  CheckKind,
  { statuses: readonly CheckStatus[]; reasons: readonly string[] }
> = {
  ptr: { statuses: ['pass', 'problem', 'unknown'], reasons: ['none'] },
  fcrdns: { statuses: ['pass', 'warning', 'problem', 'unknown'], reasons: ['mismatch', 'no-ptr'] },
  dnsbl: {
    statuses: ['pass', 'problem', 'unknown'],
    reasons: ['listed', 'policy', 'list-refused', 'unexpected-answer', 'ipv6-unsupported'],
  },
  spf: {
    statuses: ['pass', 'warning', 'problem', 'unknown'],
    reasons: [
      'none',
      'no-domain',
      'several',
      'syntax',
      'plus-all',
      'neutral-all',
      'no-all',
      'all-not-last',
      'redirect',
    ],
  },
  dmarc: {
    statuses: ['pass', 'warning', 'problem', 'unknown'],
    reasons: ['none', 'several', 'syntax', 'policy-none'],
  },
  mx: { statuses: ['pass', 'warning', 'problem', 'unknown'], reasons: ['none', 'no-domain', 'null-mx'] },
};

export const CHECK_KINDS = Object.keys(CHECK_CATALOGUE) as CheckKind[];

export interface CheckTextKeys {
  title: string;
  text: string;
  reason?: string;
  fix?: string;
}

export function isLookupFailure(reason: string | undefined): reason is LookupFailure {
  return (LOOKUP_FAILURES as readonly string[]).includes(reason ?? '');
}

export function checkTextKeys(result: CheckResult): CheckTextKeys {
  const { kind, status, reason } = result;
  const keys: CheckTextKeys = { title: `checks:${kind}.title`, text: `checks:${kind}.${status}` };
  if (reason !== undefined) {
    keys.reason = isLookupFailure(reason) ? `checks:lookup.${reason}` : `checks:${kind}.reasons.${reason}`;
  }
  if (status === 'warning' || status === 'problem') keys.fix = `checks:${kind}.fix`;
  return keys;
}

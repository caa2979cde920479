/**
 * E-mail address scanning without regex backtracking: find each '@' and grow left and right over allowed characters.
 * Each character is visited a bounded number of times, so a line full of '@' or dots stays linear.
 */

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

export interface FoundAddress {
  address: string;
  start: number;
  end: number;
}

function isLocalChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 46 || // .
    code === 95 || // _
    code === 45 || // -
    code === 43 || // +
    code === 37 || // %
    code === 61 // =
  );
}

function isDomainChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 46 ||
    code === 45
  );
}

/** A domain needs a dot and an alphabetic top-level label, so "???.???" placeholders are not addresses. */
function plausibleDomain(domain: string): boolean {
  const lastDot = domain.lastIndexOf('.');
  if (lastDot <= 0) return false;
  const tld = domain.slice(lastDot + 1);
  return /^[A-Za-z]{2,24}$/.test(tld) && !domain.includes('..') && !domain.startsWith('-');
}

export function findAddresses(line: string, limit = 8): FoundAddress[] {
  const found: FoundAddress[] = [];
  let at = line.indexOf('@');
  while (at !== -1 && found.length < limit) {
    let right = at + 1;
    let firstDot = -1; // first dot after the domain's first character
    while (right < line.length && right - at <= MAX_DOMAIN && isDomainChar(line.charCodeAt(right))) {
      if (firstDot === -1 && right > at + 1 && line.charCodeAt(right) === 46) firstDot = right;
      right += 1;
    }
    while (right > at + 1 && line.charCodeAt(right - 1) === 46) right -= 1; // a sentence's final dot
    // A domain without a dot is never plausible: checking first spares the local part and two slices per '@'
    // on lines such as "a@a@a@...".
    if (firstDot !== -1 && firstDot < right) {
      let left = at;
      while (left > 0 && at - left < MAX_LOCAL && isLocalChar(line.charCodeAt(left - 1))) left -= 1;
      while (left < at && line.charCodeAt(left) === 46) left += 1;
      const domain = line.slice(at + 1, right);
      if (left < at && plausibleDomain(domain)) {
        found.push({ address: `${line.slice(left, at)}@${domain}`, start: left, end: right });
      }
    }
    at = line.indexOf('@', Math.max(right, at + 1));
  }
  return found;
}

/** Addresses right after these words are senders, not failed recipients. */
const SENDER_CUES = [
  'from:<',
  'from=<',
  'from <',
  'from:',
  'mailfrom=',
  'sender:',
  'sender <',
  'sender address:',
];

export function isSenderContext(line: string, start: number): boolean {
  const before = line
    .slice(Math.max(0, start - 20), start)
    .toLowerCase()
    .replace(/\s+$/, '');
  return SENDER_CUES.some((cue) => before.endsWith(cue.trimEnd()));
}

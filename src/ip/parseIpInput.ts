/**
 * Finds the one IP address in what a user typed or pasted ("my IP is 203.0.113.7.", "[2001:db8::1]:25").
 *
 * Deliberate choices:
 * - IPv4 must be four plain decimal parts. Octal- or hex-looking forms ("010.1.1.1", "0x7f.0.0.1") and short
 *   forms ("1.2.3", "3232235777") are rejected: inet_aton reads "010" as 8 while people read it as 10, and
 *   asking the user to copy the address again is safer than delisting or checking the wrong IP.
 * - IPv4-mapped IPv6 ("::ffff:203.0.113.7") is the IPv4 address: that is what DNSBLs and the delist portal know.
 * - A port is dropped only where it is unambiguous: "v4:port" and "[v6]:port". "2001:db8::1:25" is itself a
 *   valid IPv6 address, so a bare IPv6 keeps its last group.
 * - The same address written twice (or once mapped, once plain) is one address; two different ones are
 *   'several', so the dialog asks which one rather than guessing.
 *
 * Linear time: one split on a character class, then a bounded amount of work per token of bounded length.
 */
import ipaddr from 'ipaddr.js';

export type ParseIpResult =
  { ok: true; ip: string; version: 4 | 6 } | { ok: false; error: 'empty' | 'not-an-ip' | 'several' };

/** The longest token worth a look: a bracketed, zoned IPv6 with a port stays well under this. */
const MAX_TOKEN = 100;
/** Characters that never occur inside an address as people paste it. */
const SEPARATORS = /[\s,;()<>{}"'`|=!?\u00a0\u3000\uff0c\uff1b\u3001\uff08\uff09\u300c\u300d\uff1a]+/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
/** Whatever follows the closing bracket (a port, a colon, a full stop) does not matter. */
const BRACKETED = /\[([^\]]{1,80})\]/;
/** "IP:203.0.113.7", "addr=..." and the like: a short label glued to the address. */
const LABEL = /^[A-Za-z][A-Za-z_-]{0,19}[:=](?=[\d[:])/;
const TRAILING_PUNCTUATION = /[.,;!?)}>'"\u3002]+$/;
const LEADING_PUNCTUATION = /^[(<{'"]+/;

/** Plain decimal octets, 0-255, no leading zeros (see the module comment on octal-looking forms). */
function isStrictIpv4(text: string): boolean {
  return IPV4.test(text) && ipaddr.IPv4.isValidFourPartDecimal(text);
}

/** The address in canonical text, or undefined. IPv4-mapped IPv6 comes back as IPv4. */
function normalise(candidate: string): { ip: string; version: 4 | 6 } | undefined {
  if (isStrictIpv4(candidate)) return { ip: ipaddr.IPv4.parse(candidate).toString(), version: 4 };
  // "::" alone is more often prose ("Error::") than someone's address, so an IPv6 needs a hex digit.
  if (!candidate.includes(':') || !/[0-9A-Fa-f]/.test(candidate)) return undefined;
  const withoutZone = candidate.replace(/%[^%]{0,40}$/, '');
  if (!/^[0-9A-Fa-f:.]+$/.test(withoutZone) || !ipaddr.IPv6.isValid(withoutZone)) return undefined;
  // An embedded IPv4 tail ("::ffff:010.1.1.1") follows the same strict rule as a plain one.
  const tail = /(?:^|:)([\d.]+)$/.exec(withoutZone)?.[1];
  if (tail?.includes('.') && !isStrictIpv4(tail)) return undefined;
  const parsed = ipaddr.IPv6.parse(withoutZone);
  if (parsed.isIPv4MappedAddress()) return { ip: parsed.toIPv4Address().toString(), version: 4 };
  return { ip: parsed.toString(), version: 6 };
}

/** Tries the token as written, then with the usual wrapping removed, so a valid IPv6 is never trimmed. */
function addressInToken(raw: string): { ip: string; version: 4 | 6 } | undefined {
  if (raw.length > MAX_TOKEN || !/[\d:]/.test(raw)) return undefined;
  const attempts: string[] = [];
  let token = raw.replace(LEADING_PUNCTUATION, '');
  attempts.push(token);
  const bracketed = BRACKETED.exec(token);
  if (bracketed) attempts.push(bracketed[1]);
  token = token.replace(TRAILING_PUNCTUATION, '');
  attempts.push(token);
  const unlabelled = token.replace(LABEL, '');
  attempts.push(unlabelled);
  for (const t of [token, unlabelled]) {
    const withPort = IPV4_WITH_PORT.exec(t);
    if (withPort) attempts.push(withPort[1]);
    const inner = BRACKETED.exec(t);
    if (inner) attempts.push(inner[1]);
  }
  for (const attempt of attempts) {
    const found = normalise(attempt);
    if (found) return found;
  }
  return undefined;
}

export function parseIpInput(text: string): ParseIpResult {
  if (text.trim() === '') return { ok: false, error: 'empty' };
  const found = new Map<string, 4 | 6>();
  for (const token of text.split(SEPARATORS)) {
    const address = addressInToken(token);
    if (address) found.set(address.ip, address.version);
    // More than one distinct address is already the answer; no need to read the rest of a long paste.
    if (found.size > 1) return { ok: false, error: 'several' };
  }
  const [first] = found;
  if (!first) return { ok: false, error: 'not-an-ip' };
  return { ok: true, ip: first[0], version: first[1] };
}

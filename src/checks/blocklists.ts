/**
 * Third-party DNS blocklists (DNSBLs) worth checking for a sender blocked by Microsoft 365: Exchange Online
 * itself uses Spamhaus (NDR 5.7.1 "... Spamhaus", ndr-facts (b) 10), and the others are widely used by
 * receivers. Removal is always with the list's operator, never Microsoft, so each entry carries its page.
 *
 * Query: the reversed IP under the zone (203.0.113.7 → 7.113.0.203.zen.spamhaus.org, A record).
 * An answer in 127.0.0.0/8 means listed; NXDOMAIN means not listed. Return codes per operator documentation
 * as quoted by mail-in-a-box, rspamd and luids-io xlist-database (checked 2025); URLs marked UNVERIFIED were
 * not confirmed against the operator's live site.
 */

export interface Blocklist {
  /** Stable id, used in check ids (`dnsbl:<id>`). */
  id: string;
  name: string;
  zone: string;
  /** Where the IP owner looks the listing up and requests removal. */
  removalUrl: string;
  /** Whether the zone answers IPv6 (nibble-format) queries; if not, an IPv6 check is 'unknown', not 'pass'. */
  ipv6: boolean;
  /**
   * Answers that are the list refusing or failing to answer, not a listing (e.g. Spamhaus says 127.255.255.254
   * when queried through a public resolver such as 8.8.8.8).
   */
  errorAnswers?: readonly string[];
  /** Answers meaning "this address should not send mail directly" (a policy listing, not spam seen). */
  policyAnswers?: readonly string[];
}

export const DEFAULT_BLOCKLISTS: readonly Blocklist[] = [
  {
    id: 'spamhaus-zen',
    name: 'Spamhaus ZEN',
    zone: 'zen.spamhaus.org',
    // SBL 127.0.0.2-3, XBL 127.0.0.4-7, DROP 127.0.0.9, PBL 127.0.0.10-11.
    removalUrl: 'https://check.spamhaus.org/',
    ipv6: true,
    // 252 typing error in the zone name, 254 query via public/open resolver, 255 excessive number of queries.
    errorAnswers: ['127.255.255.252', '127.255.255.254', '127.255.255.255'],
    // PBL: ISP/owner policy says this range (typically dynamic end-user space) should not send directly.
    policyAnswers: ['127.0.0.10', '127.0.0.11'],
  },
  {
    id: 'spamcop',
    name: 'SpamCop',
    zone: 'bl.spamcop.net',
    // Listings expire on their own about 24 hours after the last report; the page explains why it is listed.
    removalUrl: 'https://www.spamcop.net/bl.shtml',
    ipv6: false,
  },
  {
    id: 'barracuda',
    name: 'Barracuda Reputation Block List',
    zone: 'b.barracudacentral.org',
    // Barracuda answers only DNS servers registered with it (free); unregistered queries may go unanswered.
    removalUrl: 'https://www.barracudacentral.org/rbl/removal-request',
    ipv6: false,
  },
  {
    id: 'uceprotect-1',
    name: 'UCEPROTECT Level 1',
    zone: 'dnsbl-1.uceprotect.net',
    // Delisting is automatic about 7 days after the last spam; the operator also sells an express removal.
    removalUrl: 'https://www.uceprotect.net/en/rblcheck.php', // UNVERIFIED path
    ipv6: false,
  },
  {
    id: 'psbl',
    name: 'Passive Spam Block List (PSBL)',
    zone: 'psbl.surriel.com',
    removalUrl: 'https://psbl.org/', // UNVERIFIED: lookup and self-service removal page
    ipv6: false,
  },
  {
    id: 'mailspike',
    name: 'Mailspike',
    zone: 'bl.mailspike.net',
    removalUrl: 'https://mailspike.io/', // UNVERIFIED
    ipv6: false,
  },
];

/**
 * Large sending providers, recognised by the reverse-DNS (PTR) name of the sending IP.
 *
 * Why it matters: when a shared provider IP is blocked, only the provider can get it delisted (Microsoft's
 * portal wants the IP owner), so the bot tells the user to contact the provider instead of the portal.
 *
 * A PTR name is set by whoever controls the IP, so anyone can claim "x.sendgrid.net": callers should trust
 * the match only when the name is forward-confirmed (see the fcrdns check, which reports `confirmed`).
 * Suffixes are the providers' documented or commonly observed outbound host names; the list is deliberately
 * short: a miss just means the generic advice is shown.
 */

export type ProviderId =
  | 'sendgrid'
  | 'amazon-ses'
  | 'mailgun'
  | 'google'
  | 'mailchimp'
  | 'sparkpost'
  | 'zoho'
  | 'postmark'
  | 'microsoft';

export interface Provider {
  id: ProviderId;
  /** Brand name, shown as-is in every language. */
  name: string;
}

interface ProviderEntry extends Provider {
  /** "*.<suffix>": "sendgrid.net" matches "o1.ptr1234.sendgrid.net", not "evilsendgrid.net" nor itself. */
  suffixes: readonly string[];
}

export const PROVIDERS: readonly ProviderEntry[] = [
  { id: 'sendgrid', name: 'SendGrid (Twilio)', suffixes: ['sendgrid.net'] },
  // smtp-out.amazonses.com is inside amazonses.com; listed to document the usual outbound name.
  { id: 'amazon-ses', name: 'Amazon SES', suffixes: ['smtp-out.amazonses.com', 'amazonses.com'] },
  { id: 'mailgun', name: 'Mailgun', suffixes: ['mailgun.net', 'mailgun.org'] },
  { id: 'google', name: 'Google (Gmail / Google Workspace)', suffixes: ['google.com', 'googlemail.com'] },
  // Mandrill is Mailchimp's transactional service; mcsv.net and rsgsv.net are Mailchimp's campaign senders.
  { id: 'mailchimp', name: 'Mailchimp / Mandrill', suffixes: ['mandrillapp.com', 'mcsv.net', 'rsgsv.net'] },
  { id: 'sparkpost', name: 'SparkPost', suffixes: ['sparkpostmail.com'] },
  { id: 'zoho', name: 'Zoho Mail', suffixes: ['zoho.com', 'zohomail.com'] },
  { id: 'postmark', name: 'Postmark', suffixes: ['mtasv.net'] },
  // Microsoft's own outbound pool: mail from another Microsoft 365 tenant, not from the user's server.
  { id: 'microsoft', name: 'Microsoft 365', suffixes: ['outbound.protection.outlook.com'] },
];

/** The provider whose host name this is, or undefined. Case and a trailing root dot are ignored. */
export function providerForPtr(host: string): Provider | undefined {
  const name = host.trim().toLowerCase().replace(/\.$/, '');
  if (name === '') return undefined;
  const entry = PROVIDERS.find((p) => p.suffixes.some((s) => name.endsWith(`.${s}`)));
  return entry ? { id: entry.id, name: entry.name } : undefined;
}

import type { Reference } from '../types';

const url = (value: string): Reference => ({ kind: 'url', value });
const email = (value: string): Reference => ({ kind: 'email', value });

/** Office 365 Anti-Spam IP Delist Portal (ndr-facts (b)). */
export const DELIST_PORTAL = url('https://sender.office.com');
/** Current address in Microsoft's docs; older texts say delist@messaging.microsoft.com, so the NDR's own wins. */
export const DELIST_MAILBOX = email('delist@microsoft.com');
/** "External senders - Troubleshoot email sent to Microsoft 365". */
export const EXTERNAL_SENDER_GUIDE = url(
  'https://learn.microsoft.com/defender-office-365/external-senders-mail-flow-troubleshooting',
);
export const NDR_REFERENCE = url(
  'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
);
export const DMARC_GUIDE = url(
  'https://learn.microsoft.com/defender-office-365/email-authentication-dmarc-configure',
);

/** Outlook.com consumer delisting (not sender.office.com): form, FAQ to read first, SNDS. */
export const CONSUMER_FORM = url(
  'https://support.microsoft.com/supportrequestform/8ad563e3-288e-2a61-8122-3ba03d6b8d75',
);
export const CONSUMER_FAQ = url('https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx');
export const CONSUMER_SNDS = url('https://sendersupport.olc.protection.outlook.com/snds/');
export const CONSUMER_515 = url(
  'https://support.microsoft.com/topic/fix-ndr-error-550-5-7-515-in-outlook-com-34cfe8f8-6fbf-457e-9e8b-9e4dbaf4e0ef',
);

export const SPAMHAUS_CHECK = url('https://check.spamhaus.org/');

/** Removal or lookup pages of third-party lists Microsoft is seen quoting; keys are lowercase list names. */
export const THIRD_PARTY_LISTS: Readonly<Record<string, Reference>> = {
  spamhaus: SPAMHAUS_CHECK,
  barracuda: url('https://www.barracudacentral.org/rbl/removal-request'),
  spamcop: url('https://www.spamcop.net/bl.shtml'),
};

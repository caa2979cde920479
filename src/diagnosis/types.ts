/**
 * The contract between the NDR parser, the knowledge base and the bot.
 * Plain data only: no Bot Framework types, so the domain core can move to another SDK unchanged.
 */

/** Which system wrote the rejection the user is looking at. */
export type Producer =
  | 'exchange-online' // Microsoft 365 / Exchange Online Protection (*.protection.outlook.com, *.prod.outlook.com)
  | 'outlook-com' // Outlook.com / Hotmail consumer service (*.olc.protection.outlook.com, hotmail.com, S-codes)
  | 'exchange-onprem' // an on-premises Exchange server
  | 'other-mta' // another MTA (Postfix, Exim, qmail, Gmail...) quoting the remote reply
  | 'unknown';

/** What the pasted or uploaded message is. Only 'ndr' and 'delay' carry failed recipients. */
export type MessageKind = 'ndr' | 'delay' | 'auto-reply' | 'complaint' | 'not-an-ndr';

/** One failed (or delayed) recipient and everything the text says about it. */
export interface FailedRecipient {
  /** The recipient address, when the bounce names it. */
  address?: string;
  /** SMTP basic reply code, e.g. 550. */
  replyCode?: number;
  /** RFC 3463 enhanced status code, e.g. "5.7.606". */
  status?: string;
  /** The diagnostic text as the remote server wrote it (one line, whitespace folded). */
  diagnostic: string;
  /** The host that rejected the message (remote MTA), when named. */
  remoteHost?: string;
  /** The host that wrote the report (reporting MTA / generating server), when named. */
  reportingHost?: string;
  /** The SENDER's IP as the rejection names it ("banned sending IP [x]", "Client host [x]"); never Microsoft's MX IP. */
  senderIp?: string;
  /** Anti-spam tags such as "AS(1430)", "(AS16012609)": no public meaning, quoted back as-is. */
  asTags: string[];
  /** Outlook.com tags such as "S3140", "S3113", "SC-004". */
  sTags: string[];
  /** Who produced the rejection text. */
  producer: Producer;
}

export interface ParsedMessage {
  kind: MessageKind;
  recipients: FailedRecipient[];
  /** Original subject or NDR subject, when there is one. */
  subject?: string;
}

/** Vocabulary borrowed from sisimai's bounce reasons. */
export type Category =
  | 'authfailure'
  | 'badreputation'
  | 'blocked'
  | 'contenterror'
  | 'exceedlimit'
  | 'expired'
  | 'failedstarttls'
  | 'filtered'
  | 'hostunknown'
  | 'mailboxfull'
  | 'mesgtoobig'
  | 'networkerror'
  | 'norelaying'
  | 'notaccept'
  | 'policyviolation'
  | 'rejected'
  | 'requireptr'
  | 'securityerror'
  | 'spamdetected'
  | 'speeding'
  | 'suspend'
  | 'syntaxerror'
  | 'systemerror'
  | 'toomanyconn'
  | 'userunknown'
  | 'undefined';

/** 'inbound': your mail into Microsoft 365 was rejected. 'outbound': a Microsoft 365 sender's own problem. */
export type Direction = 'inbound' | 'outbound';

/** Whose move it is. */
export type Actor = 'you' | 'your-admin' | 'recipient-admin' | 'sending-org' | 'nobody-wait';

/** The spine shared by all flows (see shared/DESIGN.md). */
export type Route =
  | 'delist-portal'
  | 'delist-mailbox'
  | 'third-party-blocklist'
  | 'consumer-delist-form'
  | 'contact-recipient'
  | 'fix-authentication'
  | 'fix-sending-setup'
  | 'check-address'
  | 'retry-later'
  | 'sender-org-admin'
  | 'escalate';

/** A link or address shown to the user; data, not prose. */
export interface Reference {
  kind: 'url' | 'email';
  value: string;
}

/** One diagnosed recipient: facts from the parser plus what the knowledge base says. */
export interface Diagnosis {
  recipient: FailedRecipient;
  /** Knowledge-base entry id (also the locale key prefix: `kb:<entryId>.*`), or 'unknown-<class>' for fallbacks. */
  entryId: string;
  category: Category;
  direction: Direction;
  actor: Actor;
  route: Route;
  temporary: boolean;
  /** True when the code is not in the knowledge base and only the RFC 3463 class/subject was used. */
  fallback: boolean;
  /** Links and addresses for this case, most important first (e.g. the delist address the NDR itself names). */
  references: Reference[];
  /** Values for the locale placeholders of the entry's cause and steps ({{ip}}, {{status}}, {{host}}, ...). */
  values: Record<string, string>;
}

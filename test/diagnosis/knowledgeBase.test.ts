import { expect } from 'chai';
import { diagnose, diagnoseMessage } from '../../src/diagnosis/diagnose';
import { KNOWLEDGE_BASE } from '../../src/diagnosis/knowledgeBase';
import type { Actor, FailedRecipient, Producer, Route } from '../../src/diagnosis/types';

interface Context {
  producer?: Producer;
  sTags?: string[];
  asTags?: string[];
  host?: string;
  replyCode?: number;
}

function recipient(status: string | undefined, diagnostic: string, ctx: Context = {}): FailedRecipient {
  return {
    address: 'someone@contoso.com',
    status,
    replyCode: ctx.replyCode ?? (status ? Number(status[0]) * 100 + 50 : undefined),
    diagnostic,
    remoteHost: ctx.host,
    asTags: ctx.asTags ?? [],
    sTags: ctx.sTags ?? [],
    producer: ctx.producer ?? 'exchange-online',
  };
}

type Row = [string | undefined, string, Context, string, Route, Actor, boolean];

const BANNED_IP = 'Access denied, banned sending IP [203.0.113.7]';
const S3140 =
  "Unfortunately, messages from [203.0.113.7] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140).";
const OLC: Context = { producer: 'outlook-com' };

/** [status, reply text, context, entryId, route, actor, temporary] */
// prettier-ignore
const CASES: Row[] = [
  // Range edges of the delist portal.
  ['5.7.605', 'Access denied', {}, 'unknown-5-7', 'escalate', 'your-admin', false],
  ['5.7.606', BANNED_IP, {}, '5-7-606-649', 'delist-portal', 'your-admin', false],
  ['5.7.649', BANNED_IP, {}, '5-7-606-649', 'delist-portal', 'your-admin', false],
  ['5.7.650', BANNED_IP, {}, 'unknown-5-7', 'escalate', 'your-admin', false],
  ['5.7.511', 'Access denied, banned sender[203.0.113.7]. To request removal from this list, forward this message to delist@microsoft.com.', {}, '5-7-511', 'delist-mailbox', 'your-admin', false],
  ['5.7.513', 'Service unavailable, Client host [203.0.113.7] blocked by contoso.com using Customer Block list (AS16012607)', {}, '5-7-513', 'contact-recipient', 'recipient-admin', false],
  ['5.7.507', 'Access denied, rejected by recipient', {}, '5-7-507', 'contact-recipient', 'recipient-admin', false],
  ['5.7.800', 'Access denied, banned sender', {}, '5-7-800', 'escalate', 'your-admin', false],
  ['5.7.999', 'Something unpublished', {}, '5-7-900-999', 'escalate', 'recipient-admin', false],
  // The 5.7.1 family.
  ['5.7.1', 'Delivery not authorized, message refused', {}, '5-7-1-delivery-not-authorized', 'contact-recipient', 'recipient-admin', false],
  ['5.7.1', 'Unable to relay', {}, '5-7-1-unable-to-relay', 'contact-recipient', 'recipient-admin', false],
  ['5.7.1', 'Client was not authenticated', {}, '5-7-1-not-authenticated', 'fix-authentication', 'your-admin', false],
  ['5.7.1', 'RESOLVER.RST.AuthRequired; authentication required [Stage: CreateMessage]', {}, '5-7-1-auth-required', 'contact-recipient', 'recipient-admin', false],
  ['5.7.1', 'Service unavailable; Client host [203.0.113.7] blocked using Blocklist 1; To request removal from this list please forward this message to delist@microsoft.com', {}, '5-7-1-blocklist1', 'delist-mailbox', 'your-admin', false],
  ['5.7.1', 'Service unavailable, Client host [203.0.113.7] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/203.0.113.7 AS(1450)', {}, '5-7-1-spamhaus', 'third-party-blocklist', 'your-admin', false],
  ['5.7.1', 'Service unavailable, Client host [203.0.113.7] blocked using Barracuda Reputation; see https://www.barracudacentral.org/', {}, '5-7-1-third-party-list', 'third-party-blocklist', 'your-admin', false],
  ['5.7.1', 'Message rejected as spam by Content Filtering', {}, '5-7-1', 'contact-recipient', 'recipient-admin', false],
  ['5.7.1', S3140, OLC, 'outlook-s3140', 'consumer-delist-form', 'your-admin', false],
  ['5.7.1', S3140, { ...OLC, sTags: ['S3140'] }, 'outlook-s3140', 'consumer-delist-form', 'your-admin', false],
  ['5.7.1', S3140.replace('S3140', 'S3150'), { ...OLC, sTags: ['S3150'] }, 'outlook-s3150', 'consumer-delist-form', 'your-admin', false],
  [undefined, "SC-004 (COL0-MC1-F1) Unfortunately, messages from 203.0.113.7 weren't sent.", { ...OLC, sTags: ['SC-004'], replyCode: 550 }, 'outlook-sc', 'consumer-delist-form', 'your-admin', false],
  ['5.0.0', 'Transaction failed', { producer: 'other-mta', host: 'mx3.hotmail.com', replyCode: 554 }, 'outlook-transaction-failed', 'escalate', 'your-admin', false],
  // 5.4.1: two wordings, two owners.
  ['5.4.1', 'Relay Access Denied', {}, '5-4-1-relay-access-denied', 'contact-recipient', 'recipient-admin', false],
  ['5.4.1', 'Recipient address rejected: Access denied. AS(201806281)', {}, '5-4-1-recipient-rejected', 'check-address', 'you', false],
  ['5.4.1', 'Something else', {}, 'unknown-5-4', 'contact-recipient', 'recipient-admin', false],
  // 4.7.650: consumer reputation deferral versus the Exchange Online 4.7.500-699 range.
  ['4.7.650', 'The mail server [203.0.113.7] has been temporarily rate limited due to IP reputation. (S3113)', { sTags: ['S3113'] }, 'outlook-4-7-650', 'retry-later', 'your-admin', true],
  ['4.7.651', 'The mail server [203.0.113.7] has been temporarily rate limited due to IP reputation. (S844)', { ...OLC, sTags: ['S844'] }, 'outlook-4-7-650', 'retry-later', 'your-admin', true],
  ['4.7.650', 'Access denied, please try again later', {}, '4-7-500-699', 'retry-later', 'nobody-wait', true],
  ['4.7.500', 'Access denied, please try again later', {}, '4-7-500-699', 'retry-later', 'nobody-wait', true],
  ['4.7.699', 'Access denied, please try again later', {}, '4-7-500-699', 'retry-later', 'nobody-wait', true],
  ['4.7.500', 'Server busy. Please try again later from [203.0.113.7]. (S77719)', {}, '4-7-500-server-busy', 'retry-later', 'nobody-wait', true],
  ['4.7.700', 'Access denied', {}, 'unknown-4-7', 'retry-later', 'nobody-wait', true],
  ['4.7.850', 'Access denied, please try again later', {}, '4-7-850-899', 'retry-later', 'nobody-wait', true],
  ['4.7.899', 'Access denied, please try again later', {}, '4-7-850-899', 'retry-later', 'nobody-wait', true],
  ['4.7.652', 'has exceeded the maximum number of connections', {}, '4-7-652', 'retry-later', 'your-admin', true],
  ['4.3.2', 'STOREDRV.Deliver; recipient thread limit exceeded', {}, '4-3-2', 'retry-later', 'nobody-wait', true],
  ['4.5.3', 'Too many recipients', {}, '4-5-3', 'fix-sending-setup', 'your-admin', true],
  ['5.2.121', "Recipient's per hour message receive limit from specific sender exceeded", {}, '5-2-121', 'retry-later', 'you', false],
  ['5.2.122', "Recipient's per hour message receive limit exceeded", {}, '5-2-122', 'retry-later', 'nobody-wait', false],
  ['5.7.508', 'Access denied, [2001:db8::1] has exceeded permitted limits within /64 range', {}, '5-7-508', 'retry-later', 'your-admin', false],
  // Sending setup and authentication.
  ['4.7.26', 'Access denied, a message sent over IPv6 [2a01:111:f200:2004::240] must pass either SPF or DKIM validation, this message is not signed', {}, '4-7-26', 'fix-authentication', 'your-admin', true],
  ['5.7.23', 'The message was rejected because of Sender Policy Framework violation', {}, '5-7-23', 'fix-authentication', 'your-admin', false],
  ['5.7.509', 'Access denied, sending domain [EXAMPLE.ORG] does not pass DMARC verification and has a DMARC policy of reject.', {}, '5-7-509', 'fix-authentication', 'your-admin', false],
  ['5.7.515', 'Access denied, sending domain example.org does not meet the required authentication level.', OLC, '5-7-515', 'fix-authentication', 'your-admin', false],
  ['5.1.0', "192.0.2.222 is not allowed to send from <example.net> per it's SPF Record.", { producer: 'other-mta' }, '5-1-0-spf', 'fix-authentication', 'your-admin', false],
  ['5.7.367', 'Remote server returned not permitted to relay -> 554 5.7.1 Relaying denied', {}, '5-7-367', 'fix-authentication', 'your-admin', false],
  ['5.7.25', 'Access denied, the sending IPv6 address [2a01:111:f200:2004::240] must have a reverse DNS record', {}, '5-7-25', 'fix-sending-setup', 'your-admin', false],
  ['5.7.506', 'Access Denied, Bad HELO', {}, '5-7-506', 'fix-sending-setup', 'your-admin', false],
  ['5.7.510', 'Access denied, contoso.com does not accept email over IPv6', {}, '5-7-510', 'fix-sending-setup', 'your-admin', false],
  ['5.7.512', 'Access denied, message must be RFC 5322 section 3.6.2 compliant', {}, '5-7-512', 'fix-sending-setup', 'your-admin', false],
  ['5.6.11', 'Invalid characters', {}, '5-6-11', 'fix-sending-setup', 'your-admin', false],
  ['5.1.20', 'Multiple From addresses are not allowed without Sender address', {}, '5-1-20', 'fix-sending-setup', 'your-admin', false],
  ['5.0.350', 'x-dg-ref header is too long', {}, '5-0-350-x-dg-ref', 'fix-sending-setup', 'you', false],
  ['5.0.350', 'Requested action not taken: policy violation detected (AS345)', {}, '5-0-350', 'contact-recipient', 'recipient-admin', false],
  // Recipient side.
  ['5.7.12', 'Sender was not authenticated by organization', {}, '5-7-12', 'contact-recipient', 'recipient-admin', false],
  ['5.7.13', 'Sender was not authenticated for public folder', {}, '5-7-13-135', 'contact-recipient', 'recipient-admin', false],
  ['5.7.135', 'Sender was not authenticated for public folder', {}, '5-7-13-135', 'contact-recipient', 'recipient-admin', false],
  ['5.7.124', 'Sender not in allowed-senders list', {}, '5-7-124', 'contact-recipient', 'recipient-admin', false],
  ['5.7.133', 'Sender not authenticated for group', {}, '5-7-133', 'contact-recipient', 'recipient-admin', false],
  ['5.7.134', 'Sender was not authenticated for mailbox', {}, '5-7-134', 'contact-recipient', 'recipient-admin', false],
  ['5.7.136', 'Sender was not authenticated', {}, '5-7-136', 'contact-recipient', 'recipient-admin', false],
  ['5.7.193', "UnifiedGroupAgent; Delivery failed because the sender isn't a group member", {}, '5-7-193', 'contact-recipient', 'recipient-admin', false],
  ['5.7.520', 'Access denied, Your organization does not allow external forwarding. AS(7555)', {}, '5-7-520', 'contact-recipient', 'recipient-admin', false],
  ['5.4.6', 'Routing loop detected', {}, '5-4-6-14', 'contact-recipient', 'recipient-admin', false],
  ['5.4.14', 'Hop count exceeded - possible mail loop ATTR34', {}, '5-4-6-14', 'contact-recipient', 'recipient-admin', false],
  ['5.2.2', 'Mailbox full', {}, '5-2-2', 'contact-recipient', 'recipient-admin', false],
  ['4.2.2', 'Mailbox full', {}, '5-2-2', 'contact-recipient', 'recipient-admin', true],
  ['5.2.3', 'RESOLVER.RST.RecipSizeLimit; message too large for this recipient', {}, '5-2-3', 'fix-sending-setup', 'you', false],
  // Addresses.
  ['5.1.1', 'Bad destination mailbox address', {}, '5-1-1', 'check-address', 'you', false],
  ['5.1.10', 'RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup', {}, '5-1-10', 'check-address', 'you', false],
  ['5.1.351', 'Remote server returned unknown recipient or mailbox unavailable -> 550 User unknown', {}, '5-1-351', 'check-address', 'you', false],
  ['5.7.504', '[someone@contoso.com]: Recipient address rejected: Access denied', {}, '5-7-504', 'check-address', 'you', false],
  ['5.7.505', 'Access denied, banned recipient', {}, '5-7-505', 'check-address', 'you', false],
  ['5.5.0', 'Requested action not taken: mailbox unavailable', OLC, '5-5-0', 'check-address', 'you', false],
  ['5.5.0', 'The mail could not be delivered to the recipient because the domain is not reachable.', OLC, '5-5-0-domain-unreachable', 'check-address', 'you', false],
  ['5.5.0', 'domain [example.com] mismatches client ip 192.0.2.225.', OLC, '5-5-0-ip-mismatch', 'fix-sending-setup', 'your-admin', false],
  ['5.1.0', 'Sender denied', {}, '5-1-0', 'check-address', 'you', false],
  ['5.4.312', 'DNS query failed. The error was: SMTPSEND.DNS.NonExistentDomain', {}, '5-4-312', 'check-address', 'you', false],
  ['4.4.312', 'DNS query failed', {}, '5-4-312', 'check-address', 'you', true],
  // Microsoft 365 senders' own problems.
  ['5.1.8', 'Access denied, bad outbound sender', {}, '5-1-8', 'sender-org-admin', 'sending-org', false],
  ['5.1.90', "Your message can't be sent because you've reached your daily limit for message recipients", {}, '5-1-90', 'sender-org-admin', 'sending-org', false],
  ['5.2.2', 'Submission quota exceeded', {}, '5-2-2-submission-quota', 'sender-org-admin', 'sending-org', false],
  [undefined, "The message can't be submitted because the sender's submission quota was exceeded", {}, 'submission-quota-exceeded', 'sender-org-admin', 'sending-org', false],
  ['5.3.190', 'Journaling on-premises messages to Microsoft 365 or Office 365 not supported when Journaling Archive is disabled', {}, '5-3-190', 'sender-org-admin', 'sending-org', false],
  ['5.7.57', 'Client was not authenticated to send anonymous mail during MAIL FROM', {}, '5-7-57', 'sender-org-admin', 'sending-org', false],
  ['5.7.64', 'TenantAttribution; Relay Access Denied', {}, '5-7-64', 'sender-org-admin', 'sending-org', false],
  ['5.7.501', 'Access denied, spam abuse detected', {}, '5-7-501-503', 'sender-org-admin', 'sending-org', false],
  ['5.7.503', 'Access denied, banned sender', {}, '5-7-501-503', 'sender-org-admin', 'sending-org', false],
  ['5.7.514', 'Decision Engine classified the mail item was rejected because of IP Block (from outbound normal IP pools) -> 554 5.7.1', {}, '5-7-514', 'sender-org-admin', 'sending-org', false],
  ['5.7.703', 'messages to XXX, YYY are blocked by your organization using Tenant Allow Block List.', {}, '5-7-703', 'sender-org-admin', 'sending-org', false],
  ['5.7.705', 'Access denied, tenant has exceeded threshold', {}, '5-7-705', 'sender-org-admin', 'sending-org', false],
  ['5.7.708', 'Access denied, traffic not accepted from this IP. AS(7230)', {}, '5-7-708', 'sender-org-admin', 'sending-org', false],
  ['5.7.711', 'Access denied', {}, '5-7-700-749', 'sender-org-admin', 'sending-org', false],
  ['5.7.750', 'Service unavailable. Client blocked from sending from unregistered domains', {}, '5-7-750', 'sender-org-admin', 'sending-org', false],
  ['4.4.8', 'MX hosts of contoso.com failed MTA-STS validation', {}, '4-4-8-mta-sts', 'contact-recipient', 'recipient-admin', true],
  ['5.4.8', 'MX hosts of contoso.com failed MTA-STS validation', {}, '4-4-8-mta-sts', 'contact-recipient', 'recipient-admin', false],
  ['4.7.5', 'Remote certificate failed MTA-STS validation. Reason: Expired', {}, '4-7-5-mta-sts', 'contact-recipient', 'recipient-admin', true],
  ['5.7.322', "certificate-expired: Destination mail server's certificate is expired.", {}, '4-7-321-325', 'contact-recipient', 'recipient-admin', false],
  ['4.7.321', 'starttls-not-supported: Destination mail server must support TLS to receive mail.', {}, '4-7-321-325', 'contact-recipient', 'recipient-admin', true],
  ['4.4.316', 'Connection refused [Message=Socket error code 10061]', {}, '4-4-316', 'contact-recipient', 'recipient-admin', true],
  ['5.4.316', 'Message expired, connection refused', {}, '4-4-316', 'contact-recipient', 'recipient-admin', false],
  ['4.4.7', 'Message expired', {}, '4-4-7', 'contact-recipient', 'recipient-admin', false],
  ['5.4.300', 'Message expired', {}, '4-4-7', 'contact-recipient', 'recipient-admin', false],
  // Honest fallbacks.
  ['4.4.99', 'Something odd', {}, 'unknown-4-4', 'retry-later', 'nobody-wait', true],
  ['5.1.99', 'Something odd', {}, 'unknown-5-1', 'check-address', 'you', false],
  ['2.0.0', 'OK', {}, 'unknown-2-0', 'contact-recipient', 'nobody-wait', false],
  [undefined, 'Your message could not be delivered', { replyCode: 550 }, 'no-code', 'escalate', 'your-admin', false],
  [undefined, 'Your message could not be delivered', { replyCode: 451 }, 'no-code', 'retry-later', 'nobody-wait', true],
  // No status code, but a wording that names the case.
  [undefined, `${BANNED_IP}. To request removal from this list please visit https://sender.office.com/`, { replyCode: 550 }, '5-7-606-649', 'delist-portal', 'your-admin', false],
];

describe('knowledge base: diagnose()', () => {
  for (const [status, text, ctx, entryId, route, actor, temporary] of CASES) {
    it(`${status ?? '(no status)'} "${text.slice(0, 50)}" -> ${entryId}`, () => {
      const d = diagnose(recipient(status, text, ctx));
      expect(d.entryId).to.equal(entryId);
      expect(d.route, 'route').to.equal(route);
      expect(d.actor, 'actor').to.equal(actor);
      expect(d.temporary, 'temporary').to.equal(temporary);
      expect(d.fallback, 'fallback').to.equal(entryId.startsWith('unknown-') || entryId === 'no-code');
    });
  }

  it('covers every knowledge-base entry in the case table', () => {
    const covered = new Set(CASES.map((c) => c[3]));
    const missing = KNOWLEDGE_BASE.map((e) => e.id).filter((id) => !covered.has(id));
    expect(missing).to.deep.equal([]);
  });

  it('has unique, locale-key-safe ids', () => {
    const ids = KNOWLEDGE_BASE.map((e) => e.id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const id of ids) expect(id).to.match(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('knowledge base: references and values', () => {
  it('puts the delist address the NDR names first', () => {
    const text =
      'Access denied, banned sender[203.0.113.7]. To request removal from this list, forward this message to delist@messaging.microsoft.com.';
    const d = diagnose(recipient('5.7.511', text));
    expect(d.references[0]).to.deep.equal({ kind: 'email', value: 'delist@messaging.microsoft.com' });
    expect(d.references).to.deep.include({ kind: 'email', value: 'delist@microsoft.com' });
    expect(d.values.delistAddress).to.equal('delist@messaging.microsoft.com');
  });

  it('never sends 5.7.511 to the portal', () => {
    const d = diagnose(recipient('5.7.511', 'Access denied, banned sender[203.0.113.7]'));
    expect(d.route).to.equal('delist-mailbox');
    expect(d.references.map((r) => r.value)).not.to.include('https://sender.office.com');
    expect(d.references[0]).to.deep.equal({ kind: 'email', value: 'delist@microsoft.com' });
  });

  it('puts the Spamhaus URL from the NDR first and names the list', () => {
    const text =
      'Service unavailable, Client host [50.31.49.41] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/50.31.49.41 (AS3130).';
    const d = diagnose(recipient('5.7.1', text, { asTags: ['AS3130'] }));
    expect(d.references[0]).to.deep.equal({
      kind: 'url',
      value: 'https://www.spamhaus.org/query/ip/50.31.49.41',
    });
    expect(d.references[1]).to.deep.equal({ kind: 'url', value: 'https://check.spamhaus.org/' });
    expect(d.values.listName).to.equal('Spamhaus');
    expect(d.values.asTags).to.equal('AS3130');
  });

  it('does not repeat the portal when the NDR already names it', () => {
    const d = diagnose(
      recipient('5.7.606', `${BANNED_IP}. please visit https://sender.office.com/ and follow`),
    );
    const portal = d.references.filter((r) => r.value.startsWith('https://sender.office.com'));
    expect(portal).to.have.length(1);
    expect(d.references[0].value).to.equal('https://sender.office.com/');
  });

  it('names a third-party list and offers its removal page', () => {
    const d = diagnose(
      recipient('5.7.1', 'Client host [203.0.113.7] blocked using Barracuda Reputation Block List; see x'),
    );
    expect(d.values.listName).to.equal('Barracuda Reputation Block List');
    expect(d.references[0].value).to.contain('barracudacentral.org');
  });

  it('fills the common values and quotes AS tags back unchanged', () => {
    const r = {
      ...recipient('5.7.606', BANNED_IP, { asTags: ['AS(1430)', '(AS16012609)'] }),
      senderIp: '203.0.113.7',
    };
    const d = diagnose(r);
    expect(d.values).to.include({
      status: '5.7.606',
      ip: '203.0.113.7',
      domain: 'contoso.com',
      address: 'someone@contoso.com',
      asTags: 'AS(1430) (AS16012609)',
    });
  });

  it('diagnoses every recipient of a message in order', () => {
    const ds = diagnoseMessage({
      kind: 'ndr',
      recipients: [recipient('5.1.1', 'Bad destination mailbox address'), recipient('5.7.606', BANNED_IP)],
    });
    expect(ds.map((d) => d.entryId)).to.deep.equal(['5-1-1', '5-7-606-649']);
  });
});

describe('knowledge base: links the bounce does not really offer', () => {
  it('ignores forum auto-links of host names and Exchange server names', () => {
    const text =
      'Access denied, sending domain [[EXAMPLE.CH](http://example.ch/)] does not pass DMARC verification and has ' +
      'a DMARC policy of reject. [[DB1P189MB1369.EURP189.PROD.OUTLOOK.COM](http://db1p189mb1369.eurp189.prod.outlook.com/)]';
    const d = diagnose(recipient('5.7.509', text));
    expect(d.references.map((r) => r.value)).to.deep.equal([
      'https://learn.microsoft.com/defender-office-365/email-authentication-dmarc-configure',
    ]);
  });
});

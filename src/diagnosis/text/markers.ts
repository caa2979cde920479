/**
 * Plain substring markers (checked on lower-cased text) that decide what kind of message this is and
 * which software wrapped the rejection. Substring checks keep the cost linear.
 */

function hasAny(lowerText: string, markers: readonly string[]): boolean {
  return markers.some((marker) => lowerText.includes(marker));
}

const COMPLAINT = [
  'report-type=feedback-report',
  'report-type="feedback-report"',
  'feedback-type:',
  'this is a microsoft email abuse report',
  'complaint about message from',
  'x-hmxmroriginalrecipient',
];

/** Strong signs of an auto-reply: they win over vague failure words in the reply's own text. */
const AUTO_REPLY_STRONG = [
  'automatic reply:',
  'autoreply:',
  'auto-reply:',
  'out of office:',
  'x-ms-exchange-inbox-rules-loop',
  '自動回覆',
  '自动回复',
  '自動応答',
];

const AUTO_REPLY_WEAK = [
  'auto-submitted: auto-replied',
  'out of the office',
  'out of office',
  'i am currently away',
  "i'm currently away",
  'i am away',
  'on vacation',
  'on annual leave',
  'i will be traveling',
  '不在辦公室',
  '休假',
];

const FAILURE = [
  'undeliverable',
  'delivery has failed',
  "couldn't be delivered",
  'could not be delivered',
  "wasn't delivered",
  'was not delivered',
  'did not reach',
  'could not be reached',
  'delivery status notification',
  'mail delivery failed',
  'delivery failure',
  'failure notice',
  'undelivered mail',
  'returned mail',
  'permanent error',
  'message not delivered',
  'address not found',
  'rejected your message',
  'access denied',
  'recipient address rejected',
  'action: failed',
  'status=bounced',
  'non-delivery',
  'diagnostic-code:',
  'in reply to rcpt to',
  'in reply to end of data',
  'in reply to mail from',
  'smtpfailedrecipientexception',
  'mailbox unavailable',
  '無法傳遞',
  '傳遞失敗',
  '无法传递',
  '传递失败',
  '無法送達',
  '无法送达',
  '退信',
  '未送達',
  '配信不能',
  'non remis',
  'unzustellbar',
  'onbestelbaar',
  'non recapitabile',
  'no se puede entregar',
  'não_entregue',
  'échec de la remise',
];

const DELAY = [
  'delivery has been delayed',
  'delivery is delayed',
  'has been delayed',
  'delivery to the following recipients has been delayed',
  'still trying',
  'will retry',
  'will-retry-until',
  'will continue to be attempted',
  'warning message only',
  'not yet been delivered',
  "hasn't been delivered yet",
  'delivery status notification (delay)',
  '延遲',
  '延迟',
];

const FINAL_FAILURE = [
  'has stopped trying',
  'permanent error',
  "i've given up",
  'action: failed',
  'giving up',
];

export const isComplaint = (lower: string): boolean => hasAny(lower, COMPLAINT);
export const isStrongAutoReply = (lower: string): boolean => hasAny(lower, AUTO_REPLY_STRONG);
export const isWeakAutoReply = (lower: string): boolean => hasAny(lower, AUTO_REPLY_WEAK);
export const hasFailureMarker = (lower: string): boolean => hasAny(lower, FAILURE);
export const hasDelayMarker = (lower: string): boolean => hasAny(lower, DELAY);
export const hasFinalFailureMarker = (lower: string): boolean => hasAny(lower, FINAL_FAILURE);

/** Words that make a line worth quoting when a bounce gives no code at all. */
export const FAILURE_SENTENCE_WORDS = [
  'access denied',
  'rejected',
  'not recognized',
  'not found',
  'does not exist',
  "doesn't exist",
  'user unknown',
  'unknown user',
  'unknown recipient',
  'mailbox unavailable',
  'blocked',
  'refused',
  'not allowed',
  'denied',
  'does not pass',
  'failed',
  'could not be delivered',
  "couldn't be delivered",
  '無法',
  '无法',
  '失敗',
  '失败',
];

const ONPREM_WRAPPER = [
  'msexch:',
  'microsoft exchange server',
  'sent by microsoft exchange',
  'did not reach the following recipient',
  'the following recipient(s) could not be reached',
  'x-ms-embedded-report',
  'produced by microsoft exchange',
];

const OTHER_MTA_WRAPPER = [
  'this is the mail system at host',
  'qmail-send program',
  'a message that you sent could not be delivered',
  'smtp error from remote mail server',
  'the following addresses had permanent fatal errors',
  'transcript of session follows',
  'dragonfly mail agent',
  'mimecast',
  'status=bounced',
  'postfix/smtp',
  'the server response was:',
  'smtpfailedrecipientexception',
  'the response from the remote server was',
  'mx.google.com',
  'remote host said',
  'delivery failed:',
];

export const hasOnPremWrapper = (lower: string): boolean => hasAny(lower, ONPREM_WRAPPER);
export const hasOtherMtaWrapper = (lower: string): boolean => hasAny(lower, OTHER_MTA_WRAPPER);

/**
 * Cheap test for "the user pasted a bounce or an SMTP error", used to jump straight to diagnosis
 * from anywhere in the conversation. It only decides routing; parsing is parseNdrText's job.
 * Every pattern is bounded so a huge paste costs one linear scan.
 */
const ENHANCED_STATUS = /(?:^|[^\d.])[45]\.\d{1,3}\.\d{1,3}(?![\d.]*\d)/;
// A bare 4xx/5xx reply is only an SMTP error when a refusal word follows on the same line ("I sent 500 mails" is not).
const SMTP_REPLY =
  /(?:^|[^\d])[45][0-5]\d[ -][^\n]{0,80}?(?:denied|rejected|refused|unavailable|blocked|not found|unknown|invalid|policy)/i;
const MARKERS = [
  'undeliverable',
  'delivery has failed',
  'delivery status notification',
  'mail delivery failed',
  'mail delivery subsystem',
  'returned mail',
  'could not be delivered',
  "couldn't be delivered",
  'wasn\u2019t delivered',
  "wasn't delivered",
  'message not delivered',
  'diagnostic-code:',
  'remote server returned',
  'status=bounced',
  'access denied, banned sending ip',
  'blocked using',
  'access denied, sending domain',
  'does not pass dmarc',
  'access denied, banned sender',
  '(in reply to rcpt to',
  '(in reply to end of data',
  '(in reply to mail from',
  'smtp error from remote mail server',
  'requested action not taken',
  'mailbox unavailable',
  'recipient address rejected',
  'relay access denied',
  'user unknown',
  '無法傳遞',
  '傳遞失敗',
  '退信',
  '無法送達',
  '未傳遞',
];

export function looksLikeNdr(text: string): boolean {
  if (!text) return false;
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const lower = sample.toLowerCase();
  if (MARKERS.some((m) => lower.includes(m))) return true;
  return ENHANCED_STATUS.test(sample) || SMTP_REPLY.test(sample);
}

import { createHash } from 'node:crypto';

/** RFC 4122 URL namespace: the name below is a URN, which is a URI. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** RFC 4122 version 5 (SHA-1, name-based) UUID; node:crypto has no v5 and adding `uuid` is not worth it. */
export function uuidV5(name: string, namespace = URL_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The Teams app id when TEAMS_APP_ID is not set. Derived from the bot id so rebuilding the package for the
 * same bot keeps the same app id: Teams treats a new app id as a different app, so users would end up
 * with two installs of the bot.
 */
export function defaultTeamsAppId(botId: string): string {
  return uuidV5(`urn:sender-support-bot:teams-app:${botId.toLowerCase()}`);
}

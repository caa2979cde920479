import { createHash, randomBytes } from 'node:crypto';

/** 128 random bits, URL-safe: unguessable, so it can serve as a capability (tokens, stream tickets, file URLs). */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets are kept only as hashes, so a heap dump or a log of the maps does not reveal usable tokens. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Direct Line's own activity id format, `<conversationId>|<7-digit sequence>`. */
export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

/**
 * Bounds of the in-memory local channel. It serves development, demos and trials on one machine, so every
 * collection is capped: an open port must not let anyone grow the process without limit.
 */
export interface LocalDirectLineLimits {
  /** Conversations kept; the least recently used one is dropped to make room. */
  maxConversations: number;
  /** Activities kept per conversation; the oldest are dropped (a resumed page then starts further on). */
  maxActivitiesPerConversation: number;
  /** JSON size of one activity, from the page or from the bot. Larger ones are answered with 413. */
  maxActivityBytes: number;
  /** JSON size of all stored activities together; least recently used conversations go first. */
  maxStoredBytes: number;
  /** Bytes of uploaded files kept in memory together; the oldest files go first. */
  maxAttachmentBytes: number;
  /** Files in one upload. */
  maxFilesPerUpload: number;
  /** A conversation nobody used for this long is forgotten. */
  conversationIdleMs: number;
  /** Lifetime of a token since its last use (sliding); Web Chat refreshes every 15 minutes while open. */
  tokenTtlMs: number;
  /** A streamUrl must be opened within this time (Direct Line allows 60 s); it works once. */
  streamTicketMs: number;
  /** Open WebSockets per conversation (tabs); the oldest is closed beyond this. */
  maxStreamsPerConversation: number;
  /** The POST of a user activity waits this long for the bot's turn, then answers anyway. */
  deliverWaitMs: number;
}

export const DEFAULT_LIMITS: LocalDirectLineLimits = {
  maxConversations: 200,
  maxActivitiesPerConversation: 500,
  maxActivityBytes: 1024 * 1024,
  maxStoredBytes: 64 * 1024 * 1024,
  maxAttachmentBytes: 64 * 1024 * 1024,
  maxFilesPerUpload: 10,
  conversationIdleMs: 24 * 60 * 60 * 1000,
  tokenTtlMs: 30 * 60 * 1000,
  streamTicketMs: 60 * 1000,
  maxStreamsPerConversation: 8,
  deliverWaitMs: 15_000,
};

export function resolveLimits(
  maxUploadBytes: number,
  overrides: Partial<LocalDirectLineLimits> = {},
): LocalDirectLineLimits {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  // At least two maximal uploads must fit, or a second file would evict the first before the bot fetched it.
  if (overrides.maxAttachmentBytes === undefined) {
    limits.maxAttachmentBytes = Math.max(limits.maxAttachmentBytes, 2 * maxUploadBytes);
  }
  return limits;
}

import { hashSecret, randomId } from './ids';

export interface TokenGrant {
  conversationId: string;
  /** The user the token was generated for, when the page asked for one; it then overrides `from.id`. */
  userId?: string;
  userName?: string;
}

interface TokenRecord extends TokenGrant {
  expiresAt: number;
}

interface StreamTicket {
  conversationId: string;
  watermark: number;
  expiresAt: number;
}

/** Tokens kept per conversation (every refresh adds one); older ones are revoked. */
const MAX_TOKENS_PER_CONVERSATION = 8;

/**
 * Opaque random tokens, each bound to one conversation. Only hashes are stored. A token stays valid while it
 * is used (sliding expiry), so a page that reloads and resumes with the token it saved keeps working.
 */
export class TokenRegistry {
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly byConversation = new Map<string, string[]>();
  private readonly tickets = new Map<string, StreamTicket>();

  constructor(
    private readonly ttlMs: number,
    private readonly ticketMs: number,
    private readonly now: () => number,
  ) {}

  get ttlSeconds(): number {
    return Math.floor(this.ttlMs / 1000);
  }

  issue(grant: TokenGrant): string {
    const token = randomId(24);
    const hash = hashSecret(token);
    this.tokens.set(hash, { ...grant, expiresAt: this.now() + this.ttlMs });
    const hashes = this.byConversation.get(grant.conversationId) ?? [];
    hashes.push(hash);
    while (hashes.length > MAX_TOKENS_PER_CONVERSATION) this.tokens.delete(hashes.shift() ?? '');
    this.byConversation.set(grant.conversationId, hashes);
    return token;
  }

  /** The grant of a live token (and its expiry pushed back), or undefined for unknown and expired tokens. */
  resolve(token: string): TokenGrant | undefined {
    const hash = hashSecret(token);
    const record = this.tokens.get(hash);
    if (!record) return undefined;
    const now = this.now();
    if (record.expiresAt <= now) {
      this.tokens.delete(hash);
      return undefined;
    }
    record.expiresAt = now + this.ttlMs;
    return { conversationId: record.conversationId, userId: record.userId, userName: record.userName };
  }

  revokeConversation(conversationId: string): void {
    for (const hash of this.byConversation.get(conversationId) ?? []) this.tokens.delete(hash);
    this.byConversation.delete(conversationId);
    for (const [hash, ticket] of this.tickets) {
      if (ticket.conversationId === conversationId) this.tickets.delete(hash);
    }
  }

  /**
   * A streamUrl is pre-authorised (a browser WebSocket cannot send an Authorization header), so it carries a
   * short-lived, single-use ticket instead of the token: a URL that ends up in a log is worthless a minute later.
   */
  issueStreamTicket(conversationId: string, watermark: number): string {
    this.sweepTickets();
    const ticket = randomId();
    this.tickets.set(hashSecret(ticket), {
      conversationId,
      watermark,
      expiresAt: this.now() + this.ticketMs,
    });
    return ticket;
  }

  redeemStreamTicket(ticket: string): { conversationId: string; watermark: number } | undefined {
    const hash = hashSecret(ticket);
    const record = this.tickets.get(hash);
    this.tickets.delete(hash);
    if (!record || record.expiresAt <= this.now()) return undefined;
    return { conversationId: record.conversationId, watermark: record.watermark };
  }

  private sweepTickets(): void {
    const now = this.now();
    for (const [hash, ticket] of this.tickets) {
      if (ticket.expiresAt <= now) this.tickets.delete(hash);
    }
  }
}

import type { Activity } from 'botbuilder';
import type { Server } from 'restify';
import { AttachmentStore } from './attachments';
import { registerClientRoutes } from './clientRoutes';
import { registerConnectorRoutes } from './connectorRoutes';
import { serviceUrl, type ChannelContext, type LocalDirectLineLogger } from './context';
import { resolveLimits, type LocalDirectLineLimits } from './limits';
import { ConversationStore } from './store';
import { attachStreaming } from './streaming';
import { TokenRegistry } from './tokens';
import { registerAttachmentRoute, uploadPreHandler } from './upload';

export type { LocalDirectLineLimits } from './limits';
export type { LocalDirectLineLogger } from './context';
export { DEFAULT_LIMITS } from './limits';
export { isLoopbackAddress } from './http';

export interface LocalDirectLineOptions {
  /**
   * Runs the bot's turn for one activity (conversationUpdate, message, event, typing). The activity carries
   * channelId, serviceUrl (this server's connector API), conversation, from and recipient; the bot answers
   * through serviceUrl. Resolve when the turn is over; reject when it failed (the page then gets 502).
   */
  deliver: (activity: Partial<Activity>) => Promise<void>;
  /** Base URL at which the bot process reaches this server (e.g. http://127.0.0.1:3978); read on every use. */
  publicBaseUrl: () => string;
  logger: LocalDirectLineLogger;
  /** Upper bound of the files of one upload together. */
  maxUploadBytes: number;
  limits?: Partial<LocalDirectLineLimits>;
  /** channelId the bot sees; 'directline' like Azure's Direct Line, so the bot treats it as Web Chat. */
  channelId?: string;
  bot?: { id: string; name: string };
  /** Clock for tests (token and conversation expiry). */
  now?: () => number;
}

export interface LocalDirectLine {
  /** The serviceUrl the bot's activities carry: `<publicBaseUrl>/v3/localconnector/`. */
  serviceUrl(): string;
  readonly channelId: string;
  /** Closes the open WebSockets (they would keep server.close() waiting) and forgets every conversation. */
  close(): void;
}

/**
 * A Direct Line 3.0-compatible channel served by the bot's own server, so Web Chat works without Azure.
 * For development, demos and trials only: in memory, bounded, lost on restart, no secret. Production uses
 * Azure Bot Service's Direct Line.
 */
export function registerLocalDirectLine(server: Server, options: LocalDirectLineOptions): LocalDirectLine {
  const limits = resolveLimits(options.maxUploadBytes, options.limits);
  const now = options.now ?? Date.now;
  const store = new ConversationStore(limits, now);
  const tokens = new TokenRegistry(limits.tokenTtlMs, limits.streamTicketMs, now);
  const files = new AttachmentStore(limits.maxAttachmentBytes);
  store.onRemoved((conversationId) => {
    tokens.revokeConversation(conversationId);
    files.dropConversation(conversationId);
  });

  const ctx: ChannelContext = {
    store,
    tokens,
    files,
    limits,
    logger: options.logger,
    deliver: options.deliver,
    channelId: options.channelId ?? 'directline',
    bot: options.bot ?? { id: 'bot', name: 'Bot' },
    maxUploadBytes: options.maxUploadBytes,
    now,
    baseUrl: () => options.publicBaseUrl().replace(/\/+$/, ''),
  };

  server.pre(uploadPreHandler(ctx));
  registerClientRoutes(server, ctx);
  registerAttachmentRoute(server, ctx);
  registerConnectorRoutes(server, ctx);
  const streaming = attachStreaming(server.server, ctx);

  return {
    serviceUrl: () => serviceUrl(ctx),
    channelId: ctx.channelId,
    close: () => {
      streaming.close();
      store.clear();
      files.clear();
    },
  };
}

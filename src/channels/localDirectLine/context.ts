import type { Activity } from 'botbuilder';
import type { AttachmentStore } from './attachments';
import type { LocalDirectLineLimits } from './limits';
import type { ConversationStore } from './store';
import type { TokenRegistry } from './tokens';

type LogMethod = (obj: object, msg?: string) => void;

/** The subset of pino the channel logs with. */
export interface LocalDirectLineLogger {
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
  debug: LogMethod;
}

export const CLIENT_PREFIX = '/v3/directline';
export const CONNECTOR_PREFIX = '/v3/localconnector';

/** Everything the route files share; built once by registerLocalDirectLine. */
export interface ChannelContext {
  store: ConversationStore;
  tokens: TokenRegistry;
  files: AttachmentStore;
  limits: LocalDirectLineLimits;
  logger: LocalDirectLineLogger;
  deliver: (activity: Partial<Activity>) => Promise<void>;
  channelId: string;
  bot: { id: string; name: string };
  maxUploadBytes: number;
  now: () => number;
  /** Where the bot reaches this server, without a trailing slash. */
  baseUrl(): string;
}

export function serviceUrl(ctx: ChannelContext): string {
  return `${ctx.baseUrl()}${CONNECTOR_PREFIX}/`;
}

export function attachmentUrl(ctx: ChannelContext, id: string): string {
  return `${ctx.baseUrl()}${CLIENT_PREFIX}/attachments/${id}`;
}

export function streamUrl(ctx: ChannelContext, conversationId: string, ticket: string): string {
  const ws = ctx.baseUrl().replace(/^http/i, 'ws');
  return `${ws}${CLIENT_PREFIX}/conversations/${encodeURIComponent(conversationId)}/stream?t=${ticket}`;
}

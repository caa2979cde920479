import type { Request, Response, Server } from 'restify';
import { CLIENT_PREFIX, streamUrl, type ChannelContext } from './context';
import { bearerToken, isRecord, jsonBody, queryParam, sendError } from './http';
import type { Conversation } from './store';
import type { TokenGrant } from './tokens';
import { acceptUserActivity, announceUser } from './userActivities';

export interface Authorized {
  token: string;
  grant: TokenGrant;
  conversation: Conversation;
}

/**
 * Every conversation endpoint needs the Bearer token of that very conversation. 401 without one; 403 for an
 * unknown, expired or foreign token (directlinejs reads 403 as "token expired" and stops using it).
 */
export function authorize(
  ctx: ChannelContext,
  req: Request,
  res: Response,
  conversationId?: string,
): Authorized | undefined {
  const token = bearerToken(req);
  if (!token) {
    sendError(res, 401, 'MissingToken', 'Authorization: Bearer <token> required');
    return undefined;
  }
  const grant = ctx.tokens.resolve(token);
  if (!grant || (conversationId !== undefined && grant.conversationId !== conversationId)) {
    sendError(res, 403, 'TokenInvalid', 'token unknown, expired or not valid for this conversation');
    return undefined;
  }
  const conversation = ctx.store.get(grant.conversationId);
  if (!conversation) {
    sendError(res, 404, 'ConversationNotFound', 'conversation ended or expired');
    return undefined;
  }
  ctx.store.touch(conversation);
  return { token, grant, conversation };
}

function watermarkOf(req: Request): number {
  const value = Number.parseInt(queryParam(req, 'watermark') ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function conversationBody(
  ctx: ChannelContext,
  conversation: Conversation,
  token: string,
  watermark: number,
): object {
  const ticket = ctx.tokens.issueStreamTicket(conversation.id, watermark);
  return {
    conversationId: conversation.id,
    token,
    expires_in: ctx.tokens.ttlSeconds,
    streamUrl: streamUrl(ctx, conversation.id, ticket),
  };
}

function requestedUser(req: Request): { id?: string; name?: string } {
  const user = jsonBody(req)?.user;
  if (!isRecord(user)) return {};
  return {
    id: typeof user.id === 'string' && user.id ? user.id.slice(0, 128) : undefined,
    name: typeof user.name === 'string' ? user.name.slice(0, 128) : undefined,
  };
}

export function registerClientRoutes(server: Server, ctx: ChannelContext): void {
  // Local stand-in for the Direct Line secret exchange: no secret exists, so anyone who reaches the port
  // may open a conversation (bounded by limits.maxConversations).
  server.post(`${CLIENT_PREFIX}/tokens/generate`, async (req: Request, res: Response) => {
    const user = requestedUser(req);
    const conversation = ctx.store.create();
    const token = ctx.tokens.issue({ conversationId: conversation.id, userId: user.id, userName: user.name });
    res.send(200, { conversationId: conversation.id, token, expires_in: ctx.tokens.ttlSeconds });
  });

  server.post(`${CLIENT_PREFIX}/tokens/refresh`, async (req: Request, res: Response) => {
    const auth = authorize(ctx, req, res);
    if (!auth) return;
    const token = ctx.tokens.issue(auth.grant);
    res.send(200, { conversationId: auth.conversation.id, token, expires_in: ctx.tokens.ttlSeconds });
  });

  server.post(`${CLIENT_PREFIX}/conversations`, async (req: Request, res: Response) => {
    const auth = authorize(ctx, req, res);
    if (!auth) return;
    const { conversation, grant, token } = auth;
    if (conversation.started) {
      res.send(200, conversationBody(ctx, conversation, token, 0));
      return;
    }
    conversation.started = true;
    const body = jsonBody(req);
    if (typeof body?.locale === 'string' && body.locale) conversation.locale = body.locale.slice(0, 35);
    const user = requestedUser(req);
    conversation.userId = grant.userId ?? user.id;
    conversation.userName = grant.userName ?? user.name;
    res.send(201, conversationBody(ctx, conversation, token, 0));
    if (conversation.userId) {
      announceUser(ctx, conversation).catch((err: unknown) =>
        ctx.logger.warn({ err, conversationId: conversation.id }, 'bot rejected conversationUpdate'),
      );
    }
  });

  // Reconnect / resume: a reloaded page comes back with its token and conversation id and needs a new streamUrl.
  server.get(`${CLIENT_PREFIX}/conversations/:conversationId`, async (req: Request, res: Response) => {
    const auth = authorize(ctx, req, res, req.params.conversationId);
    if (!auth) return;
    auth.conversation.started = true;
    res.send(200, conversationBody(ctx, auth.conversation, auth.token, watermarkOf(req)));
  });

  server.post(
    `${CLIENT_PREFIX}/conversations/:conversationId/activities`,
    async (req: Request, res: Response) => {
      const auth = authorize(ctx, req, res, req.params.conversationId);
      if (!auth) return;
      const body = jsonBody(req);
      if (!body) {
        sendError(res, 400, 'BadArgument', 'body must be one JSON activity');
        return;
      }
      const result = await acceptUserActivity(ctx, auth.conversation, auth.grant, body);
      res.send(result.status, result.body);
    },
  );

  server.get(
    `${CLIENT_PREFIX}/conversations/:conversationId/activities`,
    async (req: Request, res: Response) => {
      const auth = authorize(ctx, req, res, req.params.conversationId);
      if (!auth) return;
      res.send(200, ctx.store.after(auth.conversation, watermarkOf(req)));
    },
  );
}

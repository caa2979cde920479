import type { Activity } from 'botbuilder';
import type { Next, Request, Response, Server } from 'restify';
import { CONNECTOR_PREFIX, type ChannelContext } from './context';
import { isLoopbackAddress, jsonBody, sendError } from './http';
import type { Conversation } from './store';

const CONVERSATION = `${CONNECTOR_PREFIX}/v3/conversations/:conversationId`;

/**
 * The Bot Connector API the bot's CloudAdapter calls at serviceUrl for replies, proactive messages and
 * updates. Local mode has no channel authentication, so only requests from this machine are accepted:
 * otherwise anyone on the network could post messages that appear to come from the bot.
 */
function loopbackOnly(ctx: ChannelContext) {
  return (req: Request, res: Response, next: Next): void => {
    if (isLoopbackAddress(req.socket.remoteAddress)) {
      next();
      return;
    }
    ctx.logger.warn(
      { remoteAddress: req.socket.remoteAddress },
      'connector call from outside this machine refused',
    );
    sendError(res, 403, 'Forbidden', 'the local connector accepts calls from this machine only');
    next(false);
  };
}

function conversationOf(ctx: ChannelContext, req: Request, res: Response): Conversation | undefined {
  const conversation = ctx.store.get(req.params.conversationId);
  if (!conversation) sendError(res, 404, 'ConversationNotFound', 'unknown or expired conversation');
  return conversation;
}

/** The bot's activity, or undefined after answering 400/413. */
function botActivity(ctx: ChannelContext, req: Request, res: Response): Partial<Activity> | undefined {
  const body = jsonBody(req);
  if (!body || typeof body.type !== 'string') {
    sendError(res, 400, 'BadArgument', 'body must be one JSON activity with a type');
    return undefined;
  }
  if (Buffer.byteLength(JSON.stringify(body)) > ctx.limits.maxActivityBytes) {
    sendError(res, 413, 'MessageSizeTooBig', `activity larger than ${ctx.limits.maxActivityBytes} bytes`);
    return undefined;
  }
  const activity = { ...(body as Partial<Activity>) };
  // Web Chat puts activities without role "user" on the bot's side; never let the bot's look like the user's.
  activity.from = { id: ctx.bot.id, name: ctx.bot.name, ...activity.from, role: 'bot' };
  activity.channelId = ctx.channelId;
  delete activity.serviceUrl;
  return activity;
}

function send(ctx: ChannelContext, req: Request, res: Response): void {
  const conversation = conversationOf(ctx, req, res);
  if (!conversation) return;
  const activity = botActivity(ctx, req, res);
  if (!activity) return;
  if (req.params.activityId && !activity.replyToId) activity.replyToId = req.params.activityId;
  if (activity.type === 'trace') {
    // Traces are for the Emulator's inspector; Web Chat ignores them, so they are not worth the memory.
    res.send(200, { id: `${conversation.id}|trace` });
    return;
  }
  if (activity.type === 'typing') {
    const id = `${conversation.id}|typing`;
    ctx.store.publish(conversation, {
      activities: [{ ...activity, id, conversation: { id: conversation.id } as Activity['conversation'] }],
    });
    res.send(200, { id });
    return;
  }
  delete activity.id;
  const stored = ctx.store.append(conversation, activity);
  res.send(200, { id: stored.id });
}

export function registerConnectorRoutes(server: Server, ctx: ChannelContext): void {
  const guard = loopbackOnly(ctx);

  server.post(`${CONVERSATION}/activities`, guard, async (req: Request, res: Response) =>
    send(ctx, req, res),
  );
  server.post(`${CONVERSATION}/activities/:activityId`, guard, async (req: Request, res: Response) =>
    send(ctx, req, res),
  );

  server.put(`${CONVERSATION}/activities/:activityId`, guard, async (req: Request, res: Response) => {
    const conversation = conversationOf(ctx, req, res);
    if (!conversation) return;
    const activity = botActivity(ctx, req, res);
    if (!activity) return;
    const updated = ctx.store.update(conversation, req.params.activityId, activity);
    if (!updated) {
      sendError(res, 404, 'ActivityNotFound', 'no such activity in this conversation');
      return;
    }
    res.send(200, { id: updated.id });
  });

  server.del(`${CONVERSATION}/activities/:activityId`, guard, async (req: Request, res: Response) => {
    const conversation = conversationOf(ctx, req, res);
    if (!conversation) return;
    if (!ctx.store.delete(conversation, req.params.activityId)) {
      sendError(res, 404, 'ActivityNotFound', 'no such activity in this conversation');
      return;
    }
    res.send(200, {});
  });

  server.get(`${CONVERSATION}/members`, guard, async (req: Request, res: Response) => {
    const conversation = conversationOf(ctx, req, res);
    if (!conversation) return;
    const members = [{ id: ctx.bot.id, name: ctx.bot.name, role: 'bot' }];
    if (conversation.userId)
      members.push({ id: conversation.userId, name: conversation.userName ?? '', role: 'user' });
    res.send(200, members);
  });
}

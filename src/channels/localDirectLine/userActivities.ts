import type { Activity, Attachment, ChannelAccount } from 'botbuilder';
import { attachmentUrl, serviceUrl, type ChannelContext } from './context';
import { isRecord } from './http';
import { randomId } from './ids';
import type { Conversation } from './store';
import type { TokenGrant } from './tokens';

/** What a page may post; invokes are left out because `deliver` has no way to return their response. */
const CLIENT_TYPES = new Set(['message', 'event', 'typing', 'messageReaction']);
/** Fields the channel owns: a page must not choose its conversation, its recipient or where the bot replies. */
const SERVER_FIELDS = [
  'id',
  'conversation',
  'recipient',
  'serviceUrl',
  'channelId',
  'timestamp',
  'from',
  'attachments',
];
const MAX_USER_ID_CHARS = 128;

export interface RouteResult {
  status: number;
  body: object;
}

function error(status: number, code: string, message: string): RouteResult {
  return { status, body: { error: { code, message } } };
}

function userIdFrom(raw: Record<string, unknown>): string | undefined {
  const from = raw.from;
  if (!isRecord(from) || typeof from.id !== 'string' || from.id.length === 0) return undefined;
  return from.id.slice(0, MAX_USER_ID_CHARS);
}

function botAccount(ctx: ChannelContext): ChannelAccount {
  return { id: ctx.bot.id, name: ctx.bot.name, role: 'bot' };
}

function userAccount(conversation: Conversation): ChannelAccount {
  return { id: conversation.userId ?? 'user', name: conversation.userName ?? '', role: 'user' };
}

/**
 * Attachments from a JSON post keep their contentUrl only when it points at this channel's own files or is
 * a data: URL: the bot downloads contentUrl, and it must not be steered to arbitrary hosts (SSRF).
 */
function safeAttachments(ctx: ChannelContext, value: unknown): Attachment[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ownPrefix = attachmentUrl(ctx, '');
  const kept = value.filter((a): a is Attachment => {
    if (!isRecord(a) || typeof a.contentType !== 'string') return false;
    const url = a.contentUrl;
    return (
      url === undefined || (typeof url === 'string' && (url.startsWith('data:') || url.startsWith(ownPrefix)))
    );
  });
  if (kept.length < value.length)
    ctx.logger.warn({ dropped: value.length - kept.length }, 'dropped foreign attachments');
  return kept;
}

/** The activity as the bot receives it: the channel's addressing on top of what the page stored. */
function forBot(
  ctx: ChannelContext,
  conversation: Conversation,
  activity: Partial<Activity>,
): Partial<Activity> {
  return {
    ...activity,
    channelId: ctx.channelId,
    serviceUrl: serviceUrl(ctx),
    recipient: botAccount(ctx),
    locale: activity.locale ?? conversation.locale,
  };
}

function conversationUpdate(ctx: ChannelContext, conversation: Conversation): Partial<Activity> {
  return forBot(ctx, conversation, {
    type: 'conversationUpdate',
    id: randomId(),
    timestamp: new Date(ctx.now()),
    from: userAccount(conversation),
    conversation: { id: conversation.id } as Activity['conversation'],
    membersAdded: [botAccount(ctx), userAccount(conversation)],
  });
}

/**
 * Tells the bot the user joined, as Direct Line does once it knows who the user is: at the start when the
 * token names the user, otherwise just before the user's first activity. The bot's welcome hangs on it.
 */
export function announceUser(ctx: ChannelContext, conversation: Conversation): Promise<void> {
  conversation.userAnnounced = true;
  const activity = conversationUpdate(ctx, conversation);
  return conversation.enqueue(() => ctx.deliver(activity));
}

function waitAtMost(promise: Promise<void>, ms: number): Promise<'done' | 'waiting'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'waiting'>((resolve) => {
    timer = setTimeout(() => resolve('waiting'), ms);
  });
  return Promise.race([promise.then(() => 'done' as const), timeout]).finally(() => clearTimeout(timer));
}

/**
 * Stores the page's activity, echoes it to the page (with its clientActivityID, which is how Web Chat marks
 * a message as sent) and hands it to the bot. Answers once the bot's turn is over, like Direct Line, but no
 * later than limits.deliverWaitMs: a slow turn still answers over the connector API afterwards.
 */
export async function acceptUserActivity(
  ctx: ChannelContext,
  conversation: Conversation,
  grant: TokenGrant,
  raw: Record<string, unknown>,
  uploaded?: Attachment[],
): Promise<RouteResult> {
  const type = raw.type;
  if (typeof type !== 'string' || !CLIENT_TYPES.has(type)) {
    return error(400, 'BadArgument', `activity type must be one of ${[...CLIENT_TYPES].join(', ')}`);
  }
  if (Buffer.byteLength(JSON.stringify(raw)) > ctx.limits.maxActivityBytes) {
    return error(413, 'MessageSizeTooBig', `activity larger than ${ctx.limits.maxActivityBytes} bytes`);
  }

  conversation.userId ??= grant.userId ?? userIdFrom(raw) ?? 'user';
  if (!conversation.userName && isRecord(raw.from) && typeof raw.from.name === 'string') {
    conversation.userName = raw.from.name.slice(0, MAX_USER_ID_CHARS);
  }
  const fields: Record<string, unknown> = { ...raw };
  for (const key of SERVER_FIELDS) delete fields[key];
  const activity: Partial<Activity> = {
    ...(fields as Partial<Activity>),
    channelId: ctx.channelId,
    from: userAccount(conversation),
    recipient: botAccount(ctx),
    attachments: uploaded ?? safeAttachments(ctx, raw.attachments),
  };
  if (!activity.attachments) delete activity.attachments;

  let echoed: Partial<Activity>;
  if (type === 'typing') {
    echoed = { ...activity, id: randomId(), timestamp: new Date(ctx.now()) };
    ctx.store.publish(conversation, { activities: [echoed] });
  } else {
    echoed = ctx.store.append(conversation, activity);
  }
  ctx.store.touch(conversation);

  if (!conversation.userAnnounced) {
    announceUser(ctx, conversation).catch((err: unknown) =>
      ctx.logger.warn({ err, conversationId: conversation.id }, 'bot rejected conversationUpdate'),
    );
  }
  const toBot = forBot(ctx, conversation, echoed);
  const delivery = conversation.enqueue(() => ctx.deliver(toBot));
  delivery.catch((err: unknown) =>
    ctx.logger.error({ err, conversationId: conversation.id, activityId: echoed.id }, 'bot failed the turn'),
  );
  try {
    if ((await waitAtMost(delivery, ctx.limits.deliverWaitMs)) === 'waiting') {
      ctx.logger.warn(
        { conversationId: conversation.id },
        'bot turn still running; answered the page anyway',
      );
    }
  } catch {
    // Direct Line answers 502 when the bot fails; the echo stays, as it does there.
    return error(502, 'BotError', 'the bot failed to process the activity');
  }
  return { status: 200, body: { id: echoed.id } };
}

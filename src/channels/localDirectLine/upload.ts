import type { Attachment } from 'botbuilder';
import type { Next, Request, Response, Server } from 'restify';
import { authorize } from './clientRoutes';
import { attachmentUrl, CLIENT_PREFIX, type ChannelContext } from './context';
import { isRecord, queryParam, sendError } from './http';
import { acceptUserActivity } from './userActivities';

const UPLOAD_PATH = new RegExp(`^${CLIENT_PREFIX}/conversations/([^/]+)/upload$`);
const ACTIVITY_PART_TYPE = 'application/vnd.microsoft.activity';
/** Room for the multipart framing and the "activity" part on top of the files themselves. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/** Image types a browser may show inline; everything else (HTML, SVG, .eml) is served as a download. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

function tooLarge(ctx: ChannelContext, res: Response): void {
  // The rest of the body is not read, so the connection cannot be reused.
  res.setHeader('connection', 'close');
  const max = ctx.maxUploadBytes;
  const readable =
    max >= 1024 * 1024 ? `${(max / (1024 * 1024)).toFixed(1)} MB` : `${Math.floor(max / 1024)} KB`;
  sendError(res, 413, 'MessageSizeTooBig', `files larger than ${readable} (${max} bytes) cannot be uploaded`);
}

async function readLimited(req: Request, maxBytes: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function parseActivityPart(value: string | File): Promise<Record<string, unknown> | undefined> {
  try {
    const parsed: unknown = JSON.parse(typeof value === 'string' ? value : await value.text());
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

async function handleUpload(
  ctx: ChannelContext,
  req: Request,
  res: Response,
  conversationId: string,
): Promise<void> {
  const auth = authorize(ctx, req, res, conversationId);
  if (!auth) return;
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    sendError(res, 415, 'BadArgument', 'upload must be multipart/form-data');
    return;
  }
  const maxBody = ctx.maxUploadBytes + MULTIPART_OVERHEAD_BYTES;
  if (Number(req.headers['content-length'] ?? 0) > maxBody) return tooLarge(ctx, res);
  const body = await readLimited(req, maxBody);
  if (body === 'too-large') return tooLarge(ctx, res);

  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    sendError(res, 400, 'BadArgument', 'malformed multipart body');
    return;
  }
  let template: Record<string, unknown> = { type: 'message' };
  const files: File[] = [];
  for (const [name, value] of form) {
    if (name === 'activity' || (typeof value !== 'string' && value.type === ACTIVITY_PART_TYPE)) {
      const parsed = await parseActivityPart(value);
      if (!parsed) return sendError(res, 400, 'BadArgument', 'the "activity" part is not a JSON activity');
      template = parsed;
    } else if (typeof value !== 'string') {
      files.push(value);
    }
  }
  if (template.type !== 'message')
    return sendError(res, 400, 'BadArgument', 'uploads carry a message activity');
  if (files.length > ctx.limits.maxFilesPerUpload) {
    return sendError(res, 413, 'MessageSizeTooBig', `more than ${ctx.limits.maxFilesPerUpload} files`);
  }
  if (files.reduce((sum, f) => sum + f.size, 0) > ctx.maxUploadBytes) return tooLarge(ctx, res);

  const attachments: Attachment[] = [];
  for (const file of files) {
    const bytes = Buffer.from(await file.arrayBuffer());
    const contentType = file.type || 'application/octet-stream';
    const name = file.name || 'file';
    const id = ctx.files.put({ conversationId, bytes, contentType, name });
    attachments.push({ contentType, contentUrl: attachmentUrl(ctx, id), name });
  }
  const userId = queryParam(req, 'userId');
  const raw = { ...template, from: isRecord(template.from) ? template.from : { id: userId } };
  const result = await acceptUserActivity(ctx, auth.conversation, auth.grant, raw, attachments);
  res.send(result.status, result.body);
}

/**
 * Uploads are handled in a `pre` handler, before routing, because the server-wide bodyParser would
 * otherwise give multipart bodies to formidable, which writes them to the temp directory (up to 200 MB
 * per file) before any route could check the size. Here the body is read in memory, bounded, and answered
 * 413 as soon as it is too big.
 */
export function uploadPreHandler(ctx: ChannelContext) {
  return (req: Request, res: Response, next: Next): void => {
    const match =
      req.method === 'POST' ? UPLOAD_PATH.exec(new URL(req.url ?? '/', 'http://local').pathname) : null;
    if (!match) {
      next();
      return;
    }
    handleUpload(ctx, req, res, decodeURIComponent(match[1]))
      .catch((err: unknown) => {
        ctx.logger.error({ err }, 'upload failed');
        if (!res.headersSent) sendError(res, 500, 'ServiceError', 'upload failed');
      })
      .finally(() => next(false));
  };
}

function contentDisposition(name: string, inline: boolean): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Serves uploaded files back to the bot (and to the page), by their unguessable id. */
export function registerAttachmentRoute(server: Server, ctx: ChannelContext): void {
  server.get(`${CLIENT_PREFIX}/attachments/:attachmentId`, async (req: Request, res: Response) => {
    const file = ctx.files.get(req.params.attachmentId);
    if (!file) {
      sendError(res, 404, 'NotFound', 'unknown or expired attachment');
      return;
    }
    const inline = INLINE_TYPES.has(file.contentType);
    // The file shares the page's origin: it must never run as a document there (stored XSS).
    res.writeHead(200, {
      'content-type': inline ? file.contentType : 'application/octet-stream',
      'content-length': file.bytes.length,
      'content-disposition': contentDisposition(file.name, inline),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cache-control': 'private, max-age=3600',
    });
    res.end(file.bytes);
  });
}

import type { Request, Response } from 'restify';

/** Direct Line's error body. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.send(status, { error: { code, message } });
}

export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/**
 * True for connections from this machine. The connector endpoints have no authentication in local mode,
 * so only the bot itself (same host) may post "bot" messages. A reverse proxy on the same host would defeat
 * this check: the local channel must not be published through one.
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** The JSON body as an object: restify's bodyParser parses application/json; other types arrive as text. */
export function jsonBody(req: Request): Record<string, unknown> | undefined {
  let body: unknown = req.body;
  if (Buffer.isBuffer(body)) body = body.toString('utf8');
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  return isRecord(body) ? body : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function queryParam(req: Request, name: string): string | undefined {
  return new URL(req.url ?? '/', 'http://local').searchParams.get(name) ?? undefined;
}

import { randomUUID } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import { RateLimiter } from './rateLimiter';

export const TOKEN_ROUTE = '/api/directline/token';

interface GeneratedToken {
  conversationId?: unknown;
  token?: unknown;
  expires_in?: unknown;
}

/**
 * Exchanges the Direct Line secret for a conversation token server-side, so the secret never
 * reaches a browser. The user id is generated here (Direct Line requires the "dl_" prefix for ids
 * bound to a token), so a page cannot impersonate another user.
 */
export function registerDirectLineToken(
  server: Server,
  config: AppConfig,
  logger: Logger,
  fetchImpl: typeof fetch = fetch,
): void {
  const limiter = new RateLimiter(config.tokenRateLimitPerMinute, 60_000);

  server.post(TOKEN_ROUTE, async (req: Request, res: Response) => {
    if (!config.directLineSecret) {
      res.send(503, {
        error: 'direct-line-not-configured',
        message:
          'This server has no Direct Line secret (DIRECT_LINE_SECRET), so it cannot issue Azure Direct Line tokens. ' +
          'In local mode the chat page uses the built-in local channel instead.',
      });
      return;
    }
    const wait = limiter.hit(req.socket.remoteAddress ?? 'unknown');
    if (wait > 0) {
      res.header('Retry-After', String(wait));
      res.send(429, {
        error: 'too-many-requests',
        message: `Too many token requests; try again in ${wait} s.`,
      });
      return;
    }
    const userId = `dl_${randomUUID()}`;
    try {
      const upstream = await fetchImpl(`${config.directLineEndpoint}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${config.directLineSecret}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          user: { id: userId },
          ...(config.trustedOrigins.length > 0 ? { trustedOrigins: config.trustedOrigins } : {}),
        }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!upstream.ok) throw new Error(`Direct Line answered ${upstream.status}`);
      const body = (await upstream.json()) as GeneratedToken;
      if (typeof body.token !== 'string') throw new Error('Direct Line answered without a token');
      res.send(200, {
        token: body.token,
        conversationId: typeof body.conversationId === 'string' ? body.conversationId : undefined,
        expires_in: typeof body.expires_in === 'number' ? body.expires_in : undefined,
        userId,
      });
    } catch (err) {
      logger.error({ err }, 'Direct Line token exchange failed');
      res.send(502, {
        error: 'token-exchange-failed',
        message: 'Could not get a chat token; please try again.',
      });
    }
  });
}

import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLIENT_PREFIX, type ChannelContext } from './context';
import type { ActivitySet } from './store';

const STREAM_PATH = new RegExp(`^${CLIENT_PREFIX}/conversations/([^/]+)/stream$`);
/** Browsers that vanish without closing are found by a ping every 30 s. */
const HEARTBEAT_MS = 30_000;

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The streamUrl WebSocket on the bot's own HTTP server. Each text frame is an ActivitySet; the first one
 * replays the history after the watermark the streamUrl was issued for, so a resumed page catches up.
 */
export function attachStreaming(httpServer: HttpServer, ctx: ChannelContext): { close(): void } {
  // The page only sends keep-alives (""), so anything big is not from a Direct Line client.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const alive = new WeakMap<WebSocket, boolean>();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://local');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) {
      // Another upgrade handler (e.g. Bot Framework streaming) may own this path; alone, we must not leak it.
      if (httpServer.listenerCount('upgrade') === 1) refuse(socket, '404 Not Found');
      return;
    }
    const conversationId = decodeURIComponent(match[1]);
    const ticket = ctx.tokens.redeemStreamTicket(url.searchParams.get('t') ?? '');
    const conversation =
      ticket?.conversationId === conversationId ? ctx.store.get(conversationId) : undefined;
    if (!ticket || !conversation) {
      refuse(socket, '403 Forbidden');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.set(ws, true);
      ws.on('pong', () => alive.set(ws, true));
      const send = (set: ActivitySet): void => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(set));
      };
      const unsubscribe = ctx.store.subscribe(conversation, {
        send,
        close: (reason) => ws.close(1000, reason.slice(0, 100)),
      });
      ws.on('close', unsubscribe);
      ws.on('error', (err) => ctx.logger.debug({ err, conversationId }, 'stream error'));
      send(ctx.store.after(conversation, ticket.watermark));
    });
  };
  httpServer.on('upgrade', onUpgrade);

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    close: () => {
      clearInterval(heartbeat);
      httpServer.off('upgrade', onUpgrade);
      // Open WebSockets would otherwise keep server.close() waiting forever.
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

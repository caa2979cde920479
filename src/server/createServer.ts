import restify, { type Request, type Response, type Server } from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { SupportBot } from '../bot/supportBot';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import type { AppStorage } from '../storage/createStorage';

export interface ServerDeps {
  config: AppConfig;
  adapter: CloudAdapter;
  bot: SupportBot;
  storage: AppStorage;
  logger: Logger;
}

export function createServer({ config, adapter, bot, storage, logger }: ServerDeps): Server {
  const server = restify.createServer({ name: 'sender-support-bot', handleUncaughtExceptions: false });
  // CloudAdapter does not read the stream itself: it needs req.body parsed, and the limit keeps a paste from exhausting memory.
  server.use(restify.plugins.bodyParser({ maxBodySize: config.maxBodyBytes, mapParams: false }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    try {
      await storage.ping();
      res.send(200, { status: 'ready' });
    } catch (err) {
      logger.warn({ err }, 'storage not reachable');
      res.send(503, { status: 'storage unreachable' });
    }
  });

  return server;
}

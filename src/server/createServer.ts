import restify, { type Request, type Response, type Server } from 'restify';
import type { Activity, CloudAdapter } from 'botbuilder';
import { registerLocalDirectLine, type LocalDirectLine } from '../channels/localDirectLine';
import type { SupportBot } from '../bot/supportBot';
import { isLocalMode, type AppConfig } from '../config';
import type { Logger } from '../logger';
import type { AppStorage } from '../storage/createStorage';
import { registerDirectLineToken } from './directLineToken';
import { registerWebChat } from './webChat';

export interface ServerDeps {
  config: AppConfig;
  adapter: CloudAdapter;
  bot: SupportBot;
  storage: AppStorage;
  logger: Logger;
}

export interface AppServer {
  server: Server;
  /** The built-in Direct Line channel, in local mode only. */
  localChannel?: LocalDirectLine;
}

export function createServer({ config, adapter, bot, storage, logger }: ServerDeps): AppServer {
  const server = restify.createServer({ name: 'sender-support-bot', handleUncaughtExceptions: false });

  // Local mode has no channel authentication, so only then may the server play the channel itself.
  const localChannel = isLocalMode(config)
    ? registerLocalDirectLine(server, {
        deliver: (activity) => adapter.processActivityDirect('', activity as Activity, (ctx) => bot.run(ctx)),
        publicBaseUrl: () => `http://127.0.0.1:${server.address().port}`,
        logger,
        maxUploadBytes: config.maxFileBytes,
      })
    : undefined;

  // CloudAdapter does not read the stream itself: it needs req.body parsed, and the limit keeps a paste
  // from exhausting memory. JSON only: restify's full bodyParser would spool multipart bodies to /tmp
  // without any size limit.
  server.use(restify.plugins.bodyReader({ maxBodySize: config.maxBodyBytes }));
  server.use(restify.plugins.jsonBodyParser({ mapParams: false }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });

  registerDirectLineToken(server, config, logger);

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

  registerWebChat(server, config);

  return { server, localChannel };
}

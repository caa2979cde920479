import 'dotenv/config';
import { createApp } from './app';
import { ConfigError, isLocalMode, loadConfig, summarizeConfig } from './config';

function main(): void {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }

  const app = createApp(config);
  app.logger.info({ config: summarizeConfig(config) }, 'configuration');
  if (isLocalMode(config)) {
    app.logger.warn(
      'MicrosoftAppId is not set: local mode, channel authentication is OFF. Fine for development on this machine; ' +
        'never expose this port. Set MicrosoftAppId/MicrosoftAppPassword to connect Azure Bot Service.',
    );
  }

  app.server.listen(config.port, config.host, () => {
    const address = app.server.address();
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${address.port}`;
    app.logger.info({ url }, `Sender Support Bot listening on ${url} (messages: ${url}/api/messages)`);
    app.scheduler.start();
  });

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main();

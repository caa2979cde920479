import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  ShowTypingMiddleware,
  UserState,
  type BotAdapter,
} from 'botbuilder';
import type { Server } from 'restify';
import { MainDialog } from '../dialogs/mainDialog';
import { NdrDialog } from '../dialogs/ndrDialog';
import { CommandRecognizer } from './bot/commands';
import { createOnTurnError } from './bot/onTurnError';
import { createStateSet, type BotStateSet } from './bot/state';
import { SupportBot } from './bot/supportBot';
import { TurnLocaleMiddleware } from './bot/turnLocale';
import type { AppConfig } from './config';
import { createLocalizer, type Localizer } from './i18n/localizer';
import { createLogger, type Logger } from './logger';
import { createServer } from './server/createServer';
import { createStorage, type AppStorage } from './storage/createStorage';

export interface AppDeps {
  logger?: Logger;
  storage?: AppStorage;
  localizer?: Localizer;
}

/** The bot without a transport: the HTTP server and the tests' TestAdapter both run this. */
export interface BotCore {
  bot: SupportBot;
  state: BotStateSet;
  storage: AppStorage;
  localizer: Localizer;
  logger: Logger;
  /** Installs the per-turn locale, typing indicator and error boundary on an adapter. */
  configureAdapter(adapter: BotAdapter): void;
}

export interface App extends BotCore {
  server: Server;
  adapter: CloudAdapter;
  /** Stops accepting requests and closes storage. */
  close(): Promise<void>;
}

export function createBotCore(config: AppConfig, deps: AppDeps = {}): BotCore {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const storage = deps.storage ?? createStorage(config.storage, { dataDir: config.dataDir });
  const localizer = deps.localizer ?? createLocalizer();
  const state = createStateSet(new ConversationState(storage.storage), new UserState(storage.storage));

  const services = {
    localizer,
    state,
    commands: new CommandRecognizer(localizer),
    supportContact: config.supportContact,
  };
  const ndrDialog = new NdrDialog(services, {
    maxPasteChars: config.maxPasteChars,
    maxFileBytes: config.maxFileBytes,
  });
  const bot = new SupportBot(state, localizer, new MainDialog(services, ndrDialog));

  return {
    bot,
    state,
    storage,
    localizer,
    logger,
    configureAdapter: (adapter) => {
      adapter.use(new TurnLocaleMiddleware(localizer, state, config.defaultLocale));
      // Teams and Web Chat show "typing…" when a turn (a parse, a DNS check) takes longer than half a second.
      adapter.use(new ShowTypingMiddleware(500, 2000));
      adapter.onTurnError = createOnTurnError({
        logger,
        state,
        localizer,
        defaultLocale: config.defaultLocale,
      });
    },
  };
}

/** The composition root: everything the bot is made of is built here, and nothing listens yet. */
export function createApp(config: AppConfig, deps: AppDeps = {}): App {
  const core = createBotCore(config, deps);
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.microsoftAppId,
    MicrosoftAppPassword: config.microsoftAppPassword,
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppTenantId: config.microsoftAppTenantId,
  });
  const adapter = new CloudAdapter(auth);
  core.configureAdapter(adapter);
  const server = createServer({ config, adapter, bot: core.bot, storage: core.storage, logger: core.logger });

  return {
    ...core,
    server,
    adapter,
    close: async () => {
      server.close();
      await core.storage.close();
    },
  };
}

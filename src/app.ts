import {
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  ShowTypingMiddleware,
  UserState,
  type BotAdapter,
} from 'botbuilder';
import type { Server } from 'restify';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { DelistDialog } from '../dialogs/delistDialog';
import { MainDialog } from '../dialogs/mainDialog';
import { NdrDialog } from '../dialogs/ndrDialog';
import { DEFAULT_BLOCKLISTS, createResolver, runChecks } from './checks';
import { ReminderScheduler, ReminderStore } from './followup';
import { createFollowUpSender, scheduleFollowUp } from './bot/followUp';
import { CommandRecognizer } from './bot/commands';
import { createOnTurnError } from './bot/onTurnError';
import { RetryingCloudAdapter } from './bot/retryingAdapter';
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
  /** Wall clock for follow-ups; tests move it forward instead of waiting a day. */
  clock?: () => Date;
}

/** The bot without a transport: the HTTP server and the tests' TestAdapter both run this. */
export interface BotCore {
  bot: SupportBot;
  state: BotStateSet;
  storage: AppStorage;
  localizer: Localizer;
  logger: Logger;
  reminders: ReminderStore;
  clock: () => Date;
  /** Installs the per-turn locale, typing indicator and error boundary on an adapter. */
  configureAdapter(adapter: BotAdapter): void;
}

export interface App extends BotCore {
  server: Server;
  adapter: RetryingCloudAdapter;
  /** Sends due follow-ups; index.ts starts it, tests call tick(). */
  scheduler: ReminderScheduler;
  /** Stops accepting requests and closes storage. */
  close(): Promise<void>;
}

export function createBotCore(config: AppConfig, deps: AppDeps = {}): BotCore {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const storage = deps.storage ?? createStorage(config.storage, { dataDir: config.dataDir });
  const localizer = deps.localizer ?? createLocalizer();
  const state = createStateSet(new ConversationState(storage.storage), new UserState(storage.storage));

  const clock = deps.clock ?? (() => new Date());
  const reminders = new ReminderStore(storage.storage);
  const resolver = createResolver({ servers: config.dnsServers, timeoutMs: config.dnsTimeoutMs });
  const blocklists =
    config.blocklists.length > 0
      ? DEFAULT_BLOCKLISTS.filter((list) => config.blocklists.includes(list.id))
      : DEFAULT_BLOCKLISTS;

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
  const delistDialog = new DelistDialog(services, {
    runChecks: ({ ip, domain }) =>
      runChecks({ ip, domain, resolver, blocklists, overallTimeoutMs: config.checksDeadlineMs }),
    scheduleFollowUp: (context, topic) =>
      scheduleFollowUp(reminders, context, topic, clock(), config.followUpDelayMinutes * 60_000),
    followUpHours: Math.round((config.followUpDelayMinutes / 60) * 10) / 10,
    clock,
  });
  const bot = new SupportBot(state, localizer, new MainDialog(services, ndrDialog, delistDialog));

  return {
    bot,
    state,
    storage,
    localizer,
    logger,
    reminders,
    clock,
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
  const adapter = new RetryingCloudAdapter(auth);
  core.configureAdapter(adapter);
  const { server, localChannel } = createServer({
    config,
    adapter,
    bot: core.bot,
    storage: core.storage,
    logger: core.logger,
  });
  const scheduler = new ReminderScheduler({
    store: core.reminders,
    send: createFollowUpSender(adapter, config.microsoftAppId, core.localizer),
    clock: core.clock,
    instanceId: `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    intervalMs: config.followUpIntervalSeconds * 1000,
    // Far longer than a send takes, so a slow send is not repeated by another instance.
    leaseMs: 5 * 60_000,
    logger: core.logger,
  });

  return {
    ...core,
    server,
    adapter,
    scheduler,
    close: async () => {
      // Open WebSockets would keep server.close() waiting.
      localChannel?.close();
      // Waits for requests in flight; idle keep-alive connections are closed by Node itself.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await scheduler.stop();
      await core.storage.close();
    },
  };
}

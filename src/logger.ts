import pino, { type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger };

/** JSON logs on stdout; the level comes from config so tests can silence them. */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { app: 'sender-support-bot' } });
}

import { isIP } from 'node:net';
import path from 'node:path';

/**
 * Every setting the bot reads, parsed and validated once at start-up.
 * Library and domain code never read process.env: they receive this object (or a part of it).
 */
export type StorageKind = 'sqlite' | 'memory';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
export type SupportedLocale = 'en' | 'zh-TW';

export interface AppConfig {
  port: number;
  /** Interface to bind. Local mode defaults to loopback so an unauthenticated bot is never exposed by accident. */
  host: string;
  /** Empty in local mode: no channel authentication. */
  microsoftAppId: string;
  microsoftAppPassword: string;
  microsoftAppType: AppType;
  microsoftAppTenantId: string;
  storage: StorageKind;
  dataDir: string;
  logLevel: LogLevel;
  /** Largest request body accepted by the HTTP server, in bytes. */
  maxBodyBytes: number;
  /** Largest pasted NDR accepted, in characters. */
  maxPasteChars: number;
  /** Largest uploaded bounce file (.eml/.msg) read, in bytes. */
  maxFileBytes: number;
  defaultLocale: SupportedLocale;
  /** Where a person can be reached (email address or URL) until live handoff is configured. */
  supportContact: string;
  /** DNS servers for the live checks ("ip" or "ip:port"); empty means the system's resolvers. */
  dnsServers: string[];
  dnsTimeoutMs: number;
  /** The whole set of live checks gives up after this; unanswered items read "couldn't check". */
  checksDeadlineMs: number;
  /** Blocklist ids to query (see src/checks); empty means the documented default set. */
  blocklists: string[];
  followUpDelayMinutes: number;
  followUpIntervalSeconds: number;
  /** Azure Bot Service Direct Line secret: exchanged for tokens server-side, never sent to a browser. */
  directLineSecret: string;
  directLineEndpoint: string;
  /** Origins allowed to use the tokens (Direct Line trustedOrigins), e.g. https://www.contoso.com. */
  trustedOrigins: string[];
  tokenRateLimitPerMinute: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Collects every problem instead of stopping at the first, so one start-up attempt shows them all. */
class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string, fallback = ''): string {
    return (this.env[name] ?? '').trim() || fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
      this.problems.push(`${name}="${raw}" must be a whole number from ${min} to ${max}.`);
      return fallback;
    }
    return value;
  }

  list(name: string, valid: (item: string) => boolean, expected: string): string[] {
    const items = this.string(name)
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    const bad = items.filter((item) => !valid(item));
    if (bad.length > 0) this.problems.push(`${name}: "${bad.join('", "')}" ${expected}`);
    return items.filter(valid);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name);
    if (raw === '') return fallback;
    const match = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
    if (!match) {
      this.problems.push(`${name}="${raw}" must be one of: ${allowed.join(', ')}.`);
      return fallback;
    }
    return match;
  }
}

export function loadConfig(env: Env, cwd = process.cwd()): AppConfig {
  const r = new Reader(env);
  const microsoftAppId = r.string('MicrosoftAppId');
  const microsoftAppPassword = r.string('MicrosoftAppPassword');
  const microsoftAppType = r.oneOf(
    'MicrosoftAppType',
    ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'],
    'MultiTenant',
  );
  const microsoftAppTenantId = r.string('MicrosoftAppTenantId');
  const localMode = microsoftAppId === '';

  if (!localMode && microsoftAppType !== 'UserAssignedMSI' && microsoftAppPassword === '') {
    r.problems.push(
      'MicrosoftAppPassword is required when MicrosoftAppId is set (unless MicrosoftAppType=UserAssignedMSI).',
    );
  }
  if (!localMode && microsoftAppType === 'SingleTenant' && microsoftAppTenantId === '') {
    r.problems.push('MicrosoftAppTenantId is required when MicrosoftAppType=SingleTenant.');
  }
  if (localMode && microsoftAppPassword !== '') {
    r.problems.push(
      'MicrosoftAppPassword is set but MicrosoftAppId is empty: set both, or neither for local mode.',
    );
  }

  const config: AppConfig = {
    port: r.integer('PORT', 3978, 0, 65535),
    host: r.string('HOST', localMode ? '127.0.0.1' : '0.0.0.0'),
    microsoftAppId,
    microsoftAppPassword,
    microsoftAppType,
    microsoftAppTenantId,
    storage: r.oneOf('STORAGE', ['sqlite', 'memory'], 'sqlite'),
    dataDir: path.resolve(cwd, r.string('DATA_DIR', './data')),
    logLevel: r.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    maxBodyBytes: r.integer('MAX_BODY_BYTES', 4 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    maxPasteChars: r.integer('MAX_PASTE_CHARS', 256 * 1024, 1024, 16 * 1024 * 1024),
    maxFileBytes: r.integer('MAX_FILE_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    defaultLocale: r.oneOf('DEFAULT_LOCALE', ['en', 'zh-TW'], 'en'),
    supportContact: r.string('SUPPORT_CONTACT'),
    dnsServers: r.list(
      'DNS_SERVERS',
      isDnsServer,
      'must be IP addresses, optionally with a port (203.0.113.53:53).',
    ),
    dnsTimeoutMs: r.integer('DNS_TIMEOUT_MS', 2000, 100, 30_000),
    checksDeadlineMs: r.integer('CHECKS_DEADLINE_MS', 4000, 500, 60_000),
    blocklists: r.list(
      'BLOCKLISTS',
      (id) => /^[a-z0-9-]{1,40}$/.test(id),
      'must be blocklist ids such as spamhaus-zen.',
    ),
    followUpDelayMinutes: r.integer('FOLLOWUP_DELAY_MINUTES', 24 * 60, 1, 60 * 24 * 30),
    followUpIntervalSeconds: r.integer('FOLLOWUP_INTERVAL_SECONDS', 60, 1, 3600),
    directLineSecret: r.string('DIRECT_LINE_SECRET'),
    directLineEndpoint: r
      .string('DIRECT_LINE_ENDPOINT', 'https://directline.botframework.com')
      .replace(/\/+$/, ''),
    trustedOrigins: r.list('TRUSTED_ORIGINS', isOrigin, 'must be origins such as https://www.contoso.com.'),
    tokenRateLimitPerMinute: r.integer('TOKEN_RATE_LIMIT_PER_MINUTE', 10, 1, 10_000),
  };
  if (!/^https?:\/\/[^\s/]+/.test(config.directLineEndpoint)) {
    r.problems.push(`DIRECT_LINE_ENDPOINT="${config.directLineEndpoint}" must be an http(s) URL.`);
  }
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}

/** "203.0.113.53", "203.0.113.53:5353", "2001:db8::53" or "[2001:db8::53]:5353". */
export function isDnsServer(value: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(value);
  if (bracketed) return isIP(bracketed[1]) === 6 && validPort(bracketed[2]);
  if (isIP(value) !== 0) return true;
  const withPort = /^([\d.]+):(\d{1,5})$/.exec(value);
  return withPort !== null && isIP(withPort[1]) === 4 && validPort(withPort[2]);
}

function validPort(port: string | undefined): boolean {
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
}

export function isLocalMode(config: AppConfig): boolean {
  return config.microsoftAppId === '';
}

const redact = (value: string): string => (value === '' ? '(not set)' : `(set, ${value.length} chars)`);

/** Safe to log: secrets are reduced to "set / not set". `satisfies` makes a new field a compile error until it is decided here. */
export function summarizeConfig(config: AppConfig): Record<keyof AppConfig, string | number> {
  return {
    port: config.port,
    host: config.host,
    microsoftAppId: config.microsoftAppId || '(not set: local mode, no channel authentication)',
    microsoftAppPassword: redact(config.microsoftAppPassword),
    microsoftAppType: config.microsoftAppType,
    microsoftAppTenantId: config.microsoftAppTenantId || '(not set)',
    storage: config.storage,
    dataDir: config.dataDir,
    logLevel: config.logLevel,
    maxBodyBytes: config.maxBodyBytes,
    maxPasteChars: config.maxPasteChars,
    maxFileBytes: config.maxFileBytes,
    defaultLocale: config.defaultLocale,
    supportContact: config.supportContact || '(not set)',
    dnsServers: config.dnsServers.join(', ') || '(system resolvers)',
    dnsTimeoutMs: config.dnsTimeoutMs,
    checksDeadlineMs: config.checksDeadlineMs,
    blocklists: config.blocklists.join(', ') || '(default set)',
    followUpDelayMinutes: config.followUpDelayMinutes,
    followUpIntervalSeconds: config.followUpIntervalSeconds,
    directLineSecret: redact(config.directLineSecret),
    directLineEndpoint: config.directLineEndpoint,
    trustedOrigins: config.trustedOrigins.join(', ') || '(none)',
    tokenRateLimitPerMinute: config.tokenRateLimitPerMinute,
  } satisfies Record<keyof AppConfig, string | number>;
}

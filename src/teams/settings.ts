import { GUID_PATTERN, defaultTeamsAppId } from './appId';

/**
 * Environment variables read when packaging the Teams app (all optional; documented in manifest/README.md):
 *   MicrosoftAppId / TEAMS_BOT_ID   bot id (Azure Bot registration). Missing → all-zero GUID, validation only.
 *   TEAMS_APP_ID                    Teams app id. Default: uuid v5 of the bot id (see appId.ts).
 *   TEAMS_VALID_DOMAIN              a domain for validDomains, e.g. bot.example.org. Default: none.
 *   TEAMS_DEVELOPER_WEBSITE_URL, TEAMS_PRIVACY_URL, TEAMS_TERMS_OF_USE_URL   developer links.
 */
export const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

export const DEFAULT_URLS = {
  DEVELOPER_WEBSITE_URL: 'https://example.com/sender-support-bot',
  PRIVACY_URL: 'https://example.com/sender-support-bot/privacy',
  TERMS_OF_USE_URL: 'https://example.com/sender-support-bot/terms',
} as const;

const URL_ENV: Record<keyof typeof DEFAULT_URLS, string> = {
  DEVELOPER_WEBSITE_URL: 'TEAMS_DEVELOPER_WEBSITE_URL',
  PRIVACY_URL: 'TEAMS_PRIVACY_URL',
  TERMS_OF_USE_URL: 'TEAMS_TERMS_OF_USE_URL',
};

export interface TeamsPackageSettings {
  /** Placeholder name (without `${{ }}`) → value, ready for renderManifest. */
  values: Record<string, string>;
  /** True when no bot id was configured: the package only passes validation and cannot reach a bot. */
  validationOnly: boolean;
  /** Things the person packaging should know, e.g. placeholder URLs still in use. */
  warnings: string[];
}

type Env = Readonly<Record<string, string | undefined>>;

function guid(name: string, raw: string): string {
  if (!GUID_PATTERN.test(raw))
    throw new Error(`${name}="${raw}" is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).`);
  return raw.toLowerCase();
}

/** validDomains holds host names; people often paste the messaging endpoint URL instead. */
function domain(raw: string): string {
  const host = raw.includes('://') ? new URL(raw).host : raw;
  if (!/^(\*\.)?[A-Za-z0-9.-]+(:\d+)?$/.test(host)) {
    throw new Error(`TEAMS_VALID_DOMAIN="${raw}" must be a host name such as bot.example.org.`);
  }
  return host.toLowerCase();
}

export function teamsPackageSettings(env: Env, appVersion: string): TeamsPackageSettings {
  const read = (name: string): string => (env[name] ?? '').trim();
  const warnings: string[] = [];

  const appId = read('MicrosoftAppId');
  const teamsBotId = read('TEAMS_BOT_ID');
  // Teams delivers messages to botId while the server authenticates as MicrosoftAppId: they must agree.
  if (appId && teamsBotId && appId.toLowerCase() !== teamsBotId.toLowerCase()) {
    throw new Error(`MicrosoftAppId (${appId}) and TEAMS_BOT_ID (${teamsBotId}) differ; set only one.`);
  }
  const configuredBot = appId || teamsBotId;
  const validationOnly = configuredBot === '';
  const botId = validationOnly ? ZERO_GUID : guid(appId ? 'MicrosoftAppId' : 'TEAMS_BOT_ID', configuredBot);
  if (validationOnly) {
    warnings.push(
      `No bot id configured (MicrosoftAppId or TEAMS_BOT_ID): using ${ZERO_GUID}. ` +
        'This package is for validation only and cannot be used to chat with the bot.',
    );
  }

  const teamsAppId = read('TEAMS_APP_ID');
  const values: Record<string, string> = {
    BOT_ID: botId,
    APP_ID: teamsAppId ? guid('TEAMS_APP_ID', teamsAppId) : defaultTeamsAppId(botId),
    APP_VERSION: appVersion,
    BOT_DOMAIN: read('TEAMS_VALID_DOMAIN') ? domain(read('TEAMS_VALID_DOMAIN')) : '',
  };
  for (const [key, fallback] of Object.entries(DEFAULT_URLS) as [keyof typeof DEFAULT_URLS, string][]) {
    const url = read(URL_ENV[key]);
    if (url && !/^https:\/\//i.test(url))
      throw new Error(`${URL_ENV[key]}="${url}" must be an https:// URL.`);
    values[key] = url || fallback;
    if (!url) warnings.push(`${URL_ENV[key]} not set: using ${fallback} (replace before publishing).`);
  }
  if (!/^\d+\.\d+\.\d+$/.test(appVersion)) {
    // Teams admin centre and the store accept only MAJOR.MINOR.PATCH.
    throw new Error(`package.json version "${appVersion}" must be MAJOR.MINOR.PATCH for a Teams app.`);
  }
  return { values, validationOnly, warnings };
}

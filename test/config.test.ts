import { expect } from 'chai';
import path from 'node:path';
import { ConfigError, isLocalMode, loadConfig, summarizeConfig } from '../src/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('runs with no settings at all: local mode on loopback, SQLite under ./data', () => {
    const config = loadConfig({}, '/srv/bot');
    expect(config.port).to.equal(3978);
    expect(config.host).to.equal('127.0.0.1');
    expect(isLocalMode(config)).to.equal(true);
    expect(config.storage).to.equal('sqlite');
    expect(config.dataDir).to.equal(path.resolve('/srv/bot', 'data'));
    expect(config.maxPasteChars).to.equal(256 * 1024);
    expect(config.defaultLocale).to.equal('en');
  });

  it('binds to every interface once channel authentication is configured', () => {
    const config = loadConfig({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret' });
    expect(isLocalMode(config)).to.equal(false);
    expect(config.host).to.equal('0.0.0.0');
  });

  const BAD: [string, Record<string, string>, string][] = [
    ['a port that is not a number', { PORT: 'abc' }, 'PORT="abc" must be a whole number from 0 to 65535.'],
    ['a port out of range', { PORT: '70000' }, 'PORT="70000" must be a whole number from 0 to 65535.'],
    ['an unknown storage', { STORAGE: 'mongo' }, 'STORAGE="mongo" must be one of: sqlite, memory.'],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL="loud" must be one of'],
    [
      'an unsupported default locale',
      { DEFAULT_LOCALE: 'fr' },
      'DEFAULT_LOCALE="fr" must be one of: en, zh-TW.',
    ],
    ['a paste limit below 1 KB', { MAX_PASTE_CHARS: '10' }, 'MAX_PASTE_CHARS="10" must be a whole number'],
    [
      'an app id without password',
      { MicrosoftAppId: 'x' },
      'MicrosoftAppPassword is required when MicrosoftAppId is set',
    ],
    [
      'a password without app id',
      { MicrosoftAppPassword: 'x' },
      'MicrosoftAppPassword is set but MicrosoftAppId is empty',
    ],
    [
      'single tenant without tenant id',
      { MicrosoftAppId: 'x', MicrosoftAppPassword: 'y', MicrosoftAppType: 'SingleTenant' },
      'MicrosoftAppTenantId is required when MicrosoftAppType=SingleTenant.',
    ],
  ];
  for (const [name, env, message] of BAD) {
    it(`stops on ${name}, naming the variable`, () => {
      const problems = problemsOf(env);
      expect(
        problems.some((p) => p.includes(message)),
        problems.join(' | '),
      ).to.equal(true);
    });
  }

  it('reports every problem at once', () => {
    expect(problemsOf({ PORT: 'x', STORAGE: 'y' })).to.have.length(2);
  });

  it('accepts values case-insensitively where that is harmless', () => {
    expect(loadConfig({ STORAGE: 'Memory', DEFAULT_LOCALE: 'ZH-tw' })).to.include({
      storage: 'memory',
      defaultLocale: 'zh-TW',
    });
  });

  it('never puts a secret in the summary', () => {
    const summary = summarizeConfig(
      loadConfig({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'very-secret-value' }),
    );
    expect(JSON.stringify(summary)).not.to.contain('very-secret-value');
    expect(summary.microsoftAppPassword).to.equal('(set, 17 chars)');
    expect(summary.microsoftAppId).to.equal('app-id');
  });
});

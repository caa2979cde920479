import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { CommandRecognizer } from '../../src/bot/commands';
import { createLocalizer } from '../../src/i18n/localizer';
import { defaultTeamsAppId } from '../../src/teams/appId';
import { drawColorIcon, drawOutlineIcon } from '../../src/teams/icons';
import { ManifestPlaceholderError, renderManifest, type Json } from '../../src/teams/manifest';
import { buildTeamsPackage, DEFAULT_MANIFEST_DIR } from '../../src/teams/package';
import { bundledSchemaPath, validateAgainstBundledSchema } from '../../src/teams/schema';
import { teamsPackageSettings, ZERO_GUID } from '../../src/teams/settings';
import { readZip } from './unzip';

const BOT_ID = '3f2a9c1e-7b4d-4e21-9a6f-0c5d8e7b1a24';
const SCOPES = ['personal', 'team', 'groupChat'];

interface Command {
  title: string;
  description?: string;
}
interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  version: string;
  bots: {
    botId: string;
    scopes: string[];
    supportsFiles?: boolean;
    isNotificationOnly?: boolean;
    commandLists: { scopes: string[]; commands: Command[] }[];
  }[];
  localizationInfo: {
    defaultLanguageTag: string;
    additionalLanguages: { languageTag: string; file: string }[];
  };
  validDomains?: string[];
}

/** chai 4 has no promise assertions without a plugin; this keeps each rejection check awaited. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

function parse(file: Buffer | undefined): Json {
  return JSON.parse(file?.toString('utf8') ?? 'null') as Json;
}

function pixels(png: PNG): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < png.data.length; i += 4) out.push([...png.data.subarray(i, i + 4)]);
  return out;
}

describe('Teams app package', () => {
  let tmp: string;
  let files: Map<string, Buffer>;
  let manifest: Manifest;
  let zhTw: Record<string, string>;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-package-'));
    const { values } = teamsPackageSettings(
      { MicrosoftAppId: BOT_ID, TEAMS_VALID_DOMAIN: 'bot.example.org' },
      '1.2.3',
    );
    const zip = await buildTeamsPackage({ values, outFile: path.join(tmp, 'out', 'app.zip') });
    files = await readZip(zip);
    manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as Manifest;
    zhTw = JSON.parse(files.get('zh-tw.json')?.toString('utf8') ?? '{}') as Record<string, string>;
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('holds exactly manifest.json, zh-tw.json and the two icons at the root', () => {
    expect([...files.keys()].sort()).to.deep.equal([
      'color.png',
      'manifest.json',
      'outline.png',
      'zh-tw.json',
    ]);
  });

  it('manifest.json is valid against the bundled Teams schema of its version (offline)', () => {
    expect(manifest.$schema).to.equal(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(Number(manifest.manifestVersion)).to.be.at.least(1.19);
    expect(fs.existsSync(bundledSchemaPath(manifest.$schema))).to.equal(true);
    const errors = validateAgainstBundledSchema(parse(files.get('manifest.json')));
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });

  it('zh-tw.json is valid against the bundled localization schema of the same version', () => {
    expect(zhTw.$schema).to.equal(
      manifest.$schema.replace('MicrosoftTeams.schema', 'MicrosoftTeams.Localization.schema'),
    );
    const errors = validateAgainstBundledSchema(parse(files.get('zh-tw.json')));
    expect(errors, errors.join('\n')).to.deep.equal([]);
    expect(manifest.localizationInfo).to.deep.equal({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [{ languageTag: 'zh-tw', file: 'zh-tw.json' }],
    });
  });

  it('the schema check reports a broken manifest, so a pass means something', () => {
    const broken = parse(files.get('manifest.json')) as { [key: string]: Json };
    delete broken.developer;
    const [bot] = broken.bots as { [key: string]: Json }[];
    bot.botId = 'not-a-guid';
    (bot.scopes as Json[]).push('channel');
    const errors = validateAgainstBundledSchema(broken);
    expect(errors.join('\n'))
      .to.match(/developer/)
      .and.match(/botId/)
      .and.match(/scopes/);
  });

  it('fills the placeholders from the configured values', () => {
    expect(files.get('manifest.json')?.toString()).not.to.include('${{');
    expect(manifest.bots).to.have.length(1);
    expect(manifest.bots[0].botId).to.equal(BOT_ID);
    expect(manifest.id).to.equal(defaultTeamsAppId(BOT_ID));
    expect(manifest.version).to.equal('1.2.3');
    expect(manifest.validDomains).to.deep.equal(['bot.example.org']);
  });

  it('offers the bot in personal, team and group chat, with file upload, and a command list per scope', () => {
    const [bot] = manifest.bots;
    expect(bot.scopes).to.include.members(SCOPES);
    expect(bot.supportsFiles).to.equal(true);
    expect(bot.isNotificationOnly).to.equal(false);
    expect(bot.commandLists.flatMap((list) => list.scopes).sort()).to.deep.equal([...SCOPES].sort());
    for (const list of bot.commandLists) {
      expect(list.commands.map((c) => c.title)).to.include.members(['help', 'cancel', 'agent']);
    }
  });

  it('translates every command title and description into zh-TW', () => {
    manifest.bots[0].commandLists.forEach((list, i) =>
      list.commands.forEach((command, j) => {
        const key = `bots[0].commandLists[${i}].commands[${j}]`;
        expect(zhTw[`${key}.title`], `${key}.title`).to.be.a('string').and.not.equal(command.title);
        expect(zhTw[`${key}.description`], `${key}.description`).to.be.a('string').and.not.equal('');
      }),
    );
    for (const key of ['name.short', 'name.full', 'description.short', 'description.full']) {
      expect(zhTw[key], key).to.be.a('string').and.not.equal('');
    }
  });

  it('uses Traditional, not Simplified, characters in zh-tw.json', () => {
    const simplified = /[们这说请帮诊断邮发关删单简体对话员检设过语换开还时应义级题项错误网络认证]/u;
    const text = files.get('zh-tw.json')?.toString() ?? '';
    expect(text.match(simplified), 'a Simplified Chinese character').to.equal(null);
  });

  it('every command title, in either language, is one the bot recognises when Teams sends it as text', () => {
    const recognizer = new CommandRecognizer(createLocalizer());
    const titles = manifest.bots[0].commandLists.flatMap((list, i) =>
      list.commands.flatMap((command, j) => [
        command.title,
        zhTw[`bots[0].commandLists[${i}].commands[${j}].title`],
      ]),
    );
    for (const title of titles) {
      expect(recognizer.command(title) ?? recognizer.menuChoice(title), title).to.not.equal(undefined);
    }
  });

  it('has a 192×192 colour icon and a 32×32 white-on-transparent outline icon', () => {
    const color = PNG.sync.read(files.get('color.png') ?? Buffer.alloc(0));
    const outline = PNG.sync.read(files.get('outline.png') ?? Buffer.alloc(0));
    expect([color.width, color.height]).to.deep.equal([192, 192]);
    expect([outline.width, outline.height]).to.deep.equal([32, 32]);
    const outlinePixels = pixels(outline);
    const offending = outlinePixels.findIndex(
      ([r, g, b, a]) => a !== 0 && !(r === 255 && g === 255 && b === 255 && a === 255),
    );
    expect(offending, `pixel ${offending} is neither white nor fully transparent`).to.equal(-1);
    expect(outlinePixels.filter(([, , , a]) => a === 255).length).to.be.greaterThan(100);
  });

  it('the committed icons are what scripts/makeIcons.ts draws', () => {
    for (const [file, drawn] of [
      ['color.png', drawColorIcon()],
      ['outline.png', drawOutlineIcon()],
    ] as const) {
      const committed = PNG.sync.read(fs.readFileSync(path.join(DEFAULT_MANIFEST_DIR, file)));
      expect(Buffer.compare(committed.data, drawn.data), `${file} is stale: run scripts/makeIcons`).to.equal(
        0,
      );
    }
  });

  it('a missing placeholder value fails with a clear error naming it', async () => {
    const { values } = teamsPackageSettings({ MicrosoftAppId: BOT_ID }, '1.2.3');
    const partial: Record<string, string> = { ...values };
    delete partial.BOT_ID;
    const error = await rejection(
      buildTeamsPackage({ values: partial, outFile: path.join(tmp, 'missing.zip') }),
    );
    expect(error).to.be.instanceOf(ManifestPlaceholderError);
    expect(error.message).to.include('${{BOT_ID}}').and.include('manifest.template.json');
    expect(fs.existsSync(path.join(tmp, 'missing.zip'))).to.equal(false);
    expect(() => renderManifest('{"a":"${{X}}","b":["${{Y}}"]}', {})).to.throw(/\$\{\{X\}\}, \$\{\{Y\}\}/);
  });

  it('an empty optional value drops its array item and values are JSON-escaped', () => {
    expect(
      renderManifest('{"d":["${{D}}"],"s":"${{S}}"}', { D: '', S: 'a "quoted" \\ value' }),
    ).to.deep.equal({
      d: [],
      s: 'a "quoted" \\ value',
    });
  });

  it('a schema-invalid value stops the build before a zip is written', async () => {
    const { values } = teamsPackageSettings({ MicrosoftAppId: BOT_ID }, '1.2.3');
    const outFile = path.join(tmp, 'invalid.zip');
    const error = await rejection(
      buildTeamsPackage({
        values: { ...values, BOT_ID: 'xyz' },
        outFile,
        validate: validateAgainstBundledSchema,
      }),
    );
    expect(error.message).to.match(/manifest\.json: \/bots\/0\/botId/);
    expect(fs.existsSync(outFile)).to.equal(false);
  });
});

describe('Teams package settings', () => {
  it('without a bot id uses the all-zero GUID and says the package is for validation only', () => {
    const settings = teamsPackageSettings({}, '0.1.0');
    expect(settings.values.BOT_ID).to.equal(ZERO_GUID);
    expect(settings.validationOnly).to.equal(true);
    expect(settings.warnings.join('\n')).to.match(/validation only/);
    expect(settings.values.BOT_DOMAIN).to.equal('');
  });

  it('derives a stable uuid-v5 app id from the bot id unless TEAMS_APP_ID is set', () => {
    const a = teamsPackageSettings({ TEAMS_BOT_ID: BOT_ID.toUpperCase() }, '0.1.0').values.APP_ID;
    expect(a).to.equal(teamsPackageSettings({ MicrosoftAppId: BOT_ID }, '0.1.0').values.APP_ID);
    expect(a).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.to.equal(defaultTeamsAppId(ZERO_GUID));
    const fixed = '0a1b2c3d-0000-4000-8000-000000000001';
    expect(
      teamsPackageSettings({ MicrosoftAppId: BOT_ID, TEAMS_APP_ID: fixed }, '0.1.0').values.APP_ID,
    ).to.equal(fixed);
  });

  it('rejects a malformed or conflicting bot id, and a domain given as a URL keeps only its host', () => {
    expect(() => teamsPackageSettings({ MicrosoftAppId: 'abc' }, '0.1.0')).to.throw(/MicrosoftAppId="abc"/);
    expect(() =>
      teamsPackageSettings({ MicrosoftAppId: BOT_ID, TEAMS_BOT_ID: ZERO_GUID.replace(/0$/, '1') }, '0.1.0'),
    ).to.throw(/differ/);
    const settings = teamsPackageSettings(
      { MicrosoftAppId: BOT_ID, TEAMS_VALID_DOMAIN: 'https://Bot.Example.org/api/messages' },
      '0.1.0',
    );
    expect(settings.values.BOT_DOMAIN).to.equal('bot.example.org');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { ZipFile } from 'yazl';
import { renderManifest, type Json } from './manifest';

export const PACKAGE_FILE_NAME = 'sender-support-bot-teams.zip';
export const DEFAULT_MANIFEST_DIR = path.resolve(__dirname, '..', '..', '..', 'manifest');

/** The files Teams expects at the root of the app package, with their source under manifest/. */
const ICONS = ['color.png', 'outline.png'] as const;
const LOCALIZATION_FILES = ['zh-tw.json'] as const;

// A fixed timestamp makes two builds of the same inputs byte-identical, so package diffs mean real changes.
const FIXED_MTIME = new Date('2020-01-01T00:00:00Z');

export interface TeamsPackageOptions {
  /** Placeholder values for the template, e.g. from teamsPackageSettings(). */
  values: Readonly<Record<string, string>>;
  /** Where the zip is written; its folder is created. */
  outFile: string;
  /** Folder with manifest.template.json, the localization files and the icons. Default: the repo's manifest/. */
  manifestDir?: string;
  /** Checked before anything is written, e.g. validateAgainstBundledSchema; returns error lines. */
  validate?: (document: Json, fileName: string) => string[];
}

export interface TeamsPackageEntry {
  name: string;
  data: Buffer;
}

/** The zip's contents (manifest.json rendered from the template), in a stable order. */
export function teamsPackageEntries(options: Omit<TeamsPackageOptions, 'outFile'>): TeamsPackageEntry[] {
  const dir = options.manifestDir ?? DEFAULT_MANIFEST_DIR;
  const render = (source: string): Json =>
    renderManifest(fs.readFileSync(path.join(dir, source), 'utf8'), options.values, source);
  const documents: [string, Json][] = [
    ['manifest.json', render('manifest.template.json')],
    ...LOCALIZATION_FILES.map((file): [string, Json] => [file, render(file)]),
  ];

  const problems = documents.flatMap(([name, document]) =>
    (options.validate?.(document, name) ?? []).map((line) => `${name}: ${line}`),
  );
  if (problems.length > 0) throw new Error(`Teams app package is invalid:\n  ${problems.join('\n  ')}`);

  return [
    ...documents.map(([name, document]) => ({
      name,
      data: Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8'),
    })),
    ...ICONS.map((name) => ({ name, data: fs.readFileSync(path.join(dir, name)) })),
  ];
}

/** Writes the Teams app package (manifest.json, zh-tw.json and both icons at the zip root); returns its path. */
export async function buildTeamsPackage(options: TeamsPackageOptions): Promise<string> {
  const entries = teamsPackageEntries(options);
  const outFile = path.resolve(options.outFile);
  await fs.promises.mkdir(path.dirname(outFile), { recursive: true });

  const zip = new ZipFile();
  for (const { name, data } of entries) zip.addBuffer(data, name, { mtime: FIXED_MTIME, mode: 0o100644 });
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(outFile);
    out.on('close', resolve);
    out.on('error', reject);
    zip.outputStream.on('error', reject).pipe(out);
    zip.end();
  });
  return outFile;
}

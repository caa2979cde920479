import 'dotenv/config';
import fs from 'node:fs';
import path from 'node:path';
import { buildTeamsPackage, PACKAGE_FILE_NAME } from '../src/teams/package';
import { validateAgainstBundledSchema } from '../src/teams/schema';
import { teamsPackageSettings } from '../src/teams/settings';

/** `npm run package:teams`: builds build/teams/sender-support-bot-teams.zip for upload to Teams. */
const root = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  // Read at run time rather than imported, so tsc does not copy package.json into build/.
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const settings = teamsPackageSettings(process.env, version);
  for (const warning of settings.warnings) console.warn(`WARNING: ${warning}`);

  const outFile = await buildTeamsPackage({
    values: settings.values,
    outFile: path.join(root, 'build', 'teams', PACKAGE_FILE_NAME),
    validate: validateAgainstBundledSchema,
  });
  console.log(`Teams app package: ${path.relative(process.cwd(), outFile)}`);
  console.log(`  bot id ${settings.values.BOT_ID}, app id ${settings.values.APP_ID}, version ${version}`);
  if (settings.validationOnly)
    console.warn('WARNING: validation-only package (no bot id); do not upload it.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

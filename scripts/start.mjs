#!/usr/bin/env node
// `npm start`: runs the compiled bot, compiling first only when a source file is newer than the build,
// so a fresh `npm install && npm start` (install already compiled) is up in about a second.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'build', 'src', 'index.js');

function newestSource(dir) {
  let newest = 0;
  for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (item.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const builtAt = fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0;
const sourcesAt = Math.max(newestSource(path.join(root, 'src')), newestSource(path.join(root, 'dialogs')));
if (sourcesAt > builtAt) {
  console.log('Compiling the bot (sources changed since the last build)…');
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.app.json')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // tsc leaves an unchanged file's output alone; mark the build as current.
  const now = new Date();
  fs.utimesSync(entry, now, now);
}
// The compiled bot is CommonJS.
createRequire(import.meta.url)(entry);

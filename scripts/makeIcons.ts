import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { drawColorIcon, drawOutlineIcon } from '../src/teams/icons';

/** Regenerates manifest/color.png and manifest/outline.png (committed) from src/teams/icons.ts. */
const manifestDir = path.resolve(__dirname, '..', '..', 'manifest');

for (const [file, png] of [
  ['color.png', drawColorIcon()],
  ['outline.png', drawOutlineIcon()],
] as const) {
  const target = path.join(manifestDir, file);
  fs.writeFileSync(target, PNG.sync.write(png, { colorType: 6 }));
  console.log(`wrote ${path.relative(process.cwd(), target)} (${png.width}×${png.height})`);
}

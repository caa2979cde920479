/**
 * NDR parser benchmark: throughput on the corpus (text pastes and .eml files measured separately), worst-case
 * time on 1 MB adversarial inputs against the 100 ms target, and peak memory. Run with `npm run bench:ndr`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { parseNdrFile, parseNdrPaste } from '../src/diagnosis/parseFile';
import { parseNdrHtml } from '../src/diagnosis/parseHtml';
import { bodyOf } from '../src/diagnosis/parseEml';
import { parseNdrText } from '../src/diagnosis/parseText';
import { ADVERSARIAL_INPUTS } from '../test/diagnosis/adversarial';

const CORPUS_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const TARGET_SECONDS = 2;
const ADVERSARIAL_TARGET_MS = 100;
const ADVERSARIAL_RUNS = 3;

const peak = { rss: 0, heapUsed: 0 };
function sampleMemory(): void {
  const usage = process.memoryUsage();
  peak.rss = Math.max(peak.rss, usage.rss);
  peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Repeats whole passes over the inputs until about TARGET_SECONDS have elapsed. */
async function throughput<T>(
  inputs: T[],
  run: (input: T) => unknown,
): Promise<{ messages: number; perSecond: number }> {
  let messages = 0;
  const started = performance.now();
  while (performance.now() - started < TARGET_SECONDS * 1000) {
    for (const input of inputs) await run(input);
    messages += inputs.length;
    sampleMemory();
  }
  return { messages, perSecond: messages / ((performance.now() - started) / 1000) };
}

function worstMs(run: () => unknown): number {
  let worst = 0;
  for (let attempt = 0; attempt < ADVERSARIAL_RUNS; attempt += 1) {
    const started = performance.now();
    run();
    worst = Math.max(worst, performance.now() - started);
    sampleMemory();
  }
  return worst;
}

async function main(): Promise<void> {
  const quotedDir = path.join(CORPUS_DIR, 'quoted');
  const sisimaiDir = path.join(CORPUS_DIR, 'sisimai');
  const emlFiles = fs.readdirSync(sisimaiDir).filter((name) => name.endsWith('.eml'));
  const emls = emlFiles.map((name) => ({ name, bytes: fs.readFileSync(path.join(sisimaiDir, name)) }));
  const quoted = fs.readdirSync(quotedDir).filter((name) => name.endsWith('.txt'));
  const pastes = [
    ...quoted.map((name) => fs.readFileSync(path.join(quotedDir, name), 'utf8')),
    ...(await Promise.all(emls.map(async ({ bytes }) => bodyOf(await simpleParser(bytes))))),
  ];

  parseNdrText(pastes[0]); // warm-up
  const text = await throughput(pastes, (paste) =>
    parseNdrPaste(paste, { maxChars: Number.MAX_SAFE_INTEGER }),
  );
  const files = await throughput(emls, ({ name, bytes }) => parseNdrFile(name, bytes));

  console.log('\nNDR parser benchmark');
  console.log(
    `node ${process.version}, ${pastes.length} text pastes (${quoted.length} quoted + ${emls.length} decoded bodies), ${emls.length} .eml files\n`,
  );
  console.log('| workload      | messages parsed | messages/s |');
  console.log('|---------------|----------------:|-----------:|');
  console.log(
    `| text pastes   | ${String(text.messages).padStart(15)} | ${text.perSecond.toFixed(0).padStart(10)} |`,
  );
  console.log(
    `| .eml files    | ${String(files.messages).padStart(15)} | ${files.perSecond.toFixed(0).padStart(10)} |`,
  );

  console.log(
    `\nAdversarial 1 MB inputs (worst of ${ADVERSARIAL_RUNS} runs, target ${ADVERSARIAL_TARGET_MS} ms)\n`,
  );
  console.log('| input                          | parseNdrText ms | parseNdrHtml ms | within target |');
  console.log('|--------------------------------|----------------:|----------------:|:-------------:|');
  let worst = { name: '', ms: 0 };
  for (const [name, build] of ADVERSARIAL_INPUTS) {
    const input = build();
    const textMs = worstMs(() => parseNdrText(input));
    const htmlMs = worstMs(() => parseNdrHtml(input));
    const max = Math.max(textMs, htmlMs);
    if (max > worst.ms) worst = { name, ms: max };
    const ok = max <= ADVERSARIAL_TARGET_MS ? 'yes' : 'NO';
    console.log(
      `| ${name.padEnd(30)} | ${textMs.toFixed(1).padStart(15)} | ${htmlMs.toFixed(1).padStart(15)} | ${ok.padStart(7).padEnd(13)} |`,
    );
  }
  console.log(`\nmax: ${worst.ms.toFixed(1)} ms (${worst.name}) vs target ${ADVERSARIAL_TARGET_MS} ms`);
  console.log(`peak memory (sampled): rss ${mb(peak.rss)}, heapUsed ${mb(peak.heapUsed)}\n`);
}

void main();

import { expect } from 'chai';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { parseNdrFile, parseNdrPaste } from '../../src/diagnosis/parseFile';
import { parseNdrHtml } from '../../src/diagnosis/parseHtml';
import { parseNdrText } from '../../src/diagnosis/parseText';
import type { ParsedMessage } from '../../src/diagnosis/types';
import { CORPUS_DIR } from '../helpers/paths';
import { ADVERSARIAL_INPUTS } from './adversarial';

const KINDS = ['ndr', 'delay', 'auto-reply', 'complaint', 'not-an-ndr'];
const PRODUCERS = ['exchange-online', 'outlook-com', 'exchange-onprem', 'other-mta', 'unknown'];

function expectWellFormed(message: ParsedMessage): void {
  expect(KINDS).to.include(message.kind);
  expect(message.recipients).to.be.an('array');
  if (message.kind !== 'ndr' && message.kind !== 'delay') expect(message.recipients).to.have.length(0);
  for (const recipient of message.recipients) {
    expect(recipient.diagnostic).to.be.a('string');
    expect(recipient.diagnostic).to.not.match(/\n/);
    expect(PRODUCERS).to.include(recipient.producer);
    expect(recipient.asTags).to.be.an('array');
    expect(recipient.sTags).to.be.an('array');
    if (recipient.status !== undefined) expect(recipient.status).to.match(/^[245]\.[0-7]\.\d{1,3}$/);
  }
}

const corpusTexts: string[] = [
  ...fs
    .readdirSync(path.join(CORPUS_DIR, 'quoted'))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => path.join(CORPUS_DIR, 'quoted', name)),
  ...[
    'rhost-microsoft-01.eml',
    'lhost-office365-06.eml',
    'lhost-exchange2003-02.eml',
    'lhost-outlook-04.eml',
  ].map((name) => path.join(CORPUS_DIR, 'sisimai', name)),
].map((file) => fs.readFileSync(file, 'latin1'));

/** Random edits of a real bounce: the shapes users produce when they copy half a message. */
const mutatedCorpusText = fc
  .tuple(
    fc.constantFrom(...corpusTexts),
    fc.array(
      fc.tuple(
        fc.constantFrom('insert', 'delete', 'duplicate', 'quote', 'crlf', 'lf', 'unicode'),
        fc.nat(),
        fc.nat(400),
        fc.string({ unit: 'grapheme', maxLength: 20 }),
      ),
      { maxLength: 6 },
    ),
  )
  .map(([text, edits]) =>
    edits.reduce((current, [edit, position, length, extra]) => {
      const at = current.length === 0 ? 0 : position % current.length;
      switch (edit) {
        case 'insert':
          return current.slice(0, at) + extra + current.slice(at);
        case 'delete':
          return current.slice(0, at) + current.slice(at + length);
        case 'duplicate':
          return current.slice(0, at + length) + current.slice(at, at + length) + current.slice(at + length);
        case 'quote':
          return current.replace(/^/gm, '> ');
        case 'crlf':
          return current.replace(/\r?\n/g, '\r\n');
        case 'lf':
          return current.replace(/\r\n/g, '\n');
        default:
          return current.slice(0, at) + '\u00a0傳遞失敗\u200b' + extra + current.slice(at);
      }
    }, text),
  );

describe('robustness', () => {
  it('parseNdrText never throws on random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) =>
        expectWellFormed(parseNdrText(text)),
      ),
      { numRuns: 300 },
    );
  });

  it('parseNdrText / parseNdrPaste / parseNdrHtml never throw on mutated corpus texts', () => {
    fc.assert(
      fc.property(mutatedCorpusText, (text) => {
        expectWellFormed(parseNdrText(text));
        expectWellFormed(parseNdrHtml(text));
        const pasted = parseNdrPaste(text);
        if (pasted.ok) expectWellFormed(pasted.message);
        else expect(['empty', 'too-large']).to.include(pasted.error);
      }),
      { numRuns: 150 },
    );
  });

  it('parseNdrFile never throws or rejects on random bytes and names', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('a.eml', 'a.msg', 'a.txt', 'a.html', 'a.pdf', 'noext', 'A.EML'),
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }),
          mutatedCorpusText.map((text) => new TextEncoder().encode(text)),
        ),
        async (name, bytes) => {
          const result = await parseNdrFile(name, Buffer.from(bytes));
          if (result.ok) expectWellFormed(result.message);
          else expect(['unsupported-type', 'too-large', 'unreadable', 'empty']).to.include(result.error);
        },
      ),
      { numRuns: 100 },
    );
  });

  describe('1 MB pathological inputs complete', () => {
    // A catastrophic-backtracking guard, not a speed target (the benchmark reports the real figures):
    // a super-linear regex would take minutes on these, a linear scan takes milliseconds.
    const GUARD_MS = 2000;
    for (const [name, build] of ADVERSARIAL_INPUTS) {
      it(name, () => {
        const input = build();
        const started = performance.now();
        expectWellFormed(parseNdrText(input));
        expectWellFormed(parseNdrHtml(input));
        expect(performance.now() - started).to.be.below(GUARD_MS);
      });
    }
  });
});

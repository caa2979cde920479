/**
 * Corpus check. Every expectation comes from shared/corpus/sisimai/EXPECTED.tsv, shared/corpus/quoted/SOURCES.tsv (or, for the one
 * documented deviation, from the raw message's own DSN "Status:" line read here with a plain regex), never from
 * parser output.
 */
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { parseEml } from '../../src/diagnosis/parseEml';
import { parseNdrPaste } from '../../src/diagnosis/parseFile';
import type { ParsedMessage } from '../../src/diagnosis/types';
import { CORPUS_DIR } from '../helpers/paths';

const SISIMAI_DIR = path.join(CORPUS_DIR, 'sisimai');
const QUOTED_DIR = path.join(CORPUS_DIR, 'quoted');

function readTsv(file: string): Record<string, string>[] {
  const [header, ...rows] = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const columns = header.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? '']));
  });
}

/** sisimai's 5.0.9xx statuses are its own pseudo-codes: the real Exchange 2003 / Hotmail text has no enhanced code. */
const isPseudoCode = (status: string): boolean => /^5\.0\.9\d\d$/.test(status);

/**
 * Rows where this parser deliberately differs from sisimai. lhost-exchange2007-05: the message's DSN says
 * "Status: 4.4.7" and the latest attempt is "550 4.4.7 QUEUE.Expired; message expired"; sisimai reports 4.4.1 from
 * an OLDER attempt ("441 4.4.1 ... Failed to connect") further down. We report the final reason (4.4.7, which is
 * also the code in Microsoft's NDR table) and assert the message's own Status field instead.
 */
const DOCUMENTED_DEVIATIONS = new Set(['lhost-exchange2007-05.eml']);

const tally = { matched: 0, compared: 0, deviations: [] as string[] };

async function parseCorpusEml(file: string): Promise<ParsedMessage> {
  return parseEml(fs.readFileSync(path.join(SISIMAI_DIR, file)));
}

describe('corpus: sisimai EXPECTED.tsv', () => {
  for (const row of readTsv(path.join(SISIMAI_DIR, 'EXPECTED.tsv'))) {
    const { file, status, notes } = row;
    if (file.startsWith('arf-')) {
      it(`${file} is a complaint`, async () =>
        expect((await parseCorpusEml(file)).kind).to.equal('complaint'));
      continue;
    }
    if (file.startsWith('rfc3834-')) {
      it(`${file} is an auto-reply`, async () =>
        expect((await parseCorpusEml(file)).kind).to.equal('auto-reply'));
      continue;
    }
    if (!status) continue;

    if (isPseudoCode(status)) {
      it(`${file}: sisimai pseudo-code ${status}, so no status is invented`, async () => {
        const parsed = await parseCorpusEml(file);
        expect(parsed.kind).to.equal('ndr');
        expect(parsed.recipients.length).to.be.greaterThan(0);
        for (const recipient of parsed.recipients) expect(recipient.status).to.equal(undefined);
        if (row.replycode) expect(parsed.recipients[0].replyCode).to.equal(Number(row.replycode));
        if (/SC-004/.test(notes)) expect(parsed.recipients[0].sTags).to.include('SC-004');
        if (/Exchange 2003/i.test(notes)) {
          // The real text says "The recipient name is not recognized" / "Recipient Not Found" with an MSEXCH id.
          expect(parsed.recipients[0].producer).to.equal('exchange-onprem');
          expect(parsed.recipients[0].diagnostic).to.match(/not recognized|not found/i);
        }
        if (/2 recipients/.test(notes)) expect(parsed.recipients).to.have.length(2);
      });
      continue;
    }

    it(`${file}: first recipient status ${status}`, async () => {
      const parsed = await parseCorpusEml(file);
      const first = parsed.recipients[0];
      expect(first, 'a failed recipient').to.not.equal(undefined);
      if (DOCUMENTED_DEVIATIONS.has(file)) {
        const raw = fs.readFileSync(path.join(SISIMAI_DIR, file), 'latin1');
        const ownStatus = /^Status:\s*([245]\.\d+\.\d+)/m.exec(raw)?.[1];
        expect(first.status).to.equal(ownStatus);
        expect(first.status?.charAt(0)).to.equal(status.charAt(0));
        tally.deviations.push(`${file}: TSV ${status}, message Status ${ownStatus}`);
        return;
      }
      tally.compared += 1;
      expect(first.status).to.equal(status);
      if (row.replycode) expect(first.replyCode).to.equal(Number(row.replycode));
      const second = /2nd recipient: ([245]\.\d+\.\d+)/.exec(notes)?.[1];
      if (second) expect(parsed.recipients[1]?.status).to.equal(second);
      tally.matched += 1;
    });
  }
});

describe('corpus: quoted SOURCES.tsv', () => {
  for (const row of readTsv(path.join(QUOTED_DIR, 'SOURCES.tsv'))) {
    const { file, expected_code: expectedCode } = row;
    const inferred = /inferred/i.test(expectedCode);
    const codes = expectedCode.match(/[245]\.\d+\.\d+/g) ?? [];
    it(`${file}: ${expectedCode}`, () => {
      const result = parseNdrPaste(fs.readFileSync(path.join(QUOTED_DIR, file), 'utf8'));
      expect(result.ok).to.equal(true);
      if (!result.ok) return;
      expect(result.message.kind).to.equal('ndr');
      const statuses = result.message.recipients.map((recipient) => recipient.status);
      if (inferred) {
        // The quote never shows a code; the only acceptable statuses are "none" or the inferred one.
        for (const status of statuses) expect([undefined, ...codes]).to.include(status);
        return;
      }
      tally.compared += 1;
      for (const code of codes) expect(statuses).to.include(code);
      tally.matched += 1;
    });
  }
});

after(() => {
  console.log(`corpus: ${tally.matched}/${tally.compared} matched`);
  for (const deviation of tally.deviations) console.log(`corpus: documented deviation ${deviation}`);
  expect(tally.matched).to.equal(tally.compared);
});

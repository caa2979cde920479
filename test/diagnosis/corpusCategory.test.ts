import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { diagnoseMessage } from '../../src/diagnosis/diagnose';
import { parseEml } from '../../src/diagnosis/parseEml';
import { CORPUS_DIR } from '../helpers/paths';

const SISIMAI_DIR = path.join(CORPUS_DIR, 'sisimai');

const EXCHANGE_2003 =
  'Exchange 2003 NDRs carry no RFC 3463 status; sisimai invents 5.0.9xx pseudo-codes from MSEXCH hex ' +
  'codes. We do not guess from prose without a code: these get the honest "no-code" diagnosis.';

/** Files where we knowingly answer differently from sisimai, and why. Everything else must agree. */
const DELIBERATE_DISAGREEMENTS: Readonly<Record<string, string>> = {
  'lhost-office365-04.eml':
    'The remote reply is "550 5.1.351 ... unknown recipient ... -> 550 : User unknown", the same wording ' +
    'sisimai calls userunknown in lhost-office365-07/09/10; its "filtered" here comes from the empty address ' +
    'before "User unknown". We say userunknown for all four.',
  'lhost-exchange2003-01.eml': EXCHANGE_2003,
  'lhost-exchange2003-02.eml': EXCHANGE_2003,
  'lhost-exchange2003-03.eml': EXCHANGE_2003,
  'lhost-exchange2003-04.eml': EXCHANGE_2003,
  'lhost-exchange2003-05.eml': EXCHANGE_2003,
  'lhost-exchange2003-07.eml': EXCHANGE_2003,
  'lhost-exchange-01.eml': `${EXCHANGE_2003} (CRLF copy of lhost-exchange2003-01)`,
};

interface Row {
  file: string;
  status: string;
  reason: string;
}

function expectedRows(): Row[] {
  const [header, ...lines] = fs
    .readFileSync(path.join(SISIMAI_DIR, 'EXPECTED.tsv'), 'utf8')
    .trim()
    .split('\n');
  const cols = header.split('\t');
  const at = (name: string): number => cols.indexOf(name);
  return lines
    .map((line) => line.split('\t'))
    .map((cells) => ({ file: cells[at('file')], status: cells[at('status')], reason: cells[at('reason')] }))
    .filter((row) => row.status.trim() !== '');
}

describe('sisimai corpus: category agrees with sisimai reason', () => {
  const rows = expectedRows();
  const results = new Map<string, string>();

  before(async () => {
    for (const row of rows) {
      const message = await parseEml(fs.readFileSync(path.join(SISIMAI_DIR, row.file)));
      results.set(row.file, diagnoseMessage(message)[0]?.category ?? '(no recipient)');
    }
    const agree = rows.filter((row) => results.get(row.file) === row.reason).length;
    console.log(`      category agreement: ${agree}/${rows.length}`);
  });

  it('reads a non-trivial number of rows', () => {
    expect(rows.length).to.be.greaterThan(50);
  });

  for (const row of rows) {
    const deliberate = DELIBERATE_DISAGREEMENTS[row.file];
    it(`${row.file} (${row.status}) → ${row.reason}${deliberate ? ' [deliberate disagreement]' : ''}`, () => {
      const category = results.get(row.file);
      if (deliberate) {
        // Keep the table honest: an entry that starts agreeing must leave the table.
        expect(category, 'now agrees; remove it from DELIBERATE_DISAGREEMENTS').to.not.equal(row.reason);
      } else {
        expect(category).to.equal(row.reason);
      }
    });
  }

  it('lists only files that exist in EXPECTED.tsv', () => {
    const files = new Set(rows.map((row) => row.file));
    expect(Object.keys(DELIBERATE_DISAGREEMENTS).filter((f) => !files.has(f))).to.deep.equal([]);
  });
});

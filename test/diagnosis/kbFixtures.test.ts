import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { diagnoseMessage } from '../../src/diagnosis/diagnose';
import { KNOWLEDGE_BASE } from '../../src/diagnosis/knowledgeBase';
import { parseNdrText } from '../../src/diagnosis/parseText';
import { FIXTURES_DIR } from '../helpers/paths';

const KB_FIXTURES = path.join(FIXTURES_DIR, 'ndr', 'kb');
const HEADER = /^# expect: ([a-z0-9-]+)\r?\n/;

interface Fixture {
  file: string;
  expected: string;
  text: string;
}

function loadFixtures(): Fixture[] {
  return fs
    .readdirSync(KB_FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const raw = fs.readFileSync(path.join(KB_FIXTURES, file), 'utf8');
      const m = HEADER.exec(raw);
      if (!m) throw new Error(`${file}: first line must be "# expect: <entry-id>"`);
      // The header is ours, not part of the bounce: the parser never sees it.
      return { file, expected: m[1], text: raw.slice(m[0].length) };
    });
}

describe('kb fixtures: parseNdrText → diagnoseMessage', () => {
  const fixtures = loadFixtures();

  for (const { file, expected, text } of fixtures) {
    it(`${file} → ${expected}`, () => {
      const diagnoses = diagnoseMessage(parseNdrText(text));
      expect(diagnoses.length, 'no recipient parsed').to.be.greaterThan(0);
      expect(diagnoses[0].entryId, `status ${diagnoses[0].recipient.status ?? '-'}`).to.equal(expected);
    });
  }

  it('has at least one fixture per knowledge-base entry', () => {
    const covered = new Set(fixtures.map((f) => f.expected));
    expect(KNOWLEDGE_BASE.map((e) => e.id).filter((id) => !covered.has(id))).to.deep.equal([]);
  });
});

import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import type { Route } from '../../src/diagnosis/types';
import { createLocalizer } from '../../src/i18n/localizer';
import { CORPUS_DIR } from '../helpers/paths';
import { startApp, type RunningApp } from '../helpers/httpBot';

/**
 * Acceptance: the text of every quoted real-world NDR, posted over HTTP as the first message of a
 * conversation, comes back diagnosed: the code named, and the right route with its key link, in the
 * conversation's language. Codes come from SOURCES.tsv; routes and links from the product rules below.
 */
const ROUTE_OF_CODE: Record<string, { route: Route; link?: string }> = {
  '5.7.606': { route: 'delist-portal', link: 'https://sender.office.com' },
  // Every 5.7.1 in the quoted corpus is "blocked using Spamhaus": only Spamhaus can remove it.
  '5.7.1': { route: 'third-party-blocklist', link: 'spamhaus.org' },
  '4.7.650': { route: 'retry-later' },
  '5.7.708': { route: 'sender-org-admin' },
  '5.7.509': { route: 'fix-authentication' },
  '5.4.1': { route: 'check-address' },
};

interface QuotedSample {
  file: string;
  codes: string[];
  /** SOURCES.tsv marks a code inferred from the text because the quote itself lacks it. */
  inferred: boolean;
}

function quotedSamples(): QuotedSample[] {
  const [, ...rows] = fs
    .readFileSync(path.join(CORPUS_DIR, 'quoted', 'SOURCES.tsv'), 'utf8')
    .trim()
    .split('\n');
  return rows.map((row) => {
    const [file, , expected] = row.split('\t');
    return {
      file,
      codes: expected.split(/[;\s]/).filter((c) => /^\d\.\d+\.\d+$/.test(c)),
      inferred: expected.includes('inferred'),
    };
  });
}

const localizer = createLocalizer();

function everything(replies: Partial<Activity>[]): string {
  return replies.map((r) => `${r.text ?? ''} ${JSON.stringify(r.attachments ?? [])}`).join('\n');
}

describe('quoted real-world NDRs over HTTP (expectReplies)', () => {
  let running: RunningApp;
  let conversation = 0;
  before(async () => {
    running = await startApp();
  });
  after(async () => {
    await running.stop();
  });

  const samples = quotedSamples();
  it('reads the corpus', () => {
    expect(samples).to.have.length(14);
  });

  for (const sample of samples) {
    for (const locale of ['en-US', 'zh-TW'] as const) {
      it(`${sample.file} (${locale})`, async () => {
        const text = fs.readFileSync(path.join(CORPUS_DIR, 'quoted', sample.file), 'utf8');
        const replies = await running.send({
          type: 'message',
          text,
          locale,
          conversation: { id: `quoted-${++conversation}` },
        });
        const all = everything(replies);
        const t = localizer.translator(locale === 'en-US' ? 'en' : 'zh-TW');
        expect(
          replies.some((r) => (r.attachments ?? []).length > 0),
          all,
        ).to.equal(true);
        expect(all).to.contain(t.t('ndr:card.heading'));
        for (const code of sample.codes) {
          const expected = ROUTE_OF_CODE[code];
          expect(expected, `no route rule for ${code}`).to.not.equal(undefined);
          // An inferred code is not in the text; the route it implies must still be right.
          if (!sample.inferred) expect(all).to.contain(code);
          expect(all).to.contain(t.t(`kb:route.${expected.route}`));
          if (expected.link) expect(all).to.contain(expected.link);
        }
      });
    }
  }
});

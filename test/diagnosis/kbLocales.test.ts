import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { KNOWLEDGE_BASE } from '../../src/diagnosis/knowledgeBase';
import { COMMON_PLACEHOLDERS, placeholdersFor } from '../../src/diagnosis/diagnoseValues';
import type { Actor, Category, Route } from '../../src/diagnosis/types';
import { PROJECT_ROOT } from '../helpers/paths';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Tree = { [key: string]: Json };

const LOCALES = ['en', 'zh-TW'] as const;
const load = (lng: string): Tree =>
  JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'locales', lng, 'kb.json'), 'utf8')) as Tree;
const KB: Record<(typeof LOCALES)[number], Tree> = { en: load('en'), 'zh-TW': load('zh-TW') };

// Records keyed by the union types: the compiler fails here when a type gains a value we don't label.
const ACTORS: Record<Actor, true> = {
  you: true,
  'your-admin': true,
  'recipient-admin': true,
  'sending-org': true,
  'nobody-wait': true,
};
const ROUTES: Record<Route, true> = {
  'delist-portal': true,
  'delist-mailbox': true,
  'third-party-blocklist': true,
  'consumer-delist-form': true,
  'contact-recipient': true,
  'fix-authentication': true,
  'fix-sending-setup': true,
  'check-address': true,
  'retry-later': true,
  'sender-org-admin': true,
  escalate: true,
};
const CATEGORIES: Record<Category, true> = {
  authfailure: true,
  badreputation: true,
  blocked: true,
  contenterror: true,
  exceedlimit: true,
  expired: true,
  failedstarttls: true,
  filtered: true,
  hostunknown: true,
  mailboxfull: true,
  mesgtoobig: true,
  networkerror: true,
  norelaying: true,
  notaccept: true,
  policyviolation: true,
  rejected: true,
  requireptr: true,
  securityerror: true,
  spamdetected: true,
  speeding: true,
  suspend: true,
  syntaxerror: true,
  systemerror: true,
  toomanyconn: true,
  userunknown: true,
  undefined: true,
};

function at(tree: Tree, key: string): Json | undefined {
  let node: Json | undefined = tree;
  for (const part of key.split('.')) {
    node = node && typeof node === 'object' && !Array.isArray(node) ? node[part] : undefined;
  }
  return node;
}

/** Every string under a node, with its dotted path (array items as [i]). */
function strings(node: Json | undefined, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  if (Array.isArray(node)) return node.flatMap((v, i) => strings(v, `${prefix}[${i}]`));
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([\w-]+)\s*\}\}/g)].map((m) => m[1]);

describe('kb locales', () => {
  for (const lng of LOCALES) {
    describe(lng, () => {
      for (const entry of KNOWLEDGE_BASE) {
        it(`${entry.id}: title, cause, who, steps with fillable placeholders`, () => {
          const node = at(KB[lng], entry.id);
          expect(node, entry.id).to.be.an('object');
          for (const field of ['title', 'cause', 'who']) {
            expect(at(KB[lng], `${entry.id}.${field}`), field)
              .to.be.a('string')
              .and.not.equal('');
          }
          const steps = at(KB[lng], `${entry.id}.steps`);
          expect(steps).to.be.an('array').with.length.greaterThan(0);
          for (const step of steps as Json[]) expect(step).to.be.a('string').and.not.equal('');
          const allowed = placeholdersFor(entry);
          for (const [where, text] of strings(node)) {
            for (const p of placeholders(text))
              expect(allowed, `${entry.id}.${where} uses {{${p}}}`).to.include(p);
          }
        });
      }

      it('has the no-code and fallback texts, using only common placeholders', () => {
        for (const key of ['no-code', 'fallback.class-2', 'fallback.class-4', 'fallback.class-5']) {
          for (const field of ['title', 'cause', 'who'])
            expect(at(KB[lng], `${key}.${field}`), key).to.be.a('string');
          expect(at(KB[lng], `${key}.steps`), key)
            .to.be.an('array')
            .with.length.greaterThan(0);
        }
        for (let s = 0; s <= 7; s++) expect(at(KB[lng], `fallback.subject-${s}.hint`)).to.be.a('string');
        const common: readonly string[] = COMMON_PLACEHOLDERS;
        for (const [where, text] of [
          ...strings(at(KB[lng], 'fallback')),
          ...strings(at(KB[lng], 'no-code')),
        ]) {
          for (const p of placeholders(text)) expect(common, `${where} uses {{${p}}}`).to.include(p);
        }
      });

      it('labels every actor, route and category', () => {
        for (const a of Object.keys(ACTORS)) expect(at(KB[lng], `actor.${a}`), a).to.be.a('string');
        for (const r of Object.keys(ROUTES)) expect(at(KB[lng], `route.${r}`), r).to.be.a('string');
        for (const c of Object.keys(CATEGORIES)) expect(at(KB[lng], `category.${c}`), c).to.be.a('string');
      });

      it('keeps URLs out of the prose (references carry them)', () => {
        for (const [where, text] of strings(KB[lng])) expect(text, where).not.to.match(/https?:\/\//);
      });
    });
  }

  it('has the same keys, step counts and placeholders in en and zh-TW', () => {
    const en = new Map(strings(KB.en));
    const zh = new Map(strings(KB['zh-TW']));
    expect([...zh.keys()].sort()).to.deep.equal([...en.keys()].sort());
    for (const [key, text] of en) {
      expect(placeholders(zh.get(key) ?? '').sort(), key).to.deep.equal(placeholders(text).sort());
    }
  });

  it('writes zh-TW in Traditional characters', () => {
    const simplified =
      /[邮发务这网时说请为们个对没还过点问题验证设关于与无导处统应该号码报见认议让进选择转复删户当从]/;
    for (const [where, text] of strings(KB['zh-TW'])) expect(text, where).not.to.match(simplified);
  });
});

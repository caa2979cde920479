import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { createLocalizer, readLocaleResources } from '../../src/i18n/localizer';
import { PROJECT_ROOT } from '../helpers/paths';

const LOCALES_DIR = path.join(PROJECT_ROOT, 'locales');
const resources = readLocaleResources(LOCALES_DIR);

/** Synonym lists: each language has its own words, so only the list itself must exist in both. */
const isWordList = (key: string): boolean => key.startsWith('common:commands.');

/** Every leaf as "namespace:path.to.key" → text; array items (such as numbered steps) get their index. */
function flatten(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (typeof value === 'string') out.set(prefix, value);
  else if (Array.isArray(value) && isWordList(prefix)) out.set(prefix, value.join(' | '));
  else if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}.${i}`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      flatten(v, prefix.endsWith(':') ? `${prefix}${k}` : `${prefix}.${k}`, out);
  }
  return out;
}

function leaves(lng: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [ns, tree] of Object.entries(resources[lng])) flatten(tree, `${ns}:`, out);
  return out;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]).sort();

// Characters that exist only in Simplified Chinese; their Traditional forms are 郵發務這網時說請為們個對沒還過點問題驗證設...
const SIMPLIFIED_ONLY = [
  ...'邮发务这网时说请为们个对没还过点问题验证设项选择动户给关认识读见将场实现应该络码报错误',
];

/** Keys written literally in code: t('ns:key'), t.t('ns:key'), titles in arrays such as 'common:menu.help'. */
function keysUsedInCode(): Set<string> {
  const keys = new Set<string>();
  const namespaces = Object.keys(resources.en).join('|');
  const pattern = new RegExp(`'((?:${namespaces}):[A-Za-z0-9_.-]+)'`, 'g');
  for (const dir of ['src', 'dialogs']) {
    const walk = (d: string): void => {
      for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts')) {
          for (const m of fs.readFileSync(full, 'utf8').matchAll(pattern)) keys.add(m[1]);
        }
      }
    };
    walk(path.join(PROJECT_ROOT, dir));
  }
  return keys;
}

describe('locale resources', () => {
  const en = leaves('en');
  const zh = leaves('zh-TW');

  it('have the same files (namespaces) in both languages', () => {
    expect(Object.keys(resources['zh-TW']).sort()).to.deep.equal(Object.keys(resources.en).sort());
  });

  it('every English key exists in zh-TW, and back', () => {
    expect(
      [...en.keys()].filter((k) => !zh.has(k)),
      'missing in zh-TW',
    ).to.deep.equal([]);
    expect(
      [...zh.keys()].filter((k) => !en.has(k)),
      'missing in en',
    ).to.deep.equal([]);
  });

  it('every key has the same {{placeholders}} in both languages', () => {
    const drift = [...en.keys()]
      .filter((k) => zh.has(k))
      .filter((k) => placeholders(en.get(k) ?? '').join() !== placeholders(zh.get(k) ?? '').join());
    expect(drift).to.deep.equal([]);
  });

  it('no text is empty', () => {
    const empty = [...en, ...zh].filter(([, text]) => text.trim() === '').map(([k]) => k);
    expect(empty).to.deep.equal([]);
  });

  it('zh-TW uses Traditional characters only', () => {
    const offenders = [...zh].flatMap(([key, text]) =>
      SIMPLIFIED_ONLY.filter((c) => text.includes(c)).map((c) => `${key}: ${c}`),
    );
    expect(offenders).to.deep.equal([]);
  });

  it('every key the code names exists', () => {
    const localizer = createLocalizer(LOCALES_DIR);
    const used = [...keysUsedInCode()];
    expect(used.length, 'the scan found the keys in code').to.be.greaterThan(20);
    const isKnown = (key: string): boolean =>
      en.has(key) || [...en.keys()].some((k) => k.startsWith(`${key}.`));
    expect(used.filter((k) => !isKnown(k))).to.deep.equal([]);
    expect(localizer.translator('zh-TW').t('common:menu.help')).to.equal('說明');
  });
});

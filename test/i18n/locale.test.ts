import { expect } from 'chai';
import { normalizeLocale, resolveLocale } from '../../src/i18n/locale';

describe('locale resolution', () => {
  const CASES: [string | undefined, 'en' | 'zh-TW' | undefined][] = [
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['zh-TW', 'zh-TW'],
    ['zh-tw', 'zh-TW'],
    ['ZH-TW', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-MO', 'zh-TW'],
    ['zh-CN', 'zh-TW'],
    ['zh', 'zh-TW'],
    ['zh_TW', 'zh-TW'],
    ['fr-FR', undefined],
    ['', undefined],
    [undefined, undefined],
  ];
  for (const [tag, expected] of CASES) {
    it(`maps ${JSON.stringify(tag)} to ${String(expected)}`, () => {
      expect(normalizeLocale(tag)).to.equal(expected);
    });
  }

  it('prefers the stored choice, then the channel, then the default', () => {
    expect(resolveLocale('zh-TW', 'en-US', 'en')).to.equal('zh-TW');
    expect(resolveLocale(undefined, 'zh-HK', 'en')).to.equal('zh-TW');
    expect(resolveLocale(undefined, 'fr-FR', 'en')).to.equal('en');
    expect(resolveLocale(undefined, undefined, 'zh-TW')).to.equal('zh-TW');
  });
});

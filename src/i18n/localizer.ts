import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import type { SupportedLocale } from '../config';
import { SUPPORTED_LOCALES } from './locale';

/** What a dialog needs to speak: bound to one locale for one turn, never switched globally. */
export interface Translator {
  readonly locale: SupportedLocale;
  /** A string resource, e.g. t('common:welcome', { name }). */
  t(key: string, values?: Record<string, unknown>): string;
  /** A list resource (an array in the JSON file), e.g. the numbered steps of a diagnosis. */
  list(key: string, values?: Record<string, unknown>): string[];
}

export interface Localizer {
  translator(locale: SupportedLocale): Translator;
  /** The same resource in every supported language, e.g. to recognise a menu title typed in either. */
  inAllLocales(key: string): string[];
  listInAllLocales(key: string): string[];
}

export const DEFAULT_LOCALES_DIR = path.resolve(__dirname, '..', '..', '..', 'locales');

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** Reads locales/<lng>/<namespace>.json once at start-up. */
export function readLocaleResources(localesDir: string): Resources {
  const resources: Resources = {};
  for (const lng of SUPPORTED_LOCALES) {
    const dir = path.join(localesDir, lng);
    resources[lng] = {};
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      resources[lng][path.basename(file, '.json')] = JSON.parse(
        fs.readFileSync(path.join(dir, file), 'utf8'),
      );
    }
  }
  return resources;
}

export function createLocalizer(localesDir = DEFAULT_LOCALES_DIR): Localizer {
  const resources = readLocaleResources(localesDir);
  const instance: i18n = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources,
    supportedLngs: [...SUPPORTED_LOCALES],
    fallbackLng: 'en',
    ns: Object.keys(resources.en),
    defaultNS: 'common',
    // Chat text is not HTML: escaping would show &amp; to the user.
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });

  const bind = (locale: SupportedLocale): Translator => {
    const fixed: TFunction = instance.getFixedT(locale);
    return {
      locale,
      t: (key, values) => String(fixed(key, values ?? {})),
      list: (key, values) => {
        const result: unknown = fixed(key, { ...values, returnObjects: true });
        return Array.isArray(result) ? result.map(String) : [];
      },
    };
  };
  const translators = new Map(SUPPORTED_LOCALES.map((l) => [l, bind(l)] as const));

  return {
    translator: (locale) => translators.get(locale) ?? bind(locale),
    inAllLocales: (key) => SUPPORTED_LOCALES.map((l) => translators.get(l)?.t(key) ?? key),
    listInAllLocales: (key) => SUPPORTED_LOCALES.flatMap((l) => translators.get(l)?.list(key) ?? []),
  };
}

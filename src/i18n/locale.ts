import type { SupportedLocale } from '../config';

export const SUPPORTED_LOCALES: readonly SupportedLocale[] = ['en', 'zh-TW'];

/**
 * Maps a BCP 47 tag to a locale we have texts for, case-insensitively.
 * Every Chinese tag goes to zh-TW: Traditional is the only Chinese we write, and a reader of
 * Simplified understands it better than English.
 */
export function normalizeLocale(tag: string | undefined | null): SupportedLocale | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().replace(/_/g, '-').toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-TW';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return undefined;
}

/** Stored preference, then the channel's locale, then the configured default. */
export function resolveLocale(
  stored: string | undefined,
  activityLocale: string | undefined,
  fallback: SupportedLocale,
): SupportedLocale {
  return normalizeLocale(stored) ?? normalizeLocale(activityLocale) ?? fallback;
}

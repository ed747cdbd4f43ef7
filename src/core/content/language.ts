/** The three languages every user-facing text exists in. Bokmål is the default and the fallback. */
export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'nb';

export type Localized = Record<Lang, string>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Maps an Office or browser locale such as "nn-NO" or "en-GB" to one of ours; anything else is bokmål. */
export function langFromLocale(locale: string | undefined | null): Lang {
  const tag = (locale ?? '').toLowerCase();
  if (tag.startsWith('nn')) return 'nn';
  if (tag.startsWith('en')) return 'en';
  return DEFAULT_LANG;
}

/** Replaces `{name}` placeholders; unknown placeholders are left visible so a missing value is noticed. */
export function fillPlaceholders(text: string, values: Record<string, string | number | undefined>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

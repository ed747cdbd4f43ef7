/**
 * Validation messages in the workbook's language, from templates/ui/rules.json. Each message says
 * what is wrong and what to do; `{placeholders}` are filled per issue.
 */
import rulesJson from '../../../templates/ui/rules.json';
import { stringsFileSchema, type Strings } from '../content/contentSchema';
import { ContentError } from '../content/content';
import { fillPlaceholders, type Lang } from '../content/language';
import { serialParts } from '../model/dates';

let cached: Strings | undefined;

export function ruleMessages(): Strings {
  if (!cached) {
    const parsed = stringsFileSchema.safeParse(rulesJson);
    if (!parsed.success) throw new ContentError(`templates/ui/rules.json does not match its schema: ${parsed.error.issues[0]?.message}`);
    cached = parsed.data;
  }
  return cached;
}

export type MessageValues = Record<string, string | number | undefined>;

export function ruleMessage(key: string, lang: Lang, values: MessageValues): string {
  const entry = ruleMessages()[key];
  if (!entry) throw new ContentError(`no message ${key} in templates/ui/rules.json`);
  return fillPlaceholders(entry[lang], values);
}

/** A day as the language writes it: 31.12.2025 in Norwegian, 2025-12-31 in English. */
export function formatDay(serial: number, lang: Lang): string {
  const { year, month, day } = serialParts(serial);
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  return lang === 'en' ? `${year}-${mm}-${dd}` : `${dd}.${mm}.${year}`;
}

/** A number as the language writes it (decimal comma in Norwegian). */
export function formatNumber(value: number, lang: Lang): string {
  const rounded = Math.round(value * 100) / 100;
  return lang === 'en' ? String(rounded) : String(rounded).replace('.', ',');
}

/** A short list of examples, "A, B, C and 4 more", so a message stays readable. */
export function formatExamples(items: string[], total: number, lang: Lang): string {
  const more = total - items.length;
  if (more <= 0) return items.join(', ');
  const word = { nb: 'til', nn: 'til', en: 'more' }[lang];
  return lang === 'en' ? `${items.join(', ')} and ${more} ${word}` : `${items.join(', ')} og ${more} ${word}`;
}

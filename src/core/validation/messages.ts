/**
 * Validation messages in the workbook's language, from templates/ui/rules.json. Each message says
 * what is wrong and what to do; `{placeholders}` are filled per issue.
 */
import rulesJson from '../../../templates/ui/rules.json';
import type { Strings } from '../content/contentSchema';
import { workbookStrings } from '../content/content';
import type { Lang } from '../content/language';
import { stringTable, type StringKey, type TextValues } from '../content/stringTable';
import { serialParts } from '../model/dates';

/** The message of each rule, by the key its catalogue entry names. */
export const ruleStrings = stringTable(rulesJson);
export type RuleMessageKey = StringKey<typeof ruleStrings>;
export type MessageValues = TextValues;

/** The whole file, for the checks and the generated rule list. */
export function ruleMessages(): Strings {
  return rulesJson;
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
  return workbookStrings.text('examples.andMore', lang, { items: items.join(', '), more });
}

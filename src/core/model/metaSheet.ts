/**
 * The very hidden metadata sheet: schema version, language, and for each template key the sheet
 * and table names it was given. It is how Samspill recognises its templates after a user renames
 * a sheet, and how it knows which schema version a workbook has.
 */
import type { SheetGrid } from '../port';
import { asNumber, asText } from './cellValues';
import { isLang, type Lang } from '../content/language';
import { SHEET_KEYS, type RegisterKey, type SheetKey } from '../content/templateSchema';

export const META_SHEET_NAME = '_samspill';

export interface MetaRecord {
  schemaVersion: number;
  lang: Lang;
  generator: string;
  sheets: Partial<Record<SheetKey, string>>;
  tables: Partial<Record<RegisterKey, string>>;
  /** When the computed parts of the summary were last refreshed (ISO timestamp). */
  summaryRefreshed?: string;
}

export function metaEntries(meta: MetaRecord): [string, string | number][] {
  const entries: [string, string | number][] = [
    ['schemaVersion', meta.schemaVersion],
    ['lang', meta.lang],
    ['generator', meta.generator],
  ];
  for (const key of SHEET_KEYS) {
    const sheet = meta.sheets[key];
    if (sheet !== undefined) entries.push([`sheet.${key}`, sheet]);
  }
  for (const [key, table] of Object.entries(meta.tables)) entries.push([`table.${key}`, table]);
  if (meta.summaryRefreshed) entries.push(['summaryRefreshed', meta.summaryRefreshed]);
  return entries;
}

/** Reads the key/value rows back; null when the sheet is not a Samspill metadata sheet. */
export function readMeta(grid: SheetGrid): MetaRecord | null {
  const values = new Map<string, string | number>();
  for (const row of grid.rows) {
    const key = asText(row?.[0] ?? null);
    const raw = row?.[1] ?? null;
    if (key) values.set(key, asNumber(raw) ?? asText(raw));
  }
  const version = values.get('schemaVersion');
  if (typeof version !== 'number') return null;
  const lang = values.get('lang');
  const meta: MetaRecord = {
    schemaVersion: version,
    lang: isLang(lang) ? lang : 'nb',
    generator: String(values.get('generator') ?? ''),
    sheets: {},
    tables: {},
  };
  for (const [key, value] of values) {
    const [kind, name] = key.split('.', 2);
    if (kind === 'sheet' && (SHEET_KEYS as readonly string[]).includes(name)) meta.sheets[name as SheetKey] = String(value);
    if (kind === 'table') meta.tables[name as RegisterKey] = String(value);
  }
  const refreshed = values.get('summaryRefreshed');
  if (refreshed) meta.summaryRefreshed = String(refreshed);
  return meta;
}

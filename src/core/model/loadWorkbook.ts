/**
 * Reads a Samspill workbook through the port into what the core works on. Templates are found
 * through the metadata sheet; when a sheet was renamed or the metadata is gone, a register is
 * found by its header labels (in any language) and the settings by their list titles, so a
 * workbook keeps working after the changes people make to workbooks.
 */
import type { SheetGrid, SheetInfo, WorkbookReader } from '../port';
import { sheetDef } from '../content/content';
import { LANGUAGES, type Lang } from '../content/language';
import { META_SHEET_NAME, readMeta, type MetaRecord } from './metaSheet';
import { emptyRegister, locateRegister, type RegisterRows } from './registerRows';
import { defaultSettings, readSettings } from './settingsModel';
import { REGISTER_KEYS, SHEET_KEYS, type RegisterKey, type SheetKey } from '../content/templateSchema';
import { defaultTableNames, type TableNames, type WorkbookData } from './workbookData';

export interface LoadedWorkbook {
  data: WorkbookData;
  meta: MetaRecord | null;
  /** Where each template was found; absent keys are missing from the workbook. */
  sheetNames: Partial<Record<SheetKey, string>>;
  missingSheets: SheetKey[];
  sheets: SheetInfo[];
}

/**
 * A register is taken for found when its header names at least half of its required columns on a
 * sheet that carries the template's name, and all of them on any other sheet: a user's own sheet
 * with a "Name" and a "Status" column is not our volunteer register.
 */
function recognisable(register: RegisterRows, key: RegisterKey, underTemplateName: boolean): boolean {
  const required = (sheetDef(key).columns ?? []).filter((c) => c.required);
  const found = required.filter((c) => register.columns.has(c.key)).length;
  return register.headerRow > 0 && (underTemplateName ? found * 2 >= required.length : found === required.length);
}

async function findMeta(reader: WorkbookReader, sheets: SheetInfo[]): Promise<MetaRecord | null> {
  const candidates = [...sheets].sort((a, b) => Number(b.name === META_SHEET_NAME) - Number(a.name === META_SHEET_NAME));
  for (const sheet of candidates) {
    if (sheet.name !== META_SHEET_NAME && sheet.visibility === 'visible') continue;
    const meta = readMeta(await reader.readSheet(sheet.name));
    if (meta) return meta;
  }
  return null;
}

function guessLang(sheets: SheetInfo[]): Lang {
  const names = new Set(sheets.map((s) => s.name));
  let best: Lang = 'nb';
  let bestCount = 0;
  for (const lang of LANGUAGES) {
    const count = REGISTER_KEYS.filter((k) => names.has(sheetDef(k).name[lang])).length;
    if (count > bestCount) [best, bestCount] = [lang, count];
  }
  return best;
}

/** Candidate sheet names for a template: the recorded name first, then its name in each language. */
function candidateNames(key: SheetKey, meta: MetaRecord | null): string[] {
  const names = [meta?.sheets[key], ...(key === '_meta' ? [META_SHEET_NAME] : LANGUAGES.map((l) => sheetDef(key).name[l]))];
  return [...new Set(names.filter((n): n is string => !!n))];
}

export async function loadWorkbook(reader: WorkbookReader): Promise<LoadedWorkbook> {
  const sheets = await reader.listSheets();
  const exists = new Set(sheets.map((s) => s.name));
  const meta = await findMeta(reader, sheets);
  const lang = meta?.lang ?? guessLang(sheets);
  const sheetNames: Partial<Record<SheetKey, string>> = {};
  const grids = new Map<string, SheetGrid>();
  const grid = async (name: string) => {
    if (!grids.has(name)) grids.set(name, await reader.readSheet(name));
    return grids.get(name)!;
  };

  for (const key of SHEET_KEYS) {
    const name = candidateNames(key, meta).find((n) => exists.has(n));
    if (name) sheetNames[key] = name;
  }

  const registers = {} as Record<RegisterKey, RegisterRows>;
  for (const key of REGISTER_KEYS) {
    const name = sheetNames[key];
    const located = name ? locateRegister(key, await grid(name)) : null;
    if (located && recognisable(located, key, true)) {
      registers[key] = located;
      continue;
    }
    // Renamed past recognition by name: look for the register's header on the other visible sheets.
    let found: RegisterRows | null = null;
    for (const sheet of sheets) {
      if (sheet.visibility !== 'visible' || Object.values(sheetNames).includes(sheet.name)) continue;
      const candidate = locateRegister(key, await grid(sheet.name));
      if (recognisable(candidate, key, false)) {
        found = candidate;
        break;
      }
    }
    if (found) sheetNames[key] = found.sheetName;
    else delete sheetNames[key];
    registers[key] = found ?? located ?? emptyRegister(key);
    grids.clear();
  }

  const settings = sheetNames.settings ? readSettings(await reader.readSheet(sheetNames.settings), lang) : defaultSettings(lang);
  const tables: TableNames = { ...defaultTableNames(lang), ...(meta?.tables ?? {}) };
  return {
    data: { lang, settings, tables, registers },
    meta,
    sheetNames,
    missingSheets: SHEET_KEYS.filter((k) => !sheetNames[k]),
    sheets,
  };
}

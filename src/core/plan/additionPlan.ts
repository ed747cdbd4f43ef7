/**
 * Adding templates to a workbook as loadWorkbook read it, the same for the command line and the
 * add-in: where they go (the registers recognised, the columns each has, the metadata sheet), the
 * columns an upgrade appends, and the plan of the sheets to add — the placement's names, and the
 * rows already in the workbook behind the new sheets' computed figures (a register the workbook
 * does not have starts as a new workbook's would).
 */
import { SCHEMA_VERSION } from '../content/content';
import { LANGUAGES, type Lang } from '../content/language';
import type { LoadedWorkbook } from '../model/loadWorkbook';
import { META_SHEET_NAME, metaEntries } from '../model/metaSheet';
import { columnToAppend, type ColumnAddition, type ColumnToAppend } from '../model/schemaMigrations';
import { newWorkbookInput } from './newWorkbookInput';
import { buildWorkbookPlan, defaultSheetNames, GENERATOR, type WorkbookInput } from './buildWorkbookPlan';
import { FormulaRefs, registerHeaders } from './formulaRefs';
import { metaSheetWith, placedMeta, placeTemplates, type ExistingWorkbook, type Placement } from './templatePlacement';
import { REGISTER_KEYS, type RegisterKey, type SheetKey } from '../content/templateSchema';
import { defaultTableNames, recordsFromRegister } from '../model/workbookData';
import type { WorkbookPlan } from './workbookPlan';

/** What the host knows of the workbook beyond what loadWorkbook read: the names already taken in it. */
export type TakenNames = Pick<ExistingWorkbook, 'sheetNames' | 'tableNames' | 'definedNames' | 'tablesBySheet'>;

/**
 * Where the wanted templates go. A workbook that has templates keeps its language: added sheets
 * are named in it too, whatever was requested.
 */
export function placeInWorkbook(loaded: LoadedWorkbook, taken: TakenNames, keys: readonly SheetKey[], requested: Lang): Placement {
  const lang = loaded.meta?.lang ?? requested;
  return placeTemplates(
    { ...taken, meta: loaded.meta, metaSheetName: metaSheetName(loaded), recognised: recognisedRegisters(loaded), registerColumns: registerColumns(loaded) },
    { keys, lang, defaultSheetNames: defaultSheetNames(lang), defaultTableNames: defaultTableNames(lang), schemaVersion: SCHEMA_VERSION() },
  );
}

function metaSheetName(loaded: LoadedWorkbook): string | undefined {
  if (!loaded.meta) return undefined;
  const names = loaded.sheets.map((s) => s.name);
  return [loaded.meta.sheets._meta, META_SHEET_NAME].find((n): n is string => !!n && names.includes(n));
}

/**
 * Registers count as present when found by their headers only in a Samspill workbook or on a sheet
 * bearing the template's name: a user's sheet that merely has "Navn" and "Type" columns is not our
 * partner catalogue, and a user's own "Oppsummering" is never our summary.
 */
function recognisedRegisters(loaded: LoadedWorkbook): Partial<Record<SheetKey, string>> {
  const templateNamed = (key: SheetKey, sheet: string) => LANGUAGES.some((l) => defaultSheetNames(l)[key].toLowerCase() === sheet.toLowerCase());
  const found: Partial<Record<SheetKey, string>> = {};
  for (const key of REGISTER_KEYS) {
    const sheet = loaded.sheetNames[key];
    if (sheet && (loaded.meta || templateNamed(key, sheet))) found[key] = sheet;
  }
  return found;
}

/** The column keys each register has where it was found by its header: what an upgrade must not add twice. */
function registerColumns(loaded: LoadedWorkbook): Partial<Record<RegisterKey, string[]>> {
  return Object.fromEntries(
    REGISTER_KEYS.filter((k) => loaded.sheetNames[k] && loaded.data.registers[k].headerRow > 0).map((k) => [k, [...loaded.data.registers[k].columns.keys()]]),
  );
}

/** The register columns an upgrade appends, each with its header, width and validation in the workbook's language. */
export function upgradeColumns(placement: Placement): { addition: ColumnAddition; column: ColumnToAppend }[] {
  const additions = placement.upgrade?.addColumns ?? [];
  if (additions.length === 0) return [];
  const refs = new FormulaRefs(placement.lang, placement.tableNames);
  const ctx = {
    lang: placement.lang,
    settingsSheet: placement.sheetNames.settings,
    partnersTable: placement.tableNames.partners,
    partnerNameHeader: refs.header('partners', 'name'),
  };
  return additions.map((addition) => ({ addition, column: columnToAppend(addition, placement.lang, ctx) }));
}

/** `withMeta`: render the metadata sheet too (the add-in rewrites an existing one cell by cell instead). */
export function additionPlan(placement: Placement, loaded: LoadedWorkbook, today: number, withMeta: boolean): WorkbookPlan {
  const base = newWorkbookInput(placement.lang, today);
  const records = { ...base.records };
  for (const key of REGISTER_KEYS) records[key] = placement.present[key] ? recordsFromRegister(loaded.data.registers[key]) : base.records[key];
  const input: WorkbookInput = {
    ...base,
    settings: placement.present.settings ? loaded.data.settings : base.settings,
    records,
    sheetNames: placement.sheetNames,
    tables: placement.tableNames,
    headers: registerHeaders(Object.fromEntries(REGISTER_KEYS.filter((k) => placement.present[k]).map((k) => [k, loaded.data.registers[k]]))),
  };
  const keys: SheetKey[] = [...placement.toAdd, ...(withMeta ? (['_meta'] as const) : [])];
  const plan = buildWorkbookPlan(input, keys);
  const entries = placedMetaEntries(placement, loaded);
  return { ...plan, sheets: plan.sheets.map((s) => (s.key === '_meta' ? metaSheetWith(s, entries, placement.sheetNames._meta) : s)) };
}

/** The metadata's key/value rows after the placement: every template present or added, under its sheet and table. */
export function placedMetaEntries(placement: Placement, loaded: LoadedWorkbook): [string, string | number][] {
  return metaEntries(placedMeta(placement, loaded.meta, SCHEMA_VERSION(), GENERATOR));
}

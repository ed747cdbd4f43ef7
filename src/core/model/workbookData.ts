/**
 * What the core knows of a Samspill workbook once read: its language, settings, the table name of
 * each register, and the registers' rows. Built from a real workbook by the reader, or from
 * records by the generator, so that every figure is computed one way.
 */
import type { CellValue } from '../port';
import { sheetDef } from '../content/content';
import type { Lang } from '../content/language';
import type { RegisterRows } from './registerRows';
import type { SettingsValues } from './settingsModel';
import { REGISTER_KEYS, type RegisterKey } from '../content/templateSchema';
import { isFormula, type PlanValue } from '../plan/workbookPlan';

export type TableNames = Record<RegisterKey, string>;

export interface WorkbookData {
  lang: Lang;
  settings: SettingsValues;
  tables: TableNames;
  registers: Record<RegisterKey, RegisterRows>;
}

/** A register row as the generator or a form makes it: column key → value. */
export type RegisterRecord = Record<string, PlanValue>;

export function defaultTableNames(lang: Lang): TableNames {
  const names = {} as TableNames;
  for (const key of REGISTER_KEYS) names[key] = sheetDef(key).table![lang];
  return names;
}

function toCellValue(value: PlanValue | undefined): CellValue {
  if (value === undefined) return null;
  return isFormula(value) ? (value.result as CellValue) : value;
}

/** Rows laid out as the plan writes them: header in row 1, template column order. */
export function registerFromRecords(key: RegisterKey, sheetName: string, records: RegisterRecord[]): RegisterRows {
  const columns = sheetDef(key).columns ?? [];
  return {
    key,
    sheetName,
    headerRow: 1,
    columns: new Map(columns.map((c, i) => [c.key, i + 1])),
    missingColumns: [],
    rows: records.map((record, i) => {
      const values: Record<string, CellValue> = {};
      for (const c of columns) values[c.key] = toCellValue(record[c.key]);
      return { rowNumber: i + 2, values };
    }),
  };
}

/** Register rows back as records (column key → value), error values left out: what a plan re-renders. */
export function recordsFromRegister(register: RegisterRows): RegisterRecord[] {
  return register.rows.map((row) => {
    const record: RegisterRecord = {};
    for (const [key, value] of Object.entries(row.values)) record[key] = value !== null && typeof value === 'object' ? null : value;
    return record;
  });
}

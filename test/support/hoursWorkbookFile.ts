/**
 * The benchmark's large workbooks as files: a settings sheet, a volunteer register, an hours log
 * of any length and the metadata, written row by row with exceljs's streaming writer (the
 * in-memory writer needs gigabytes at 500k rows). Generated once per size and reused: the bench
 * and the browser test keep them in test-output/.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SCHEMA_VERSION, sheetDef } from '../../src/core/content/content';
import { META_SHEET_NAME, metaEntries } from '../../src/core/model/metaSheet';
import { defaultSheetNames, GENERATOR } from '../../src/core/plan/buildWorkbookPlan';
import { settingsSheet } from '../../src/core/plan/settingsSheet';
import { isFormula } from '../../src/core/plan/workbookPlan';
import { benchmarkWorkbook } from './benchmarkWorkbook';

/**
 * The path of the workbook with `rows` hours rows in `folder`, written there if it is not yet. The
 * name carries the template version, so a cache made by an older version is not taken for today's.
 */
export async function hoursWorkbookFile(folder: string, rows: number): Promise<string> {
  const file = join(folder, `hours-${rows}-v${SCHEMA_VERSION()}.xlsx`);
  if (existsSync(file)) return file;
  mkdirSync(folder, { recursive: true });
  const data = benchmarkWorkbook(rows);
  const names = defaultSheetNames(data.lang);
  const temp = `${file}.${process.pid}.part`;
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useSharedStrings: false, useStyles: false });
  const settings = writer.addWorksheet(names.settings);
  const plan = settingsSheet(names.settings, data.lang, data.settings).sheet;
  const byRow = new Map<number, ExcelJS.CellValue[]>();
  for (const cell of plan.cells) {
    const row = byRow.get(cell.row) ?? [];
    row[cell.col - 1] = (isFormula(cell.value) ? cell.value.result : cell.value) as ExcelJS.CellValue;
    byRow.set(cell.row, row);
  }
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) settings.getRow(r).values = byRow.get(r)!;
  settings.commit();
  for (const key of ['volunteers', 'hours'] as const) {
    const sheet = writer.addWorksheet(names[key]);
    const columns = sheetDef(key).columns!;
    sheet.addRow(columns.map((c) => c.label[data.lang])).commit();
    for (const row of data.registers[key].rows) sheet.addRow(columns.map((c) => (row.values[c.key] ?? null) as ExcelJS.CellValue)).commit();
    sheet.commit();
  }
  const meta = writer.addWorksheet(META_SHEET_NAME, { state: 'veryHidden' });
  const sheets = { settings: names.settings, volunteers: names.volunteers, hours: names.hours, _meta: META_SHEET_NAME };
  meta.addRow(['Samspill']).commit();
  for (const [k, v] of metaEntries({ schemaVersion: SCHEMA_VERSION(), lang: data.lang, generator: GENERATOR, sheets, tables: {} }))
    meta.addRow([k, v]).commit();
  meta.commit();
  await writer.commit();
  renameSync(temp, file);
  return file;
}

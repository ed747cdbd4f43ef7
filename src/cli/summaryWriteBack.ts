/**
 * Writes a refreshed summary back into the workbook file: the summary sheet and the metadata
 * sheet (both Samspill's own) are rendered afresh and swapped into the package, new actions from
 * the latest evaluation are appended to the action plan's table, the volunteer register's computed
 * columns get cached results for the report date, a report date chosen on the command line goes
 * into the settings, and every other part of the file is copied byte for byte. The summary's
 * kpi_* names follow their figures when the layout moved (a list grew), and what a leader typed
 * on the summary sheet outside the generated cells is carried over.
 */
import type { RefreshedWorkbook } from './summaryInput';
import { summaryRefreshPlan } from '../core/plan/buildWorkbookPlan';
import type { PlannedCell, PlannedSheet, WorkbookPlan } from '../core/plan/workbookPlan';
import type { CellValue } from '../core/port';
import {
  appendTableRows,
  inspectPackage,
  mergeFreshWorkbook,
  NameConflictError,
  openXlsxBuffer,
  typedCells,
  verifyMergedPackage,
  verifyWrittenParts,
  writeCachedResults,
  writeCells,
  writePlanToBuffer,
} from '../workbook/xlsx';
import { writeFileAtomic } from './atomicWrite';
import { SamspillError } from '../core/samspillError';
import { cellAddress, quoteSheetName } from '../core/model/a1';
import type { Fingerprint } from './regularFile';

/** Only the summary and metadata sheets of the full plan, with the names that point into the summary. */
export function summaryOnlyPlan(full: WorkbookPlan, summarySheet: string): WorkbookPlan {
  const prefix = `${quoteSheetName(summarySheet)}!`;
  return {
    sheets: full.sheets.filter((s) => s.key === 'summary' || s.key === '_meta'),
    names: full.names.filter((n) => n.refersTo.startsWith(prefix)),
  };
}

/** A key-figure name the refreshed summary needs is used for something else: the layout was changed by hand. */
export class SummaryLayoutChanged extends SamspillError<'layoutChanged'> {
  override readonly name = 'SummaryLayoutChanged';

  constructor(readonly conflict: NameConflictError) {
    super('layoutChanged', conflict.values, conflict.message, { cause: conflict });
  }
}

function keptValue(value: CellValue, formula: string | undefined): PlannedCell['value'] | undefined {
  const result = value === null || typeof value === 'object' ? null : value;
  if (formula !== undefined) return { formula: `=${formula}`, result };
  return result ?? undefined;
}

/**
 * The summary sheet of the plan with the cells a person typed on the current one (see typedCells)
 * carried over where the plan writes nothing; their addresses, for the report.
 */
async function withTypedCells(original: Uint8Array, sheet: PlannedSheet): Promise<{ sheet: PlannedSheet; kept: string[] }> {
  const typed = typedCells(original, sheet.name);
  if (typed.length === 0) return { sheet, kept: [] };
  const planned = new Set(sheet.cells.map((c) => `${c.row}:${c.col}`));
  const grid = await openXlsxBuffer(original).readSheet(sheet.name);
  const extra: PlannedCell[] = [];
  for (const cell of typed) {
    if (planned.has(`${cell.row}:${cell.col}`)) continue;
    const value = keptValue(grid.rows[cell.row - 1]?.[cell.col - 1] ?? null, cell.formula);
    if (value !== undefined) extra.push({ row: cell.row, col: cell.col, value });
  }
  return { sheet: { ...sheet, cells: [...sheet.cells, ...extra] }, kept: extra.map((c) => cellAddress(c.row, c.col)) };
}

export interface RefreshedPackage {
  data: Uint8Array;
  /** Cells a person typed on the summary sheet, kept in the refreshed one. */
  kept: string[];
}

/** Returns the new package bytes; throws SummaryLayoutChanged when a kpi_* name would move. */
export async function refreshedPackage(original: Uint8Array, workbook: RefreshedWorkbook): Promise<RefreshedPackage> {
  const full = summaryRefreshPlan(workbook.input, workbook.data, workbook.keys);
  const plan = summaryOnlyPlan(full, workbook.input.sheetNames.summary);
  const summary = plan.sheets.find((s) => s.key === 'summary');
  const { sheet, kept } = summary ? await withTypedCells(original, summary) : { sheet: undefined, kept: [] };
  const fresh = await writePlanToBuffer({ ...plan, sheets: plan.sheets.map((s) => (s === summary ? sheet! : s)) });
  let data = original;
  if (workbook.reportDate) data = writeCells(data, workbook.reportDate.sheetName, [{ address: workbook.reportDate.address, value: workbook.reportDate.value }]);
  if (workbook.derivedResults) data = writeCachedResults(data, workbook.derivedResults.sheetName, workbook.derivedResults.results);
  if (workbook.newActions.length) {
    data = appendTableRows(data, { sheetName: workbook.input.sheetNames.actions, headerRow: workbook.actionsHeaderRow, rows: workbook.newActions }).data;
  }
  try {
    const user = inspectPackage(data);
    const ours = [workbook.input.sheetNames.summary, workbook.input.sheetNames._meta];
    const result = mergeFreshWorkbook(user, fresh, { replaceSheets: ours });
    const replacedParts = user.sheets.filter((s) => ours.includes(s.name) && s.partName).map((s) => s.partName!);
    await verifyMergedPackage(data, result.data, { ...result, replacedParts });
    // The edits before the merge (report date, cached results, new actions, the chain they pruned) are written parts too.
    verifyWrittenParts(original, result.data);
    return { data: result.data, kept };
  } catch (error) {
    if (error instanceof NameConflictError) throw new SummaryLayoutChanged(error);
    throw error;
  }
}

/**
 * Writes in place (with a backup beside the file, and only if the file is still the one read) or
 * to `output` (already checked by the output rule; an existing one, under --force, kept as a backup).
 */
export async function writeRefreshedSummary(
  file: string,
  output: string | undefined,
  workbook: RefreshedWorkbook,
  now: Date,
  read: { bytes: Uint8Array; fingerprint: Fingerprint },
): Promise<{ target: string; backup?: string; kept: string[] }> {
  const { data, kept } = await refreshedPackage(read.bytes, workbook);
  const target = output ?? file;
  const { backup } = await writeFileAtomic(target, data, { backupAt: now, ...(output === undefined ? { expect: read.fingerprint } : {}) });
  return { target, backup, kept };
}

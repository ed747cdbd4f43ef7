/**
 * Writes a refreshed summary back into the workbook file: the summary sheet and the metadata
 * sheet (both Samspill's own) are rendered afresh and swapped into the package, new actions from
 * the latest evaluation are appended to the action plan's table, the volunteer register's computed
 * columns get cached results for the report date, a report date chosen on the command line goes
 * into the settings, and every other part of the file is copied byte for byte. The summary's
 * kpi_* names follow their figures when the layout moved (a list grew).
 */
import { copyFile, readFile, rm } from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import type { RefreshedWorkbook } from './summaryInput';
import { buildWorkbookPlan } from '../core/plan/buildWorkbookPlan';
import type { WorkbookPlan } from '../core/plan/workbookPlan';
import {
  appendTableRows,
  inspectPackage,
  mergeFreshWorkbook,
  NameConflictError,
  verifyMergedPackage,
  writeCachedResults,
  writeCells,
  writePlanToBuffer,
} from '../workbook/xlsx';
import { backupPath } from './addCommand';
import { writeFileAtomic } from './atomicWrite';
import { SamspillError } from '../core/samspillError';
import { quoteSheetName } from '../core/model/a1';

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

/** Returns the new package bytes; throws SummaryLayoutChanged when a kpi_* name would move. */
export async function refreshedPackage(original: Uint8Array, workbook: RefreshedWorkbook): Promise<Uint8Array> {
  const full = buildWorkbookPlan(workbook.input, workbook.keys);
  const fresh = await writePlanToBuffer(summaryOnlyPlan(full, workbook.input.sheetNames.summary));
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
    return result.data;
  } catch (error) {
    if (error instanceof NameConflictError) throw new SummaryLayoutChanged(error);
    throw error;
  }
}

/** Writes in place (with a backup beside the file) or to `output`; atomic either way. */
export async function writeRefreshedSummary(
  file: string,
  output: string | undefined,
  workbook: RefreshedWorkbook,
  now: Date,
): Promise<{ target: string; backup?: string }> {
  const original = new Uint8Array(await readFile(file));
  const data = await refreshedPackage(original, workbook);
  const target = output ?? file;
  const backup = output === undefined ? backupPath(file, now) : undefined;
  if (backup) await copyFile(file, backup, fsConstants.COPYFILE_EXCL);
  try {
    await writeFileAtomic(target, data);
  } catch (error) {
    if (backup) await rm(backup, { force: true });
    throw error;
  }
  return { target, backup };
}

/**
 * A workbook held as .xlsx bytes in memory, implementing the whole port: the adapter of the
 * browser mode (a file opened from disk, or a new one) and of tests. Reading uses the fast
 * reader; adding templates transplants freshly rendered sheets into the package and appending
 * rows edits the table in place — the same package-level edits the command line makes, so the
 * user's own parts are never re-written. exceljs (to render new sheets) is loaded only when a
 * plan is applied, keeping it out of any page that merely reads.
 */
import type { PlannedName, PlanValue, WorkbookPlan } from '../../../core/plan/workbookPlan';
import { isFormula } from '../../../core/plan/workbookPlan';
import type { SheetGrid, SheetInfo, TableAppender, TableColumnAppender, TableColumnToAppend, WorkbookReader, WorkbookWriter } from '../../../core/port';
import { TableColumnOccupied, WorkbookActionError } from '../../../core/port';
import { EditedPackage } from './editedPackage';
import { inspectPackage, mergeFreshWorkbook } from './packageMerge';
import { readStoredEntries } from './packageZip';
import { tableNamed } from './sheetTables';
import { appendTableRows, TableAppendError, type AppendValue } from './tableAppend';
import { appendTableColumn, TableColumnAppendError } from './tableColumnAppend';
import { openXlsxBuffer, type ReadProgress, type XlsxReader } from '../reading/xlsxReader';
import { isFormulaLike } from '../../../core/import/importMapping';

export interface PackageWorkbookOptions {
  /** Told as each sheet is read (browser mode shows it). */
  onProgress?: (progress: ReadProgress) => void;
}

export class PackageWorkbook implements WorkbookReader, WorkbookWriter, TableAppender, TableColumnAppender {
  private reader: XlsxReader;

  constructor(
    private bytes: Uint8Array,
    private readonly options: PackageWorkbookOptions = {},
  ) {
    this.reader = this.open(bytes);
  }

  /** A new workbook with the plan's sheets only. */
  static async create(plan: WorkbookPlan, options: PackageWorkbookOptions = {}): Promise<PackageWorkbook> {
    const { writePlanToBuffer } = await import('../writing/planWriter');
    return new PackageWorkbook(await writePlanToBuffer(plan), options);
  }

  /** The workbook as it stands now, to save or download. */
  data(): Uint8Array {
    return this.bytes;
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.reader.listSheets();
  }

  readSheet(name: string): Promise<SheetGrid> {
    return this.reader.readSheet(name);
  }

  definedNames(): Promise<PlannedName[]> {
    return this.reader.definedNames();
  }

  async applyPlan(plan: WorkbookPlan): Promise<void> {
    const { writePlanToBuffer } = await import('../writing/planWriter');
    const fresh = await writePlanToBuffer(plan);
    const existing = new Set((await this.reader.listSheets()).map((s) => s.name));
    const replace = plan.sheets.filter((s) => s.key === '_meta' && existing.has(s.name)).map((s) => s.name);
    this.replace(mergeFreshWorkbook(inspectPackage(this.bytes), fresh, { replaceSheets: replace }).data);
  }

  /** Formula values in the rows name their column's formula; the table's own calculated column wins (tableAppend). */
  async appendRows(tableName: string, rows: PlanValue[][]): Promise<void> {
    const table = findTable(this.bytes, tableName);
    const columnFormulas = new Map<number, string>();
    const cells = rows.map((row) => {
      const map = new Map<number, AppendValue>();
      row.forEach((value, i) => {
        if (isFormula(value)) columnFormulas.set(table.firstColumn + i, value.formula.replace(/^=/, ''));
        if (value === null || isFormula(value)) return;
        map.set(table.firstColumn + i, typeof value === 'boolean' ? String(value) : value);
      });
      return map;
    });
    // Text a spreadsheet would take for a formula stays text when edited, as Excel's adapter keeps it.
    try {
      this.replace(
        appendTableRows(this.bytes, { sheetName: table.sheetName, headerRow: table.headerRow, rows: cells, columnFormulas, keepAsText: isFormulaLike }).data,
      );
    } catch (error) {
      // Said as Excel's own refusals are, so the pane words them the same in both hosts.
      if (error instanceof TableAppendError && error.code === 'blocked')
        throw new WorkbookActionError('mergedRangeConflict', error.message, tableName, undefined, error);
      if (error instanceof TableAppendError && error.code === 'rowsBelow')
        throw new WorkbookActionError('insertDeleteConflict', error.message, tableName, undefined, error);
      throw error;
    }
  }

  /** Appends the column by editing the sheet and table parts in place (see tableColumnAppend). */
  async appendTableColumn(tableName: string, column: TableColumnToAppend): Promise<void> {
    const table = findTable(this.bytes, tableName);
    try {
      const result = appendTableColumn(this.bytes, {
        sheetName: table.sheetName,
        tableName,
        headerRow: table.headerRow,
        header: column.header,
        width: column.width,
        validation: column.validation,
      });
      this.replace(result.data);
    } catch (error) {
      if (error instanceof TableColumnAppendError && error.code === 'occupied') throw new TableColumnOccupied(tableName, error.detail);
      throw error;
    }
  }

  private replace(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.reader = this.open(bytes);
  }

  private open(bytes: Uint8Array): XlsxReader {
    const reader = openXlsxBuffer(bytes);
    reader.onProgress = this.options.onProgress;
    return reader;
  }
}

interface TableLocation {
  sheetName: string;
  headerRow: number;
  firstColumn: number;
}

/** Where a table sits: the sheet whose relationships name its part, and the top-left of its ref. */
function findTable(bytes: Uint8Array, tableName: string): TableLocation {
  const found = tableNamed(new EditedPackage(readStoredEntries(bytes)), tableName);
  const range = found?.table.range;
  if (!found || !range) throw new Error(`no table named ${tableName}`);
  return { sheetName: found.sheetName, headerRow: range.r1, firstColumn: range.c1 };
}

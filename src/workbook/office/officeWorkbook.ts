/**
 * The port implemented on the Excel JavaScript API (ExcelApi 1.9): the only code that touches
 * Office.js. Every action costs a fixed number of `context.sync()` round trips whatever the row
 * count: writes are 2-D arrays per rectangle, formats go per style over merged rectangles, and
 * nothing syncs in a loop, except that a write too large for one request (5 MB on the web) is
 * sent in ~4 MB blocks.
 */
import {
  isFormula,
  type PlannedName,
  type PlannedSheet,
  type PlannedTable,
  type PlanValue,
  type StyleKey,
  type WorkbookPlan,
} from '../../core/plan/workbookPlan';
import type {
  CellEdit,
  CellSelector,
  CopyOpener,
  CellValue,
  CellWriter,
  RowEditor,
  RowSnapshot,
  RowUpdate,
  SelectionChange,
  SelectionWatcher,
  SheetGrid,
  SheetInfo,
  SpreadsheetOpener,
  TableAppender,
  TableColumnAppender,
  TableColumnToAppend,
  WorkbookReader,
  WorkbookWriter,
} from '../../core/port';
import { changedColumns, RowChanged, TableColumnOccupied, WorkbookActionError, type HostSelfCheck, type SelfCheckReport } from '../../core/port';
import { runSelfCheck, type HostDiagnostics } from './officeSelfCheck';
import { cellBlocks, jsonBytes, officeInput, officeText, sliceByBytes, type OfficeInput } from './officeCells';
import { isPayloadError, officeCodeOf, toOfficeActionError } from './officeErrors';
import { addressOf, applyStyleFormat, columnWidthPoints, coveringAreas, hasFormat, setBottomBorder, styleSpec, type Area } from './officeStyles';
import { applyValidation } from './officeValidation';
import { CALL_BYTES, REQUEST_BUDGET_BYTES, RequestBudget } from './requestBudget';
import { areaAddress, cellAddress, columnLetter } from '../../core/model/a1';

/** `Excel.run` in the add-in; a stand-in in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** Bytes one request may carry; lower it to exercise blocking without gigabytes of data. */
  requestBudgetBytes?: number;
  /** `Excel.createWorkbook` (ExcelApi 1.8) in the add-in; a recorder in tests. */
  createWorkbook?: (base64: string) => Promise<void>;
  /** `Office.context.diagnostics` in the add-in (for the self-check's report); the stand-in's in tests. */
  diagnostics?: () => HostDiagnostics;
}

const TABLE_STYLE = 'TableStyleMedium2';
/** Structure guarded from slips only: no password, columns may be widened. */
const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, selectionMode: 'Normal' };
/** Cells read per request at first; later blocks are sized from what the first one weighed. */
const FIRST_READ_CELLS = 50_000;

const VISIBILITY: Record<string, SheetInfo['visibility']> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

interface ExistingItems {
  sheets: Set<string>;
  tables: Set<string>;
  names: Set<string>;
}

const key = (name: string): string => name.toLocaleLowerCase('en-US');

export class OfficeWorkbook
  implements
    WorkbookReader,
    WorkbookWriter,
    TableAppender,
    TableColumnAppender,
    CellSelector,
    CellWriter,
    CopyOpener,
    HostSelfCheck,
    RowEditor,
    SelectionWatcher,
    SpreadsheetOpener
{
  private readonly budgetBytes: number;

  private readonly selectionListeners = new Set<(selection: SelectionChange) => void>();

  private selectionHandler: Promise<void> | null = null;

  /** The cell the pane itself selected last ("sheet\u0000A1"): its selection event is not the user's. */
  private ownSelection: string | null = null;

  private readonly createWorkbook: (base64: string) => Promise<void>;

  private readonly diagnostics: () => HostDiagnostics;

  constructor(
    private readonly run: ExcelRun,
    options: OfficeWorkbookOptions = {},
  ) {
    this.budgetBytes = options.requestBudgetBytes ?? REQUEST_BUDGET_BYTES;
    this.createWorkbook = options.createWorkbook ?? ((base64) => Excel.createWorkbook(base64));
    this.diagnostics = options.diagnostics ?? officeDiagnostics;
  }

  /** The in-Excel self-check (officeSelfCheck.ts): every capability tried in a scratch sheet, removed afterwards. */
  selfCheck(): Promise<SelfCheckReport> {
    return runSelfCheck(this.run, this.diagnostics);
  }

  /**
   * Opens the plan as a new workbook in Excel; the file name is Excel's to choose when saved.
   * Excel.createWorkbook takes an .xlsx file, so the xlsx writer renders the plan; it brings
   * exceljs, so it is loaded here, on demand, and never with the pane.
   */
  async openCopy(plan: WorkbookPlan): Promise<void> {
    const { writePlanToBuffer } = await import('../xlsx/writing');
    const data = await writePlanToBuffer(plan);
    try {
      await this.createWorkbook(toBase64(data));
    } catch (error) {
      throw toOfficeActionError(error);
    }
  }

  /**
   * A sign-up form's .xlsx export, dropped on the pane: Excel's API cannot read a file without
   * opening it as a workbook, so the xlsx reader (no exceljs) reads it, loaded on demand.
   */
  async openSpreadsheet(bytes: Uint8Array): Promise<WorkbookReader> {
    const { openXlsxBuffer } = await import('../xlsx/reading');
    return openXlsxBuffer(bytes);
  }

  /**
   * Adds the plan's sheets and names. One round trip checks that no sheet or table of the plan
   * exists yet (the caller picks free names); one more writes everything. If writing fails half
   * way, the sheets it added are removed again, so the workbook is left as it was.
   */
  async applyPlan(plan: WorkbookPlan): Promise<void> {
    await this.act(async (context) => {
      const existing = await loadExisting(context);
      assertFree(plan, existing);
      const budget = new RequestBudget(context, this.budgetBytes);
      try {
        for (const sheet of plan.sheets) await writeSheet(context, budget, sheet);
        await writeNames(context, budget, plan.names, existing.names);
        await budget.flush();
      } catch (error) {
        await removeSheets(
          context,
          plan.sheets.map((s) => s.name),
        );
        throw error;
      }
    });
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.act(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name,items/visibility');
      await context.sync();
      return sheets.items.map((s) => ({ name: s.name, visibility: VISIBILITY[s.visibility] ?? 'visible' }));
    });
  }

  /** The sheet's used range, read in blocks sized to stay under the response cap. */
  async readSheet(name: string): Promise<SheetGrid> {
    return this.act(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      sheet.load('name,visibility');
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      const grid: SheetGrid = { name: sheet.name, visibility: VISIBILITY[sheet.visibility] ?? 'visible', rows: [] };
      if (used.isNullObject) return grid;
      await this.readRows(context, sheet, used, grid.rows);
      return grid;
    }, name);
  }

  async definedNames(): Promise<PlannedName[]> {
    return this.act(async (context) => {
      const names = context.workbook.names.load('items/name,items/formula');
      await context.sync();
      return names.items.map((n) => ({ name: n.name, refersTo: String(n.formula).replace(/^=/, '') }));
    });
  }

  /**
   * Appends rows at the end of a table with `rows.add` (`Table.resize` is ExcelApi 1.13), in blocks
   * of ~4 MB, one request each. Rows shorter than the table, which may have the user's own columns,
   * are padded. Formula columns come as formulas in the rows: Excel fills a calculated column only
   * when the user's AutoCorrect option says so (office-js #1916, #2093), so they are never left to it.
   * A block Excel on the web refuses for its size is halved and sent again, once the table's row
   * count shows it did not land.
   */
  async appendRows(tableName: string, rows: PlanValue[][]): Promise<void> {
    if (rows.length === 0) return;
    await this.act(async (context) => {
      const table = context.workbook.tables.getItem(tableName);
      const columns = table.columns.load('count');
      const body = table.rows.load('count');
      await context.sync();
      const width = columns.count;
      const values = rows.map((row) => fitRow(row, width, tableName));
      let count = body.count;
      // A new register's table has one blank row (a table cannot have none): fill it first, so
      // the first record does not land below an empty row.
      if (body.count === 1) {
        const only = table.getDataBodyRange().load('values');
        await context.sync();
        if (only.values[0].every((v) => v === '' || v === null)) {
          only.values = [values.shift()! as (string | number | boolean)[]];
          if (values.length === 0) return void (await context.sync());
        }
      }
      const blocks = sliceByBytes(values, this.budgetBytes - 4 * CALL_BYTES).map(([start, end]) => values.slice(start, end));
      while (blocks.length > 0) {
        const block = blocks.shift()!;
        context.application.suspendApiCalculationUntilNextSync();
        table.rows.add(undefined, block as (string | number | boolean)[][]);
        try {
          await context.sync();
          count += block.length;
        } catch (error) {
          if (!isPayloadError(error) || block.length < 2) throw error;
          const after = table.rows.load('count');
          await context.sync();
          if (after.count === count + block.length) {
            count = after.count;
            continue;
          }
          if (after.count !== count) throw error;
          const half = Math.ceil(block.length / 2);
          blocks.unshift(block.slice(0, half), block.slice(half));
        }
      }
    }, tableName);
  }

  /**
   * Writes single cells of an existing sheet (settings, ratings, metadata) in one round trip. A sheet
   * Samspill protects is unprotected, written and protected again in that one request; its state is
   * read first (one more round trip), since protect() fails on a protected sheet (reference) and
   * unprotect() has been seen to fail on an unprotected one (office-js #6784).
   */
  async writeCells(sheetName: string, edits: CellEdit[], options: { protectedSheet?: boolean } = {}): Promise<void> {
    if (edits.length === 0) return;
    await this.act(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      let wasProtected = false;
      if (options.protectedSheet) {
        const state = sheet.protection.load('protected');
        await context.sync();
        wasProtected = state.protected;
      }
      if (wasProtected) sheet.protection.unprotect();
      for (const edit of edits) {
        const range = sheet.getRange(edit.address);
        if (isFormula(edit.value)) range.formulas = [[officeInput(edit.value) as string]];
        else range.values = [[(officeInput(edit.value) ?? '') as string | number | boolean]];
      }
      if (options.protectedSheet) sheet.protection.protect(PROTECTION_OPTIONS);
      try {
        await context.sync();
      } catch (error) {
        if (wasProtected) await afterFailedUnprotect(context, sheet, sheetName, error);
        throw error;
      }
    }, sheetName);
  }

  /**
   * Appends a column at the right end of a table (`columns.add` with a name: ExcelApi 1.4), with
   * its validation over the new column's data rows and its width. One round trip looks right of
   * the table, within its rows, for the user's cells (Excel would move them aside; we refuse, as
   * the command line does); one more adds the column. Two, whatever the row count.
   */
  async appendTableColumn(tableName: string, column: TableColumnToAppend): Promise<void> {
    const occupied = await this.act(async (context) => {
      const table = context.workbook.tables.getItem(tableName);
      const beside = table.getRange().getColumnsAfter(1).getUsedRangeOrNullObject(true);
      beside.load('address');
      await context.sync();
      if (!beside.isNullObject) return firstCellOf(beside.address);
      const added = table.columns.add(undefined, undefined, column.header);
      if (column.validation) applyValidation(added.getDataBodyRange(), { ...column.validation, range: '' });
      if (column.width && column.width > 0) added.getRange().format.columnWidth = columnWidthPoints(column.width);
      await context.sync();
      return null;
    }, tableName);
    // Thrown outside the batch, so it reaches the caller as itself rather than as an Excel error.
    if (occupied) throw new TableColumnOccupied(tableName, occupied);
  }

  /** One row's values, columns 1..lastColumn, in one round trip. */
  async readRow(sheetName: string, rowNumber: number, lastColumn: number): Promise<(CellValue | undefined)[]> {
    return this.act(async (context) => {
      const range = context.workbook.worksheets.getItem(sheetName).getRange(areaAddress(rowNumber, 1, rowNumber, Math.max(1, lastColumn)));
      range.load('values,valueTypes');
      await context.sync();
      return range.values[0].map((value, c) => cellValue(value, range.valueTypes[0][c]) ?? undefined);
    }, sheetName);
  }

  /**
   * Writes cells of rows once each is known to hold what the pane read: one round trip reads the
   * rows, one more writes only the edited cells (never a whole row over a calculated column),
   * whatever the number of rows. A row the user changed meanwhile is refused with RowChanged,
   * thrown outside the batch, and nothing is written.
   */
  async updateRows(updates: RowUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    const changed = await this.act(async (context) => {
      const current = updates.map(({ row }) => loadRow(context.workbook.worksheets.getItem(row.sheetName), row));
      await context.sync();
      for (const [i, { row }] of updates.entries()) {
        const differing = changedColumns(row, rowValues(current[i]));
        if (differing.length > 0) return { row, differing };
      }
      for (const { row, edits } of updates) {
        const sheet = context.workbook.worksheets.getItem(row.sheetName);
        for (const edit of edits) {
          const cell = sheet.getRange(cellAddress(row.rowNumber, edit.column));
          if (isFormula(edit.value)) cell.formulas = [[officeInput(edit.value) as string]];
          else cell.values = [[(officeInput(edit.value) ?? '') as string | number | boolean]];
        }
      }
      await context.sync();
      return null;
    }, updates[0].row.sheetName);
    if (changed) throw rowChanged(changed.row, changed.differing);
  }

  /**
   * Deletes table rows (TableRow.delete, ExcelApi 1.1: the table's cells below move up), bottom
   * first so each index still points at its row. One round trip reads the header's position and
   * every row to compare; one more deletes. Nothing is deleted when one row differs.
   */
  async deleteTableRows(tableName: string, rows: RowSnapshot[]): Promise<void> {
    if (rows.length === 0) return;
    const changed = await this.act(async (context) => {
      const table = context.workbook.tables.getItem(tableName);
      const header = table.getHeaderRowRange().load('rowIndex');
      const current = rows.map((row) => loadRow(context.workbook.worksheets.getItem(row.sheetName), row));
      await context.sync();
      for (const [i, row] of rows.entries()) {
        const differing = changedColumns(row, rowValues(current[i]));
        if (differing.length > 0) return { row, differing };
      }
      const headerRow = header.rowIndex + 1;
      for (const row of [...rows].sort((a, b) => b.rowNumber - a.rowNumber)) table.rows.getItemAt(row.rowNumber - headerRow - 1).delete();
      await context.sync();
      return null;
    }, tableName);
    if (changed) throw rowChanged(changed.row, changed.differing);
  }

  /**
   * The user's selections (Workbook.onSelectionChanged, ExcelApi 1.2; the selected range by
   * getSelectedRange, ExcelApi 1.1). The handler is registered once, on the first listener; each
   * event costs one round trip to learn the address. A selection the pane made itself through
   * selectCell is not passed on, so showing a cell does not read as the user choosing it.
   */
  async watchSelection(listener: (selection: SelectionChange) => void): Promise<() => void> {
    this.selectionListeners.add(listener);
    this.selectionHandler ??= this.act(async (context) => {
      context.workbook.onSelectionChanged.add(() => this.selectionChanged());
      await context.sync();
    }).catch((error: unknown) => {
      this.selectionHandler = null;
      throw error;
    });
    try {
      await this.selectionHandler;
    } catch (error) {
      this.selectionListeners.delete(listener);
      throw error;
    }
    return () => void this.selectionListeners.delete(listener);
  }

  private async selectionChanged(): Promise<void> {
    if (this.selectionListeners.size === 0) return;
    // A selection that is no range (a chart, a shape) has no address: nothing to pass on.
    const address = await this.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load('address');
      await context.sync();
      return range.address;
    }).catch(() => null);
    if (!address) return;
    const selection = splitAddress(address);
    const own = this.ownSelection;
    this.ownSelection = null;
    if (own === `${selection.sheetName}\u0000${selection.address.split(':')[0]}`) return;
    for (const listener of [...this.selectionListeners]) listener(selection);
  }

  /** Shows a cell to the user: activates its sheet and selects it (for "go to issue"). */
  async selectCell(sheetName: string, address: string): Promise<void> {
    this.ownSelection = `${sheetName}\u0000${address.replace(/\$/g, '').split(':')[0]}`;
    await this.act(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(address).select();
      await context.sync();
    }, sheetName);
  }

  private async act<T>(batch: (context: Excel.RequestContext) => Promise<T>, subject?: string): Promise<T> {
    try {
      return await this.run(batch);
    } catch (error) {
      throw toOfficeActionError(error, subject);
    }
  }

  /**
   * Reads the used range in blocks: the first of ~50,000 cells, the next sized from what it
   * weighed, so a response stays near the budget. A block Excel on the web refuses for its size (a
   * column of long free text can pass 5 MB well within 50,000 cells) is halved and read again.
   */
  private async readRows(context: Excel.RequestContext, sheet: Excel.Worksheet, used: Excel.Range, rows: SheetGrid['rows']): Promise<void> {
    const width = used.columnCount;
    let blockRows = Math.max(1, Math.floor(FIRST_READ_CELLS / width));
    for (let offset = 0; offset < used.rowCount;) {
      const count = Math.min(blockRows, used.rowCount - offset);
      const block = sheet.getRangeByIndexes(used.rowIndex + offset, used.columnIndex, count, width);
      block.load('values,valueTypes');
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadError(error) || count < 2) throw error;
        blockRows = Math.ceil(count / 2);
        continue;
      }
      storeRows(rows, used.rowIndex + offset, used.columnIndex, block.values, block.valueTypes);
      offset += count;
      const bytesPerRow = Math.max(1, (jsonBytes(block.values) + jsonBytes(block.valueTypes)) / count);
      blockRows = Math.max(1, Math.min(Math.floor(this.budgetBytes / bytesPerRow), blockRows * 2));
    }
  }
}

/**
 * After a failed write to a sheet this call unprotected: still protected means unprotect() itself
 * was refused — a password the user set (isPasswordProtected is ExcelApiOnline only, so it cannot be
 * asked first) — and gets its own message; otherwise a later write failed, and the sheet is
 * protected again before the error goes on.
 */
async function afterFailedUnprotect(context: Excel.RequestContext, sheet: Excel.Worksheet, sheetName: string, error: unknown): Promise<void> {
  const state = sheet.protection.load('protected');
  await context.sync();
  if (state.protected) throw new WorkbookActionError('passwordProtected', toOfficeActionError(error).detail ?? '', sheetName, officeCodeOf(error), error);
  sheet.protection.protect(PROTECTION_OPTIONS);
  await context.sync();
}

/** Office.context.diagnostics: "Gets the Office application / platform / version …" (reference, Office.ContextInformation). */
function officeDiagnostics(): HostDiagnostics {
  const { host, platform, version } = Office.context.diagnostics;
  return { host: String(host), platform: String(platform), version: String(version) };
}

/** The compared cells of a row, loaded over the row from column 1 to the rightmost compared one. */
function loadRow(sheet: Excel.Worksheet, row: RowSnapshot): Excel.Range {
  const last = Math.max(1, ...row.cells.map((c) => c.column));
  return sheet.getRange(areaAddress(row.rowNumber, 1, row.rowNumber, last)).load('values,valueTypes');
}

function rowValues(range: Excel.Range): (CellValue | undefined)[] {
  return range.values[0].map((value, c) => cellValue(value, range.valueTypes[0][c]));
}

function rowChanged(row: RowSnapshot, columns: number[]): RowChanged {
  return new RowChanged(
    row.sheetName,
    row.rowNumber,
    columns.map((col) => cellAddress(row.rowNumber, col)),
  );
}

/** "'Mitt ark'!B5:D5" → the sheet's name (quotes undone) and "B5:D5". */
function splitAddress(address: string): SelectionChange {
  const bang = address.lastIndexOf('!');
  const sheet = address.slice(0, bang);
  const sheetName = /^'.*'$/.test(sheet) ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
  return { sheetName, address: address.slice(bang + 1).replace(/\$/g, '') };
}

/** "'Sheet 1'!L4:L9" → "L4": a one-column used range starts at an occupied cell. */
function firstCellOf(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).split(':')[0];
}

function blockBytes(budget: RequestBudget): number {
  return budget.limit - 4 * CALL_BYTES;
}

function fitRow(row: PlanValue[], width: number, tableName: string): OfficeInput[] {
  if (row.length > width) {
    throw new WorkbookActionError('unknown', `A row for table "${tableName}" has ${row.length} values; the table has ${width} columns.`, tableName);
  }
  // rows.add takes no null: an empty string leaves the cell empty — or, with the user's AutoCorrect
  // option on, gets a calculated column's formula; formula columns therefore come as formulas.
  return Array.from({ length: width }, (_, c) => officeInput(row[c] ?? null) ?? '');
}

function storeRows(rows: SheetGrid['rows'], rowIndex: number, columnIndex: number, values: unknown[][], types: string[][]): void {
  values.forEach((line, r) => {
    let row: CellValue[] | undefined;
    line.forEach((value, c) => {
      const cell = cellValue(value, types[r][c]);
      if (cell === null) return;
      row ??= [];
      row[columnIndex + c] = cell;
    });
    if (row) rows[rowIndex + r] = row;
  });
}

function cellValue(value: unknown, type: string): CellValue {
  if (type === 'Empty' || value === '' || value === null || value === undefined) return null;
  if (type === 'Error') return { error: String(value) };
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

async function loadExisting(context: Excel.RequestContext): Promise<ExistingItems> {
  const sheets = context.workbook.worksheets.load('items/name');
  const tables = context.workbook.tables.load('items/name');
  const names = context.workbook.names.load('items/name');
  await context.sync();
  return {
    sheets: new Set(sheets.items.map((s) => key(s.name))),
    tables: new Set(tables.items.map((t) => key(t.name))),
    names: new Set(names.items.map((n) => key(n.name))),
  };
}

/** Excel compares sheet, table and name names without case; tables and names share one namespace. */
function assertFree(plan: WorkbookPlan, existing: ExistingItems): void {
  // A plan's name may replace a name of the same name, never a table's (Excel refuses it; a file would be repaired).
  for (const name of plan.names) {
    if (existing.tables.has(key(name.name)))
      throw new WorkbookActionError('alreadyExists', `The workbook already has a table named "${name.name}".`, name.name);
  }
  for (const sheet of plan.sheets) {
    if (existing.sheets.has(key(sheet.name))) {
      throw new WorkbookActionError('alreadyExists', `The workbook already has a sheet named "${sheet.name}".`, sheet.name);
    }
    for (const table of sheet.tables) {
      if (existing.tables.has(key(table.name)) || existing.names.has(key(table.name))) {
        throw new WorkbookActionError('alreadyExists', `The workbook already has a table or name "${table.name}".`, table.name);
      }
    }
  }
}

async function writeSheet(context: Excel.RequestContext, budget: RequestBudget, sheet: PlannedSheet): Promise<void> {
  await budget.reserve();
  const worksheet = context.workbook.worksheets.add(sheet.name);
  for (const block of cellBlocks(sheet.cells)) {
    await writeRows(budget, block.rows, block.hasFormula, (top, bottom) =>
      worksheet.getRange(areaAddress(block.top + top, block.left, block.top + bottom - 1, block.left + block.rows[0].length - 1)),
    );
  }
  for (const table of sheet.tables) await writeTable(budget, worksheet, table);
  await writeStyles(budget, worksheet, sheet);
  for (const validation of sheet.validations) {
    await budget.reserve(CALL_BYTES + jsonBytes(validation));
    applyValidation(worksheet.getRange(validation.range), validation);
  }
  for (const range of sheet.merges) {
    await budget.reserve();
    worksheet.getRange(range).merge(false);
  }
  for (const bar of sheet.dataBars) {
    await budget.reserve();
    const format = worksheet.getRange(bar.range).conditionalFormats.add('DataBar');
    format.dataBar.positiveFormat.fillColor = `#${bar.color.replace(/^#/, '')}`;
    format.dataBar.positiveFormat.gradientFill = false;
  }
  // Charts go in before protection: Excel refuses new objects on a protected sheet.
  for (const chart of sheet.charts ?? []) {
    await budget.reserve();
    const type = chart.kind === 'bar' ? 'BarClustered' : 'ColumnClustered';
    const drawn = worksheet.charts.add(type, worksheet.getRange(chart.source), 'Columns');
    drawn.title.text = chart.title;
    drawn.setPosition(chart.from, chart.to);
  }
  await writeLayout(budget, worksheet, sheet);
  if (sheet.protection) await protect(budget, worksheet, sheet.protection.unlocked);
  // Last, so nothing above addresses a sheet Excel has already hidden.
  if (sheet.visibility === 'veryHidden') {
    await budget.reserve();
    worksheet.visibility = 'VeryHidden';
  }
}

/** Writes rows through `range(top, bottom)` (0-based, bottom exclusive), one call per block. */
async function writeRows(
  budget: RequestBudget,
  rows: OfficeInput[][],
  hasFormula: boolean,
  range: (top: number, bottom: number) => Excel.Range,
): Promise<void> {
  for (const [start, end] of sliceByBytes(rows, blockBytes(budget))) {
    const slice = start === 0 && end === rows.length ? rows : rows.slice(start, end);
    await budget.reserve(jsonBytes(slice) + CALL_BYTES);
    const target = range(start, end);
    if (hasFormula) target.formulas = slice;
    else target.values = slice;
  }
}

/** Makes the table over its whole extent, names it, then writes headers and the body in one go. */
async function writeTable(budget: RequestBudget, worksheet: Excel.Worksheet, table: PlannedTable): Promise<void> {
  const width = table.headers.length;
  const bodyRows = table.rows.length > 0 ? table.rows : [table.headers.map(() => null)];
  const address = areaAddress(table.row, table.col, table.row + bodyRows.length, table.col + width - 1);
  await budget.reserve(CALL_BYTES + jsonBytes(table.headers));
  const created = worksheet.tables.add(address, true);
  created.name = table.name;
  created.style = TABLE_STYLE;
  created.getHeaderRowRange().values = [table.headers.map(officeText)];
  const body = bodyRows.map((row) => table.headers.map((_, c) => officeInput(row[c] ?? null)));
  const hasFormula = body.some((row) => row.some((v) => typeof v === 'string' && v.startsWith('=')));
  const whole = sliceByBytes(body, blockBytes(budget)).length === 1;
  await writeRows(budget, body, hasFormula, (top, bottom) =>
    whole ? created.getDataBodyRange() : worksheet.getRange(areaAddress(table.row + 1 + top, table.col, table.row + bottom, table.col + width - 1)),
  );
}

/** The rectangles each style covers: plain cells merged, table columns as whole columns. */
function styleAreas(sheet: PlannedSheet): Map<StyleKey, Area[]> {
  const cellsByStyle = new Map<StyleKey, { row: number; col: number }[]>();
  for (const cell of sheet.cells) {
    if (!cell.style) continue;
    const list = cellsByStyle.get(cell.style) ?? [];
    list.push(cell);
    cellsByStyle.set(cell.style, list);
  }
  const extra = new Map<StyleKey, Area[]>();
  for (const table of sheet.tables) {
    const bottom = table.row + Math.max(1, table.rows.length);
    table.columnStyles.forEach((style, c) => {
      if (!style) return;
      const list = extra.get(style) ?? [];
      list.push({ top: table.row + 1, bottom, left: table.col + c, right: table.col + c });
      extra.set(style, list);
    });
  }
  const styles = new Set<StyleKey>([...cellsByStyle.keys(), ...extra.keys()]);
  return new Map([...styles].map((style) => [style, coveringAreas(cellsByStyle.get(style) ?? [], extra.get(style) ?? [])]));
}

async function writeStyles(budget: RequestBudget, worksheet: Excel.Worksheet, sheet: PlannedSheet): Promise<void> {
  for (const [style, areas] of styleAreas(sheet)) {
    const spec = styleSpec(style);
    const addresses = areas.map(addressOf);
    // One range per area, never a list for getRanges: its separator is the user's on Windows
    // desktop (";" with Norwegian settings; office-js #1167, #1985) and no API says which it is.
    if (hasFormat(spec)) {
      for (const address of addresses) {
        await budget.reserve(CALL_BYTES * 4);
        applyStyleFormat(worksheet.getRange(address).format, spec);
      }
    }
    if (spec.borderBottom) {
      for (const address of areas.filter((a) => a.bottom > a.top).map(addressOf)) {
        await budget.reserve(CALL_BYTES * 3);
        setBottomBorder(worksheet.getRange(address).format, 'InsideHorizontal');
      }
    }
    if (spec.numFmt) {
      // RangeAreas has no number format; a single value set on a Range applies to all its cells.
      const numberFormat = spec.numFmt as unknown as unknown[][];
      for (const address of addresses) {
        await budget.reserve();
        worksheet.getRange(address).numberFormat = numberFormat;
      }
    }
  }
}

async function writeLayout(budget: RequestBudget, worksheet: Excel.Worksheet, sheet: PlannedSheet): Promise<void> {
  await budget.reserve(CALL_BYTES * (4 + sheet.columnWidths.length));
  sheet.columnWidths.forEach((width, i) => {
    const letter = columnLetter(i + 1);
    if (width > 0) worksheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(width);
  });
  if (sheet.tabColor) worksheet.tabColor = `#${sheet.tabColor.replace(/^#/, '')}`;
  const freeze = sheet.freeze;
  if (freeze && freeze.rows > 0 && freeze.cols > 0) worksheet.freezePanes.freezeAt(areaAddress(1, 1, freeze.rows, freeze.cols));
  else if (freeze && freeze.rows > 0) worksheet.freezePanes.freezeRows(freeze.rows);
  else if (freeze && freeze.cols > 0) worksheet.freezePanes.freezeColumns(freeze.cols);
  if (sheet.print) {
    const layout = worksheet.pageLayout;
    layout.setPrintArea(sheet.print.area);
    layout.orientation = sheet.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    layout.paperSize = 'A4';
    // One page wide, as many tall as needed (0 = automatic, as fitToHeight in the file format).
    if (sheet.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (sheet.print.footer) layout.headersFooters.defaultForAllPages.centerFooter = sheet.print.footer;
  }
  await writeRowLayout(budget, worksheet, sheet);
}

/** Heights Excel would not fit itself (wrapped text: rowHeights.ts) and the manual page breaks of a printed document. */
async function writeRowLayout(budget: RequestBudget, worksheet: Excel.Worksheet, sheet: PlannedSheet): Promise<void> {
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) {
    await budget.reserve();
    worksheet.getRange(`${row}:${row}`).format.rowHeight = height;
  }
  for (const row of sheet.rowBreaks ?? []) {
    await budget.reserve();
    // add() puts the break above the range's top-left cell: the page breaks after `row`.
    worksheet.horizontalPageBreaks.add(`A${row + 1}`);
  }
}

/** Unlocks the input ranges, then protects without a password: structure is guarded from slips only. */
async function protect(budget: RequestBudget, worksheet: Excel.Worksheet, unlocked: string[]): Promise<void> {
  for (const address of unlocked) {
    await budget.reserve();
    worksheet.getRange(address).format.protection.locked = false;
  }
  await budget.reserve();
  worksheet.protection.protect(PROTECTION_OPTIONS);
}

/** The plan's definition of a workbook name wins over one already there (as in the xlsx writer). */
async function writeNames(context: Excel.RequestContext, budget: RequestBudget, names: PlannedName[], existing: Set<string>): Promise<void> {
  for (const name of names) {
    await budget.reserve(CALL_BYTES + jsonBytes(name));
    if (existing.has(key(name.name))) context.workbook.names.getItem(name.name).delete();
    context.workbook.names.add(name.name, `=${name.refersTo.replace(/^=/, '')}`);
  }
}

/**
 * Best effort after a failed write: the sheets this plan added go again; a failure here changes
 * nothing. A very hidden sheet (the metadata) is made hidden first: deleting a VeryHidden sheet
 * "will fail with an InvalidOperation exception" (reference, Worksheet.delete).
 */
async function removeSheets(context: Excel.RequestContext, names: string[]): Promise<void> {
  try {
    const found = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name).load('visibility'));
    await context.sync();
    for (const sheet of found) {
      if (sheet.isNullObject) continue;
      if (sheet.visibility === 'VeryHidden') sheet.visibility = 'Hidden';
      sheet.delete();
    }
    await context.sync();
  } catch {
    // The original error is the one the user needs to see.
  }
}

/** Base64 without Node's Buffer (the add-in runs in a browser), in chunks to spare the call stack. */
function toBase64(data: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(binary);
}

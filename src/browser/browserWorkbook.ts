/**
 * The task pane's workbook in browser mode: an .xlsx held in memory (PackageWorkbook), with the
 * two things a web page does differently from Excel. Selecting a cell cannot move a spreadsheet's
 * cursor, so it hands the cell to the page, which previews the sheet; and single-cell writes are
 * package edits that replace the bytes. Every change is serialised (one edit reads the bytes the
 * previous one wrote) and reported, so the page knows there is something to download.
 */
import type { PlannedName, PlanValue, WorkbookPlan } from '../core/plan/workbookPlan';
import type { PaneWorkbook } from '../taskpane/services/paneWorkbook';
import type {
  CellEdit,
  CellWriter,
  CopyOpener,
  SheetGrid,
  SheetInfo,
  SpreadsheetOpener,
  TableColumnAppender,
  TableColumnToAppend,
  WorkbookReader,
} from '../core/port';
import { PackageWorkbook, writeCells } from '../workbook/xlsx/editing';
import { openXlsxBuffer } from '../workbook/xlsx/reading';
import { downloadFile } from './downloadFile';

export interface BrowserWorkbookEvents {
  /** A validation issue (or a filled form) asks to show this cell. */
  onSelect(sheetName: string, address: string): void;
  /** The bytes changed: a download now differs from the file opened. */
  onChange(): void;
}

export class BrowserWorkbook implements PaneWorkbook, CellWriter, TableColumnAppender, CopyOpener, SpreadsheetOpener {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private current: PackageWorkbook,
    private readonly events: BrowserWorkbookEvents,
  ) {}

  /** A new workbook for the user (the copy without personal data): downloaded, never uploaded. */
  async openCopy(plan: WorkbookPlan, fileName: string): Promise<void> {
    const { writePlanToBuffer } = await import('../workbook/xlsx/writing');
    downloadFile(await writePlanToBuffer(plan), fileName);
  }

  /** A sign-up form's .xlsx export dropped on the pane, read in memory like the workbook itself. */
  async openSpreadsheet(bytes: Uint8Array): Promise<WorkbookReader> {
    return openXlsxBuffer(bytes);
  }

  /** The workbook as it stands, once every edit already asked for is done. */
  async data(): Promise<Uint8Array> {
    await this.queue.catch(() => undefined);
    return this.current.data();
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.afterEdits(() => this.current.listSheets());
  }

  readSheet(name: string): Promise<SheetGrid> {
    return this.afterEdits(() => this.current.readSheet(name));
  }

  definedNames(): Promise<PlannedName[]> {
    return this.afterEdits(() => this.current.definedNames());
  }

  applyPlan(plan: WorkbookPlan): Promise<void> {
    return this.edit(() => this.current.applyPlan(plan));
  }

  appendRows(tableName: string, rows: PlanValue[][]): Promise<void> {
    return this.edit(() => this.current.appendRows(tableName, rows));
  }

  /** An upgrade's new register column (the Maler tab's upgrade of an older workbook). */
  appendTableColumn(tableName: string, column: TableColumnToAppend): Promise<void> {
    return this.edit(() => this.current.appendTableColumn(tableName, column));
  }

  writeCells(sheetName: string, edits: CellEdit[]): Promise<void> {
    return this.edit(async () => {
      this.current = new PackageWorkbook(writeCells(this.current.data(), sheetName, edits));
    });
  }

  async selectCell(sheetName: string, address: string): Promise<void> {
    this.events.onSelect(sheetName, address.replace(/\$/g, ''));
  }

  /** Reads wait for earlier edits, so a tab never reads the workbook half-way through a change. */
  private afterEdits<T>(read: () => Promise<T>): Promise<T> {
    return this.queue.catch(() => undefined).then(read);
  }

  private edit(change: () => Promise<void>): Promise<void> {
    const run = this.queue.catch(() => undefined).then(change);
    this.queue = run;
    return run.then(() => this.events.onChange());
  }
}

/**
 * The task pane's workbook in browser mode: an .xlsx held in memory by a Web Worker, so that
 * reading it, adding templates and writing never hold up the page. The pane's services run in the
 * worker too (ServiceHost): only their small answers reach the page, never a large register's
 * rows. What a web page does differently from Excel comes back from the worker as events:
 * selecting a cell hands it to the page, which previews the sheet; a copy is downloaded; every
 * change is reported, so the page knows there is something to download.
 */
import type { Lang } from '../core/content/language';
import type { PlannedName, PlanValue, WorkbookPlan } from '../core/plan/workbookPlan';
import type { CellEdit, CellWriter, CopyOpener, SheetGrid, SheetInfo, TableColumnAppender, TableColumnToAppend } from '../core/port';
import type { PaneWorkbook } from '../taskpane/services/paneWorkbook';
import type { ServiceHost, ServiceName } from '../taskpane/services/paneService';
import type { WorkerClient, WorkerEvents } from './worker/workerClient';

export class BrowserWorkbook implements PaneWorkbook, CellWriter, TableColumnAppender, CopyOpener, ServiceHost {
  private constructor(private readonly worker: WorkerClient) {}

  /** Opens the bytes in the worker; refuses (with the reader's error) what is not a workbook. */
  static async open(worker: WorkerClient, bytes: Uint8Array): Promise<BrowserWorkbook> {
    await worker.request({ op: 'open', bytes }, [bytes.buffer as ArrayBuffer]);
    return new BrowserWorkbook(worker);
  }

  /** A new workbook with every template, made in the worker. */
  static async create(worker: WorkerClient, lang: Lang, now: Date): Promise<BrowserWorkbook> {
    await worker.request({ op: 'create', lang, now: now.getTime() });
    return new BrowserWorkbook(worker);
  }

  /** Where the worker's news goes: progress, changes, cells to show, files to download. */
  listen(events: WorkerEvents): void {
    this.worker.events = events;
  }

  /** The worker stops; this workbook can no longer be used. */
  close(): void {
    this.worker.close();
  }

  /** The workbook as it stands, once every edit already asked for is done: a copy to save. */
  data(): Promise<Uint8Array> {
    return this.worker.request({ op: 'data' });
  }

  openCopy(plan: WorkbookPlan, fileName: string): Promise<void> {
    return this.worker.request({ op: 'openCopy', plan, fileName });
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.worker.request({ op: 'listSheets' });
  }

  readSheet(name: string): Promise<SheetGrid> {
    return this.worker.request({ op: 'readSheet', sheet: name });
  }

  /** Only the rows from..to (1-based) of the sheet: a preview's worth, however large the sheet is. */
  readRows(name: string, from: number, to: number): Promise<SheetGrid> {
    return this.worker.request({ op: 'readRows', sheet: name, from, to });
  }

  definedNames(): Promise<PlannedName[]> {
    return this.worker.request({ op: 'definedNames' });
  }

  applyPlan(plan: WorkbookPlan): Promise<void> {
    return this.worker.request({ op: 'applyPlan', plan });
  }

  appendRows(tableName: string, rows: PlanValue[][]): Promise<void> {
    return this.worker.request({ op: 'appendRows', table: tableName, rows });
  }

  /** An upgrade's new register column (the Maler tab's upgrade of an older workbook). */
  appendTableColumn(tableName: string, column: TableColumnToAppend): Promise<void> {
    return this.worker.request({ op: 'appendTableColumn', table: tableName, column });
  }

  writeCells(sheetName: string, edits: CellEdit[]): Promise<void> {
    return this.worker.request({ op: 'writeCells', sheet: sheetName, edits });
  }

  async selectCell(sheetName: string, address: string): Promise<void> {
    this.worker.events.onSelect(sheetName, address.replace(/\$/g, ''));
  }

  callService(service: ServiceName, method: string, args: unknown[], now: Date): Promise<unknown> {
    return this.worker.request({ op: 'service', service, method, args, now: now.getTime() });
  }
}

/**
 * The workbook as the pane's services see it inside the worker: the package held in memory
 * (PackageWorkbook), with what a page would do differently from Excel handed to the page as
 * messages — a cell to show, a copy to download — and every change and every stretch of work
 * reported, so the page can show progress and knows there is something to download.
 */
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
} from '../../core/port';
import type { PlannedName, PlanValue, WorkbookPlan } from '../../core/plan/workbookPlan';
import type { PaneWorkbook } from '../../taskpane/services/paneWorkbook';
import { PackageWorkbook, writeCells } from '../../workbook/xlsx/editing';
import { openXlsxBuffer, type ReadProgress } from '../../workbook/xlsx/reading';
import type { WorkerMessage, WorkProgress } from './workerProtocol';

export type Post = (message: WorkerMessage, transfer?: Transferable[]) => void;

/** Progress is told at most this often: enough for a bar that moves, few enough messages. */
const PROGRESS_EVERY_MS = 80;

export class WorkerWorkbook implements PaneWorkbook, CellWriter, TableColumnAppender, CopyOpener, SpreadsheetOpener {
  private current!: PackageWorkbook;
  private lastProgress = 0;
  /** Sheets the user does not see, named in no progress sentence. */
  private hidden = new Set<string>();
  /** Every package this workbook holds tells it how its sheets are read. */
  private readonly options = { onProgress: (progress: ReadProgress) => this.reading(progress) };

  private constructor(private readonly post: Post) {}

  static async open(bytes: Uint8Array, post: Post): Promise<WorkerWorkbook> {
    const workbook = new WorkerWorkbook(post);
    workbook.current = new PackageWorkbook(bytes, workbook.options);
    // Reading the sheet list proves the bytes are a workbook before the page shows its tabs.
    await workbook.listSheets();
    return workbook;
  }

  static async create(plan: WorkbookPlan, post: Post): Promise<WorkerWorkbook> {
    const workbook = new WorkerWorkbook(post);
    workbook.current = await PackageWorkbook.create(plan, workbook.options);
    await workbook.listSheets();
    return workbook;
  }

  data(): Uint8Array {
    return this.current.data();
  }

  async listSheets(): Promise<SheetInfo[]> {
    const sheets = await this.current.listSheets();
    this.hidden = new Set(sheets.filter((sheet) => sheet.visibility !== 'visible').map((sheet) => sheet.name));
    return sheets;
  }

  readSheet(name: string): Promise<SheetGrid> {
    return this.current.readSheet(name);
  }

  /** The sheet with only rows from..to (1-based) in it: what a preview shows, without the rest crossing to the page. */
  async readRows(name: string, from: number, to: number): Promise<SheetGrid> {
    const grid = await this.current.readSheet(name);
    const rows: SheetGrid['rows'] = [];
    for (let r = Math.max(1, from); r <= Math.min(to, grid.rows.length); r++) rows[r - 1] = grid.rows[r - 1];
    return { ...grid, rows };
  }

  definedNames(): Promise<PlannedName[]> {
    return this.current.definedNames();
  }

  applyPlan(plan: WorkbookPlan): Promise<void> {
    return this.change(() => this.current.applyPlan(plan));
  }

  appendRows(tableName: string, rows: PlanValue[][]): Promise<void> {
    return this.change(() => this.current.appendRows(tableName, rows));
  }

  appendTableColumn(tableName: string, column: TableColumnToAppend): Promise<void> {
    return this.change(() => this.current.appendTableColumn(tableName, column));
  }

  writeCells(sheetName: string, edits: CellEdit[]): Promise<void> {
    return this.change(async () => {
      this.current = new PackageWorkbook(writeCells(this.current.data(), sheetName, edits), this.options);
    });
  }

  /** Selecting a cell cannot move a spreadsheet's cursor here: the page previews the sheet instead. */
  async selectCell(sheetName: string, address: string): Promise<void> {
    this.post({ kind: 'select', sheet: sheetName, address: address.replace(/\$/g, '') });
  }

  /** A sign-up form's .xlsx export dropped on the pane, read in memory beside the workbook. */
  async openSpreadsheet(bytes: Uint8Array): Promise<WorkbookReader> {
    return openXlsxBuffer(bytes);
  }

  /** A new workbook for the user (the copy without personal data): downloaded by the page, never uploaded. */
  async openCopy(plan: WorkbookPlan, fileName: string): Promise<void> {
    this.progress({ phase: 'writing' }, true);
    const { writePlanToBuffer } = await import('../../workbook/xlsx/writing');
    const bytes = await writePlanToBuffer(plan);
    this.post({ kind: 'download', bytes, fileName }, [bytes.buffer as ArrayBuffer]);
  }

  progress(progress: WorkProgress, always = false): void {
    const now = Date.now();
    if (!always && now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    this.post({ kind: 'progress', progress });
  }

  private reading(progress: ReadProgress): void {
    const sheet = this.hidden.has(progress.sheet) ? null : progress.sheet;
    this.progress({ phase: 'reading', sheet, fraction: progress.total > 0 ? progress.done / progress.total : 1 });
  }

  private async change(edit: () => Promise<void>): Promise<void> {
    this.progress({ phase: 'writing' }, true);
    await edit();
    await this.listSheets();
    this.post({ kind: 'changed' });
  }
}

/**
 * The port: what the core needs from a workbook, whichever program holds it. The xlsx adapter
 * (exceljs, files) and the Office adapter (Excel JavaScript API) both implement it.
 */
import type { PlannedName, PlannedValidation, PlanValue, WorkbookPlan } from './plan/workbookPlan';
import { errorStrings, SamspillError } from './samspillError';

/** A cell as read: dates arrive as Excel serial numbers, formulas as their cached result. */
export type CellValue = string | number | boolean | null | { error: string };

export interface SheetInfo {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
}

export interface SheetGrid extends SheetInfo {
  /** rows[r - 1][c - 1] is the value at row r, column c (1-based); missing entries are empty. */
  rows: (CellValue[] | undefined)[];
}

export interface WorkbookReader {
  listSheets(): Promise<SheetInfo[]>;
  readSheet(name: string): Promise<SheetGrid>;
  definedNames(): Promise<PlannedName[]>;
}

export interface WorkbookWriter {
  /** Renders a plan's sheets and names into the workbook. Sheets named in the plan must not exist yet. */
  applyPlan(plan: WorkbookPlan): Promise<void>;
}

export interface TableAppender {
  /** Appends rows (in the table's column order; shorter rows are padded) below a table's last row. */
  appendRows(tableName: string, rows: PlanValue[][]): Promise<void>;
}

export interface CellSelector {
  /** Shows the user a cell: activates its sheet and selects it. */
  selectCell(sheetName: string, address: string): Promise<void>;
}

/** One cell to write: a plan value (formulas without "="; text stays text). */
export interface CellEdit {
  /** A1 address within the sheet, e.g. "B5". */
  address: string;
  value: PlanValue;
}

export interface CellWriter {
  /**
   * Writes each edit's value into its cell of the named sheet, in one round trip. With
   * `protectedSheet`, a sheet Samspill protects (the summary) is unprotected, written and
   * protected again within that one request, so no one ever sees it unprotected.
   */
  writeCells(sheetName: string, edits: CellEdit[], options?: { protectedSheet?: boolean }): Promise<void>;
}

/** A column to put at the right end of a register's table (an upgrade's new column). */
export interface TableColumnToAppend {
  header: string;
  /** Width in characters, applied to the new column. */
  width?: number;
  /** Native validation over the new column's data rows (the adapter knows which rows those are). */
  validation?: Omit<PlannedValidation, 'range'> | null;
}

export interface TableColumnAppender {
  /**
   * Adds a column at the right end of a table: its header, empty cells, optional validation over
   * its data rows, width. Throws TableColumnOccupied, changing nothing, when the column right of
   * the table holds a value within the table's rows: widening the table would take the user's
   * cells into the register (or, in Excel, move them).
   */
  appendTableColumn(tableName: string, column: TableColumnToAppend): Promise<void>;
}

/** Why a column could not be appended: the user's cell right of the table, named for the message. */
export class TableColumnOccupied extends SamspillError<'columnOccupied'> {
  override readonly name = 'TableColumnOccupied';

  constructor(
    readonly tableName: string,
    /** A1 address of the first occupied cell (or the merged range or table in the way). */
    readonly cell: string,
  ) {
    super('columnOccupied', { table: tableName, cell }, `The column right of table "${tableName}" holds data at ${cell}.`);
  }
}

export type WorkbookActionErrorCode =
  /** The user is typing in a cell (Excel refuses API calls until they press Enter or Esc). */
  | 'sheetBeingEdited'
  /** The sheet or workbook is protected against the change. */
  | 'protected'
  /** This host lacks the API (older than Microsoft 365 / Office 2021, or a host without it). */
  | 'notSupported'
  /** A sheet, table or name the action needs is not in the workbook. */
  | 'notFound'
  /** A sheet, table or name the action would create is already there. */
  | 'alreadyExists'
  /** The data exceeded what one request may carry (should not happen: writes are blocked). */
  | 'tooLarge'
  /** Cells could not be inserted or deleted there (a filtered table, or something in the way). */
  | 'insertDeleteConflict'
  /** A table would overlap merged cells, another table or a filter. */
  | 'mergedRangeConflict'
  /** Someone else changed the workbook at the same time (co-authoring). */
  | 'conflict'
  /** Excel stopped the request while it ran. */
  | 'requestAborted'
  /** Several workbooks are open and this one lost focus. */
  | 'inactiveWorkbook'
  /** The sheet is protected with a password the add-in does not have. */
  | 'passwordProtected'
  | 'unknown';

/**
 * The host refused an action on the open workbook, reduced to a stable code (the adapter maps the
 * host's own error codes to these); the sentence is `action.<code>` in templates/ui/errors.json.
 */
export class WorkbookActionError extends SamspillError<WorkbookActionErrorCode> {
  override readonly name = 'WorkbookActionError';

  constructor(
    code: WorkbookActionErrorCode,
    /** The host's own message, kept as the detail for support and logs. */
    hostMessage: string,
    /** The sheet, table or name concerned, when known: the sentence names it. */
    readonly subject?: string,
    /** The host's own error code, kept for support and logs. */
    readonly officeCode?: string,
    cause?: unknown,
  ) {
    super(code, { subject: subject ?? '' }, errorStrings.phrase(`action.${code}`, { subject: subject ?? '' }), { detail: hostMessage, cause });
  }
}

export interface CopyOpener {
  /**
   * Hands the user a new workbook made from a plan (for example the copy without personal data):
   * Excel opens it as a new workbook, the browser downloads it. The open workbook is not changed.
   */
  openCopy(plan: WorkbookPlan, fileName: string): Promise<void>;
}

/**
 * The capabilities of the host's spreadsheet API the adapter relies on, in the order the in-Excel
 * self-check tries them (Innstillinger > Kontroller Excel).
 */
export const SELF_CHECK_STEPS = [
  'valuesAndFormulas',
  'tableRowsWithFormula',
  'listFromName',
  'dataBar',
  'protection',
  'nameReadBack',
  'multiAreaFormat',
] as const;
export type SelfCheckStep = (typeof SELF_CHECK_STEPS)[number];

export interface SelfCheckResult {
  step: SelfCheckStep;
  ok: boolean;
  /** What went wrong (the host's error code and message, or what was read back), or a note when it went right. */
  detail?: string;
}

export interface SelfCheckReport {
  /** What the host says of itself (in Excel, its diagnostics): application, platform, version. */
  host: string;
  platform: string;
  version: string;
  steps: SelfCheckResult[];
  /** Whether everything the check made (a very hidden sheet, a name) was removed again. */
  cleanedUp: boolean;
}

export interface HostSelfCheck {
  /**
   * Tries each capability in a temporary very hidden sheet and removes it again, also when a step
   * fails: nothing else in the workbook changes. Never throws for a failing step; it reports it.
   */
  selfCheck(): Promise<SelfCheckReport>;
}

export interface SpreadsheetOpener {
  /**
   * Reads a spreadsheet file the user hands over (a sign-up form's .xlsx export), not the open
   * workbook: both hosts read it with the xlsx reader, Excel loading it only when asked.
   */
  openSpreadsheet(bytes: Uint8Array): Promise<WorkbookReader>;
}

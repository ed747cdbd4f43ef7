/**
 * Writing single cells in sheets that already exist: settings parameters, the metadata record,
 * ratings in an evaluation round that is already in the checklist, and the summary's
 * program-computed figures. The port has no such operation yet, so the task pane declares it here
 * and uses it only when the adapter it was given has it; the proposed port addition is
 *
 *   export interface CellWriter {
 *     writeCells(sheetName: string, edits: CellEdit[]): Promise<void>;
 *   }
 *
 * in src/workbook/port.ts, with OfficeWorkbook.writeCells writing every edit in one batch and one
 * context.sync (see the task pane's report).
 */
import type { PlanValue } from '../../core/workbookPlan';

export interface CellEdit {
  /** A1 address within the sheet, e.g. "B5". */
  address: string;
  /** A plan value: formulas carry no leading "=", text is stored as text. */
  value: PlanValue;
}

export interface CellWriter {
  /** Writes each edit's value into its cell of the named sheet, in one round trip. */
  writeCells(sheetName: string, edits: CellEdit[]): Promise<void>;
}

/** Thrown when an action needs cell writes and the adapter cannot make them. */
export class CellWritesUnavailable extends Error {
  readonly name = 'CellWritesUnavailable';
}

export function canWriteCells(workbook: object): workbook is CellWriter {
  return typeof (workbook as Partial<CellWriter>).writeCells === 'function';
}

export function requireCellWriter(workbook: object): CellWriter {
  if (!canWriteCells(workbook)) throw new CellWritesUnavailable('This workbook adapter cannot write single cells yet.');
  return workbook;
}

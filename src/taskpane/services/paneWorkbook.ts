/**
 * What the task pane needs from a workbook: the port's four roles, and cell writes, copies, reading a
 * dropped spreadsheet and the host's self-check where the adapter offers them. Excel's adapter provides it inside Office; browser mode will pass one
 * backed by an .xlsx file. Nothing in the pane names an adapter.
 */
import type { CellSelector, CopyOpener, HostSelfCheck, SpreadsheetOpener, TableAppender, WorkbookReader, WorkbookWriter } from '../../core/port';
import type { CellWriter } from './cellWriter';

export type PaneWorkbook = WorkbookReader &
  WorkbookWriter &
  TableAppender &
  CellSelector &
  Partial<CellWriter> &
  Partial<CopyOpener> &
  Partial<SpreadsheetOpener> &
  /** Inside Excel only: the in-Excel self-check of Innstillinger. */
  Partial<HostSelfCheck>;

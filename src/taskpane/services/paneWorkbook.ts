/**
 * What the task pane needs from a workbook: the port's four roles, and cell writes, copies and the
 * host's self-check where the adapter offers them. Excel's adapter provides it inside Office; browser mode will pass one
 * backed by an .xlsx file. Nothing in the pane names an adapter.
 */
import type { CellSelector, CopyOpener, HostSelfCheck, TableAppender, WorkbookReader, WorkbookWriter } from '../../core/port';
import type { CellWriter } from './cellWriter';

export type PaneWorkbook = WorkbookReader &
  WorkbookWriter &
  TableAppender &
  CellSelector &
  Partial<CellWriter> &
  Partial<CopyOpener> &
  /** Inside Excel only: the in-Excel self-check of Innstillinger. */
  Partial<HostSelfCheck>;

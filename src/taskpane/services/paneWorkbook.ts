/**
 * What the task pane needs from a workbook: reading, adding templates, appending, editing and
 * deleting register rows, showing a cell; and, where the adapter offers them, cell writes, copies,
 * reading a dropped spreadsheet, the user's selections and the host's self-check. Excel's adapter provides it inside Office;
 * browser mode passes one backed by an .xlsx file. Nothing in the pane names an adapter.
 */
import type {
  CellSelector,
  CopyOpener,
  HostSelfCheck,
  RowEditor,
  SelectionWatcher,
  SpreadsheetOpener,
  TableAppender,
  WorkbookReader,
  WorkbookWriter,
} from '../../core/port';
import type { CellWriter } from './cellWriter';

export type PaneWorkbook = WorkbookReader &
  WorkbookWriter &
  TableAppender &
  CellSelector &
  RowEditor &
  Partial<CellWriter> &
  Partial<CopyOpener> &
  Partial<SelectionWatcher> &
  Partial<SpreadsheetOpener> &
  /** Inside Excel only: the in-Excel self-check of Innstillinger. */
  Partial<HostSelfCheck>;

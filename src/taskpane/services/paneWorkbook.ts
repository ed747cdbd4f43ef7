/**
 * What the task pane needs from a workbook: the port's four roles, and cell writes where the
 * adapter offers them. Excel's adapter provides it inside Office; browser mode will pass one
 * backed by an .xlsx file. Nothing in the pane names an adapter.
 */
import type { CellSelector, CopyOpener, TableAppender, WorkbookReader, WorkbookWriter } from '../../core/port';
import type { CellWriter } from './cellWriter';

export type PaneWorkbook = WorkbookReader & WorkbookWriter & TableAppender & CellSelector & Partial<CellWriter> & Partial<CopyOpener>;

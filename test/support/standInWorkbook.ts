/**
 * The Office adapter over the recording Excel stand-in, as the pane gets it inside Excel, and a
 * variant without cell writes for the pane's "cannot write here" paths.
 */
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import type { PaneWorkbook } from '../../src/taskpane/services/paneWorkbook';
import { ExcelStandIn } from './excel';

/** The port as the pane gets it inside Excel: OfficeWorkbook over `run`. */
export function officePane(standIn: ExcelStandIn): PaneWorkbook {
  return new OfficeWorkbook(standIn.run, { diagnostics: () => standIn.options.diagnostics ?? STAND_IN_DIAGNOSTICS });
}

/** What Office.context.diagnostics says in the stand-in unless a test says otherwise: Excel on Windows. */
export const STAND_IN_DIAGNOSTICS = { host: 'Excel', platform: 'PC', version: '16.0.17928.20114' };

/** Kept for the tests that say so: the pane with cell writes (the Office adapter has them). */
export const writingPane = officePane;

/** An adapter without single-cell writes, as another host might be. */
export function readOnlyPane(standIn: ExcelStandIn): PaneWorkbook {
  const workbook = new OfficeWorkbook(standIn.run);
  return Object.assign(Object.create(workbook) as PaneWorkbook, { writeCells: undefined });
}

/** Monday 23 November 2026, 10:15 local time. */
export const FIXED_NOW = new Date(2026, 10, 23, 10, 15);
export const fixedClock = (): Date => FIXED_NOW;

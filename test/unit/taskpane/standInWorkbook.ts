/**
 * The Office adapter over the recording Excel stand-in, with the one operation the task pane needs
 * beyond the port: writing single cells. `writeCells` here is the method proposed for
 * OfficeWorkbook (see the task pane's report), written against the same Excel API calls: every
 * edit queued in one batch, one context.sync.
 */
import { isFormula } from '../../../src/core/workbookPlan';
import { officeInput } from '../../../src/workbook/office/officeCells';
import { toOfficeActionError } from '../../../src/workbook/office/officeErrors';
import { OfficeWorkbook, type ExcelRun } from '../../../src/workbook/office/officeWorkbook';
import type { CellEdit, CellWriter } from '../../../src/taskpane/services/cellWriter';
import type { PaneWorkbook } from '../../../src/taskpane/services/paneWorkbook';
import { ExcelStandIn } from '../../support/excelStandIn';

export class CellWritingWorkbook extends OfficeWorkbook implements CellWriter {
  constructor(private readonly excelRun: ExcelRun) {
    super(excelRun);
  }

  async writeCells(sheetName: string, edits: CellEdit[]): Promise<void> {
    if (edits.length === 0) return;
    try {
      await this.excelRun(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        for (const edit of edits) {
          const range = sheet.getRange(edit.address);
          if (isFormula(edit.value)) range.formulas = [[officeInput(edit.value)]];
          else range.values = [[officeInput(edit.value) ?? '']];
        }
        await context.sync();
      });
    } catch (error) {
      throw toOfficeActionError(error, sheetName);
    }
  }
}

/** The port as the pane gets it inside Excel: OfficeWorkbook over `run` (no cell writes yet). */
export function officePane(standIn: ExcelStandIn): PaneWorkbook {
  return new OfficeWorkbook(standIn.run);
}

/** The same with cell writes, as it will be once the adapter has writeCells. */
export function writingPane(standIn: ExcelStandIn): PaneWorkbook {
  return new CellWritingWorkbook(standIn.run);
}

/** Monday 23 November 2026, 10:15 local time. */
export const FIXED_NOW = new Date(2026, 10, 23, 10, 15);
export const fixedClock = (): Date => FIXED_NOW;

/**
 * The check a new workbook (new, --public, aggregate) passes before it replaces anything: every
 * XML part parses strictly, and it opens with every sheet its plan has.
 */
import type { WorkbookPlan } from '../core/plan/workbookPlan';
import { openXlsxBuffer, verifyWellFormed } from '../workbook/xlsx';

export async function verifyNewWorkbook(bytes: Uint8Array, plan: WorkbookPlan): Promise<void> {
  verifyWellFormed(bytes);
  const sheets = await openXlsxBuffer(bytes).listSheets();
  const missing = plan.sheets.filter((s) => !sheets.some((x) => x.name === s.name));
  if (missing.length) throw new Error(`missing sheets ${missing.map((s) => s.name).join(', ')}`);
}

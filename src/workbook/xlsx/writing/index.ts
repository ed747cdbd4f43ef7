/**
 * Writing new workbooks from a plan, with exceljs. Never part of the task pane's first load, and
 * loaded on first use: a command that only reads (validate, summary without --public) never
 * loads exceljs, which would cost it a third of a second and some 30 MB.
 */
import type { WorkbookPlan } from '../../../core/plan/workbookPlan';

export async function writePlanToBuffer(plan: WorkbookPlan): Promise<Uint8Array> {
  const writer = await import('./planWriter');
  return writer.writePlanToBuffer(plan);
}

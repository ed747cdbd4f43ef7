/**
 * A record laid out as its register's table holds it now: from the register's leftmost column to
 * its rightmost, each value under its column wherever the user moved it; the user's own columns
 * in between stay blank (and appendRows pads any to the right).
 */
import type { RegisterRows } from '../../core/model/registerRows';
import type { PlanValue } from '../../core/plan/workbookPlan';
import type { CellValue } from '../../core/port';

export function tableRow(register: RegisterRows, values: Record<string, CellValue | PlanValue>): PlanValue[] {
  const positions = [...register.columns.values()];
  const left = Math.min(...positions);
  const row: PlanValue[] = new Array<PlanValue>(Math.max(...positions) - left + 1).fill(null);
  for (const [key, col] of register.columns) {
    const value = values[key] ?? null;
    row[col - left] = value !== null && typeof value === 'object' && !('formula' in value) ? null : (value as PlanValue);
  }
  return row;
}

/**
 * Rows that repeat what an earlier row of the same register says: the later row is reported,
 * pointing back to the first, since the first is usually the one to keep.
 */
import { asText } from '../model/cellValues';
import type { RegisterRow, RegisterRows } from '../model/registerRows';
import type { RuleContext } from './ruleContext';

/** Reports every row whose key was already seen, pointing back to the first row that has it. */
export function reportDuplicates(
  ctx: RuleContext,
  register: RegisterRows,
  columnKey: string,
  ruleId: string,
  keyOf: (row: RegisterRow) => string | null,
): void {
  const first = new Map<string, number>();
  for (const row of register.rows) {
    const key = keyOf(row);
    if (key === null || key === '') continue;
    const firstRow = first.get(key);
    if (firstRow === undefined) first.set(key, row.rowNumber);
    else ctx.issues.atCell(ruleId, register, row.rowNumber, columnKey, { first: firstRow, value: asText(row.values[columnKey]) });
  }
}

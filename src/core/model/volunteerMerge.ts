/**
 * Two rows of the volunteer register that are one person, made one: the kept row keeps every value
 * it has and takes what it lacks from the other (an email, a consent date); every hours row logged
 * under the other's id moves to the kept id; then the other row goes. The plan is data, so the
 * pane writes it through the port and a test can check it without a workbook.
 */
import { sheetDef } from '../content/content';
import type { CellValue } from '../port';
import { asText, isBlank } from './cellValues';
import type { RegisterRow } from './registerRows';
import type { WorkbookData } from './workbookData';

export interface MergePlan {
  keep: RegisterRow;
  drop: RegisterRow;
  /** Blank cells of the kept row filled from the other: column key → value. */
  fill: Record<string, CellValue>;
  /** Hours rows whose volunteer id changes to the kept id. */
  hours: RegisterRow[];
  keepId: string;
}

const fold = (value: CellValue | undefined): string =>
  asText(value ?? null)
    .trim()
    .toLowerCase();

export function mergePlan(data: WorkbookData, keep: RegisterRow, drop: RegisterRow): MergePlan {
  const fill: Record<string, CellValue> = {};
  for (const column of sheetDef('volunteers').columns ?? []) {
    if (column.type === 'formula' || column.key === 'id') continue;
    const theirs = drop.values[column.key];
    if (isBlank(keep.values[column.key]) && !isBlank(theirs)) fill[column.key] = theirs ?? null;
  }
  const dropId = fold(drop.values.id);
  const hours = dropId === '' ? [] : data.registers.hours.rows.filter((r) => fold(r.values.volunteerId) === dropId);
  return { keep, drop, fill, hours, keepId: asText(keep.values.id ?? null) };
}

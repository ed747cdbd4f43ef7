/** What a range-like proxy stands for at sync (a sheet and its areas), walked cell by cell. */
import { wholeColumns, type Area } from './addresses';
import { fail } from './errors';
import type { CellModel, SheetModel } from './model';

export type AreaSource = () => { sheet: SheetModel; areas: Area[] };

export function eachCell(areas: Area[], fn: (row: number, col: number) => void): void {
  for (const area of areas) for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) fn(r, c);
}

/** Formats on whole columns would touch a million rows: the adapter must format used rows only. */
export function assertBounded(areas: Area[]): void {
  if (areas.some(wholeColumns)) fail('NotImplemented', 'stand-in: cell formats over whole columns are refused (format the used rows only).');
}

export function uniform(sheet: SheetModel, areas: Area[], pick: (cell: CellModel | undefined) => unknown): unknown {
  let first: unknown;
  let seen = false;
  let same = true;
  eachCell(areas, (r, c) => {
    const v = pick(sheet.cell(r, c));
    if (!seen) {
      first = v;
      seen = true;
    } else if (v !== first) same = false;
  });
  return same ? first : null;
}

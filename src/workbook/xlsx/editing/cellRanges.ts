/** A1 ranges as the package parts write them ("B2:K501", "$A$1"), parsed and formatted. */
import { columnLetter } from '../../../core/plan/workbookPlan';

export interface CellRange {
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}

/** "AB" → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function parseRange(ref: string): CellRange | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  return { c1, r1, c2: m[3] ? columnNumber(m[3]) : c1, r2: m[4] ? Number(m[4]) : r1 };
}

export function formatRange(r: CellRange): string {
  return `${columnLetter(r.c1)}${r.r1}:${columnLetter(r.c2)}${r.r2}`;
}

export function overlaps(a: CellRange, b: CellRange): boolean {
  return a.c1 <= b.c2 && b.c1 <= a.c2 && a.r1 <= b.r2 && b.r1 <= a.r2;
}

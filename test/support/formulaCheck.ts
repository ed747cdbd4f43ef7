/**
 * Comparing what LibreOffice recalculated with what the core computed: every formula a plan writes,
 * with the value the core wrote as its cached result, looked up in the recalculated sheets.
 */
import { cellAddress } from '../../src/core/model/a1';
import { isFormula, type WorkbookPlan } from '../../src/core/plan/workbookPlan';
import type { CellValue, SheetGrid } from '../../src/core/port';

export interface ExpectedFormula {
  sheet: string;
  cell: string;
  formula: string;
  value: string | number | boolean | null;
}

/** Every formula the plan writes, with the value the core computed for it. */
export function expectedFormulas(plan: WorkbookPlan): ExpectedFormula[] {
  const out: ExpectedFormula[] = [];
  for (const sheet of plan.sheets) {
    for (const c of sheet.cells)
      if (isFormula(c.value)) out.push({ sheet: sheet.name, cell: cellAddress(c.row, c.col), formula: c.value.formula, value: c.value.result });
    for (const t of sheet.tables)
      t.rows.forEach((row, r) =>
        row.forEach((v, i) => {
          if (isFormula(v)) out.push({ sheet: sheet.name, cell: cellAddress(t.row + 1 + r, t.col + i), formula: v.formula, value: v.result });
        }),
      );
  }
  return out;
}

function parseAddress(cell: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

export function valueAt(grid: SheetGrid, cell: string): CellValue {
  const { row, col } = parseAddress(cell);
  return grid.rows[row - 1]?.[col - 1] ?? null;
}

export function sameValue(actual: CellValue, expected: ExpectedFormula['value']): boolean {
  if (typeof expected === 'number') return typeof actual === 'number' && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  if (expected === '' || expected === null) return actual === '' || actual === null;
  return actual === expected;
}

/** Each formula whose recalculated value differs from the core's, described for a failing test. */
export function formulaMismatches(plan: WorkbookPlan, grids: Map<string, SheetGrid>): string[] {
  return expectedFormulas(plan)
    .map((e) => ({ ...e, actual: valueAt(grids.get(e.sheet)!, e.cell) }))
    .filter((e) => !sameValue(e.actual, e.value))
    .map((e) => `${e.sheet}!${e.cell}: LibreOffice ${JSON.stringify(e.actual)}, core ${JSON.stringify(e.value)} — =${e.formula.slice(0, 160)}`);
}

/** The value a defined name points at in recalculated sheets. */
export function valueOfName(grids: Map<string, SheetGrid>, refersTo: string): CellValue {
  const m = /^'?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(refersTo.replace(/^=/, ''))!;
  return valueAt(grids.get(m[1].replace(/''/g, "'"))!, `${m[2]}${m[3]}`);
}

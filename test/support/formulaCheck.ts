/**
 * Reading a recalculated workbook against the core, on top of figureOracle.ts: the formulas whose
 * recalculated value differs, described for a failing test, and the value a defined name points at.
 */
import type { WorkbookPlan } from '../../src/core/plan/workbookPlan';
import type { CellValue, SheetGrid } from '../../src/core/port';
import { expectedFormulas, sameValue, valueAt } from './figureOracle';

export { sameValue } from './figureOracle';

/** Each formula whose recalculated value differs from the core's. */
export function formulaMismatches(plan: WorkbookPlan, grids: Map<string, SheetGrid>): string[] {
  return expectedFormulas(plan)
    .map((e) => ({ ...e, actual: valueAt(grids.get(e.sheet), e.cell) }))
    .filter((e) => !sameValue(e.actual, e.value))
    .map((e) => `${e.sheet}!${e.cell}: LibreOffice ${JSON.stringify(e.actual)}, core ${JSON.stringify(e.value)} — =${e.formula.slice(0, 160)}`);
}

/** The value a defined name points at in recalculated sheets. */
export function valueOfName(grids: Map<string, SheetGrid>, refersTo: string): CellValue {
  const m = /^'?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(refersTo.replace(/^=/, ''))!;
  return valueAt(grids.get(m[1].replace(/''/g, "'")), `${m[2]}${m[3]}`);
}

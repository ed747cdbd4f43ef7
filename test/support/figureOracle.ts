/**
 * Workbook plans written to .xlsx, recalculated by LibreOffice (many in one run), and read back:
 * every kpi_* figure found through its defined name, and every formula compared with the value
 * the core computed for it (its cached result in the plan).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellAddress, parseCell, parseCellReference } from '../../src/core/model/a1';
import { isFormula, type WorkbookPlan } from '../../src/core/plan/workbookPlan';
import type { CellValue, SheetGrid } from '../../src/core/port';
import { openXlsxFile } from '../../src/workbook/xlsx';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { recalcManyToXlsx } from './libreoffice';

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

export function valueAt(grid: SheetGrid | undefined, cell: string): CellValue {
  const { row, col } = parseCell(cell)!;
  return grid?.rows[row - 1]?.[col - 1] ?? null;
}

/** Numbers to nine significant digits; '' and null both mean an empty result. */
export function sameValue(actual: CellValue, expected: ExpectedFormula['value']): boolean {
  if (typeof expected === 'number') return typeof actual === 'number' && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  if (expected === '' || expected === null) return actual === '' || actual === null;
  return actual === expected;
}

export interface Recalculated {
  grids: Map<string, SheetGrid>;
  /** Defined name → the value LibreOffice computed in the cell it names. */
  figures: Map<string, CellValue>;
  /** Formulas whose recalculated value differs from the core's, described for a failure message. */
  disagreements: string[];
}

let counter = 0;

/** Writes each plan, has LibreOffice recalculate them all in one run, and reads the results back. */
export async function recalculatePlans(plans: WorkbookPlan[]): Promise<Recalculated[]> {
  const dir = mkdtempSync(join(tmpdir(), 'samspill-figures-'));
  const files: string[] = [];
  for (const plan of plans) {
    const file = join(dir, `w${counter++}.xlsx`);
    writeFileSync(file, await writePlanToBuffer(plan));
    files.push(file);
  }
  const outs = await recalcManyToXlsx(files);
  const results: Recalculated[] = [];
  for (const [i, out] of outs.entries()) {
    const reader = await openXlsxFile(out);
    const grids = new Map<string, SheetGrid>();
    for (const sheet of await reader.listSheets()) grids.set(sheet.name, await reader.readSheet(sheet.name));
    const figures = new Map<string, CellValue>();
    for (const n of await reader.definedNames()) {
      const target = parseCellReference(n.refersTo);
      if (target && n.name.startsWith('kpi_')) figures.set(n.name, valueAt(grids.get(target.sheet), target.address));
    }
    const disagreements = expectedFormulas(plans[i])
      .map((e) => ({ ...e, actual: valueAt(grids.get(e.sheet), e.cell) }))
      .filter((e) => !sameValue(e.actual, e.value))
      .map((e) => `${e.sheet}!${e.cell}: LibreOffice ${JSON.stringify(e.actual)}, core ${JSON.stringify(e.value)} — =${e.formula.slice(0, 200)}`);
    results.push({ grids, figures, disagreements });
  }
  return results;
}

/**
 * The summary sheet leaders read: key figures as live formulas, each with a defined name
 * kpi_<key>, grouped in sections with in-cell bars for the breakdowns. Protected; no personal data.
 */
import { text } from '../content';
import type { Lang } from '../language';
import type { FigureSection } from '../summaryFigures';
import type { PlannedCell, PlannedName, PlannedSheet } from '../workbookPlan';
import { absoluteAddress } from '../workbookPlan';

export const BAR_COLOR = '5B9BD5';

export function summarySheet(sheetName: string, lang: Lang, sections: FigureSection[]): { sheet: PlannedSheet; names: PlannedName[] } {
  const cells: PlannedCell[] = [
    { row: 1, col: 1, value: text('summary.title', lang), style: 'title' },
    { row: 2, col: 1, value: text('summary.subtitle', lang), style: 'subtitle' },
  ];
  const names: PlannedName[] = [];
  const dataBars: PlannedSheet['dataBars'] = [];
  let row = 4;
  for (const section of sections) {
    cells.push({ row, col: 1, value: section.title, style: 'heading' });
    row++;
    const first = row;
    for (const figure of section.figures) {
      const label = figure.labelFormula ? { formula: figure.labelFormula.formula, result: figure.labelFormula.result } : figure.label;
      cells.push({ row, col: 1, value: label, style: 'label' });
      const formula = figure.formula.replace(/\{label\}/g, `$A$${row}`);
      cells.push({ row, col: 2, value: { formula, result: figure.value }, style: figure.style });
      names.push({ name: figure.name, refersTo: absoluteAddress(sheetName, row, 2) });
      row++;
    }
    if (section.bars) dataBars.push({ range: `B${first}:B${row - 1}`, color: BAR_COLOR });
    row++;
  }
  return {
    sheet: {
      key: 'summary',
      name: sheetName,
      visibility: 'visible',
      tabColor: '1F5C7A',
      columnWidths: [62, 18],
      cells,
      tables: [],
      validations: [],
      merges: [],
      protection: { unlocked: [] },
      print: { area: `A1:B${row}`, orientation: 'portrait', fitToWidth: true },
      dataBars,
    },
    names,
  };
}

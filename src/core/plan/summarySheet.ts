/**
 * The summary sheet leaders read: key figures as live formulas, each with a defined name
 * kpi_<key>, grouped in sections with in-cell bars for the breakdowns; the evaluation's result
 * as values the program computed (see evaluation/evaluationFigures.ts). Three columns — label,
 * value, second value — so it reads on one screen. Protected; no personal data.
 */
import { workbookStrings } from '../content/content';
import type { Lang } from '../content/language';
import type { FigureSection, FigureValue } from '../summary/summaryFigures';
import type { PlannedCell, PlannedChart, PlannedName, PlannedSheet } from './workbookPlan';
import { absoluteAddress } from '../model/a1';

export const BAR_COLOR = '5B9BD5';
/** Barriers beside promoters: a second colour so the two columns are not read as one scale. */
export const SECOND_BAR_COLOR = 'C0504D';

/** Label, value, second value: narrow enough to read on one screen and to print on A4 portrait. */
export const SUMMARY_COLUMN_WIDTHS = [56, 20, 34];

/** Sections the add-in also draws as a native chart beside the figures (issue: hours by month, factor profile). */
const CHARTED_SECTIONS: Record<string, PlannedChart['kind']> = { months: 'column', evaluationProfile: 'bar' };

function valueCell(row: number, col: number, value: FigureValue, labelAddress: string): PlannedCell {
  if (value.formula === null) return { row, col, value: value.value, style: value.style };
  const formula = value.formula.replace(/\{label\}/g, labelAddress);
  return { row, col, value: { formula, result: value.value }, style: value.style };
}

export function summarySheet(
  sheetName: string,
  lang: Lang,
  sections: FigureSection[],
  heading: { title: string; subtitle: string } = {
    title: workbookStrings.text('summary.title', lang),
    subtitle: workbookStrings.text('summary.subtitle', lang),
  },
): { sheet: PlannedSheet; names: PlannedName[] } {
  const cells: PlannedCell[] = [
    { row: 1, col: 1, value: heading.title, style: 'title' },
    { row: 2, col: 1, value: heading.subtitle, style: 'subtitle' },
  ];
  const names: PlannedName[] = [];
  const dataBars: PlannedSheet['dataBars'] = [];
  const charts: PlannedChart[] = [];
  let row = 4;
  for (const section of sections) {
    cells.push({ row, col: 1, value: section.title, style: 'heading' });
    row++;
    if (section.note) {
      cells.push({ row, col: 1, value: section.note, style: 'subtitle' });
      row++;
    }
    if (section.headings) {
      cells.push({ row, col: 2, value: section.headings[0], style: 'label' }, { row, col: 3, value: section.headings[1], style: 'label' });
      row++;
    }
    const first = row;
    if (section.layout === 'lines') {
      for (const figure of section.figures) {
        cells.push({ row, col: 1, value: figure.label, style: figure.labelStyle ?? 'label' });
        cells.push(valueCell(row + 1, 1, figure, `$A$${row}`));
        names.push({ name: figure.name, refersTo: absoluteAddress(sheetName, row + 1, 1) });
        row += 2;
      }
      row++;
      continue;
    }
    for (const figure of section.figures) {
      const label = figure.labelFormula ? { formula: figure.labelFormula.formula, result: figure.labelFormula.result } : figure.label;
      cells.push({ row, col: 1, value: label, style: figure.labelStyle ?? 'label' });
      const labelAddress = `$A$${row}`;
      cells.push(valueCell(row, 2, figure, labelAddress));
      names.push({ name: figure.name, refersTo: absoluteAddress(sheetName, row, 2) });
      if (figure.second) {
        cells.push(valueCell(row, 3, figure.second, labelAddress));
        names.push({ name: figure.second.name, refersTo: absoluteAddress(sheetName, row, 3) });
      }
      row++;
    }
    const chartKind = CHARTED_SECTIONS[section.key];
    if (chartKind) {
      const two = section.figures.some((f) => f.second);
      const top = section.headings ? first - 1 : first;
      charts.push({
        kind: chartKind,
        title: section.title,
        source: `A${top}:${two ? 'C' : 'B'}${row - 1}`,
        from: `E${top}`,
        to: `L${Math.max(row - 1, top + 14)}`,
      });
    }
    if (section.bars) {
      dataBars.push({ range: `B${first}:B${row - 1}`, color: BAR_COLOR });
      if (section.figures.some((f) => f.second)) dataBars.push({ range: `C${first}:C${row - 1}`, color: SECOND_BAR_COLOR });
    }
    row++;
  }
  return {
    sheet: {
      key: 'summary',
      name: sheetName,
      visibility: 'visible',
      tabColor: '1F5C7A',
      columnWidths: SUMMARY_COLUMN_WIDTHS,
      cells,
      tables: [],
      validations: [],
      merges: [],
      protection: { unlocked: [] },
      print: { area: `A1:C${row}`, orientation: 'portrait', fitToWidth: true },
      dataBars,
      charts,
    },
    names,
  };
}

/**
 * The summary sheet leaders read: key figures as live formulas, each with a defined name
 * kpi_<key>, grouped in sections with in-cell bars for the breakdowns; the evaluation's result
 * as values the program computed (see evaluation/evaluationFigures.ts); at the end, how each
 * figure is computed. Three columns — label, value, second value — so it reads on one screen and
 * prints on A4 portrait. Long texts (notes, statements, definitions) run across the three columns,
 * wrapped, in rows tall enough to hold them (rowHeights.ts). Protected; no personal data.
 */
import { workbookStrings } from '../content/content';
import type { Lang } from '../content/language';
import type { FigureSection, FigureValue } from '../summary/summaryFigures';
import type { PlannedCell, PlannedChart, PlannedName, PlannedSheet, PlanValue, StyleKey } from './workbookPlan';
import { absoluteAddress } from '../model/a1';
import { wrappedRowHeight } from './rowHeights';

export const BAR_COLOR = '5B9BD5';
/** Barriers beside promoters: a second colour so the two columns are not read as one scale. */
export const SECOND_BAR_COLOR = 'C0504D';

/** Label, value, second value: narrow enough to read on one screen and to print on A4 portrait. */
export const SUMMARY_COLUMN_WIDTHS = [56, 20, 34];
const FULL_WIDTH = SUMMARY_COLUMN_WIDTHS.reduce((a, b) => a + b, 0);

/** The wrapping look of a style, for texts that run across the columns. */
const WRAPPING: Partial<Record<StyleKey, StyleKey>> = { label: 'labelWrap', subtitle: 'help', text: 'wrap' };

/** Sections the add-in also draws as a native chart beside the figures (issue: hours by month, factor profile). */
const CHARTED_SECTIONS: Record<string, PlannedChart['kind']> = { months: 'column', evaluationProfile: 'bar' };

/**
 * A figure's value cell: `{label}` becomes the address of the row's label, `{rowsAbove}` the value
 * cells of the section's rows above (none: the sum of nothing is 0).
 */
function valueCell(row: number, col: number, value: FigureValue, labelAddress: string, rowsAbove: string | null): PlannedCell {
  if (value.formula === null) return { row, col, value: value.value, style: value.style };
  const formula = value.formula
    .replace(/\{label\}/g, labelAddress)
    .replace(/SUM\(\{rowsAbove\}\)/g, rowsAbove ? `SUM(${rowsAbove})` : '0')
    .replace(/\{rowsAbove\}/g, rowsAbove ?? '');
  return { row, col, value: { formula, result: value.value }, style: value.style };
}

/** The text a paragraph shows, for its height: a formula's longest possible text is its cached result or a literal in it. */
function shownText(value: PlanValue): string {
  if (typeof value === 'object' && value !== null) {
    const literals = [...value.formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"'));
    return [String(value.result ?? ''), ...literals].reduce((a, b) => (b.length > a.length ? b : a), '');
  }
  return value === null ? '' : String(value);
}

class SummaryLayout {
  readonly cells: PlannedCell[] = [];
  readonly names: PlannedName[] = [];
  readonly merges: string[] = [];
  readonly rowHeights: Record<number, number> = {};
  readonly dataBars: PlannedSheet['dataBars'] = [];
  readonly charts: PlannedChart[] = [];
  row = 1;

  constructor(readonly sheetName: string) {}

  /** A text across the three columns, wrapped, its row as tall as the text needs. */
  paragraph(value: PlanValue, style: StyleKey): void {
    const wrapping = WRAPPING[style] ?? style;
    this.cells.push({ row: this.row, col: 1, value, style: wrapping });
    this.merges.push(`A${this.row}:C${this.row}`);
    const height = wrappedRowHeight([{ text: shownText(value), width: FULL_WIDTH, bold: wrapping === 'labelWrap' }]);
    if (height) this.rowHeights[this.row] = height;
    this.row++;
  }

  /** A label in column A, wrapped onto more lines (and its row made taller) when it is longer than the column. */
  label(value: PlanValue, style: StyleKey): void {
    const height = style === 'label' ? wrappedRowHeight([{ text: shownText(value), width: SUMMARY_COLUMN_WIDTHS[0], bold: true }]) : null;
    this.cells.push({ row: this.row, col: 1, value, style: height ? 'labelWrap' : style });
    if (height) this.rowHeights[this.row] = height;
  }

  name(name: string, row: number, col: number): void {
    if (name) this.names.push({ name, refersTo: absoluteAddress(this.sheetName, row, col) });
  }

  section(section: FigureSection): void {
    this.cells.push({ row: this.row++, col: 1, value: section.title, style: 'heading' });
    if (section.note) this.paragraph(section.note, 'subtitle');
    if (section.headings) {
      this.cells.push(
        { row: this.row, col: 2, value: section.headings[0], style: 'label' },
        { row: this.row, col: 3, value: section.headings[1], style: 'label' },
      );
      this.row++;
    }
    if (section.layout === 'lines') this.lines(section);
    else if (section.layout === 'notes') this.notes(section);
    else this.table(section);
    this.row++;
  }

  /**
   * Each figure's value, then its second value, each a wrapped paragraph: long texts (the top
   * barriers). Two rows a figure whatever it holds, so the names keep their cells when the texts
   * change.
   */
  private lines(section: FigureSection): void {
    for (const figure of section.figures) {
      this.name(figure.name, this.row, 1);
      this.paragraph(valueCell(this.row, 1, figure, '', null).value, figure.labelStyle ?? 'label');
      if (figure.second) this.name(figure.second.name, this.row, 1);
      this.paragraph(figure.second ? valueCell(this.row, 1, figure.second, '', null).value : '', figure.second?.style ?? 'text');
    }
  }

  /** Each figure's label on a row, its text below it as a wrapped paragraph: the definitions. */
  private notes(section: FigureSection): void {
    for (const figure of section.figures) {
      this.label(figure.label, 'label');
      this.row++;
      this.paragraph(figure.value, 'wrap');
    }
  }

  private table(section: FigureSection): void {
    const first = this.row;
    for (const figure of section.figures) {
      const label = figure.labelFormula ? { formula: figure.labelFormula.formula, result: figure.labelFormula.result } : figure.label;
      this.label(label, figure.labelStyle ?? 'label');
      const labelAddress = `$A$${this.row}`;
      const above = this.row > first ? `$B$${first}:$B$${this.row - 1}` : null;
      this.cells.push(valueCell(this.row, 2, figure, labelAddress, above));
      this.name(figure.name, this.row, 2);
      if (figure.second) {
        const aboveSecond = this.row > first ? `$C$${first}:$C$${this.row - 1}` : null;
        this.cells.push(valueCell(this.row, 3, figure.second, labelAddress, aboveSecond));
        this.name(figure.second.name, this.row, 3);
      }
      this.row++;
    }
    const last = this.row - 1;
    if (last < first) return;
    const chartKind = CHARTED_SECTIONS[section.key];
    if (chartKind) {
      const two = section.figures.some((f) => f.second);
      const top = section.headings ? first - 1 : first;
      this.charts.push({
        kind: chartKind,
        title: section.title,
        source: `A${top}:${two ? 'C' : 'B'}${last}`,
        from: `E${top}`,
        to: `L${Math.max(last, top + 14)}`,
      });
    }
    if (section.bars) {
      this.dataBars.push({ range: `B${first}:B${last}`, color: BAR_COLOR });
      if (section.figures.some((f) => f.second)) this.dataBars.push({ range: `C${first}:C${last}`, color: SECOND_BAR_COLOR });
    }
  }
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
  const layout = new SummaryLayout(sheetName);
  layout.cells.push({ row: layout.row++, col: 1, value: heading.title, style: 'title' });
  layout.paragraph(heading.subtitle, 'subtitle');
  layout.row++;
  for (const section of sections) layout.section(section);
  return {
    sheet: {
      key: 'summary',
      name: sheetName,
      visibility: 'visible',
      tabColor: '1F5C7A',
      columnWidths: SUMMARY_COLUMN_WIDTHS,
      cells: layout.cells,
      tables: [],
      validations: [],
      merges: layout.merges,
      protection: { unlocked: [] },
      print: { area: `A1:C${layout.row}`, orientation: 'portrait', fitToWidth: true },
      dataBars: layout.dataBars,
      charts: layout.charts,
      rowHeights: layout.rowHeights,
    },
    names: layout.names,
  };
}

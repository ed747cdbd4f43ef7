/**
 * A workbook plan: everything Samspill writes into a workbook, described as plain data. The core
 * builds it; each adapter (the file writer, the add-in) renders it. Because both render
 * the same plan, the add-in and the command line produce the same workbook.
 */
import type { SheetKey } from '../content/templateSchema';

/** A formula in English function syntax (as stored in OOXML), with the value the core computed. */
export interface FormulaValue {
  formula: string;
  result: string | number | boolean | null;
}

export type PlainValue = string | number | boolean | null;
export type PlanValue = PlainValue | FormulaValue;

export function isFormula(value: unknown): value is FormulaValue {
  return typeof value === 'object' && value !== null && 'formula' in value;
}

/** Named cell styles; their look is defined once in styles.ts and rendered by each adapter. */
export type StyleKey =
  | 'title'
  | 'subtitle'
  | 'heading'
  | 'label'
  | 'labelWrap'
  | 'help'
  | 'text'
  | 'textCell'
  | 'textCellWrap'
  | 'wrap'
  | 'top'
  | 'dateTop'
  | 'input'
  | 'inputDate'
  | 'inputNumber'
  | 'date'
  | 'integer'
  | 'decimal'
  | 'money'
  | 'kpi'
  | 'kpiMoney'
  | 'kpiDecimal'
  | 'bar'
  | 'change'
  | 'changeBetter'
  | 'changeWorse'
  | 'docTitle'
  | 'docClauseTitle'
  | 'docText'
  | 'docSignLine'
  | 'docSignLabel';

export interface PlannedCell {
  /** 1-based row and column. */
  row: number;
  col: number;
  value: PlanValue;
  style?: StyleKey;
}

export interface PlannedTable {
  name: string;
  /** Top-left cell of the header row, 1-based. */
  row: number;
  col: number;
  headers: string[];
  /** Data rows; at least one (Excel tables always have one). Formula columns carry FormulaValue. */
  rows: PlanValue[][];
  /** Style of each column's data cells. */
  columnStyles: (StyleKey | undefined)[];
  /**
   * A calculated column's formula (without "="), per column: written as the table column's own
   * formula, so rows added later — by Excel, a form or an import — get it even when the register
   * is empty, whatever the user's AutoCorrect setting (office-js #1916, #2093).
   */
  columnFormulas?: (string | undefined)[];
}

export type ValidationRule =
  | { type: 'list'; source: string }
  | { type: 'date'; min?: number; max?: number }
  | { type: 'decimal'; min?: number; max?: number }
  | { type: 'whole'; min?: number; max?: number }
  | { type: 'textLength'; max: number };

export interface PlannedValidation {
  /** A1 range on the sheet, e.g. "C2:C501". */
  range: string;
  rule: ValidationRule;
  /** Shown when the cell is selected and when the value is refused. */
  prompt: { title: string; message: string };
  error: { title: string; message: string };
  /** Lists of the user's own (editable) values only warn; fixed lists and types refuse. */
  strict: boolean;
}

export interface PlannedSheet {
  key: SheetKey;
  name: string;
  visibility: 'visible' | 'veryHidden';
  tabColor?: string;
  columnWidths: number[];
  cells: PlannedCell[];
  tables: PlannedTable[];
  validations: PlannedValidation[];
  merges: string[];
  /** Rows and columns frozen at the top-left. */
  freeze?: { rows: number; cols: number };
  /** Protected sheets: structure locked, the listed ranges unlocked for input. No password. */
  protection?: { unlocked: string[] };
  /** Footer codes as Excel writes them ("Side &P av &N"), centred. */
  print?: { area: string; orientation: 'portrait' | 'landscape'; fitToWidth: boolean; footer?: string };
  /**
   * Heights in points of the rows that need one (1-based row → points; other rows keep the default): neither host grows a
   * row for wrapped text in a written file, nor ever for a formula or merged cells. Estimated in rowHeights.ts.
   */
  rowHeights?: Record<number, number>;
  /** Rows after which a page breaks when printed (1-based). */
  rowBreaks?: number[];
  /** In-cell bars over a range of numbers (conditional formatting). */
  dataBars: { range: string; color: string }[];
  /**
   * Native charts, drawn where the host can add them (the Excel add-in); files written by the
   * command line keep the in-cell bars, as the file writer draws no charts.
   */
  charts?: PlannedChart[];
}

export interface PlannedChart {
  kind: 'column' | 'bar';
  title: string;
  /** Labels in the first column, one series per further column; a first row with an empty corner names the series. */
  source: string;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
}

export interface PlannedName {
  name: string;
  /** An absolute reference or formula, without the leading "=", e.g. "'Oppsummering'!$C$5". */
  refersTo: string;
}

export interface WorkbookPlan {
  sheets: PlannedSheet[];
  names: PlannedName[];
}

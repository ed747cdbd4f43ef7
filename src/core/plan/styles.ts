/**
 * How each named style looks, as data, so both workbook adapters (files and the add-in) render the same thing.
 * Colours are hex RGB without '#'. Number formats use Excel's invariant codes.
 */
import type { StyleKey } from './workbookPlan';

export interface StyleSpec {
  /** A font other than the workbook's default. */
  font?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  numFmt?: string;
  wrap?: boolean;
  /** Input cells are unlocked so sheet protection never blocks typing. */
  unlocked?: boolean;
  align?: 'left' | 'center' | 'right';
  verticalTop?: boolean;
  verticalBottom?: boolean;
  borderBottom?: boolean;
}

export const DATE_FORMAT = 'dd.mm.yyyy';
export const INPUT_FILL = 'FFF8E1';
export const BRAND_COLOR = '1F5C7A';

export const STYLES: Record<StyleKey, StyleSpec> = {
  title: { bold: true, size: 16, color: BRAND_COLOR },
  subtitle: { italic: true, color: '595959' },
  heading: { bold: true, size: 12, color: BRAND_COLOR, borderBottom: true },
  label: { bold: true },
  labelWrap: { bold: true, wrap: true, verticalTop: true },
  help: { italic: true, color: '595959', wrap: true },
  text: {},
  wrap: { wrap: true, verticalTop: true },
  // Beside wrapped texts in a table row, so that a row reads from its top line.
  top: { verticalTop: true },
  dateTop: { numFmt: DATE_FORMAT, align: 'left', verticalTop: true },
  // A register's text column, formatted as text ("@"): what is typed or written there stays as
  // typed — "0047 …", "1e5", "mai 2024" — instead of becoming a number or date.
  textCell: { numFmt: '@' },
  textCellWrap: { wrap: true, verticalTop: true, numFmt: '@' },
  input: { fill: INPUT_FILL, unlocked: true },
  inputDate: { fill: INPUT_FILL, unlocked: true, numFmt: DATE_FORMAT, align: 'left' },
  inputNumber: { fill: INPUT_FILL, unlocked: true, numFmt: '#,##0', align: 'right' },
  date: { numFmt: DATE_FORMAT, align: 'left' },
  integer: { numFmt: '#,##0' },
  decimal: { numFmt: '#,##0.0' },
  money: { numFmt: '#,##0 "kr"' },
  kpi: { bold: true, size: 12, numFmt: '#,##0' },
  kpiMoney: { bold: true, size: 12, numFmt: '#,##0 "kr"' },
  kpiDecimal: { bold: true, size: 12, numFmt: '#,##0.0' },
  bar: { numFmt: '#,##0' },
  // Printed documents: Arial, whose metrics Liberation Sans shares, so the estimated row heights hold in Excel and LibreOffice.
  docTitle: { font: 'Arial', size: 16, bold: true, color: BRAND_COLOR, verticalTop: true },
  docClauseTitle: { font: 'Arial', size: 10, bold: true, color: BRAND_COLOR, verticalBottom: true },
  docText: { font: 'Arial', size: 10, wrap: true, verticalTop: true },
  docSignLine: { font: 'Arial', size: 10, borderBottom: true, verticalBottom: true },
  docSignLabel: { font: 'Arial', size: 8, italic: true, color: '595959', verticalTop: true },
  // A change in percentage points, signed; better and worse in the colours of Excel's own "Good" and "Bad" styles.
  change: { numFmt: '+0;-0;0', align: 'right' },
  changeBetter: { numFmt: '+0;-0;0', align: 'right', color: '006100', fill: 'C6EFCE' },
  changeWorse: { numFmt: '+0;-0;0', align: 'right', color: '9C0006', fill: 'FFC7CE' },
};

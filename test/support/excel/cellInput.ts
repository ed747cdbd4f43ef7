/** What a cell becomes when a value is written to it, as if typed: formulas, text prefixes, numbers, dates. */
import { colsOf, rowsOf, type Area } from './addresses';
import { fail } from './errors';
import type { CellResult, Scalar, SheetModel } from './model';

export type CellInput = Scalar | null | undefined;

/** Excel's formula parser, reduced to what catches a plan's mistakes: quotes and brackets pair up. */
export function assertFormula(formula: string): void {
  let depth = 0;
  let bracket = 0;
  let inString = false;
  let inSheet = false;
  for (const ch of formula.slice(1)) {
    if (inString) inString = ch !== '"';
    else if (inSheet) inSheet = ch !== "'";
    else if (ch === '"') inString = true;
    else if (ch === "'") inSheet = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '[') bracket++;
    else if (ch === ']') bracket--;
    if (depth < 0 || bracket < 0) break;
  }
  if (formula.length < 2 || depth !== 0 || bracket !== 0 || inString) fail('InvalidArgument', `The formula ${formula} is not valid.`);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ERROR_VALUES = new Set(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!']);

const serialOf = (year: number, month: number, day: number): number => Math.round(Date.UTC(year, month - 1, day) / 86_400_000) + 25569;

/** An en-US date as Excel reads one typed or written through values: 12/31/2024, May 2024, May 1, 1-May-2024. */
function usDate(text: string): number | null {
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (slash && +slash[1] <= 12 && +slash[2] <= 31) return serialOf(+slash[3], +slash[1], +slash[2]);
  const month = (word: string): number => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
  const monthYear = /^([A-Za-z]{3,9})\.? (\d{4})$/.exec(text);
  if (monthYear && month(monthYear[1]) > 0 && /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(monthYear[1]))
    return serialOf(+monthYear[2], month(monthYear[1]), 1);
  const monthDay = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:,? (\d{4}))?$/.exec(text);
  if (monthDay && /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(monthDay[1]))
    return serialOf(monthDay[3] ? +monthDay[3] : 2026, month(monthDay[1]), +monthDay[2]);
  const dayMonth = /^(\d{1,2})[- ]([A-Za-z]{3,9})(?:[- ](\d{4}))?$/.exec(text);
  if (dayMonth && /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(dayMonth[2]))
    return serialOf(dayMonth[3] ? +dayMonth[3] : 2026, month(dayMonth[2]), +dayMonth[1]);
  return null;
}

/** A number as en-US Excel reads one: 1,234.5  (123) for -123  50%  $100  1e5  0047. */
function usNumber(text: string): number | null {
  const m = /^(\()?([+-])?\$?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)([eE][+-]?\d+)?(%)?(\))?$/.exec(text);
  if (!m || Boolean(m[1]) !== Boolean(m[6])) return null;
  let value = Number(`${m[3].replace(/,/g, '')}${m[4] ?? ''}`);
  if (m[5]) value /= 100;
  if (m[1] || m[2] === '-') value = -value;
  return Number.isFinite(value) ? value : null;
}

/**
 * A value written through `values`, `formulas` or `rows.add` is read as if typed, with en-US rules
 * whatever the user's locale ("At the early design of the js API, the APIs use USA locale by
 * default", office-js #1559, by design). Documented (reference, Range.values): a leading "+", "-"
 * or "=" makes a formula — so "+47 912 34 567" and "- ikke relevant" are formulas, or refused as
 * invalid ones — and locale-shaped strings stay text. Believed, not documented: which other strings
 * convert — numbers in en-US form (1e5, (123), 1,234, 50%, $100, 0047 losing its zeros), en-US
 * dates (12/31/2024, May 2024), TRUE/FALSE and the error values (#N/A); Norwegian forms such as
 * "mai 2024", "1. jan", "100 kr" stay text. An apostrophe first keeps the rest as text (a
 * quotePrefix style, office-js #6687), and so does a cell formatted as text ("@") — also believed.
 */
function typed(input: Scalar, textFormat = false): { value: CellResult | ''; formula?: string; quotePrefix?: boolean; dateFormat?: boolean } {
  if (typeof input !== 'string') {
    if (typeof input === 'number' && !Number.isFinite(input)) fail('InvalidArgument', 'A number must be finite.');
    return { value: input };
  }
  if (input === '') return { value: '' };
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (textFormat) return { value: input };
  if (input.startsWith('=')) {
    assertFormula(input);
    return { value: '', formula: input };
  }
  const trimmed = input.trim();
  const number = usNumber(trimmed);
  if (number !== null) return { value: number };
  if (/^[+\-@]/.test(input) && input.length > 1) {
    const formula = `=${input}`;
    assertFormula(formula);
    return { value: '', formula };
  }
  const iso = ISO_DAY.exec(trimmed);
  if (iso) return { value: serialOf(+iso[1], +iso[2], +iso[3]), dateFormat: true };
  const date = usDate(trimmed);
  if (date !== null) return { value: date, dateFormat: true };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  if (ERROR_VALUES.has(trimmed.toUpperCase())) return { value: { error: trimmed.toUpperCase() } };
  return { value: input };
}

/** Expands a 2-D array or a single value over the area; checks the dimensions as Excel does. */
export function grid(area: Area, input: unknown, what: string): (r: number, c: number) => CellInput {
  if (!Array.isArray(input)) {
    if (input === null || input === undefined) fail('InvalidArgument', `${what} cannot be set to null.`);
    if (typeof input === 'object') fail('InvalidArgument', `${what} must be a 2-D array or a single value.`);
    return () => input as Scalar;
  }
  const rows = input as unknown[];
  if (rows.length !== rowsOf(area) || rows.some((row) => !Array.isArray(row) || row.length !== colsOf(area))) {
    fail(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: ${rows.length}×${
        Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : '?'
      } for ${rowsOf(area)}×${colsOf(area)}).`,
    );
  }
  return (r, c) => {
    const value = (rows[r] as unknown[])[c];
    if (value !== null && value !== undefined && typeof value === 'object')
      fail('InvalidArgument', `${what}: a cell value must be text, a number or a boolean.`);
    return value as CellInput;
  };
}

export function storeTyped(sheet: SheetModel, r: number, c: number, value: Scalar): void {
  const cell = sheet.cellForWrite(r, c);
  const parsed = typed(value, cell.numberFormat === '@');
  cell.value = parsed.value;
  cell.formula = parsed.formula;
  cell.quotePrefix = parsed.quotePrefix;
  if (parsed.dateFormat && cell.numberFormat === 'General') cell.numberFormat = 'yyyy-mm-dd';
}

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

/** A value as typed into a cell: what Excel stores for it. */
function typed(input: Scalar): { value: CellResult | ''; formula?: string; quotePrefix?: boolean; dateFormat?: boolean } {
  if (typeof input !== 'string') {
    if (typeof input === 'number' && !Number.isFinite(input)) fail('InvalidArgument', 'A number must be finite.');
    return { value: input };
  }
  if (input === '') return { value: '' };
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (input.startsWith('=')) {
    assertFormula(input);
    return { value: '', formula: input };
  }
  const trimmed = input.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  if (/^[+\-@]/.test(input) && input.length > 1) {
    const formula = `=${input}`;
    assertFormula(formula);
    return { value: '', formula };
  }
  const iso = ISO_DAY.exec(trimmed);
  if (iso) return { value: Math.round(Date.UTC(+iso[1], +iso[2] - 1, +iso[3]) / 86_400_000) + 25569, dateFormat: true };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
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
  const parsed = typed(value);
  const cell = sheet.cellForWrite(r, c);
  cell.value = parsed.value;
  cell.formula = parsed.formula;
  cell.quotePrefix = parsed.quotePrefix;
  if (parsed.dateFormat && cell.numberFormat === 'General') cell.numberFormat = 'yyyy-mm-dd';
}

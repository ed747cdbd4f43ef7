/**
 * Plan values as the Excel JavaScript API takes them, and the plan's scattered cells gathered into
 * rectangular 2-D arrays so each rectangle is written with one call.
 */
import { isFormula, type PlannedCell, type PlanValue } from '../../core/plan/workbookPlan';
import { areaAddress } from '../../core/model/a1';

/** What one cell of a `values`/`formulas` array holds; null leaves the cell as it is. */
export type OfficeInput = string | number | boolean | null;

/**
 * Excel reads text written through `values`, `formulas` and `rows.add` as if typed, with en-US
 * rules whatever the user's locale (office-js #1559, by design): a leading = + or - makes a formula
 * (reference, Range.values), and numbers, dates, booleans and error values in any form Excel knows
 * — 1e5, (123), 0047, 50%, May 2024, 12/31/2024, TRUE, #N/A — become numbers, dates, booleans and
 * errors (which forms exactly is not documented). Text that could be read so is written with
 * Excel's text prefix, an apostrophe that is not part of the value: anything with a digit, anything
 * starting with = + - @ ' # or a parenthesis, and the boolean words. Plain words go as they are.
 */
const MAY_BE_READ = /\d|^[\s=+\-@'#(]|^(true|false|sann|usann|wahr|falsch)$/i;

export function officeText(text: string): string {
  return MAY_BE_READ.test(text) ? `'${text}` : text;
}

/** Formulas in the plan carry no '='; Office.js needs it, and takes numbers and text as constants. */
export function officeInput(value: PlanValue): OfficeInput {
  if (isFormula(value)) return `=${value.formula.replace(/^=/, '')}`;
  if (typeof value === 'string') return officeText(value);
  return value;
}

export interface CellBlock {
  /** A1 address of the rectangle, e.g. "B3:D6". */
  address: string;
  top: number;
  left: number;
  /** rows[r][c] is the cell at (top + r, left + c); null where the plan has nothing. */
  rows: OfficeInput[][];
  hasFormula: boolean;
}

/**
 * Groups cells into blocks of consecutive rows that hold a value, each spanning its own columns.
 * Cells without a value (style only) are left out: null in the array would leave them alone anyway.
 */
export function cellBlocks(cells: readonly PlannedCell[]): CellBlock[] {
  const byRow = new Map<number, PlannedCell[]>();
  for (const cell of cells) {
    if (cell.value === null) continue;
    const row = byRow.get(cell.row);
    if (row) row.push(cell);
    else byRow.set(cell.row, [cell]);
  }
  const rowNumbers = [...byRow.keys()].sort((a, b) => a - b);
  const blocks: CellBlock[] = [];
  let start = 0;
  for (let i = 1; i <= rowNumbers.length; i++) {
    if (i < rowNumbers.length && rowNumbers[i] === rowNumbers[i - 1] + 1) continue;
    blocks.push(blockOf(rowNumbers.slice(start, i), byRow));
    start = i;
  }
  return blocks;
}

function blockOf(rowNumbers: number[], byRow: Map<number, PlannedCell[]>): CellBlock {
  const members = rowNumbers.flatMap((r) => byRow.get(r) ?? []);
  const top = rowNumbers[0];
  const bottom = rowNumbers[rowNumbers.length - 1];
  const left = Math.min(...members.map((c) => c.col));
  const right = Math.max(...members.map((c) => c.col));
  const rows: OfficeInput[][] = rowNumbers.map(() => new Array<OfficeInput>(right - left + 1).fill(null));
  let hasFormula = false;
  for (const cell of members) {
    rows[cell.row - top][cell.col - left] = officeInput(cell.value);
    hasFormula ||= isFormula(cell.value);
  }
  return { address: areaAddress(top, left, bottom, right), top, left, rows, hasFormula };
}

const encoder = new TextEncoder();

/** Bytes a value adds to a request, as Office.js sends it (JSON, UTF-8). */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/**
 * Splits rows into consecutive slices whose JSON stays under maxBytes each (a single row larger
 * than that still gets a slice of its own). Returns the slice boundaries as [start, end) pairs.
 */
export function sliceByBytes(rows: readonly unknown[][], maxBytes: number): [number, number][] {
  const slices: [number, number][] = [];
  let start = 0;
  let bytes = 2;
  for (let i = 0; i < rows.length; i++) {
    const rowBytes = jsonBytes(rows[i]) + 1;
    if (i > start && bytes + rowBytes > maxBytes) {
      slices.push([start, i]);
      start = i;
      bytes = 2;
    }
    bytes += rowBytes;
  }
  if (rows.length > start) slices.push([start, rows.length]);
  return slices;
}

/**
 * What a caller of the sheet scanner asks for, and receives: the values of the columns it names,
 * and of the other cells only those whose text could hold what it looks for. A cell nobody asked
 * for is skipped in the bytes, never decoded.
 */
import type { CellValue } from '../../../core/port';
import { MAX_COLUMNS } from './readLimits';

/**
 * Cells outside the wanted columns that are built anyway: text holding at least `text` ASCII
 * digits, numbers written with at least `number` digits (or in exponent form). The privacy scan
 * asks for 11 and 9: a fødselsnummer as text, or as a number that lost its leading zero.
 */
export interface DigitProbe {
  text: number;
  number: number;
}

export interface CellSink {
  /** `columns[c] !== 0` builds column c's values; absent builds every column. */
  readonly columns?: Uint8Array;
  readonly probe?: DigitProbe;
  /** A cell with a value, in the order of the file: wanted, or found by the probe. */
  cell(row: number, column: number, value: CellValue): void;
  /** The end of a row that delivered at least one cell. */
  rowEnd(row: number): void;
}

/** A column mask for CellSink.columns from 1-based column numbers. */
export function columnMask(columns: Iterable<number>): Uint8Array {
  const mask = new Uint8Array(MAX_COLUMNS + 1);
  for (const column of columns) if (column >= 1 && column <= MAX_COLUMNS) mask[column] = 1;
  return mask;
}

export type RowCallback = (rowNumber: number, cells: CellValue[]) => void;

/** Every cell, a row at a time as an array (`cells[c - 1]` is column c, gaps null). */
export class RowCollector implements CellSink {
  private cells: CellValue[] = [];

  constructor(private readonly onRow: RowCallback) {}

  cell(_row: number, column: number, value: CellValue): void {
    const cells = this.cells;
    while (cells.length < column - 1) cells.push(null);
    cells[column - 1] = value;
  }

  rowEnd(row: number): void {
    const cells = this.cells;
    this.cells = [];
    this.onRow(row, cells);
  }
}

/**
 * Finding a register's rows in a sheet from its cells, not from any table model: a user may move
 * columns, add their own, sort, or type rows below the table, and a file saved by Excel may carry
 * table metadata that readers misinterpret. The header row is the one that names the most of the
 * register's columns, in any of the three languages or as an earlier version wrote them.
 */
import type { CellValue, SheetGrid } from '../port';
import { asText, isBlank, normaliseLabel } from './cellValues';
import { sheetDef } from '../content/content';
import { headerLabels, type ColumnDef, type RegisterKey } from '../content/templateSchema';
import { columnLetter } from './a1';

export interface RegisterRow {
  /** 1-based row number in the sheet. */
  rowNumber: number;
  values: Record<string, CellValue>;
}

export interface RegisterRows {
  key: RegisterKey;
  sheetName: string;
  headerRow: number;
  /** Column key → 1-based column number where the user's sheet has it now. */
  columns: Map<string, number>;
  /**
   * Column key → the header text the sheet has (an older version's label, perhaps); absent when
   * the rows were made by the program, whose headers are the current labels.
   */
  headers?: Map<string, string>;
  /** Columns of the template that the sheet does not have. */
  missingColumns: ColumnDef[];
  /** Non-blank rows below the header. */
  rows: RegisterRow[];
}

const HEADER_SEARCH_ROWS = 30;

function knownHeaders(column: ColumnDef): Set<string> {
  return new Set(headerLabels(column).map(normaliseLabel));
}

function matchColumns(row: CellValue[] | undefined, columns: ColumnDef[]): Map<string, number> {
  const found = new Map<string, number>();
  if (!row) return found;
  for (const column of columns) {
    const labels = knownHeaders(column);
    const index = row.findIndex((v) => labels.has(normaliseLabel(asText(v))));
    if (index >= 0) found.set(column.key, index + 1);
  }
  return found;
}

/**
 * A row's values with every key null, to copy for each row. Made by JSON.parse, which lays the
 * keys out inside the object: its copies take a third less memory than objects built key by key,
 * which matters for a register of hundreds of thousands of rows.
 */
export function blankValues(keys: string[]): Record<string, CellValue> {
  return JSON.parse(JSON.stringify(Object.fromEntries(keys.map((key) => [key, null])))) as Record<string, CellValue>;
}

export function locateRegister(key: RegisterKey, grid: SheetGrid): RegisterRows {
  const columns = sheetDef(key).columns ?? [];
  let headerRow = 0;
  let best = new Map<string, number>();
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= limit; r++) {
    const found = matchColumns(grid.rows[r - 1], columns);
    if (found.size > best.size) [headerRow, best] = [r, found];
  }
  const rows: RegisterRow[] = [];
  const headers = new Map<string, string>();
  for (const [colKey, col] of best) headers.set(colKey, asText(grid.rows[headerRow - 1]?.[col - 1] ?? null).trim());
  if (headerRow > 0) {
    const keys = [...best.keys()];
    const indexes = [...best.values()].map((col) => col - 1);
    const empty = blankValues(keys);
    for (let r = headerRow + 1; r <= grid.rows.length; r++) {
      const cells = grid.rows[r - 1];
      if (!cells) continue;
      const values = { ...empty };
      let blank = true;
      for (let i = 0; i < keys.length; i++) {
        const v = cells[indexes[i]] ?? null;
        values[keys[i]] = v;
        if (blank && !isBlank(v)) blank = false;
      }
      if (!blank) rows.push({ rowNumber: r, values });
    }
  }
  return {
    key,
    sheetName: grid.name,
    headerRow,
    columns: best,
    headers,
    missingColumns: columns.filter((c) => !best.has(c.key)),
    rows,
  };
}

/** The A1 address of a register cell, wherever the user moved its column; null when the column is missing. */
export function registerCell(register: RegisterRows, rowNumber: number, columnKey: string): string | null {
  const col = register.columns.get(columnKey);
  return col ? `${columnLetter(col)}${rowNumber}` : null;
}

/** An empty register, for a workbook that lacks the sheet. */
export function emptyRegister(key: RegisterKey, sheetName = ''): RegisterRows {
  return { key, sheetName, headerRow: 0, columns: new Map(), missingColumns: sheetDef(key).columns ?? [], rows: [] };
}

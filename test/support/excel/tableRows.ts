/** A table's rows: `rows.add` appending as Excel does, with calculated columns and the cells below moved down. */
import { colsOf, MAX_COLS, MAX_ROWS, rowsOf, type Area } from './addresses';
import { storeTyped } from './cellInput';
import { ClientObject } from './clientObject';
import type { StandInContext } from './context';
import { fail } from './errors';
import type { Scalar, SheetModel, TableModel } from './model';
import { assertEditable } from './protection';
import type { ExcelStandIn } from './standIn';

export class TableRowCollectionProxy extends ClientObject {
  protected readonly loadable = ['count'] as const;

  constructor(
    context: StandInContext,
    path: string,
    private readonly table: () => TableModel,
  ) {
    super(context, path);
  }

  protected resolve(): unknown {
    return this.table();
  }

  protected snapshot(prop: string): unknown {
    if (prop === 'count') return rowsOf(this.table().area) - 1;
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get count(): number {
    return this.read('count');
  }

  /**
   * Appends rows as Excel does: the table's columns below it shift down, the new rows take the
   * last row's formats, validations and conditional formats grow with the table. A calculated
   * column depends on the user's AutoCorrect option "Fill formulas in tables to create calculated
   * columns" (StandInOptions.autoCorrectFillsFormulas): on (Excel's default), an empty value there
   * gets the column's formula ("Excel copies formulas from other rows even when the formula has been
   * set to empty string, null or undefined for that row", office-js #1916; "by design", #2093); off,
   * an empty value clears the cell, as "Blank and null values in Excel add-ins" documents for values.
   */
  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): void {
    this.call('add', [index ?? null, values ?? null, alwaysInsert ?? null], () => {
      if (index !== undefined && index !== null && index !== -1) fail('NotImplemented', 'stand-in: rows.add at an index');
      const table = this.table();
      const { sheet, area } = table;
      assertEditable(this.context.book, sheet, [area], 'structure');
      const width = colsOf(area);
      const rows = values === undefined || values === null ? [new Array<Scalar>(width).fill('')] : (values as unknown[]);
      if (!Array.isArray(rows) || rows.length === 0 || rows.some((row) => !Array.isArray(row) || row.length !== width)) {
        fail('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the table (${width} columns).`);
      }
      const n = rows.length;
      shiftDown(this.context.book, table, n);
      const last = area.bottom;
      const calculated = this.context.book.options.autoCorrectFillsFormulas === false ? [] : calculatedFormulas(sheet, area);
      const template = Array.from({ length: width }, (_, c) => sheet.cell(last, area.left + c));
      rows.forEach((row, r) => {
        (row as unknown[]).forEach((value, c) => {
          if (value !== null && typeof value === 'object') fail('InvalidArgument', 'A table row value must be text, a number or a boolean.');
          const cell = sheet.cellForWrite(last + 1 + r, area.left + c);
          const base = template[c];
          if (base) {
            cell.numberFormat = base.numberFormat;
            cell.format = structuredClone(base.format);
          }
          const input = value === null || value === undefined || value === '' ? (calculated[c] ?? '') : (value as Scalar);
          storeTyped(sheet, last + 1 + r, area.left + c, input);
        });
      });
      for (const grown of [...sheet.validations, ...sheet.conditionalFormats]) {
        if (grown.area.bottom === last && grown.area.left >= area.left && grown.area.right <= area.right) grown.area.bottom += n;
      }
      area.bottom += n;
    });
  }
}

/** A column whose body cells all hold the same formula is a calculated column. */
function calculatedFormulas(sheet: SheetModel, area: Area): (string | undefined)[] {
  return Array.from({ length: colsOf(area) }, (_, c) => {
    let formula: string | undefined;
    for (let r = area.top + 1; r <= area.bottom; r++) {
      const f = sheet.cell(r, area.left + c)?.formula;
      if (f === undefined || (formula !== undefined && f !== formula)) return undefined;
      formula = f;
    }
    return formula;
  });
}

/** Cells below the table, in its columns, move down n rows to make room. */
function shiftDown(book: ExcelStandIn, table: TableModel, n: number): void {
  const { sheet, area } = table;
  const below: number[] = [];
  for (const key of sheet.cells.keys()) {
    const row = Math.floor(key / MAX_COLS);
    const col = (key % MAX_COLS) + 1;
    if (row > area.bottom && col >= area.left && col <= area.right) below.push(key);
  }
  if (below.length > 0 && below.some((k) => Math.floor(k / MAX_COLS) + n > MAX_ROWS)) fail('InvalidOperation', 'The table cannot grow past the last row.');
  below.sort((a, b) => b - a);
  for (const key of below) sheet.moveCell(Math.floor(key / MAX_COLS), (key % MAX_COLS) + 1, Math.floor(key / MAX_COLS) + n);
  for (const other of book.tables) {
    if (other !== table && other.sheet === sheet && other.area.top > area.bottom && other.area.left >= area.left && other.area.right <= area.right) {
      other.area.top += n;
      other.area.bottom += n;
    }
  }
}

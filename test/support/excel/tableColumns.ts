/** A table's columns: `columns.add` at the table's end, shifting the cells beside it as Excel inserts cells. */
import { colsOf, MAX_COLS, overlaps, rowsOf, type Area } from './addresses';
import { storeTyped, type CellInput } from './cellInput';
import { ClientObject } from './clientObject';
import type { StandInContext } from './context';
import { fail } from './errors';
import type { TableModel } from './model';
import { assertEditable } from './protection';
import { RangeProxy } from './ranges';
import type { ExcelStandIn } from './standIn';

export class TableColumnCollectionProxy extends ClientObject {
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
    if (prop === 'count') return colsOf(this.table().area);
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get count(): number {
    return this.read('count');
  }

  /**
   * Adds a column at the right end of the table, as Excel inserts a table column: the cells right
   * of the table, in the table's rows only, move one column right (Excel inserts cells, it does
   * not overwrite them); the new column's body cells are empty and its header is `name` (made
   * unique as Excel makes headers unique). Excel refuses the shift when it would split a merged
   * range or another table that reaches outside those rows. Only the end of the table is modelled.
   */
  add(index?: number | null, values?: unknown, name?: string): TableColumnProxy {
    let added: { table: TableModel; col: number } | undefined;
    this.call('add', [index ?? null, values ?? null, name ?? null], () => {
      const table = this.table();
      const { sheet, area } = table;
      if (index !== undefined && index !== null && index !== colsOf(area)) fail('NotImplemented', 'stand-in: columns.add inside a table');
      assertEditable(this.context.book, sheet, [area], 'structure');
      if (area.right + 1 > MAX_COLS) fail('InvalidOperation', 'The table cannot grow past the last column.');
      let column: CellInput[] | undefined;
      if (values !== undefined && values !== null) {
        const rows = values as unknown[];
        if (!Array.isArray(rows) || rows.length !== rowsOf(area) || rows.some((row) => !Array.isArray(row) || row.length !== 1)) {
          fail('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the table (${rowsOf(area)} rows).`);
        }
        column = rows.map((row) => (row as unknown[])[0] as CellInput);
      }
      shiftRight(this.context.book, table);
      const col = area.right + 1;
      area.right = col;
      column?.forEach((value, r) => {
        if (r > 0 && value !== null && value !== undefined && value !== '') storeTyped(sheet, area.top + r, col, value);
      });
      const taken = new Set<string>();
      for (let c = area.left; c < col; c++) taken.add(String(sheet.cell(area.top, c)?.value ?? '').toLowerCase());
      const wanted = name ?? (column?.[0] !== undefined && column[0] !== null && column[0] !== '' ? String(column[0]) : `Column${colsOf(area)}`);
      let header = wanted;
      for (let k = 2; taken.has(header.toLowerCase()); k++) header = `${wanted}${k}`;
      const cell = sheet.cellForWrite(area.top, col);
      cell.value = header;
      cell.formula = undefined;
      added = { table, col };
    });
    return new TableColumnProxy(this.context, `${this.path}.add()`, () => added ?? null);
  }
}

/** Cells right of the table, in its rows, move one column right to make room for a new column. */
function shiftRight(book: ExcelStandIn, table: TableModel): void {
  const { sheet, area } = table;
  const band: Area = { top: area.top, bottom: area.bottom, left: area.right + 1, right: MAX_COLS };
  const partly = (a: Area): boolean => overlaps(a, band) && (a.top < band.top || a.bottom > band.bottom);
  const others = book.tables.filter((t) => t !== table && t.sheet === sheet);
  if (others.some((t) => partly(t.area)) || sheet.merges.some(partly)) {
    fail('InvalidOperation', 'This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.');
  }
  if ([...sheet.validations, ...sheet.conditionalFormats].some((x) => partly(x.area)))
    fail('NotImplemented', 'stand-in: shifting part of a validation or conditional format');
  const moving: [number, number][] = [];
  for (const key of sheet.cells.keys()) {
    const row = Math.floor(key / MAX_COLS);
    const col = (key % MAX_COLS) + 1;
    if (row >= band.top && row <= band.bottom && col >= band.left) moving.push([row, col]);
  }
  if (moving.some(([, col]) => col === MAX_COLS)) fail('InvalidOperation', 'Cells cannot be shifted past the last column.');
  moving.sort((a, b) => b[1] - a[1]);
  for (const [row, col] of moving) sheet.moveCellTo(row, col, row, col + 1);
  const inBand = (a: Area): boolean => overlaps(a, band);
  for (const a of [
    ...others.map((t) => t.area),
    ...sheet.merges,
    ...sheet.validations.map((v) => v.area),
    ...sheet.conditionalFormats.map((f) => f.area),
  ].filter(inBand)) {
    a.left += 1;
    a.right += 1;
  }
}

class TableColumnProxy extends ClientObject {
  protected readonly loadable = ['name', 'index'] as const;

  constructor(
    context: StandInContext,
    path: string,
    private readonly locate: () => { table: TableModel; col: number } | null,
  ) {
    super(context, path);
  }

  protected resolve(): unknown {
    return this.locate();
  }

  protected snapshot(prop: string): unknown {
    const { table, col } = this.existing<{ table: TableModel; col: number }>();
    if (prop === 'name') return String(table.sheet.cell(table.area.top, col)?.value ?? '');
    if (prop === 'index') return col - table.area.left;
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get name(): string {
    return this.read('name');
  }
  get index(): number {
    return this.read('index');
  }

  getRange(): RangeProxy {
    return this.part('getRange', (t) => t.area);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part('getHeaderRowRange', (t) => ({ ...t.area, bottom: t.area.top }));
  }
  getDataBodyRange(): RangeProxy {
    return this.part('getDataBodyRange', (t) => ({ ...t.area, top: t.area.top + 1 }));
  }

  private part(name: string, pick: (table: TableModel) => Area): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.${name}()`, () => {
      const { table, col } = this.existing<{ table: TableModel; col: number }>();
      return { sheet: table.sheet, area: { ...pick(table), left: col, right: col } };
    });
  }
}

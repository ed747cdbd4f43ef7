/** Tables: `workbook.tables` and `worksheet.tables`, adding a table over a range and finding one by name. */
import { overlaps, parseArea, rowsOf, splitSheet, wholeColumns, type Area } from './addresses';
import { ClientObject, loadList, type LoadArg } from './clientObject';
import { loadItems } from './collections';
import type { StandInContext } from './context';
import { fail, PROPERTY_NOT_LOADED } from './errors';
import type { SheetModel, TableModel } from './model';
import { assertEditable } from './protection';
import { RangeProxy } from './ranges';
import { TableColumnCollectionProxy } from './tableColumns';
import { TableRowCollectionProxy } from './tableRows';

export class TableProxy extends ClientObject {
  protected readonly loadable = ['name', 'style', 'id'] as const;
  readonly rows: TableRowCollectionProxy;
  readonly columns: TableColumnCollectionProxy;

  constructor(
    context: StandInContext,
    path: string,
    private readonly locate: () => TableModel | null,
  ) {
    super(context, path);
    this.rows = new TableRowCollectionProxy(context, `${path}.rows`, () => this.existing<TableModel>());
    this.columns = new TableColumnCollectionProxy(context, `${path}.columns`, () => this.existing<TableModel>());
  }

  protected resolve(): unknown {
    return this.locate();
  }

  protected snapshot(prop: string): unknown {
    const table = this.existing<TableModel>();
    if (prop === 'name') return table.name;
    if (prop === 'style') return table.style;
    if (prop === 'id') return String(table.id);
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.write('name', name, () => {
      const table = this.existing<TableModel>();
      this.book().assertFreeName(name, table);
      table.name = name;
    });
  }
  get style(): string {
    return this.read('style');
  }
  set style(style: string) {
    this.write('style', style, () => {
      this.existing<TableModel>().style = style;
    });
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
      const table = this.existing<TableModel>();
      return { sheet: table.sheet, area: pick(table) };
    });
  }

  delete(): void {
    this.call('delete', [], () => {
      const table = this.existing<TableModel>();
      this.book().tables.splice(this.book().tables.indexOf(table), 1);
    });
  }
}

export class TableCollectionProxy extends ClientObject {
  protected readonly loadable = ['count'] as const;
  private loadedItems: TableProxy[] | undefined;

  constructor(
    context: StandInContext,
    path: string,
    /** The sheet whose tables these are, or undefined for the workbook's. */
    private readonly owner?: () => SheetModel,
  ) {
    super(context, path);
  }

  protected resolve(): unknown {
    return this.owner ? this.owner() : this.book();
  }

  private list(): TableModel[] {
    const sheet = this.owner?.();
    return this.book().tables.filter((t) => !sheet || t.sheet === sheet);
  }

  protected snapshot(prop: string): unknown {
    if (prop === 'count') return this.list().length;
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get count(): number {
    return this.read('count');
  }

  get items(): TableProxy[] {
    if (!this.loadedItems) fail(PROPERTY_NOT_LOADED, "The property 'items' is not available. Load the collection and sync first.");
    return this.loadedItems!;
  }

  load(what?: LoadArg): this {
    const props = loadList(what);
    const itemProps = props.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    const own = props.filter((p) => !p.startsWith('items/') && p !== 'items');
    if (own.length > 0) super.load(own);
    loadItems(
      this,
      () => this.list(),
      (t) => new TableProxy(this.context, `tables('${t.name}')`, () => (this.book().tables.includes(t) ? t : null)),
      itemProps.length ? itemProps : ['name'],
      (items) => {
        this.loadedItems = items;
      },
    );
    return this;
  }

  add(address: string, hasHeaders: boolean): TableProxy {
    let created: TableModel | undefined;
    this.call('add', [address, hasHeaders], () => {
      const { sheet: named, local } = splitSheet(address);
      const sheet = this.owner ? this.owner() : (this.book().findSheet(named ?? '') ?? fail('ItemNotFound', `No sheet in ${address}`));
      const area = parseArea(local);
      if (!hasHeaders) fail('NotImplemented', 'stand-in: tables without a header row');
      if (rowsOf(area) < 2) fail('InvalidArgument', 'A table needs a header row and at least one row.');
      if (wholeColumns(area)) fail('InvalidArgument', 'A table cannot span whole columns.');
      assertEditable(this.book(), sheet, [area], 'structure');
      if (this.book().tables.some((t) => t.sheet === sheet && overlaps(t.area, area))) fail('InvalidOperation', "A table can't overlap another table.");
      if (sheet.merges.some((m) => overlaps(m, area))) fail('InvalidOperation', "A table can't overlap merged cells.");
      const id = this.book().newId();
      let n = 1;
      while (this.book().findTable(`Table${n}`) || this.book().name(`Table${n}`)) n++;
      created = { id, name: `Table${n}`, sheet, area, style: 'TableStyleMedium2' };
      // Header cells are text, unique and never empty.
      const seen = new Set<string>();
      for (let c = area.left; c <= area.right; c++) {
        const cell = sheet.cellForWrite(area.top, c);
        let text = cell.value === '' ? `Column${c - area.left + 1}` : String(cell.value);
        for (let k = 2; seen.has(text.toLowerCase()); k++) text = `${String(cell.value)}${k}`;
        seen.add(text.toLowerCase());
        cell.value = text;
        cell.formula = undefined;
      }
      this.book().tables.push(created);
    });
    return new TableProxy(this.context, `${this.path}.add('${address}')`, () => created ?? null);
  }

  getItem(name: string): TableProxy {
    return new TableProxy(
      this.context,
      `${this.path}('${name}')`,
      () => this.list().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? fail('ItemNotFound', `The table "${name}" doesn't exist.`),
    );
  }

  getItemOrNullObject(name: string): TableProxy {
    const proxy = new TableProxy(this.context, `${this.path}('${name}')`, () => this.list().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null);
    (proxy as unknown as { probe(): void }).probe();
    return proxy;
  }
}

/** Worksheets: `workbook.worksheets` and each sheet's properties, ranges, visibility and deletion. */
import { colLetters, MAX_COLS, MAX_ROWS, parseArea, splitSheet } from './addresses';
import { ChartCollectionProxy } from './charts';
import { ClientObject, loadList, type LoadArg } from './clientObject';
import { loadItems } from './collections';
import type { StandInContext } from './context';
import { fail, PROPERTY_NOT_LOADED } from './errors';
import { FreezePanesProxy, PageBreakCollectionProxy, PageLayoutProxy } from './layout';
import type { SheetModel } from './model';
import { WorksheetProtectionProxy } from './protection';
import { RangeAreasProxy, RangeProxy } from './ranges';
import { TableCollectionProxy } from './tables';

export class WorksheetProxy extends ClientObject {
  protected readonly loadable = ['name', 'visibility', 'tabColor', 'position', 'id'] as const;
  readonly tables: TableCollectionProxy;
  readonly freezePanes: FreezePanesProxy;
  readonly protection: WorksheetProtectionProxy;
  readonly pageLayout: PageLayoutProxy;
  readonly horizontalPageBreaks: PageBreakCollectionProxy;
  readonly charts: ChartCollectionProxy;

  constructor(
    context: StandInContext,
    path: string,
    private readonly locate: () => SheetModel | null,
  ) {
    super(context, path);
    const sheet = (): SheetModel => this.existing<SheetModel>();
    this.charts = new ChartCollectionProxy(context, `${path}.charts`, sheet);
    this.tables = new TableCollectionProxy(context, `${path}.tables`, sheet);
    this.freezePanes = new FreezePanesProxy(context, `${path}.freezePanes`, sheet);
    this.protection = new WorksheetProtectionProxy(context, `${path}.protection`, sheet);
    this.pageLayout = new PageLayoutProxy(context, `${path}.pageLayout`, sheet);
    this.horizontalPageBreaks = new PageBreakCollectionProxy(context, `${path}.horizontalPageBreaks`, sheet);
  }

  protected resolve(): unknown {
    return this.locate();
  }

  protected snapshot(prop: string): unknown {
    const sheet = this.existing<SheetModel>();
    switch (prop) {
      case 'name':
        return sheet.name;
      case 'visibility':
        return sheet.visibility;
      case 'tabColor':
        return sheet.tabColor;
      case 'position':
        return this.book().sheets.indexOf(sheet);
      case 'id':
        return `{${sheet.id}}`;
      default:
        return fail('InvalidArgument', `Unknown property ${prop}`);
    }
  }

  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.write('name', name, () => {
      const sheet = this.existing<SheetModel>();
      const other = this.book().findSheet(name);
      if (other && other !== sheet) fail('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
      sheet.name = name;
    });
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(value: string) {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(value)) fail('InvalidArgument', `visibility ${value}`);
    this.write('visibility', value, () => {
      const sheet = this.existing<SheetModel>();
      const book = this.book();
      if (value !== 'Visible' && !book.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) {
        fail('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      sheet.visibility = value as SheetModel['visibility'];
      if (value !== 'Visible' && book.activeSheet === sheet) book.activeSheet = book.sheets.find((s) => s.visibility === 'Visible');
    });
  }
  get tabColor(): string {
    return this.read('tabColor');
  }
  set tabColor(value: string) {
    if (value !== '' && !/^#[0-9A-Fa-f]{6}$/.test(value)) fail('InvalidArgument', `tabColor ${value}`);
    this.write('tabColor', value, () => {
      this.existing<SheetModel>().tabColor = value;
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getRange('${address ?? ''}')`, () => {
      const sheet = this.existing<SheetModel>();
      const { sheet: named, local } = splitSheet(address ?? `A1:${colLetters(MAX_COLS)}${MAX_ROWS}`);
      if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase()) fail('InvalidArgument', `${address} is not on ${sheet.name}`);
      return { sheet, area: parseArea(local) };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLS) {
        fail('InvalidArgument', 'Range indexes out of bounds.');
      }
      return {
        sheet: this.existing<SheetModel>(),
        area: { top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount },
      };
    });
  }

  /**
   * ExcelApi 1.9. On Windows desktop the areas must be separated by the user's list separator: with
   * ';' settings (Norwegian, German, Czech) "A1,B2" fails with InvalidArgument, with ',' settings
   * "A1;B2" does (office-js #1167: "this method must be called using locale specific
   * argument/list separator"; #1985: "expects a comma for Excel online or Excel Desktop (English)
   * but a semicolon … for Excel Desktop (German)"). Both issues are closed in backlog, #2891 is open,
   * and the reference now speaks of "comma-separated or semicolon-separated" addresses: a build may
   * take either, so the stand-in takes only the configured one, the strictest case.
   */
  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(this.context, `${this.path}.getRanges('${address}')`, () => {
      const separator = this.book().listSeparator;
      const other = separator === ',' ? ';' : ',';
      if (address.includes(other)) fail('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      const parts = address
        .split(separator)
        .map((p) => p.trim())
        .filter(Boolean);
      if (parts.length === 0) fail('InvalidArgument', 'getRanges needs at least one address.');
      return { sheet: this.existing<SheetModel>(), areas: parts.map(parseArea) };
    });
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getUsedRange()`, () => {
      const sheet = this.existing<SheetModel>();
      return { sheet, area: sheet.usedArea(valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    const proxy = new RangeProxy(this.context, `${this.path}.getUsedRangeOrNullObject()`, () => {
      const sheet = this.existing<SheetModel>();
      const area = sheet.usedArea(valuesOnly);
      return area ? { sheet, area } : null;
    });
    (proxy as unknown as { probe(): void }).probe();
    return proxy;
  }

  activate(): void {
    this.call('activate', [], () => {
      const sheet = this.existing<SheetModel>();
      if (sheet.visibility !== 'Visible') fail('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.book().activeSheet = sheet;
    });
  }

  /**
   * "Note that if the worksheet's visibility is set to "VeryHidden", the delete operation will fail
   * with an InvalidOperation exception. You should first change its visibility to hidden or visible
   * before deleting it." (reference, Worksheet.delete, ExcelApi 1.1)
   */
  delete(): void {
    this.call('delete', [], () => {
      const sheet = this.existing<SheetModel>();
      const book = this.book();
      if (sheet.visibility === 'VeryHidden') fail('InvalidOperation', 'The operation attempted is invalid on the object.');
      if (!book.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) fail('InvalidOperation', 'The last visible sheet cannot be deleted.');
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      for (let i = book.tables.length - 1; i >= 0; i--) if (book.tables[i].sheet === sheet) book.tables.splice(i, 1);
      if (book.activeSheet === sheet) book.activeSheet = book.sheets.find((s) => s.visibility === 'Visible');
    });
  }
}

export class WorksheetCollectionProxy extends ClientObject {
  protected readonly loadable = ['count'] as const;
  private loadedItems: WorksheetProxy[] | undefined;

  protected resolve(): unknown {
    return this.book();
  }

  protected snapshot(prop: string): unknown {
    if (prop === 'count') return this.book().sheets.length;
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get count(): number {
    return this.read('count');
  }

  get items(): WorksheetProxy[] {
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
      () => this.book().sheets,
      (s) => this.bound(s),
      itemProps.length ? itemProps : ['name', 'visibility'],
      (items) => {
        this.loadedItems = items;
      },
    );
    return this;
  }

  private bound(sheet: SheetModel): WorksheetProxy {
    return new WorksheetProxy(this.context, `worksheets('${sheet.name}')`, () => (this.book().sheets.includes(sheet) ? sheet : null));
  }

  add(name?: string): WorksheetProxy {
    let created: SheetModel | undefined;
    this.call('add', [name ?? null], () => {
      let sheetName = name;
      if (sheetName === undefined) {
        let n = 1;
        while (this.book().findSheet(`Sheet${n}`)) n++;
        sheetName = `Sheet${n}`;
      }
      created = this.book().addSheetModel(sheetName);
    });
    return new WorksheetProxy(this.context, `worksheets.add('${name ?? ''}')`, () => created ?? null);
  }

  getItem(name: string): WorksheetProxy {
    let bound: SheetModel | undefined;
    return new WorksheetProxy(this.context, `worksheets('${name}')`, () => {
      bound ??= this.book().findSheet(name) ?? fail('ItemNotFound', `The requested resource doesn't exist: sheet "${name}".`);
      return this.book().sheets.includes(bound) ? bound : null;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.context, `worksheets('${name}')`, () => this.book().findSheet(name) ?? null);
    (proxy as unknown as { probe(): void }).probe();
    return proxy;
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, 'worksheets.active', () => this.book().activeSheet ?? null);
  }
}

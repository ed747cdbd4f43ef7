/** Ranges: values, formulas and number formats read and written as 2-D arrays, merges, selection, and lists of areas. */
import { colsOf, formatArea, MAX_COLS, overlaps, quoteSheet, rowsOf, type Area } from './addresses';
import { grid, storeTyped } from './cellInput';
import { ClientObject } from './clientObject';
import { ConditionalFormatCollectionProxy } from './conditionalFormats';
import type { StandInContext } from './context';
import { fail } from './errors';
import { RangeFormatProxy } from './formats';
import type { CellModel, CellResult, SheetModel } from './model';
import { assertEditable } from './protection';
import { assertBounded, eachCell, type AreaSource } from './rangeTargets';
import { DataValidationProxy } from './validation';

export class RangeProxy extends ClientObject {
  protected readonly loadable = [
    'address',
    'rowCount',
    'columnCount',
    'rowIndex',
    'columnIndex',
    'cellCount',
    'values',
    'formulas',
    'numberFormat',
    'valueTypes',
  ] as const;
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;

  constructor(
    context: StandInContext,
    path: string,
    /** The sheet and rectangle, resolved at sync; null for a missing *OrNullObject range. */
    private readonly locate: () => { sheet: SheetModel; area: Area } | null,
  ) {
    super(context, path);
    const target: AreaSource = () => {
      const { sheet, area } = this.existing<{ sheet: SheetModel; area: Area }>();
      return { sheet, areas: [area] };
    };
    this.format = new RangeFormatProxy(context, `${path}.format`, target);
    this.dataValidation = new DataValidationProxy(context, `${path}.dataValidation`, target);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, `${path}.conditionalFormats`, target);
  }

  protected resolve(): unknown {
    return this.locate();
  }

  /** The sheet and rectangle this range stands for, at apply time (charts take a range as source). */
  resolvedArea(): { sheet: SheetModel; area: Area } {
    return this.existing<{ sheet: SheetModel; area: Area }>();
  }

  private where(): { sheet: SheetModel; area: Area } {
    return this.existing();
  }

  protected snapshot(prop: string): unknown {
    const { sheet, area } = this.where();
    const cells = (pick: (cell: CellModel | undefined, r: number, c: number) => unknown): unknown[][] =>
      Array.from({ length: rowsOf(area) }, (_, r) =>
        Array.from({ length: colsOf(area) }, (_, c) => pick(sheet.cell(area.top + r, area.left + c), area.top + r, area.left + c)),
      );
    const valueOf = (cell: CellModel | undefined, r: number, c: number): CellResult | '' =>
      cell?.formula !== undefined ? this.book().formulaValue(cell.formula, sheet, r, c) : (cell?.value ?? '');
    switch (prop) {
      case 'address':
        return `${quoteSheet(sheet.name)}!${formatArea(area)}`;
      case 'rowCount':
        return rowsOf(area);
      case 'columnCount':
        return colsOf(area);
      case 'rowIndex':
        return area.top - 1;
      case 'columnIndex':
        return area.left - 1;
      case 'cellCount':
        return rowsOf(area) * colsOf(area);
      case 'values':
        return cells((cell, r, c) => {
          const v = valueOf(cell, r, c);
          return typeof v === 'object' ? v.error : v;
        });
      case 'formulas':
        return cells((cell, r, c) => {
          if (cell?.formula !== undefined) return cell.formula;
          const v = valueOf(cell, r, c);
          return typeof v === 'object' ? v.error : v;
        });
      case 'numberFormat':
        return cells((cell) => cell?.numberFormat ?? 'General');
      case 'valueTypes':
        return cells((cell, r, c) => {
          const v = valueOf(cell, r, c);
          if (v === '') return 'Empty';
          if (typeof v === 'object') return 'Error';
          if (typeof v === 'boolean') return 'Boolean';
          if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Double';
          return 'String';
        });
      default:
        return fail('InvalidArgument', `Unknown property ${prop}`);
    }
  }

  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get cellCount(): number {
    return this.read('cellCount');
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set values(input: unknown[][]) {
    this.writeCells('values', input);
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(input: unknown[][]) {
    this.writeCells('formulas', input);
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(input: unknown[][]) {
    this.write('numberFormat', input, () => {
      const { sheet, area } = this.where();
      assertBounded([area]);
      const at = grid(area, input, 'numberFormat');
      assertEditable(this.book(), sheet, [area], 'format');
      eachCell([area], (r, c) => {
        const fmt = at(r - area.top, c - area.left);
        if (fmt === null || fmt === undefined) return;
        sheet.cellForWrite(r, c).numberFormat = fmt === '' ? 'General' : String(fmt);
      });
    });
  }

  private writeCells(prop: 'values' | 'formulas', input: unknown[][]): void {
    this.write(prop, input, () => {
      const { sheet, area } = this.where();
      const at = grid(area, input, prop);
      assertEditable(this.book(), sheet, [area], 'content');
      eachCell([area], (r, c) => {
        const value = at(r - area.top, c - area.left);
        if (value === null || value === undefined) return;
        storeTyped(sheet, r, c, value);
      });
    });
  }

  /** ExcelApi 1.2: the columns right of the range, over the same rows. */
  getColumnsAfter(count = 1): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getColumnsAfter(${count})`, () => {
      const { sheet, area } = this.where();
      if (count < 1 || area.right + count > MAX_COLS) fail('InvalidArgument', 'The columns after the range are outside the sheet.');
      return { sheet, area: { top: area.top, bottom: area.bottom, left: area.right + 1, right: area.right + count } };
    });
  }

  /** ExcelApi 1.4: the bounding box of the used cells inside the range; a null object when none are. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    const proxy = new RangeProxy(this.context, `${this.path}.getUsedRangeOrNullObject()`, () => {
      const { sheet, area } = this.where();
      const used = sheet.usedArea(valuesOnly, area);
      return used ? { sheet, area: used } : null;
    });
    proxy.probe();
    return proxy;
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getCell(${row},${column})`, () => {
      const { sheet, area } = this.where();
      return { sheet, area: { top: area.top + row, left: area.left + column, bottom: area.top + row, right: area.left + column } };
    });
  }

  merge(across = false): void {
    this.call('merge', [across], () => {
      const { sheet, area } = this.where();
      assertEditable(this.book(), sheet, [area], 'structure');
      if (across) fail('NotImplemented', 'stand-in: merge across');
      if (sheet.merges.some((m) => overlaps(m, area))) fail('InvalidOperation', 'The range overlaps a merged range.');
      if (this.book().tables.some((t) => t.sheet === sheet && overlaps(t.area, area))) fail('InvalidOperation', "Merged cells can't be inside a table.");
      sheet.merges.push(area);
    });
  }

  select(): void {
    this.call('select', [], () => {
      const { sheet, area } = this.where();
      if (this.book().activeSheet !== sheet) fail('InvalidSelection', 'A range can only be selected on the active sheet.');
      const before = this.book().selection;
      this.book().selection = { sheet: sheet.name, address: formatArea(area) };
      // An add-in's own select() raises onSelectionChanged too; Excel on the web only when the
      // selection actually changes (desktop even for the same cell): office-js#4691.
      if (before?.sheet !== sheet.name || before.address !== formatArea(area)) setTimeout(() => void this.book().raiseSelectionChanged(), 0);
    });
  }
}

export class RangeAreasProxy extends ClientObject {
  protected readonly loadable = ['address', 'areaCount', 'cellCount'] as const;
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;

  constructor(
    context: StandInContext,
    path: string,
    private readonly locate: () => { sheet: SheetModel; areas: Area[] },
  ) {
    super(context, path);
    this.format = new RangeFormatProxy(context, `${path}.format`, locate);
    this.dataValidation = new DataValidationProxy(context, `${path}.dataValidation`, locate);
  }

  protected resolve(): unknown {
    return this.locate();
  }

  protected snapshot(prop: string): unknown {
    const { sheet, areas } = this.locate();
    if (prop === 'address') return areas.map((a) => `${quoteSheet(sheet.name)}!${formatArea(a)}`).join(',');
    if (prop === 'areaCount') return areas.length;
    if (prop === 'cellCount') return areas.reduce((n, a) => n + rowsOf(a) * colsOf(a), 0);
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get address(): string {
    return this.read('address');
  }
  get areaCount(): number {
    return this.read('areaCount');
  }
}

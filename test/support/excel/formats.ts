/** Cell formats: `range.format` with its font, fill, protection and borders. */
import type { Area } from './addresses';
import { ClientObject } from './clientObject';
import type { StandInContext } from './context';
import { fail } from './errors';
import type { Border, CellFormat } from './model';
import { assertEditable } from './protection';
import { assertBounded, eachCell, uniform, type AreaSource } from './rangeTargets';

export class RangeFormatProxy extends ClientObject {
  protected readonly loadable = ['columnWidth', 'rowHeight', 'wrapText', 'horizontalAlignment', 'verticalAlignment'] as const;
  readonly font: FormatPartProxy;
  readonly fill: FormatPartProxy;
  readonly protection: FormatPartProxy;
  readonly borders: BorderCollectionProxy;

  constructor(
    context: StandInContext,
    path: string,
    private readonly target: AreaSource,
  ) {
    super(context, path);
    this.font = new FormatPartProxy(context, `${path}.font`, target, { bold: 'bold', italic: 'italic', size: 'size', color: 'color' });
    this.fill = new FormatPartProxy(context, `${path}.fill`, target, { color: 'fill' });
    this.protection = new FormatPartProxy(context, `${path}.protection`, target, { locked: 'locked' });
    this.borders = new BorderCollectionProxy(context, `${path}.borders`, target);
  }

  protected resolve(): unknown {
    return this.target();
  }

  protected snapshot(prop: string): unknown {
    const { sheet, areas } = this.target();
    if (prop === 'columnWidth') {
      const widths = new Set<number>();
      for (const a of areas) for (let c = a.left; c <= a.right; c++) widths.add(sheet.columnWidths.get(c) ?? 48);
      return widths.size === 1 ? [...widths][0] : null;
    }
    if (prop === 'rowHeight') {
      const heights = new Set<number>();
      for (const a of areas) for (let r = a.top; r <= a.bottom; r++) heights.add(sheet.rowHeights.get(r) ?? 15);
      return heights.size === 1 ? [...heights][0] : null;
    }
    return uniform(sheet, areas, (cell) => cell?.format[prop as keyof CellFormat] ?? null);
  }

  /**
   * RangeFormat.rowHeight (ExcelApi 1.1): the height of every row of the range in points, null
   * when they differ; Excel limits a row to 409 points.
   * https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-rowheight-member
   */
  get rowHeight(): number {
    return this.read('rowHeight');
  }
  set rowHeight(points: number) {
    this.write('rowHeight', points, () => {
      const { sheet, areas } = this.target();
      if (!(points >= 0 && points <= 409)) fail('InvalidArgument', `Row height ${points} is out of range.`);
      assertEditable(this.book(), sheet, areas, 'rows');
      for (const a of areas) for (let r = a.top; r <= a.bottom; r++) sheet.rowHeights.set(r, points);
    });
  }

  get columnWidth(): number {
    return this.read('columnWidth');
  }
  set columnWidth(points: number) {
    this.write('columnWidth', points, () => {
      const { sheet, areas } = this.target();
      if (!(points >= 0 && points <= 255 * 7.5)) fail('InvalidArgument', `Column width ${points} is out of range.`);
      assertEditable(this.book(), sheet, areas, 'columns');
      for (const a of areas) for (let c = a.left; c <= a.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  get wrapText(): boolean {
    return this.read('wrapText');
  }
  set wrapText(value: boolean) {
    this.setCells('wrapText', value);
  }
  get horizontalAlignment(): string {
    return this.read('horizontalAlignment');
  }
  set horizontalAlignment(value: string) {
    if (!['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'].includes(value))
      fail('InvalidArgument', `horizontalAlignment ${value}`);
    this.setCells('horizontalAlignment', value);
  }
  get verticalAlignment(): string {
    return this.read('verticalAlignment');
  }
  set verticalAlignment(value: string) {
    if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(value)) fail('InvalidArgument', `verticalAlignment ${value}`);
    this.setCells('verticalAlignment', value);
  }

  private setCells(prop: keyof CellFormat, value: unknown): void {
    this.write(prop, value, () => {
      const { sheet, areas } = this.target();
      assertBounded(areas);
      assertEditable(this.book(), sheet, areas, 'format');
      eachCell(areas, (r, c) => {
        (sheet.cellForWrite(r, c).format as unknown as Record<string, unknown>)[prop] = value;
      });
    });
  }
}

/** font, fill and protection: properties that map onto fields of each cell's format. */
class FormatPartProxy extends ClientObject {
  protected readonly loadable: readonly string[];

  constructor(
    context: StandInContext,
    path: string,
    private readonly target: AreaSource,
    private readonly fields: Record<string, keyof CellFormat>,
  ) {
    super(context, path);
    this.loadable = Object.keys(fields);
    for (const prop of Object.keys(fields)) {
      Object.defineProperty(this, prop, {
        get: () => this.read(prop),
        set: (value: unknown) => this.setField(prop, value),
      });
    }
  }

  protected resolve(): unknown {
    return this.target();
  }

  protected snapshot(prop: string): unknown {
    const field = this.fields[prop] ?? fail('InvalidArgument', `Unknown property ${prop}`);
    const { sheet, areas } = this.target();
    const fallback = field === 'locked' ? true : null;
    return uniform(sheet, areas, (cell) => cell?.format[field] ?? fallback);
  }

  private setField(prop: string, value: unknown): void {
    const field = this.fields[prop];
    if (field === 'color' || field === 'fill') {
      if (typeof value !== 'string' || !/^#[0-9A-Fa-f]{6}$|^[a-z]+$/.test(value)) fail('InvalidArgument', `${prop}: not a colour: ${String(value)}`);
    }
    this.write(prop, value, () => {
      const { sheet, areas } = this.target();
      assertBounded(areas);
      // Unlocking or locking cells on a protected sheet is itself a format change.
      assertEditable(this.book(), sheet, areas, 'format');
      eachCell(areas, (r, c) => {
        (sheet.cellForWrite(r, c).format as unknown as Record<string, unknown>)[field] = value;
      });
    });
  }

  clear(): void {
    this.call('clear', [], () => {
      const { sheet, areas } = this.target();
      eachCell(areas, (r, c) => {
        for (const field of Object.values(this.fields)) delete (sheet.cellForWrite(r, c).format as unknown as Record<string, unknown>)[field];
      });
    });
  }
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

class BorderCollectionProxy extends ClientObject {
  protected readonly loadable = [] as const;

  constructor(
    context: StandInContext,
    path: string,
    private readonly target: AreaSource,
  ) {
    super(context, path);
  }

  protected resolve(): unknown {
    return this.target();
  }

  protected snapshot(prop: string): unknown {
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  getItem(index: string): BorderProxy {
    if (!EDGES.includes(index)) fail('InvalidArgument', `Unknown border ${index}`);
    return new BorderProxy(this.context, `${this.path}('${index}')`, this.target, index);
  }
}

class BorderProxy extends ClientObject {
  protected readonly loadable = ['style', 'weight', 'color'] as const;

  constructor(
    context: StandInContext,
    path: string,
    private readonly target: AreaSource,
    private readonly edge: string,
  ) {
    super(context, path);
  }

  protected resolve(): unknown {
    return this.target();
  }

  protected snapshot(prop: string): unknown {
    const { sheet, areas } = this.target();
    const side = this.edge === 'EdgeTop' ? 'top' : this.edge === 'EdgeLeft' ? 'left' : this.edge === 'EdgeRight' ? 'right' : 'bottom';
    return uniform(sheet, areas, (cell) => cell?.format.borders[side]?.[prop as keyof Border] ?? null);
  }

  get style(): string {
    return this.read('style');
  }
  set style(value: string) {
    this.setBorder('style', value);
  }
  get weight(): string {
    return this.read('weight');
  }
  set weight(value: string) {
    this.setBorder('weight', value);
  }
  get color(): string {
    return this.read('color');
  }
  set color(value: string) {
    this.setBorder('color', value);
  }

  /** The cell sides an edge of each rectangle stands for. */
  private sides(area: Area): { row: number; col: number; side: 'top' | 'bottom' | 'left' | 'right' }[] {
    const out: { row: number; col: number; side: 'top' | 'bottom' | 'left' | 'right' }[] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (this.edge === 'EdgeBottom' && r === area.bottom) out.push({ row: r, col: c, side: 'bottom' });
        if (this.edge === 'InsideHorizontal' && r < area.bottom) out.push({ row: r, col: c, side: 'bottom' });
        if (this.edge === 'EdgeTop' && r === area.top) out.push({ row: r, col: c, side: 'top' });
        if (this.edge === 'EdgeLeft' && c === area.left) out.push({ row: r, col: c, side: 'left' });
        if (this.edge === 'EdgeRight' && c === area.right) out.push({ row: r, col: c, side: 'right' });
        if (this.edge === 'InsideVertical' && c < area.right) out.push({ row: r, col: c, side: 'right' });
      }
    }
    return out;
  }

  private setBorder(prop: keyof Border, value: string): void {
    this.write(prop, value, () => {
      const { sheet, areas } = this.target();
      assertBounded(areas);
      assertEditable(this.book(), sheet, areas, 'format');
      for (const area of areas) {
        for (const { row, col, side } of this.sides(area)) {
          const borders = sheet.cellForWrite(row, col).format.borders;
          borders[side] = { ...borders[side], [prop]: value };
        }
      }
    });
  }
}

/** A sheet's layout: frozen panes and the page layout (print area, orientation, paper, fit to pages). */
import { parseArea } from './addresses';
import { ClientObject } from './clientObject';
import type { StandInContext } from './context';
import { fail } from './errors';
import type { SheetModel } from './model';
import type { RangeProxy } from './ranges';

export class FreezePanesProxy extends ClientObject {
  protected readonly loadable = [] as const;

  constructor(
    context: StandInContext,
    path: string,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, path);
  }

  protected resolve(): unknown {
    return this.sheet();
  }

  protected snapshot(prop: string): unknown {
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  freezeRows(count = 1): void {
    this.call('freezeRows', [count], () => {
      if (!(count >= 0)) fail('InvalidArgument', 'freezeRows');
      this.sheet().freeze = { rows: count, cols: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this.call('freezeColumns', [count], () => {
      if (!(count >= 0)) fail('InvalidArgument', 'freezeColumns');
      this.sheet().freeze = { rows: 0, cols: count };
    });
  }

  freezeAt(range: string | RangeProxy): void {
    if (typeof range !== 'string') fail('NotImplemented', 'stand-in: freezeAt takes an address');
    this.call('freezeAt', [range], () => {
      const area = parseArea(range as string);
      this.sheet().freeze = { rows: area.bottom, cols: area.right };
    });
  }

  unfreeze(): void {
    this.call('unfreeze', [], () => {
      this.sheet().freeze = null;
    });
  }
}

/** `pageLayout.headersFooters.defaultForAllPages` (ExcelApi 1.9): the footer the printed document numbers its pages in. */
export class HeaderFooterProxy extends ClientObject {
  protected readonly loadable = ['centerFooter'] as const;

  constructor(
    context: StandInContext,
    path: string,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, path);
  }

  protected resolve(): unknown {
    return this.sheet();
  }

  protected snapshot(prop: string): unknown {
    if (prop !== 'centerFooter') fail('InvalidArgument', `Unknown property ${prop}`);
    return this.sheet().pageLayout.centerFooter ?? '';
  }

  get centerFooter(): string {
    return this.read('centerFooter');
  }
  set centerFooter(value: string) {
    this.write('centerFooter', value, () => {
      this.sheet().pageLayout.centerFooter = value;
    });
  }
}

/** `worksheet.horizontalPageBreaks` (ExcelApi 1.9): add() puts a manual break above the range's top-left cell. */
export class PageBreakCollectionProxy extends ClientObject {
  protected readonly loadable = [] as const;

  constructor(
    context: StandInContext,
    path: string,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, path);
  }

  protected resolve(): unknown {
    return this.sheet();
  }

  protected snapshot(prop: string): unknown {
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  add(range: string): void {
    if (typeof range !== 'string') fail('NotImplemented', 'stand-in: add takes an address');
    this.call('add', [range], () => {
      const area = parseArea(range);
      if (area.top <= 1) fail('InvalidArgument', 'A page break cannot stand above the first row.');
      this.sheet().pageBreaksBefore.push(area.top);
    });
  }
}

export class PageLayoutProxy extends ClientObject {
  protected readonly loadable = ['orientation', 'paperSize', 'zoom'] as const;
  readonly headersFooters: { defaultForAllPages: HeaderFooterProxy };

  constructor(
    context: StandInContext,
    path: string,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, path);
    this.headersFooters = { defaultForAllPages: new HeaderFooterProxy(context, `${path}.headersFooters.defaultForAllPages`, sheet) };
  }

  protected resolve(): unknown {
    return this.sheet();
  }

  protected snapshot(prop: string): unknown {
    const layout = this.sheet().pageLayout as Record<string, unknown>;
    if (!this.loadable.includes(prop as never)) fail('InvalidArgument', `Unknown property ${prop}`);
    return layout[prop] ?? null;
  }

  setPrintArea(area: string): void {
    if (typeof area !== 'string') fail('NotImplemented', 'stand-in: setPrintArea takes an address');
    this.call('setPrintArea', [area], () => {
      area.split(',').forEach((part) => parseArea(part));
      this.sheet().printArea = area;
    });
  }

  get orientation(): string {
    return this.read('orientation');
  }
  set orientation(value: string) {
    if (!['Portrait', 'Landscape'].includes(value)) fail('InvalidArgument', `orientation ${value}`);
    this.write('orientation', value, () => {
      this.sheet().pageLayout.orientation = value;
    });
  }
  get paperSize(): string {
    return this.read('paperSize');
  }
  set paperSize(value: string) {
    this.write('paperSize', value, () => {
      this.sheet().pageLayout.paperSize = value;
    });
  }
  get zoom(): Record<string, unknown> {
    return this.read('zoom');
  }
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    const pages = [value.horizontalFitToPages, value.verticalFitToPages].filter((v) => v !== undefined) as number[];
    if (pages.some((p) => !Number.isInteger(p) || p < 0)) fail('InvalidArgument', 'Fit-to-pages counts are whole numbers ≥ 0.');
    if (value.scale !== undefined && (value.scale < 10 || value.scale > 400)) fail('InvalidArgument', 'Scale is 10–400.');
    this.write('zoom', value, () => {
      this.sheet().pageLayout.zoom = { ...value };
    });
  }
}

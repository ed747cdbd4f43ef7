/** Charts on a sheet, from a source range on the same sheet. */
import { ClientObject } from './clientObject';
import type { StandInContext } from './context';
import { fail, PROPERTY_NOT_LOADED } from './errors';
import type { ChartModel, SheetModel } from './model';
import type { RangeProxy } from './ranges';

/** Charts: added from a source range on the same sheet; like Excel, refused on a protected sheet. */
export class ChartCollectionProxy extends ClientObject {
  protected readonly loadable = ['count'] as const;

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
    if (prop === 'count') return this.sheet().charts.length;
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  add(type: string, source: RangeProxy, seriesBy: string): ChartProxy {
    if (!['ColumnClustered', 'BarClustered', 'Line', 'Pie'].includes(type)) fail('InvalidArgument', `stand-in: unsupported chart type ${type}`);
    let model: ChartModel | undefined;
    this.call('add', [type, seriesBy], () => {
      const sheet = this.sheet();
      const { sheet: from, area } = source.resolvedArea();
      if (from !== sheet) fail('InvalidArgument', 'The chart source must be on the same sheet.');
      if (sheet.protection.protected) fail('AccessDenied', 'The sheet is protected: charts cannot be added.');
      model = { type, source: area, seriesBy, title: '', position: null };
      sheet.charts.push(model);
    });
    return new ChartProxy(this.context, `${this.path}.add`, () => model ?? fail('ItemNotFound', 'The chart was never added.'));
  }
}

class ChartProxy extends ClientObject {
  protected readonly loadable = [] as const;
  readonly title: { text: string };

  constructor(
    context: StandInContext,
    path: string,
    private readonly model: () => ChartModel,
  ) {
    super(context, path);
    const chart = this;
    this.title = {
      get text(): string {
        return fail(PROPERTY_NOT_LOADED, 'stand-in: chart title is write-only here');
      },
      set text(value: string) {
        chart.write('title.text', value, () => {
          chart.model().title = value;
        });
      },
    };
  }

  protected resolve(): unknown {
    return this.model();
  }

  protected snapshot(prop: string): unknown {
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  setPosition(from: string, to: string): void {
    this.call('setPosition', [from, to], () => {
      this.model().position = { from, to };
    });
  }
}

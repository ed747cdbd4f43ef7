/** Conditional formats: `range.conditionalFormats` and the data bars the summary draws. */
import { overlaps } from './addresses';
import { ClientObject } from './clientObject';
import type { StandInContext } from './context';
import { fail, PROPERTY_NOT_LOADED } from './errors';
import type { ConditionalFormatModel } from './model';
import { assertEditable } from './protection';
import { assertBounded, type AreaSource } from './rangeTargets';

export class ConditionalFormatCollectionProxy extends ClientObject {
  protected readonly loadable = ['count'] as const;

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
    const { sheet, areas } = this.target();
    if (prop === 'count') return sheet.conditionalFormats.filter((f) => areas.some((a) => overlaps(a, f.area))).length;
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get count(): number {
    return this.read('count');
  }

  /** ExcelApi 1.6: the number of conditional formats, as a ClientResult whose value arrives at sync. */
  getCount(): { value: number } {
    let value: number | undefined;
    this.context.enqueue({
      bytes: 64,
      apply: () => {
        const counted = this.snapshot('count') as number;
        return () => {
          value = counted;
        };
      },
      responseBytes: () => 8,
    });
    return {
      get value(): number {
        if (value === undefined) fail(PROPERTY_NOT_LOADED, 'The value is not available until context.sync() has been called.');
        return value!;
      },
    };
  }

  add(type: string): ConditionalFormatProxy {
    if (!['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'].includes(type))
      fail('InvalidArgument', `Unknown type ${type}`);
    let model: ConditionalFormatModel | undefined;
    this.call('add', [type], () => {
      const { sheet, areas } = this.target();
      assertBounded(areas);
      assertEditable(this.book(), sheet, areas, 'structure');
      model = { area: areas[0], type, dataBar: { positiveFormat: {} } };
      sheet.conditionalFormats.push(model);
    });
    return new ConditionalFormatProxy(this.context, `${this.path}.add`, () => model ?? fail('ItemNotFound', 'The conditional format was never added.'));
  }
}

class ConditionalFormatProxy extends ClientObject {
  protected readonly loadable = ['type'] as const;
  readonly dataBar: { positiveFormat: Record<string, unknown>; barDirection?: string };

  constructor(
    context: StandInContext,
    path: string,
    private readonly model: () => ConditionalFormatModel,
  ) {
    super(context, path);
    const positiveFormat = {};
    for (const prop of ['fillColor', 'gradientFill', 'borderColor']) {
      Object.defineProperty(positiveFormat, prop, {
        get: () => fail(PROPERTY_NOT_LOADED, `The property '${prop}' is not available.`),
        set: (value: unknown) =>
          this.write(`dataBar.positiveFormat.${prop}`, value, () => {
            this.model().dataBar.positiveFormat[prop] = value;
          }),
      });
    }
    this.dataBar = { positiveFormat };
  }

  protected resolve(): unknown {
    return this.model();
  }

  protected snapshot(prop: string): unknown {
    return prop === 'type' ? this.model().type : fail('InvalidArgument', `Unknown property ${prop}`);
  }
}

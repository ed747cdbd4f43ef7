/** The base of every proxy, and the JSON size by which requests and responses are counted. */
import type { StandInContext } from './context';
import { fail, PROPERTY_NOT_LOADED } from './errors';
import type { ExcelStandIn } from './standIn';

const encoder = new TextEncoder();
export const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value) ?? '').length;

export type LoadArg = string | string[] | { select?: string } | undefined;

export function loadList(what: LoadArg): string[] {
  if (what === undefined) return [];
  const text = typeof what === 'string' ? what : Array.isArray(what) ? what.join(',') : (what.select ?? '');
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The base of every proxy: queued writes, loads that arrive at sync, reads that need both. */
export abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  /** Scalar properties `load()` without arguments fetches. */
  protected abstract readonly loadable: readonly string[];

  constructor(
    readonly context: StandInContext,
    protected readonly path: string,
  ) {}

  /** The model behind the proxy, or null for a missing item of an *OrNullObject call. */
  protected abstract resolve(): unknown;

  /** A property's current value in the workbook, as a load returns it. */
  protected abstract snapshot(prop: string): unknown;

  protected book(): ExcelStandIn {
    return this.context.book;
  }

  load(what?: LoadArg): this {
    const props = loadList(what);
    const list = props.length > 0 ? props : [...this.loadable];
    let values: [string, unknown][] = [];
    this.context.enqueue({
      bytes: 64 + jsonBytes(list),
      apply: () => {
        const model = this.resolve();
        values = list.map((p) => [p, model === null ? null : this.snapshot(p)]);
        return () => values.forEach(([p, v]) => this.loaded.set(p, v));
      },
      responseBytes: () => jsonBytes(values),
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      fail(PROPERTY_NOT_LOADED, 'The property "isNullObject" is not available until context.sync() has been called.');
    }
    return this.nullState!;
  }

  /** For *OrNullObject proxies: whether the item exists is known after the next sync. */
  protected probe(): void {
    let state = false;
    this.context.enqueue({
      bytes: 32,
      apply: () => {
        state = this.resolve() === null;
        return () => {
          this.nullState = state;
        };
      },
    });
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      fail(
        PROPERTY_NOT_LOADED,
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  /** Queues a property write; the local value is forgotten until loaded again. */
  protected write(prop: string, value: unknown, apply: () => void): void {
    this.loaded.delete(prop);
    this.context.enqueue({ bytes: 64 + this.path.length + jsonBytes(value), apply: () => this.injected(`${this.path}.${prop}`) ?? void apply() });
  }

  protected call(method: string, args: unknown[], apply: () => void): void {
    this.context.enqueue({
      bytes: 64 + this.path.length + method.length + jsonBytes(args),
      apply: () => this.injected(`${this.path}.${method}`) ?? void apply(),
    });
  }

  /** Fails the operation when a test made it fail (ExcelStandIn.failOn). */
  private injected(what: string): undefined {
    const failure = this.book().failures.find((f) => what.includes(f.match));
    if (failure) fail(failure.code, failure.message ?? failure.code);
    return undefined;
  }

  /** Resolves to the model or fails as Excel does when the item is missing. */
  protected existing<T>(): T {
    const model = this.resolve();
    if (model === null) fail('ItemNotFound', `The requested resource doesn't exist: ${this.path}`);
    return model as T;
  }
}

/** Defined names: `workbook.names`, sharing one namespace with tables. */
import { quoteSheet } from './addresses';
import { assertFormula } from './cellInput';
import { ClientObject, loadList, type LoadArg } from './clientObject';
import { loadItems } from './collections';
import type { StandInContext } from './context';
import { fail, PROPERTY_NOT_LOADED } from './errors';
import type { NameModel } from './model';

/** A name's formula as Excel gives it back: a plain sheet reference with the sheet quoted only where needed. */
function excelForm(formula: string): string {
  const m = /^=(?:'((?:[^']|'')+)'|([^'!()]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(formula);
  if (!m) return formula;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return `=${quoteSheet(sheet)}!${m[3].toUpperCase()}`;
}

class NamedItemProxy extends ClientObject {
  protected readonly loadable = ['name', 'formula', 'type', 'visible', 'comment'] as const;

  constructor(
    context: StandInContext,
    path: string,
    private readonly locate: () => NameModel | null,
  ) {
    super(context, path);
  }

  protected resolve(): unknown {
    return this.locate();
  }

  protected snapshot(prop: string): unknown {
    const item = this.existing<NameModel>();
    if (prop === 'type') return /^=('[^']+'|[^!(]+)!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/.test(item.formula) ? 'Range' : 'Error';
    if (prop in item) return item[prop as keyof NameModel];
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get name(): string {
    return this.read('name');
  }
  get formula(): string {
    return this.read('formula');
  }
  get type(): string {
    return this.read('type');
  }

  delete(): void {
    this.call('delete', [], () => {
      const item = this.existing<NameModel>();
      this.book().names.splice(this.book().names.indexOf(item), 1);
    });
  }
}

export class NamedItemCollectionProxy extends ClientObject {
  protected readonly loadable = ['count'] as const;
  private loadedItems: NamedItemProxy[] | undefined;

  protected resolve(): unknown {
    return this.book();
  }

  protected snapshot(prop: string): unknown {
    if (prop === 'count') return this.book().names.length;
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get items(): NamedItemProxy[] {
    if (!this.loadedItems) fail(PROPERTY_NOT_LOADED, "The property 'items' is not available. Load the collection and sync first.");
    return this.loadedItems!;
  }

  load(what?: LoadArg): this {
    const props = loadList(what);
    const itemProps = props.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    loadItems(
      this,
      () => this.book().names,
      (n) => new NamedItemProxy(this.context, `names('${n.name}')`, () => (this.book().names.includes(n) ? n : null)),
      itemProps.length ? itemProps : ['name', 'formula'],
      (items) => {
        this.loadedItems = items;
      },
    );
    return this;
  }

  /**
   * ExcelApi 1.4. The formula comes back as Excel writes it: "Formulas always start with an equal
   * sign" (reference, NamedItem.formula), and a reference to a sheet is given back in Excel's own
   * form — sheet quoted only where its name needs it (`=Oppsummering!$B$5`; office-js #740: "starting
   * from 1904 it returns "=Sheet1!$A$1""; which names need quotes is believed, not documented). A
   * reference without "=" is stored as a text constant, as Name Manager then shows
   * `="'Excel Name Bug'!$A$1"` (office-js #2283).
   */
  add(name: string, reference: string, comment?: string): NamedItemProxy {
    if (typeof reference !== 'string') fail('NotImplemented', 'stand-in: names.add takes a formula string');
    let created: NameModel | undefined;
    this.call('add', [name, reference, comment ?? null], () => {
      this.book().assertFreeName(name);
      const formula = reference.startsWith('=') ? excelForm(reference) : `="${reference.replace(/"/g, '""')}"`;
      assertFormula(formula);
      created = { name, formula, comment: comment ?? '', visible: true };
      this.book().names.push(created);
    });
    return new NamedItemProxy(this.context, `names.add('${name}')`, () => created ?? null);
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, `names('${name}')`, () => this.book().name(name) ?? fail('ItemNotFound', `The name "${name}" doesn't exist.`));
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    const proxy = new NamedItemProxy(this.context, `names('${name}')`, () => this.book().name(name) ?? null);
    (proxy as unknown as { probe(): void }).probe();
    return proxy;
  }
}

/** The workbook and application objects of a request context. */
import { ClientObject } from './clientObject';
import type { StandInContext } from './context';
import { fail } from './errors';
import { NamedItemCollectionProxy } from './names';
import { TableCollectionProxy } from './tables';
import { WorksheetCollectionProxy } from './worksheets';

export class WorkbookProxy extends ClientObject {
  protected readonly loadable = [] as const;
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;

  constructor(context: StandInContext) {
    super(context, 'workbook');
    this.worksheets = new WorksheetCollectionProxy(context, 'worksheets');
    this.tables = new TableCollectionProxy(context, 'tables');
    this.names = new NamedItemCollectionProxy(context, 'names');
  }

  protected resolve(): unknown {
    return this.book();
  }

  protected snapshot(prop: string): unknown {
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }
}

export class ApplicationProxy extends ClientObject {
  protected readonly loadable = [] as const;

  constructor(context: StandInContext) {
    super(context, 'application');
  }

  protected resolve(): unknown {
    return this.book();
  }

  protected snapshot(prop: string): unknown {
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  suspendApiCalculationUntilNextSync(): void {
    this.call('suspendApiCalculationUntilNextSync', [], () => {
      this.book().calculationSuspensions++;
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.call('suspendScreenUpdatingUntilNextSync', [], () => undefined);
  }
}

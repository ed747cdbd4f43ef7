/** The workbook and application objects of a request context, with the workbook's selection and its event. */
import { parseArea } from './addresses';
import { ClientObject } from './clientObject';
import type { StandInContext } from './context';
import { fail } from './errors';
import { NamedItemCollectionProxy } from './names';
import { RangeProxy } from './ranges';
import { TableCollectionProxy } from './tables';
import { WorksheetCollectionProxy } from './worksheets';

export class WorkbookProxy extends ClientObject {
  protected readonly loadable = [] as const;
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  /**
   * Workbook.onSelectionChanged (ExcelApi 1.2): a handler added here is registered at the next sync
   * and called, with the event's arguments, whenever the selection changes (see ExcelStandIn.userSelects).
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.workbook#excel-excel-workbook-onselectionchanged-member
   */
  readonly onSelectionChanged: { add(handler: SelectionHandler): { remove(): void } };

  constructor(context: StandInContext) {
    super(context, 'workbook');
    this.worksheets = new WorksheetCollectionProxy(context, 'worksheets');
    this.tables = new TableCollectionProxy(context, 'tables');
    this.names = new NamedItemCollectionProxy(context, 'names');
    this.onSelectionChanged = {
      add: (handler) => {
        this.call('onSelectionChanged.add', [], () => void this.book().selectionHandlers.add(handler));
        return { remove: () => this.call('onSelectionChanged.remove', [], () => void this.book().selectionHandlers.delete(handler)) };
      },
    };
  }

  /**
   * The selected range (Workbook.getSelectedRange, ExcelApi 1.1): the selection on the active sheet,
   * A1 where nothing was selected yet.
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1)
   */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, 'workbook.getSelectedRange()', () => {
      const book = this.book();
      const sheet = (book.selection && book.findSheet(book.selection.sheet)) || book.activeSheet;
      if (!sheet) return fail('ItemNotFound', 'There is no selection.');
      return { sheet, area: parseArea(book.selection && book.selection.sheet === sheet.name ? book.selection.address : 'A1') };
    });
  }

  protected resolve(): unknown {
    return this.book();
  }

  protected snapshot(prop: string): unknown {
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }
}

/** What Excel passes a selection handler: the workbook (SelectionChangedEventArgs, ExcelApi 1.2). */
export type SelectionHandler = (args: { workbook: unknown }) => Promise<unknown> | void;

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

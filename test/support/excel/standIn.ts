/** The stand-in itself: the workbook, the round-trip log, `run` (in place of Excel.run), seeding and inspection. */
import { colsOf, contains, parseArea } from './addresses';
import { StandInContext } from './context';
import { fail } from './errors';
import { SheetModel, type CellModel, type CellResult, type NameModel, type Scalar, type TableModel, type ValidationModel } from './model';

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
}

export interface StandInOptions {
  /** What a formula cell's value reads as; the stand-in computes no formulas itself. */
  calculate?: (formula: string, sheet: string, row: number, col: number) => CellResult;
  /**
   * The list separator of the user's regional settings: ',' (en-US, the web) or ';' (Windows with
   * Norwegian, German, Czech settings). `Worksheet.getRanges` takes only the user's separator on
   * desktop (office-js #1167, #1985, both closed in backlog; #2891 open), although the reference
   * now says "comma-separated or semicolon-separated": no API tells which one a build takes.
   */
  listSeparator?: ',' | ';';
  /**
   * The user's AutoCorrect option "Fill formulas in tables to create calculated columns" (on by
   * default): on, `rows.add` copies a calculated column's formula into the new rows whatever value
   * was given there (office-js #1916; #2093 "by design"; #6745); off, an empty value clears the cell
   * ("Blank and null values in Excel add-ins": a blank value clears the content).
   */
  autoCorrectFillsFormulas?: boolean;
  /**
   * Excel on the web answers a large request or response with GeneralException ("An internal
   * error has occurred", HTTP 500) well below its documented 5 MB (office-js #1314, #1012, #2564;
   * office-js-docs-reference #354): past this many bytes, a sync fails so.
   */
  generalExceptionAboveBytes?: number;
  /** What `Office.context.diagnostics` reports (for the in-Excel self-check). */
  diagnostics?: { host: string; platform: string; version: string };
}

/** A call or property write made to fail with an Excel error code: the proxy path and member must contain `match`. */
export interface InjectedFailure {
  match: string;
  code: string;
  message?: string;
}

/** The workbook, the round-trip log and `run` (in place of Excel.run). */
export class ExcelStandIn {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly names: NameModel[] = [];
  readonly syncs: SyncRecord[] = [];
  activeSheet: SheetModel | undefined;
  selection: { sheet: string; address: string } | undefined;
  /** Calls to suspendApiCalculationUntilNextSync. */
  calculationSuspensions = 0;
  /** While true, every sync fails as Excel fails while the user is typing in a cell. */
  cellEditMode = false;
  /** Calls and writes that fail as Excel would fail them (a capability a host lacks, a conflict). */
  readonly failures: InjectedFailure[] = [];
  private nextId = 1;

  constructor(readonly options: StandInOptions = {}) {
    this.run = this.run.bind(this);
  }

  /** Excel.run: a fresh context per batch; a batch must not leave queued work unsent. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const context = new StandInContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending() > 0) throw new Error(`stand-in: the batch ended with ${context.pending()} queued operations never sent by context.sync()`);
    return result;
  }

  /** Makes every call or property write whose path contains `match` fail with the code, until cleared. */
  failOn(match: string, code: string, message = `stand-in: ${code}`): void {
    this.failures.push({ match, code, message });
  }

  get listSeparator(): ',' | ';' {
    return this.options.listSeparator ?? ',';
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  resetLog(): void {
    this.syncs.length = 0;
    this.calculationSuspensions = 0;
  }

  // — seeding a user's workbook directly, without round trips —

  seedSheet(name: string, rows: (Scalar | null)[][] = []): SheetModel {
    const sheet = this.addSheetModel(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== '') sheet.cellForWrite(r + 1, c + 1).value = value;
      }),
    );
    return sheet;
  }

  // — inspection —

  sheet(name: string): SheetModel {
    return this.findSheet(name) ?? fail('ItemNotFound', `stand-in: no sheet "${name}"`);
  }

  cell(sheetName: string, address: string): CellModel | undefined {
    const area = parseArea(address);
    return this.sheet(sheetName).cell(area.top, area.left);
  }

  table(name: string): TableModel {
    return this.findTable(name) ?? fail('ItemNotFound', `stand-in: no table "${name}"`);
  }

  /** A table's header texts and body rows (formulas where a cell has one, values elsewhere). */
  tableContent(name: string): { headers: Scalar[]; rows: (CellResult | '')[][] } {
    const table = this.table(name);
    const { sheet, area } = table;
    const row = (r: number): (CellResult | '')[] =>
      Array.from({ length: colsOf(area) }, (_, c) => {
        const cell = sheet.cell(r, area.left + c);
        return cell?.formula ?? cell?.value ?? '';
      });
    const rows: (CellResult | '')[][] = [];
    for (let r = area.top + 1; r <= area.bottom; r++) rows.push(row(r));
    return { headers: row(area.top) as Scalar[], rows };
  }

  validationAt(sheetName: string, address: string): ValidationModel | undefined {
    const at = parseArea(address);
    return this.sheet(sheetName).validations.find((v) => contains(v.area, at));
  }

  name(name: string): NameModel | undefined {
    return this.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }

  // — internals used by the proxies —

  findSheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  findTable(name: string): TableModel | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  addSheetModel(name: string): SheetModel {
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === 'history') {
      fail('InvalidArgument', `The sheet name "${name}" is not valid.`);
    }
    if (this.findSheet(name)) fail('ItemAlreadyExists', `A resource with the same name or identifier already exists: sheet "${name}".`);
    const sheet = new SheetModel(this.nextId++, name);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  newId(): number {
    return this.nextId++;
  }

  /** Table and defined names: one namespace, without case; a valid name that is no cell address. */
  assertFreeName(name: string, except?: TableModel | NameModel): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]\d*$/.test(name)) {
      fail('InvalidArgument', `"${name}" is not a valid name.`);
    }
    const table = this.findTable(name);
    const defined = this.name(name);
    if ((table && table !== except) || (defined && defined !== except)) fail('ItemAlreadyExists', `The name "${name}" is already used.`);
  }

  formulaValue(formula: string, sheet: SheetModel, row: number, col: number): CellResult | '' {
    return this.options.calculate ? this.options.calculate(formula, sheet.name, row, col) : '';
  }
}

/**
 * A recording stand-in for the Excel JavaScript API (the part Samspill uses, ExcelApi ≤ 1.9), to
 * test the Office adapter where Excel cannot run. It behaves like Excel where a mistake would
 * otherwise only show in Excel:
 *
 * - Proxies: a property can be read only after `load()` and a `context.sync()`; reading earlier
 *   throws PropertyNotLoaded. Writes and method calls are queued and applied at the next sync, in
 *   order; a failing one rejects the sync and leaves the earlier ones applied, as Excel does.
 * - Values: 2-D arrays must match the range's size (InvalidArgument), a single value fills the
 *   range, null leaves a cell alone, text is parsed as typed ("=…" is a formula, "'…" is text,
 *   digits become numbers), and an unbalanced formula is refused.
 * - Workbook rules: sheet names unique without case (ItemAlreadyExists) and valid; table and
 *   defined names share one namespace; tables cannot overlap; merges cannot overlap tables or each
 *   other; a protected sheet refuses changes to locked cells (AccessDenied); validation texts over
 *   Excel's limits are refused; the last visible sheet cannot be hidden.
 * - Table columns: `columns.add` at the table's end inserts a column as Excel inserts table
 *   columns: cells right of the table, in its rows only, move one column right (never
 *   overwritten), and a shift that would split a merged range or another table is refused.
 * - Round trips: every sync is counted with the JSON size of its request and response; a request
 *   or response over 5 MB is refused as Excel on the web refuses it.
 *
 * It computes no formulas: a formula cell's value is what `calculate` returns ('' by default).
 * The resulting workbook is kept as plain data for tests to compare with a plan.
 */

// ───────────────────────────── errors ─────────────────────────────

/** The shape of OfficeExtension.Error: name "RichApi.Error" and an Excel error code. */
export class StandInError extends Error {
  readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string };

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.debugInfo = { code, message };
  }
}

const fail = (code: string, message: string): never => {
  throw new StandInError(code, message);
};

// ───────────────────────────── addresses ─────────────────────────────

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Excel on the web's cap on one request and one response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function colNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

export function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Splits "'My sheet'!A1:B2" into the sheet name (unquoted) and the local address. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1).trim() };
}

/** Parses A1, $A$1, A1:C3, A:C (whole columns) and 2:5 (whole rows). */
export function parseArea(address: string): Area {
  const { local } = splitSheet(address);
  const parts = local.replace(/\$/g, '').toUpperCase().split(':');
  if (parts.length > 2 || parts[0] === '') fail('InvalidArgument', `Not a range address: ${address}`);
  const ends = parts.map((part) => {
    const m = /^([A-Z]{0,3})(\d{0,7})$/.exec(part);
    if (!m || (!m[1] && !m[2])) return fail('InvalidArgument', `Not a range address: ${address}`);
    return { col: m[1] ? colNumber(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
  });
  const a = ends[0];
  const b = ends[1] ?? a;
  if ((a.col === undefined) !== (b.col === undefined) || (a.row === undefined) !== (b.row === undefined)) {
    fail('InvalidArgument', `Not a range address: ${address}`);
  }
  const area: Area = {
    top: Math.min(a.row ?? 1, b.row ?? 1),
    bottom: a.row === undefined ? MAX_ROWS : Math.max(a.row, b.row!),
    left: Math.min(a.col ?? 1, b.col ?? 1),
    right: a.col === undefined ? MAX_COLS : Math.max(a.col, b.col!),
  };
  if (area.top < 1 || area.left < 1 || area.bottom > MAX_ROWS || area.right > MAX_COLS) fail('InvalidArgument', `Range outside the sheet: ${address}`);
  return area;
}

export function formatArea(area: Area): string {
  const first = `${colLetters(area.left)}${area.top}`;
  if (area.top === area.bottom && area.left === area.right) return first;
  return `${first}:${colLetters(area.right)}${area.bottom}`;
}

export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const overlaps = (a: Area, b: Area): boolean => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
const contains = (outer: Area, inner: Area): boolean =>
  outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
const sameArea = (a: Area, b: Area): boolean => a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
const rowsOf = (a: Area): number => a.bottom - a.top + 1;
const colsOf = (a: Area): number => a.right - a.left + 1;
const wholeColumns = (a: Area): boolean => a.top === 1 && a.bottom === MAX_ROWS;

const encoder = new TextEncoder();
const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value) ?? '').length;

// ───────────────────────────── the recorded workbook ─────────────────────────────

export type Scalar = string | number | boolean;
export type CellResult = Scalar | { error: string };

export interface Border {
  style?: string;
  weight?: string;
  color?: string;
}

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borders: { top?: Border; bottom?: Border; left?: Border; right?: Border };
  locked: boolean;
}

export interface CellModel {
  /** '' for an empty cell; for a formula cell, what `calculate` gave. */
  value: CellResult | '';
  formula?: string;
  /** The cell was written with Excel's text prefix (an apostrophe). */
  quotePrefix?: boolean;
  numberFormat: string;
  format: CellFormat;
}

export interface ValidationModel {
  area: Area;
  rule?: Record<string, Record<string, unknown>>;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
  ignoreBlanks: boolean;
}

export interface ChartModel {
  type: string;
  source: Area;
  seriesBy: string;
  title: string;
  position: { from: string; to: string } | null;
}

export interface ConditionalFormatModel {
  area: Area;
  type: string;
  dataBar: { positiveFormat: Record<string, unknown>; barDirection?: string };
}

export interface TableModel {
  id: number;
  name: string;
  sheet: SheetModel;
  /** Header row included. */
  area: Area;
  style: string;
}

export interface NameModel {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export class SheetModel {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  tabColor = '';
  readonly cells = new Map<number, CellModel>();
  readonly validations: ValidationModel[] = [];
  readonly merges: Area[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly charts: ChartModel[] = [];
  readonly columnWidths = new Map<number, number>();
  freeze: { rows: number; cols: number } | null = null;
  protection: { protected: boolean; options: Record<string, unknown> } = { protected: false, options: {} };
  printArea: string | null = null;
  pageLayout: { orientation?: string; paperSize?: string; zoom?: Record<string, unknown> } = {};

  constructor(
    readonly id: number,
    public name: string,
  ) {}

  private static key(row: number, col: number): number {
    return row * MAX_COLS + (col - 1);
  }

  cell(row: number, col: number): CellModel | undefined {
    return this.cells.get(SheetModel.key(row, col));
  }

  cellForWrite(row: number, col: number): CellModel {
    const k = SheetModel.key(row, col);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: '', numberFormat: 'General', format: { borders: {}, locked: true } };
      this.cells.set(k, cell);
    }
    return cell;
  }

  moveCell(row: number, col: number, toRow: number): void {
    const from = SheetModel.key(row, col);
    const cell = this.cells.get(from);
    this.cells.delete(from);
    if (cell) this.cells.set(SheetModel.key(toRow, col), cell);
  }

  /** Moves a cell to another row and column (an empty target: callers move from the far end). */
  moveCellTo(row: number, col: number, toRow: number, toCol: number): void {
    const from = SheetModel.key(row, col);
    const cell = this.cells.get(from);
    this.cells.delete(from);
    if (cell) this.cells.set(SheetModel.key(toRow, toCol), cell);
  }

  /** Bounding box of cells with content (valuesOnly) or also with formatting. */
  usedArea(valuesOnly: boolean, within?: Area): Area | null {
    let area: Area | null = null;
    for (const [k, cell] of this.cells) {
      const hasValue = cell.value !== '' || cell.formula !== undefined;
      if (!hasValue && (valuesOnly || isDefaultCell(cell))) continue;
      const row = Math.floor(k / MAX_COLS);
      const col = (k % MAX_COLS) + 1;
      if (within && (row < within.top || row > within.bottom || col < within.left || col > within.right)) continue;
      if (!area) area = { top: row, bottom: row, left: col, right: col };
      else {
        area.top = Math.min(area.top, row);
        area.bottom = Math.max(area.bottom, row);
        area.left = Math.min(area.left, col);
        area.right = Math.max(area.right, col);
      }
    }
    return area;
  }
}

function isDefaultCell(cell: CellModel): boolean {
  const { borders, locked, ...rest } = cell.format;
  return cell.numberFormat === 'General' && locked && Object.keys(borders).length === 0 && Object.values(rest).every((v) => v === undefined);
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
}

export interface StandInOptions {
  /** What a formula cell's value reads as; the stand-in computes no formulas itself. */
  calculate?: (formula: string, sheet: string, row: number, col: number) => CellResult;
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

// ───────────────────────────── requests ─────────────────────────────

interface Operation {
  bytes: number;
  /** Applies the operation to the workbook; returns data for the response, if any. */
  apply(): (() => void) | void;
  responseBytes?: () => number;
}

const PROPERTY_NOT_LOADED = 'PropertyNotLoaded';

class StandInContext {
  private queue: Operation[] = [];
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(readonly book: ExcelStandIn) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
  }

  pending(): number {
    return this.queue.length;
  }

  enqueue(op: Operation): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const requestBytes = ops.reduce((sum, op) => sum + op.bytes, 0) + 64;
    const record: SyncRecord = { requestBytes, responseBytes: 0, operations: ops.length };
    this.book.syncs.push(record);
    await Promise.resolve();
    if (this.book.cellEditMode && ops.length > 0) fail('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    if (requestBytes > PAYLOAD_LIMIT_BYTES) fail('RequestPayloadSizeLimitExceeded', `The request payload size (${requestBytes} bytes) has exceeded the limit.`);
    // A failed operation rejects the sync: those before it stay applied, no loaded data arrives.
    const commits: (() => void)[] = [];
    for (const op of ops) {
      const commit = op.apply();
      if (commit) commits.push(commit);
      record.responseBytes += op.responseBytes?.() ?? 0;
    }
    if (record.responseBytes > PAYLOAD_LIMIT_BYTES) fail('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    for (const commit of commits) commit();
  }
}

type LoadArg = string | string[] | { select?: string } | undefined;

function loadList(what: LoadArg): string[] {
  if (what === undefined) return [];
  const text = typeof what === 'string' ? what : Array.isArray(what) ? what.join(',') : (what.select ?? '');
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The base of every proxy: queued writes, loads that arrive at sync, reads that need both. */
abstract class ClientObject {
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
    this.context.enqueue({ bytes: 64 + this.path.length + jsonBytes(value), apply: () => void apply() });
  }

  protected call(method: string, args: unknown[], apply: () => void): void {
    this.context.enqueue({ bytes: 64 + this.path.length + method.length + jsonBytes(args), apply: () => void apply() });
  }

  /** Resolves to the model or fails as Excel does when the item is missing. */
  protected existing<T>(): T {
    const model = this.resolve();
    if (model === null) fail('ItemNotFound', `The requested resource doesn't exist: ${this.path}`);
    return model as T;
  }
}

// ───────────────────────────── cell input ─────────────────────────────

type CellInput = Scalar | null | undefined;

/** Excel's formula parser, reduced to what catches a plan's mistakes: quotes and brackets pair up. */
function assertFormula(formula: string): void {
  let depth = 0;
  let bracket = 0;
  let inString = false;
  let inSheet = false;
  for (const ch of formula.slice(1)) {
    if (inString) inString = ch !== '"';
    else if (inSheet) inSheet = ch !== "'";
    else if (ch === '"') inString = true;
    else if (ch === "'") inSheet = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '[') bracket++;
    else if (ch === ']') bracket--;
    if (depth < 0 || bracket < 0) break;
  }
  if (formula.length < 2 || depth !== 0 || bracket !== 0 || inString) fail('InvalidArgument', `The formula ${formula} is not valid.`);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A value as typed into a cell: what Excel stores for it. */
function typed(input: Scalar): { value: CellResult | ''; formula?: string; quotePrefix?: boolean; dateFormat?: boolean } {
  if (typeof input !== 'string') {
    if (typeof input === 'number' && !Number.isFinite(input)) fail('InvalidArgument', 'A number must be finite.');
    return { value: input };
  }
  if (input === '') return { value: '' };
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (input.startsWith('=')) {
    assertFormula(input);
    return { value: '', formula: input };
  }
  const trimmed = input.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  if (/^[+\-@]/.test(input) && input.length > 1) {
    const formula = `=${input}`;
    assertFormula(formula);
    return { value: '', formula };
  }
  const iso = ISO_DAY.exec(trimmed);
  if (iso) return { value: Math.round(Date.UTC(+iso[1], +iso[2] - 1, +iso[3]) / 86_400_000) + 25569, dateFormat: true };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  return { value: input };
}

/** Expands a 2-D array or a single value over the area; checks the dimensions as Excel does. */
function grid(area: Area, input: unknown, what: string): (r: number, c: number) => CellInput {
  if (!Array.isArray(input)) {
    if (input === null || input === undefined) fail('InvalidArgument', `${what} cannot be set to null.`);
    if (typeof input === 'object') fail('InvalidArgument', `${what} must be a 2-D array or a single value.`);
    return () => input as Scalar;
  }
  const rows = input as unknown[];
  if (rows.length !== rowsOf(area) || rows.some((row) => !Array.isArray(row) || row.length !== colsOf(area))) {
    fail(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: ${rows.length}×${
        Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : '?'
      } for ${rowsOf(area)}×${colsOf(area)}).`,
    );
  }
  return (r, c) => {
    const value = (rows[r] as unknown[])[c];
    if (value !== null && value !== undefined && typeof value === 'object') fail('InvalidArgument', `${what}: a cell value must be text, a number or a boolean.`);
    return value as CellInput;
  };
}

// ───────────────────────────── ranges ─────────────────────────────

type AreaSource = () => { sheet: SheetModel; areas: Area[] };

function assertEditable(book: ExcelStandIn, sheet: SheetModel, areas: Area[], kind: 'content' | 'format' | 'structure' | 'columns'): void {
  if (!sheet.protection.protected) return;
  const options = sheet.protection.options;
  if (kind === 'format' && options.allowFormatCells) return;
  if (kind === 'columns' && options.allowFormatColumns) return;
  if (kind === 'content') {
    const locked = areas.some((area) => {
      for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) if (sheet.cell(r, c)?.format.locked ?? true) return true;
      return false;
    });
    if (!locked) return;
  }
  void book;
  fail('AccessDenied', `The cell or chart you're trying to change is on the protected sheet "${sheet.name}".`);
}

function eachCell(areas: Area[], fn: (row: number, col: number) => void): void {
  for (const area of areas) for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) fn(r, c);
}

/** Formats on whole columns would touch a million rows: the adapter must format used rows only. */
function assertBounded(areas: Area[]): void {
  if (areas.some(wholeColumns)) fail('NotImplemented', 'stand-in: cell formats over whole columns are refused (format the used rows only).');
}

class RangeFormatProxy extends ClientObject {
  protected readonly loadable = ['columnWidth', 'wrapText', 'horizontalAlignment', 'verticalAlignment'] as const;
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
    return uniform(sheet, areas, (cell) => cell?.format[prop as keyof CellFormat] ?? null);
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
    if (!['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'].includes(value)) fail('InvalidArgument', `horizontalAlignment ${value}`);
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

function uniform(sheet: SheetModel, areas: Area[], pick: (cell: CellModel | undefined) => unknown): unknown {
  let first: unknown;
  let seen = false;
  let same = true;
  eachCell(areas, (r, c) => {
    const v = pick(sheet.cell(r, c));
    if (!seen) {
      first = v;
      seen = true;
    } else if (v !== first) same = false;
  });
  return same ? first : null;
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

const TEXT_LIMITS = { promptTitle: 32, promptMessage: 255, errorTitle: 32, errorMessage: 225 };
const OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];
const TERNARY = ['Between', 'NotBetween'];

function assertRule(rule: unknown): asserts rule is Record<string, Record<string, unknown>> {
  if (typeof rule !== 'object' || rule === null) fail('InvalidArgument', 'A data validation rule must be an object.');
  const kinds = Object.keys(rule as object).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (kinds.length !== 1) fail('InvalidArgument', `A data validation rule takes exactly one criterion, got ${kinds.join(', ') || 'none'}.`);
  const kind = kinds[0];
  const body = (rule as Record<string, Record<string, unknown>>)[kind];
  if (kind === 'list') {
    if (typeof body.source !== 'string' || body.source === '' || body.source === '=') fail('InvalidArgument', 'A list rule needs a source.');
    return;
  }
  if (kind === 'custom') {
    if (typeof body.formula !== 'string' || !body.formula.startsWith('=')) fail('InvalidArgument', 'A custom rule needs a formula.');
    return;
  }
  if (!['wholeNumber', 'decimal', 'textLength', 'date', 'time'].includes(kind)) fail('InvalidArgument', `Unknown data validation criterion ${kind}.`);
  if (!OPERATORS.includes(body.operator as string)) fail('InvalidArgument', `Unknown operator ${String(body.operator)}.`);
  const operands = TERNARY.includes(body.operator as string) ? ['formula1', 'formula2'] : ['formula1'];
  for (const name of operands) {
    const operand = body[name];
    if (operand === undefined || operand === null || operand === '') fail('InvalidArgument', `${kind}: ${name} is missing.`);
    if (typeof operand === 'string' && operand.startsWith('=')) continue;
    const ok =
      kind === 'date' || kind === 'time'
        ? operand instanceof Date || (typeof operand === 'string' && !Number.isNaN(Date.parse(operand)))
        : typeof operand === 'number' || (typeof operand === 'string' && operand.trim() !== '' && Number.isFinite(Number(operand)));
    if (!ok) fail('InvalidArgument', `${kind}: ${name} ${String(operand)} is not valid.`);
  }
}

class DataValidationProxy extends ClientObject {
  protected readonly loadable = ['rule', 'prompt', 'errorAlert', 'ignoreBlanks', 'type'] as const;

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

  /** The validation of exactly this range, made on first use; an overlapping different one is refused. */
  private entry(): ValidationModel {
    const { sheet, areas } = this.target();
    if (areas.length !== 1) fail('NotImplemented', 'stand-in: data validation over several areas');
    const area = areas[0];
    assertBounded(areas);
    assertEditable(this.book(), sheet, areas, 'structure');
    const same = sheet.validations.find((v) => sameArea(v.area, area));
    if (same) return same;
    if (sheet.validations.some((v) => overlaps(v.area, area))) fail('InvalidOperation', 'The range overlaps another data validation; clear it first.');
    const created: ValidationModel = { area, ignoreBlanks: true };
    sheet.validations.push(created);
    return created;
  }

  protected snapshot(prop: string): unknown {
    const { sheet, areas } = this.target();
    const found = sheet.validations.find((v) => areas.every((a) => contains(v.area, a)));
    if (prop === 'type') return found?.rule ? Object.keys(found.rule)[0] : 'None';
    return found ? (found as unknown as Record<string, unknown>)[prop] ?? null : null;
  }

  get rule(): Excel.DataValidationRule {
    return this.read('rule');
  }
  set rule(rule: Excel.DataValidationRule) {
    assertRule(rule);
    const copy = structuredClone(rule) as Record<string, Record<string, unknown>>;
    this.write('rule', rule, () => {
      this.entry().rule = copy;
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.read('prompt');
  }
  set prompt(prompt: Excel.DataValidationPrompt) {
    if ((prompt.title ?? '').length > TEXT_LIMITS.promptTitle || (prompt.message ?? '').length > TEXT_LIMITS.promptMessage) {
      fail('InvalidArgument', 'The prompt title or message is longer than Excel allows.');
    }
    this.write('prompt', prompt, () => {
      this.entry().prompt = { ...prompt };
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.read('errorAlert');
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    if ((alert.title ?? '').length > TEXT_LIMITS.errorTitle || (alert.message ?? '').length > TEXT_LIMITS.errorMessage) {
      fail('InvalidArgument', 'The error title or message is longer than Excel allows.');
    }
    if (alert.style !== undefined && !['Stop', 'Warning', 'Information'].includes(alert.style)) fail('InvalidArgument', `Unknown alert style ${alert.style}`);
    this.write('errorAlert', alert, () => {
      this.entry().errorAlert = { ...alert };
    });
  }
  get ignoreBlanks(): boolean {
    return this.read('ignoreBlanks');
  }
  set ignoreBlanks(value: boolean) {
    this.write('ignoreBlanks', value, () => {
      this.entry().ignoreBlanks = value;
    });
  }

  clear(): void {
    this.call('clear', [], () => {
      const { sheet, areas } = this.target();
      for (let i = sheet.validations.length - 1; i >= 0; i--) if (areas.some((a) => overlaps(a, sheet.validations[i].area))) sheet.validations.splice(i, 1);
    });
  }
}

class ConditionalFormatCollectionProxy extends ClientObject {
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

  add(type: string): ConditionalFormatProxy {
    if (!['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'].includes(type)) fail('InvalidArgument', `Unknown type ${type}`);
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

class RangeProxy extends ClientObject {
  protected readonly loadable = ['address', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'cellCount', 'values', 'formulas', 'numberFormat', 'valueTypes'] as const;
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
      Array.from({ length: rowsOf(area) }, (_, r) => Array.from({ length: colsOf(area) }, (_, c) => pick(sheet.cell(area.top + r, area.left + c), area.top + r, area.left + c)));
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
      this.book().selection = { sheet: sheet.name, address: formatArea(area) };
    });
  }
}

function storeTyped(sheet: SheetModel, r: number, c: number, value: Scalar): void {
  const parsed = typed(value);
  const cell = sheet.cellForWrite(r, c);
  cell.value = parsed.value;
  cell.formula = parsed.formula;
  cell.quotePrefix = parsed.quotePrefix;
  if (parsed.dateFormat && cell.numberFormat === 'General') cell.numberFormat = 'yyyy-mm-dd';
}

class RangeAreasProxy extends ClientObject {
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

// ───────────────────────────── tables ─────────────────────────────

class TableProxy extends ClientObject {
  protected readonly loadable = ['name', 'style', 'id'] as const;
  readonly rows: TableRowCollectionProxy;
  readonly columns: TableColumnCollectionProxy;

  constructor(
    context: StandInContext,
    path: string,
    private readonly locate: () => TableModel | null,
  ) {
    super(context, path);
    this.rows = new TableRowCollectionProxy(context, `${path}.rows`, () => this.existing<TableModel>());
    this.columns = new TableColumnCollectionProxy(context, `${path}.columns`, () => this.existing<TableModel>());
  }

  protected resolve(): unknown {
    return this.locate();
  }

  protected snapshot(prop: string): unknown {
    const table = this.existing<TableModel>();
    if (prop === 'name') return table.name;
    if (prop === 'style') return table.style;
    if (prop === 'id') return String(table.id);
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.write('name', name, () => {
      const table = this.existing<TableModel>();
      this.book().assertFreeName(name, table);
      table.name = name;
    });
  }
  get style(): string {
    return this.read('style');
  }
  set style(style: string) {
    this.write('style', style, () => {
      this.existing<TableModel>().style = style;
    });
  }

  getRange(): RangeProxy {
    return this.part('getRange', (t) => t.area);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part('getHeaderRowRange', (t) => ({ ...t.area, bottom: t.area.top }));
  }
  getDataBodyRange(): RangeProxy {
    return this.part('getDataBodyRange', (t) => ({ ...t.area, top: t.area.top + 1 }));
  }

  private part(name: string, pick: (table: TableModel) => Area): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.${name}()`, () => {
      const table = this.existing<TableModel>();
      return { sheet: table.sheet, area: pick(table) };
    });
  }

  delete(): void {
    this.call('delete', [], () => {
      const table = this.existing<TableModel>();
      this.book().tables.splice(this.book().tables.indexOf(table), 1);
    });
  }
}

class TableColumnCollectionProxy extends ClientObject {
  protected readonly loadable = ['count'] as const;

  constructor(
    context: StandInContext,
    path: string,
    private readonly table: () => TableModel,
  ) {
    super(context, path);
  }

  protected resolve(): unknown {
    return this.table();
  }

  protected snapshot(prop: string): unknown {
    if (prop === 'count') return colsOf(this.table().area);
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get count(): number {
    return this.read('count');
  }

  /**
   * Adds a column at the right end of the table, as Excel inserts a table column: the cells right
   * of the table, in the table's rows only, move one column right (Excel inserts cells, it does
   * not overwrite them); the new column's body cells are empty and its header is `name` (made
   * unique as Excel makes headers unique). Excel refuses the shift when it would split a merged
   * range or another table that reaches outside those rows. Only the end of the table is modelled.
   */
  add(index?: number | null, values?: unknown, name?: string): TableColumnProxy {
    let added: { table: TableModel; col: number } | undefined;
    this.call('add', [index ?? null, values ?? null, name ?? null], () => {
      const table = this.table();
      const { sheet, area } = table;
      if (index !== undefined && index !== null && index !== colsOf(area)) fail('NotImplemented', 'stand-in: columns.add inside a table');
      assertEditable(this.context.book, sheet, [area], 'structure');
      if (area.right + 1 > MAX_COLS) fail('InvalidOperation', 'The table cannot grow past the last column.');
      let column: CellInput[] | undefined;
      if (values !== undefined && values !== null) {
        const rows = values as unknown[];
        if (!Array.isArray(rows) || rows.length !== rowsOf(area) || rows.some((row) => !Array.isArray(row) || row.length !== 1)) {
          fail('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the table (${rowsOf(area)} rows).`);
        }
        column = rows.map((row) => (row as unknown[])[0] as CellInput);
      }
      shiftRight(this.context.book, table);
      const col = area.right + 1;
      area.right = col;
      column?.forEach((value, r) => {
        if (r > 0 && value !== null && value !== undefined && value !== '') storeTyped(sheet, area.top + r, col, value);
      });
      const taken = new Set<string>();
      for (let c = area.left; c < col; c++) taken.add(String(sheet.cell(area.top, c)?.value ?? '').toLowerCase());
      const wanted = name ?? (column?.[0] !== undefined && column[0] !== null && column[0] !== '' ? String(column[0]) : `Column${colsOf(area)}`);
      let header = wanted;
      for (let k = 2; taken.has(header.toLowerCase()); k++) header = `${wanted}${k}`;
      const cell = sheet.cellForWrite(area.top, col);
      cell.value = header;
      cell.formula = undefined;
      added = { table, col };
    });
    return new TableColumnProxy(this.context, `${this.path}.add()`, () => added ?? null);
  }
}

/** Cells right of the table, in its rows, move one column right to make room for a new column. */
function shiftRight(book: ExcelStandIn, table: TableModel): void {
  const { sheet, area } = table;
  const band: Area = { top: area.top, bottom: area.bottom, left: area.right + 1, right: MAX_COLS };
  const partly = (a: Area): boolean => overlaps(a, band) && (a.top < band.top || a.bottom > band.bottom);
  const others = book.tables.filter((t) => t !== table && t.sheet === sheet);
  if (others.some((t) => partly(t.area)) || sheet.merges.some(partly)) {
    fail('InvalidOperation', 'This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.');
  }
  if ([...sheet.validations, ...sheet.conditionalFormats].some((x) => partly(x.area))) fail('NotImplemented', 'stand-in: shifting part of a validation or conditional format');
  const moving: [number, number][] = [];
  for (const key of sheet.cells.keys()) {
    const row = Math.floor(key / MAX_COLS);
    const col = (key % MAX_COLS) + 1;
    if (row >= band.top && row <= band.bottom && col >= band.left) moving.push([row, col]);
  }
  if (moving.some(([, col]) => col === MAX_COLS)) fail('InvalidOperation', 'Cells cannot be shifted past the last column.');
  moving.sort((a, b) => b[1] - a[1]);
  for (const [row, col] of moving) sheet.moveCellTo(row, col, row, col + 1);
  const inBand = (a: Area): boolean => overlaps(a, band);
  for (const a of [...others.map((t) => t.area), ...sheet.merges, ...sheet.validations.map((v) => v.area), ...sheet.conditionalFormats.map((f) => f.area)].filter(inBand)) {
    a.left += 1;
    a.right += 1;
  }
}

class TableColumnProxy extends ClientObject {
  protected readonly loadable = ['name', 'index'] as const;

  constructor(
    context: StandInContext,
    path: string,
    private readonly locate: () => { table: TableModel; col: number } | null,
  ) {
    super(context, path);
  }

  protected resolve(): unknown {
    return this.locate();
  }

  protected snapshot(prop: string): unknown {
    const { table, col } = this.existing<{ table: TableModel; col: number }>();
    if (prop === 'name') return String(table.sheet.cell(table.area.top, col)?.value ?? '');
    if (prop === 'index') return col - table.area.left;
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get name(): string {
    return this.read('name');
  }
  get index(): number {
    return this.read('index');
  }

  getRange(): RangeProxy {
    return this.part('getRange', (t) => t.area);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part('getHeaderRowRange', (t) => ({ ...t.area, bottom: t.area.top }));
  }
  getDataBodyRange(): RangeProxy {
    return this.part('getDataBodyRange', (t) => ({ ...t.area, top: t.area.top + 1 }));
  }

  private part(name: string, pick: (table: TableModel) => Area): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.${name}()`, () => {
      const { table, col } = this.existing<{ table: TableModel; col: number }>();
      return { sheet: table.sheet, area: { ...pick(table), left: col, right: col } };
    });
  }
}

class TableRowCollectionProxy extends ClientObject {
  protected readonly loadable = ['count'] as const;

  constructor(
    context: StandInContext,
    path: string,
    private readonly table: () => TableModel,
  ) {
    super(context, path);
  }

  protected resolve(): unknown {
    return this.table();
  }

  protected snapshot(prop: string): unknown {
    if (prop === 'count') return rowsOf(this.table().area) - 1;
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get count(): number {
    return this.read('count');
  }

  /**
   * Appends rows as Excel does: the table's columns below it shift down, the new rows take the
   * last row's formats, validations and conditional formats grow with the table, and an empty
   * cell of a calculated column gets the column's formula.
   */
  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): void {
    this.call('add', [index ?? null, values ?? null, alwaysInsert ?? null], () => {
      if (index !== undefined && index !== null && index !== -1) fail('NotImplemented', 'stand-in: rows.add at an index');
      const table = this.table();
      const { sheet, area } = table;
      assertEditable(this.context.book, sheet, [area], 'structure');
      const width = colsOf(area);
      const rows = values === undefined || values === null ? [new Array<Scalar>(width).fill('')] : (values as unknown[]);
      if (!Array.isArray(rows) || rows.length === 0 || rows.some((row) => !Array.isArray(row) || row.length !== width)) {
        fail('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the table (${width} columns).`);
      }
      const n = rows.length;
      shiftDown(this.context.book, table, n);
      const last = area.bottom;
      const calculated = calculatedFormulas(sheet, area);
      const template = Array.from({ length: width }, (_, c) => sheet.cell(last, area.left + c));
      rows.forEach((row, r) => {
        (row as unknown[]).forEach((value, c) => {
          if (value !== null && typeof value === 'object') fail('InvalidArgument', 'A table row value must be text, a number or a boolean.');
          const cell = sheet.cellForWrite(last + 1 + r, area.left + c);
          const base = template[c];
          if (base) {
            cell.numberFormat = base.numberFormat;
            cell.format = structuredClone(base.format);
          }
          const input = value === null || value === undefined || value === '' ? calculated[c] ?? '' : (value as Scalar);
          storeTyped(sheet, last + 1 + r, area.left + c, input);
        });
      });
      for (const grown of [...sheet.validations, ...sheet.conditionalFormats]) {
        if (grown.area.bottom === last && grown.area.left >= area.left && grown.area.right <= area.right) grown.area.bottom += n;
      }
      area.bottom += n;
    });
  }
}

/** A column whose body cells all hold the same formula is a calculated column. */
function calculatedFormulas(sheet: SheetModel, area: Area): (string | undefined)[] {
  return Array.from({ length: colsOf(area) }, (_, c) => {
    let formula: string | undefined;
    for (let r = area.top + 1; r <= area.bottom; r++) {
      const f = sheet.cell(r, area.left + c)?.formula;
      if (f === undefined || (formula !== undefined && f !== formula)) return undefined;
      formula = f;
    }
    return formula;
  });
}

/** Cells below the table, in its columns, move down n rows to make room. */
function shiftDown(book: ExcelStandIn, table: TableModel, n: number): void {
  const { sheet, area } = table;
  const below: number[] = [];
  for (const key of sheet.cells.keys()) {
    const row = Math.floor(key / MAX_COLS);
    const col = (key % MAX_COLS) + 1;
    if (row > area.bottom && col >= area.left && col <= area.right) below.push(key);
  }
  if (below.length > 0 && below.some((k) => Math.floor(k / MAX_COLS) + n > MAX_ROWS)) fail('InvalidOperation', 'The table cannot grow past the last row.');
  below.sort((a, b) => b - a);
  for (const key of below) sheet.moveCell(Math.floor(key / MAX_COLS), (key % MAX_COLS) + 1, Math.floor(key / MAX_COLS) + n);
  for (const other of book.tables) {
    if (other !== table && other.sheet === sheet && other.area.top > area.bottom && other.area.left >= area.left && other.area.right <= area.right) {
      other.area.top += n;
      other.area.bottom += n;
    }
  }
}

class TableCollectionProxy extends ClientObject {
  protected readonly loadable = ['count'] as const;
  private loadedItems: TableProxy[] | undefined;

  constructor(
    context: StandInContext,
    path: string,
    /** The sheet whose tables these are, or undefined for the workbook's. */
    private readonly owner?: () => SheetModel,
  ) {
    super(context, path);
  }

  protected resolve(): unknown {
    return this.owner ? this.owner() : this.book();
  }

  private list(): TableModel[] {
    const sheet = this.owner?.();
    return this.book().tables.filter((t) => !sheet || t.sheet === sheet);
  }

  protected snapshot(prop: string): unknown {
    if (prop === 'count') return this.list().length;
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get count(): number {
    return this.read('count');
  }

  get items(): TableProxy[] {
    if (!this.loadedItems) fail(PROPERTY_NOT_LOADED, "The property 'items' is not available. Load the collection and sync first.");
    return this.loadedItems!;
  }

  load(what?: LoadArg): this {
    const props = loadList(what);
    const itemProps = props.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    const own = props.filter((p) => !p.startsWith('items/') && p !== 'items');
    if (own.length > 0) super.load(own);
    loadItems(this, () => this.list(), (t) => new TableProxy(this.context, `tables('${t.name}')`, () => (this.book().tables.includes(t) ? t : null)), itemProps.length ? itemProps : ['name'], (items) => {
      this.loadedItems = items;
    });
    return this;
  }

  add(address: string, hasHeaders: boolean): TableProxy {
    let created: TableModel | undefined;
    this.call('add', [address, hasHeaders], () => {
      const { sheet: named, local } = splitSheet(address);
      const sheet = this.owner ? this.owner() : this.book().findSheet(named ?? '') ?? fail('ItemNotFound', `No sheet in ${address}`);
      const area = parseArea(local);
      if (!hasHeaders) fail('NotImplemented', 'stand-in: tables without a header row');
      if (rowsOf(area) < 2) fail('InvalidArgument', 'A table needs a header row and at least one row.');
      if (wholeColumns(area)) fail('InvalidArgument', 'A table cannot span whole columns.');
      assertEditable(this.book(), sheet, [area], 'structure');
      if (this.book().tables.some((t) => t.sheet === sheet && overlaps(t.area, area))) fail('InvalidOperation', "A table can't overlap another table.");
      if (sheet.merges.some((m) => overlaps(m, area))) fail('InvalidOperation', "A table can't overlap merged cells.");
      const id = this.book().newId();
      let n = 1;
      while (this.book().findTable(`Table${n}`) || this.book().name(`Table${n}`)) n++;
      created = { id, name: `Table${n}`, sheet, area, style: 'TableStyleMedium2' };
      // Header cells are text, unique and never empty.
      const seen = new Set<string>();
      for (let c = area.left; c <= area.right; c++) {
        const cell = sheet.cellForWrite(area.top, c);
        let text = cell.value === '' ? `Column${c - area.left + 1}` : String(cell.value);
        for (let k = 2; seen.has(text.toLowerCase()); k++) text = `${String(cell.value)}${k}`;
        seen.add(text.toLowerCase());
        cell.value = text;
        cell.formula = undefined;
      }
      this.book().tables.push(created);
    });
    return new TableProxy(this.context, `${this.path}.add('${address}')`, () => created ?? null);
  }

  getItem(name: string): TableProxy {
    return new TableProxy(this.context, `${this.path}('${name}')`, () => this.list().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? fail('ItemNotFound', `The table "${name}" doesn't exist.`));
  }

  getItemOrNullObject(name: string): TableProxy {
    const proxy = new TableProxy(this.context, `${this.path}('${name}')`, () => this.list().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null);
    (proxy as unknown as { probe(): void }).probe();
    return proxy;
  }
}

/** Loads a collection's items: proxies bound to each model, with the asked-for properties loaded. */
function loadItems<M, P extends ClientObject>(
  collection: ClientObject,
  models: () => M[],
  proxyOf: (model: M) => P,
  props: string[],
  commit: (items: P[]) => void,
): void {
  let items: P[] = [];
  collection.context.enqueue({
    bytes: 64 + jsonBytes(props),
    apply: () => {
      items = models().map(proxyOf);
      // Each item's load runs at once: its data belongs to this same response.
      const pending = items.map((item) => (item as unknown as { loadNow(props: string[]): () => void }).loadNow(props));
      return () => {
        pending.forEach((done) => done());
        commit(items);
      };
    },
    responseBytes: () => jsonBytes(items.map((i) => i.toJSON())),
  });
}

// Lets a collection load its items inside its own sync.
Object.defineProperty(ClientObject.prototype, 'loadNow', {
  value(this: unknown, props: string[]) {
    const self = this as { snapshot(p: string): unknown; loaded: Map<string, unknown> };
    const values = props.map((p) => [p, self.snapshot(p)] as const);
    return () => values.forEach(([p, v]) => self.loaded.set(p, v));
  },
});

// ───────────────────────────── worksheets ─────────────────────────────

class FreezePanesProxy extends ClientObject {
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

const PROTECTION_OPTIONS = [
  'allowAutoFilter', 'allowDeleteColumns', 'allowDeleteRows', 'allowEditObjects', 'allowEditScenarios', 'allowFormatCells',
  'allowFormatColumns', 'allowFormatRows', 'allowInsertColumns', 'allowInsertHyperlinks', 'allowInsertRows', 'allowPivotTables',
  'allowSort', 'selectionMode',
];

class WorksheetProtectionProxy extends ClientObject {
  protected readonly loadable = ['protected', 'options'] as const;

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
    if (prop === 'protected') return this.sheet().protection.protected;
    if (prop === 'options') return { ...this.sheet().protection.options };
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get protected(): boolean {
    return this.read('protected');
  }

  protect(options: Record<string, unknown> = {}, password?: string): void {
    const unknown = Object.keys(options).filter((k) => !PROTECTION_OPTIONS.includes(k));
    if (unknown.length > 0) fail('InvalidArgument', `Unknown protection options: ${unknown.join(', ')}`);
    this.call('protect', [options, password ?? null], () => {
      const sheet = this.sheet();
      if (sheet.protection.protected) fail('InvalidOperation', 'The sheet is already protected.');
      sheet.protection = { protected: true, options: { ...options, ...(password ? { password: true } : {}) } };
    });
  }

  unprotect(): void {
    this.call('unprotect', [], () => {
      this.sheet().protection = { protected: false, options: {} };
    });
  }
}

class PageLayoutProxy extends ClientObject {
  protected readonly loadable = ['orientation', 'paperSize', 'zoom'] as const;

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

/** Charts: added from a source range on the same sheet; like Excel, refused on a protected sheet. */
class ChartCollectionProxy extends ClientObject {
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

class WorksheetProxy extends ClientObject {
  protected readonly loadable = ['name', 'visibility', 'tabColor', 'position', 'id'] as const;
  readonly tables: TableCollectionProxy;
  readonly freezePanes: FreezePanesProxy;
  readonly protection: WorksheetProtectionProxy;
  readonly pageLayout: PageLayoutProxy;
  readonly charts: ChartCollectionProxy;

  constructor(
    context: StandInContext,
    path: string,
    private readonly locate: () => SheetModel | null,
  ) {
    super(context, path);
    const sheet = (): SheetModel => this.existing<SheetModel>();
    this.charts = new ChartCollectionProxy(context, `${path}.charts`, sheet);
    this.tables = new TableCollectionProxy(context, `${path}.tables`, sheet);
    this.freezePanes = new FreezePanesProxy(context, `${path}.freezePanes`, sheet);
    this.protection = new WorksheetProtectionProxy(context, `${path}.protection`, sheet);
    this.pageLayout = new PageLayoutProxy(context, `${path}.pageLayout`, sheet);
  }

  protected resolve(): unknown {
    return this.locate();
  }

  protected snapshot(prop: string): unknown {
    const sheet = this.existing<SheetModel>();
    switch (prop) {
      case 'name':
        return sheet.name;
      case 'visibility':
        return sheet.visibility;
      case 'tabColor':
        return sheet.tabColor;
      case 'position':
        return this.book().sheets.indexOf(sheet);
      case 'id':
        return `{${sheet.id}}`;
      default:
        return fail('InvalidArgument', `Unknown property ${prop}`);
    }
  }

  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.write('name', name, () => {
      const sheet = this.existing<SheetModel>();
      const other = this.book().findSheet(name);
      if (other && other !== sheet) fail('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
      sheet.name = name;
    });
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(value: string) {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(value)) fail('InvalidArgument', `visibility ${value}`);
    this.write('visibility', value, () => {
      const sheet = this.existing<SheetModel>();
      const book = this.book();
      if (value !== 'Visible' && !book.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) {
        fail('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      sheet.visibility = value as SheetModel['visibility'];
      if (value !== 'Visible' && book.activeSheet === sheet) book.activeSheet = book.sheets.find((s) => s.visibility === 'Visible');
    });
  }
  get tabColor(): string {
    return this.read('tabColor');
  }
  set tabColor(value: string) {
    if (value !== '' && !/^#[0-9A-Fa-f]{6}$/.test(value)) fail('InvalidArgument', `tabColor ${value}`);
    this.write('tabColor', value, () => {
      this.existing<SheetModel>().tabColor = value;
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getRange('${address ?? ''}')`, () => {
      const sheet = this.existing<SheetModel>();
      const { sheet: named, local } = splitSheet(address ?? `A1:${colLetters(MAX_COLS)}${MAX_ROWS}`);
      if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase()) fail('InvalidArgument', `${address} is not on ${sheet.name}`);
      return { sheet, area: parseArea(local) };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLS) {
        fail('InvalidArgument', 'Range indexes out of bounds.');
      }
      return { sheet: this.existing<SheetModel>(), area: { top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount } };
    });
  }

  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(this.context, `${this.path}.getRanges('${address}')`, () => {
      const parts = address.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
      if (parts.length === 0) fail('InvalidArgument', 'getRanges needs at least one address.');
      return { sheet: this.existing<SheetModel>(), areas: parts.map(parseArea) };
    });
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getUsedRange()`, () => {
      const sheet = this.existing<SheetModel>();
      return { sheet, area: sheet.usedArea(valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    const proxy = new RangeProxy(this.context, `${this.path}.getUsedRangeOrNullObject()`, () => {
      const sheet = this.existing<SheetModel>();
      const area = sheet.usedArea(valuesOnly);
      return area ? { sheet, area } : null;
    });
    (proxy as unknown as { probe(): void }).probe();
    return proxy;
  }

  activate(): void {
    this.call('activate', [], () => {
      const sheet = this.existing<SheetModel>();
      if (sheet.visibility !== 'Visible') fail('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.book().activeSheet = sheet;
    });
  }

  delete(): void {
    this.call('delete', [], () => {
      const sheet = this.existing<SheetModel>();
      const book = this.book();
      if (!book.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) fail('InvalidOperation', 'The last visible sheet cannot be deleted.');
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      for (let i = book.tables.length - 1; i >= 0; i--) if (book.tables[i].sheet === sheet) book.tables.splice(i, 1);
      if (book.activeSheet === sheet) book.activeSheet = book.sheets.find((s) => s.visibility === 'Visible');
    });
  }
}

class WorksheetCollectionProxy extends ClientObject {
  protected readonly loadable = ['count'] as const;
  private loadedItems: WorksheetProxy[] | undefined;

  protected resolve(): unknown {
    return this.book();
  }

  protected snapshot(prop: string): unknown {
    if (prop === 'count') return this.book().sheets.length;
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get count(): number {
    return this.read('count');
  }

  get items(): WorksheetProxy[] {
    if (!this.loadedItems) fail(PROPERTY_NOT_LOADED, "The property 'items' is not available. Load the collection and sync first.");
    return this.loadedItems!;
  }

  load(what?: LoadArg): this {
    const props = loadList(what);
    const itemProps = props.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    const own = props.filter((p) => !p.startsWith('items/') && p !== 'items');
    if (own.length > 0) super.load(own);
    loadItems(this, () => this.book().sheets, (s) => this.bound(s), itemProps.length ? itemProps : ['name', 'visibility'], (items) => {
      this.loadedItems = items;
    });
    return this;
  }

  private bound(sheet: SheetModel): WorksheetProxy {
    return new WorksheetProxy(this.context, `worksheets('${sheet.name}')`, () => (this.book().sheets.includes(sheet) ? sheet : null));
  }

  add(name?: string): WorksheetProxy {
    let created: SheetModel | undefined;
    this.call('add', [name ?? null], () => {
      let sheetName = name;
      if (sheetName === undefined) {
        let n = 1;
        while (this.book().findSheet(`Sheet${n}`)) n++;
        sheetName = `Sheet${n}`;
      }
      created = this.book().addSheetModel(sheetName);
    });
    return new WorksheetProxy(this.context, `worksheets.add('${name ?? ''}')`, () => created ?? null);
  }

  getItem(name: string): WorksheetProxy {
    let bound: SheetModel | undefined;
    return new WorksheetProxy(this.context, `worksheets('${name}')`, () => {
      bound ??= this.book().findSheet(name) ?? fail('ItemNotFound', `The requested resource doesn't exist: sheet "${name}".`);
      return this.book().sheets.includes(bound) ? bound : null;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.context, `worksheets('${name}')`, () => this.book().findSheet(name) ?? null);
    (proxy as unknown as { probe(): void }).probe();
    return proxy;
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, 'worksheets.active', () => this.book().activeSheet ?? null);
  }
}

// ───────────────────────────── names, workbook, application ─────────────────────────────

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

class NamedItemCollectionProxy extends ClientObject {
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
    loadItems(this, () => this.book().names, (n) => new NamedItemProxy(this.context, `names('${n.name}')`, () => (this.book().names.includes(n) ? n : null)), itemProps.length ? itemProps : ['name', 'formula'], (items) => {
      this.loadedItems = items;
    });
    return this;
  }

  add(name: string, reference: string, comment?: string): NamedItemProxy {
    if (typeof reference !== 'string') fail('NotImplemented', 'stand-in: names.add takes a formula string');
    let created: NameModel | undefined;
    this.call('add', [name, reference, comment ?? null], () => {
      this.book().assertFreeName(name);
      const formula = reference.startsWith('=') ? reference : `=${reference}`;
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

class WorkbookProxy extends ClientObject {
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

class ApplicationProxy extends ClientObject {
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

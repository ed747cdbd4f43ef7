/**
 * Appends rows to a register's table inside the user's own package, editing only the parts that
 * must change as text: the sheet (new <row> elements after the table, its <dimension>, validation
 * ranges that would otherwise stop short), the table part (its ref and its autoFilter's), the
 * styles when a cell must be marked "stays text", and workbook.xml (recalculate on open, so the
 * summary counts the new rows). Every other entry of the zip is copied as its stored bytes.
 *
 * Text goes in as inline strings, so the shared string table is not touched, and is never a
 * formula. Each new cell takes the style of the cell above it, so dates stay dates. A new
 * register's one blank row is taken by the first new row, and calculated columns (the table's
 * calculatedColumnFormula) give every new row their formula. Rows are never grown over merged
 * cells, the sheet's filter or another table: Excel would repair such a file.
 */
import { columnLetter, formatRange, overlaps, parseRange, type CellRange as Range } from '../../../core/model/a1';
import { EditedPackage as Package, sheetPartOf, type EditedPart as Part } from './editedPackage';
import { readStoredEntries } from './packageZip';
import { REL_STYLES, relatedParts } from './relationships';
import { cellsOf, hasContent, rowNumber } from './sheetRows';
import { tablesOnSheet } from './sheetTables';
import { withFullCalcOnLoad } from './workbookPart';
import { attribute, child, children, escapeXml, replaceSpan, rootElement, startTag, withAttribute, XmlEditError, type ElementSpan } from './xmlEdit';
import { SamspillError } from '../../../core/samspillError';
import { encodeOoxmlEscapes } from '../reading/xmlText';

export type AppendValue = string | number | null;

export interface AppendRequest {
  sheetName: string;
  /** The row holding the register's header: the table to extend is the one whose ref starts there. */
  headerRow: number;
  /** Each new row: 1-based sheet column → value. Columns not given stay empty (formula columns are filled). */
  rows: Map<number, AppendValue>[];
  /** Cached results of formula columns, per new row: column → value. */
  formulaResults?: Map<number, AppendValue>[];
  /** Text that must be marked to stay text when edited (quotePrefix), e.g. "=1+1" or "+47 …". */
  keepAsText?: (text: string) => boolean;
  /** Formulas (without "=") for columns the table has no calculated formula for: a derived column of an older workbook. */
  columnFormulas?: Map<number, string>;
}

export interface AppendResult {
  data: Uint8Array;
  changedParts: string[];
  firstRow: number;
  lastRow: number;
  /** Columns whose new cells were given a formula (the table's calculated columns). */
  formulaColumns: number[];
}

/** Why rows cannot be appended safely; the command turns it into a message. */
export class TableAppendError extends SamspillError<'noSheet' | 'totalsRow' | 'rowsBelow' | 'blocked' | 'sharedStrings'> {
  override readonly name = 'TableAppendError';

  constructor(code: TableAppendError['code'], detail = '') {
    super(code, { detail }, `${code}${detail ? `: ${detail}` : ''}`, { detail });
  }
}

function requireSheet(pkg: Package, sheetName: string): { sheetPart: string; workbookPart: string } {
  const found = sheetPartOf(pkg, sheetName);
  if (!found) throw new TableAppendError('noSheet', sheetName);
  return found;
}

interface TableFound {
  part: Part;
  range: Range;
  /** Calculated column formulas by sheet column. */
  formulas: Map<number, string>;
}

/** The table whose header is at headerRow, with its calculated columns; null on a sheet without one. */
function findTable(pkg: Package, sheetPart: string, headerRow: number): TableFound | null {
  const found = tablesOnSheet(pkg, sheetPart).find((t) => t.range?.r1 === headerRow);
  if (!found) return null;
  const { part } = found;
  const range = found.range!;
  const tableRoot = rootElement(part.text);
  const tableTag = startTag(part.text, tableRoot);
  if (Number(attribute(tableTag, 'totalsRowCount') ?? 0) > 0) throw new TableAppendError('totalsRow', attribute(tableTag, 'displayName') ?? '');
  const formulas = new Map<number, string>();
  const columns = child(part.text, tableRoot, 'tableColumns');
  (columns ? children(part.text, columns, 'tableColumn') : []).forEach((column, i) => {
    const calc = child(part.text, column, 'calculatedColumnFormula');
    if (calc && !calc.empty) formulas.set(range.c1 + i, part.text.slice(calc.openEnd, calc.closeStart));
  });
  return { part, range, formulas };
}

interface CellInfo {
  style: string | undefined;
  /** A formula that may be copied to the row below as it is (escaped XML text). */
  formula: string | undefined;
}

/** Style and copyable formula of each cell of a row element. */
function rowCells(xml: string, row: ElementSpan): Map<number, CellInfo> {
  const cells = new Map<number, CellInfo>();
  const ownRow = rowNumber(xml, row);
  for (const { span: c, col } of cellsOf(xml, row)) {
    const f = child(xml, c, 'f');
    let formula: string | undefined;
    if (f && !f.empty && attribute(startTag(xml, f), 't') === undefined) {
      const text = xml.slice(f.openEnd, f.closeStart);
      // A formula pointing at its own row by A1 address would point at the wrong row when copied.
      if (!new RegExp(`[A-Z]\\$?${ownRow}(?!\\d)`, 'i').test(text.replace(/\[[^\]]*\]/g, ''))) formula = text;
    }
    cells.set(col, { style: attribute(startTag(xml, c), 's'), formula });
  }
  return cells;
}

/** Adds quotePrefix copies of cell formats to styles.xml as they are needed. */
class QuoteStyles {
  private readonly made = new Map<string, string>();
  private xfs: string[] | undefined;
  constructor(
    private readonly pkg: Package,
    private readonly part: Part | undefined,
  ) {}

  styleFor(base: string | undefined): string | undefined {
    if (!this.part) return base;
    const key = base ?? '0';
    const known = this.made.get(key);
    if (known !== undefined) return known;
    const current = this.pkg.read(this.part.name)!;
    const xml = current.text;
    const root = rootElement(xml);
    const cellXfs = child(xml, root, 'cellXfs');
    if (!cellXfs) return base;
    this.xfs ??= [];
    const list = children(xml, cellXfs, 'xf');
    const source = list[Number(key)] ?? list[0];
    if (!source) return base;
    if (attribute(startTag(xml, source), 'quotePrefix') === '1') {
      this.made.set(key, key);
      return key;
    }
    const copy = withAttribute(startTag(xml, source), 'quotePrefix', '1') + xml.slice(source.openEnd, source.end);
    const index = String(list.length);
    let edited = replaceSpan(xml, cellXfs.closeStart, cellXfs.closeStart, copy);
    const newSpan = child(edited, rootElement(edited), 'cellXfs')!;
    edited = replaceSpan(edited, newSpan.start, newSpan.openEnd, withAttribute(startTag(edited, newSpan), 'count', String(list.length + 1)));
    this.pkg.write(current, edited);
    this.made.set(key, index);
    return index;
  }
}

function stylesPart(pkg: Package, workbookPart: string): Part | undefined {
  const part = relatedParts(pkg.text, workbookPart, REL_STYLES)[0];
  return part === undefined ? undefined : pkg.read(part);
}

function cellXml(prefix: string, ref: string, style: string | undefined, value: AppendValue, formula?: string, result?: AppendValue): string {
  const q = (local: string) => (prefix ? `${prefix}:${local}` : local);
  const s = style !== undefined ? ` s="${style}"` : '';
  if (formula !== undefined) {
    const f = `<${q('f')}>${formula}</${q('f')}>`;
    if (result === null || result === undefined) return `<${q('c')} r="${ref}"${s}>${f}</${q('c')}>`;
    if (typeof result === 'number') return `<${q('c')} r="${ref}"${s}>${f}<${q('v')}>${result}</${q('v')}></${q('c')}>`;
    return `<${q('c')} r="${ref}"${s} t="str">${f}<${q('v')}>${escapeXml(encodeOoxmlEscapes(result))}</${q('v')}></${q('c')}>`;
  }
  if (value === null) return style !== undefined ? `<${q('c')} r="${ref}"${s}/>` : '';
  if (typeof value === 'number') return `<${q('c')} r="${ref}"${s}><${q('v')}>${value}</${q('v')}></${q('c')}>`;
  // Inline text keeps leading and trailing spaces and line breaks as typed; characters XML
  // cannot carry (a NUL or ESC pasted into a form) are escaped as Excel escapes them.
  const text = escapeXml(encodeOoxmlEscapes(value)).replace(/\r?\n/g, '&#10;');
  return `<${q('c')} r="${ref}"${s} t="inlineStr"><${q('is')}><${q('t')} xml:space="preserve">${text}</${q('t')}></${q('is')}></${q('c')}>`;
}

/** Extends every range in a sqref list that covered the old last row but stops before the new one. */
function extendSqref(sqref: string, c1: number, c2: number, oldLast: number, newLast: number): string {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => {
      const r = parseRange(token);
      if (!r || r.c2 < c1 || r.c1 > c2 || r.r2 < oldLast || r.r2 >= newLast || r.r1 > oldLast) return token;
      return formatRange({ ...r, r2: newLast });
    })
    .join(' ');
}

function editValidations(xml: string, c1: number, c2: number, oldLast: number, newLast: number): string {
  let out = xml.replace(
    /(<(?:\w+:)?dataValidation\b[^>]*\ssqref=")([^"]*)(")/g,
    (_, a: string, sqref: string, b: string) => `${a}${extendSqref(sqref, c1, c2, oldLast, newLast)}${b}`,
  );
  out = out.replace(
    /(<(\w+:)?sqref>)([^<]*)(<\/(\w+:)?sqref>)/g,
    (_, a: string, _p: string, sqref: string, b: string) => `${a}${extendSqref(sqref, c1, c2, oldLast, newLast)}${b}`,
  );
  return out;
}

/**
 * The last row the new rows go below, and the blank placeholder row they replace: a table always
 * has a body row, and a new register's is blank, so the first new row takes its place. Without a
 * table (a register found by its header alone), the rows go after its last used row.
 */
function lastKeptRow(xml: string, rows: ElementSpan[], table: TableFound | null, headerRow: number): { oldLast: number; placeholder?: ElementSpan } {
  if (table) {
    if (table.range.r2 !== table.range.r1 + 1) return { oldLast: table.range.r2 };
    const only = rows.find((r) => rowNumber(xml, r) === table.range.r2);
    if (only && hasContent(xml, only)) return { oldLast: table.range.r2 };
    return { oldLast: table.range.r1, placeholder: only };
  }
  const lastUsed = rows
    .filter((r) => hasContent(xml, r))
    .map((r) => rowNumber(xml, r))
    .reduce((a, b) => Math.max(a, b), headerRow);
  return { oldLast: lastUsed };
}

/**
 * What the new rows would grow the table over, where Excel does not allow a table: merged cells,
 * the sheet's own autoFilter, another table (office-js's MergedRangeConflict: "A table can't
 * overlap with another table, a PivotTable report, query results, merged cells, or an XML Map").
 * Empty, so the rows-below check lets them pass; named for the message. Null when the rows are free.
 */
function obstacle(pkg: Package, sheetPart: string, xml: string, own: Part | undefined, rows: Range): string | null {
  const root = rootElement(xml);
  const merges = child(xml, root, 'mergeCells');
  for (const merge of merges ? children(xml, merges, 'mergeCell') : []) {
    const ref = attribute(startTag(xml, merge), 'ref') ?? '';
    const range = parseRange(ref);
    if (range && overlaps(range, rows)) return ref;
  }
  const filter = child(xml, root, 'autoFilter');
  const filterRef = filter ? (attribute(startTag(xml, filter), 'ref') ?? '') : '';
  const filtered = parseRange(filterRef);
  if (filtered && overlaps(filtered, rows)) return filterRef;
  const other = tablesOnSheet(pkg, sheetPart).find((t) => t.part.name !== own?.name && t.range && overlaps(t.range, rows));
  return other ? other.displayName : null;
}

/**
 * The sheet row the first appended row goes to: below the table whose header is at headerRow, or,
 * on a sheet without one, below the last row holding a value.
 */
export function nextTableRow(data: Uint8Array, sheetName: string, headerRow: number): number {
  const pkg = new Package(readStoredEntries(data));
  const { sheetPart } = requireSheet(pkg, sheetName);
  const sheet = pkg.read(sheetPart);
  if (!sheet) throw new TableAppendError('noSheet', sheetPart);
  const sheetData = child(sheet.text, rootElement(sheet.text), 'sheetData');
  const rows = sheetData ? children(sheet.text, sheetData, 'row') : [];
  return lastKeptRow(sheet.text, rows, findTable(pkg, sheetPart, headerRow), headerRow).oldLast + 1;
}

/**
 * The package with the rows appended to the table on the sheet. Throws TableAppendError when the
 * rows cannot go in without overwriting something, and XmlEditError when a part cannot be edited.
 */
export function appendTableRows(data: Uint8Array, request: AppendRequest): AppendResult {
  const pkg = new Package(readStoredEntries(data));
  const { sheetPart, workbookPart } = requireSheet(pkg, request.sheetName);
  const sheet = pkg.read(sheetPart);
  if (!sheet) throw new TableAppendError('noSheet', sheetPart);
  const table = findTable(pkg, sheetPart, request.headerRow);
  let xml = sheet.text;
  const root = rootElement(xml);
  const sheetData = child(xml, root, 'sheetData');
  if (!sheetData) throw new XmlEditError('worksheet without <sheetData>');
  const prefix = sheetData.prefix;
  const rows = children(xml, sheetData, 'row');
  const rowNumberOf = (span: ElementSpan) => rowNumber(xml, span);

  const { oldLast, placeholder } = lastKeptRow(xml, rows, table, request.headerRow);
  const firstRow = oldLast + 1;
  const lastRow = oldLast + request.rows.length;
  const below = rows.filter((r) => rowNumberOf(r) > oldLast);
  if (below.some((r) => hasContent(xml, r))) throw new TableAppendError('rowsBelow', String(rowNumberOf(below.find((r) => hasContent(xml, r))!)));

  const above = placeholder ?? rows.filter((r) => rowNumberOf(r) <= oldLast).at(-1);
  const template = above ? rowCells(xml, above) : new Map<number, CellInfo>();
  const c1 = table?.range.c1 ?? 1;
  const c2 = table?.range.c2 ?? Math.max(0, ...request.rows.flatMap((r) => [...r.keys()]));
  const blocker = obstacle(pkg, sheetPart, xml, table?.part, { c1, c2, r1: firstRow, r2: lastRow });
  if (blocker) throw new TableAppendError('blocked', blocker);
  const formulaColumns = new Map<number, string>();
  for (let col = c1; col <= c2; col++) {
    const given = request.columnFormulas?.get(col);
    const formula = table?.formulas.get(col) ?? template.get(col)?.formula ?? (given === undefined ? undefined : escapeXml(given));
    if (formula !== undefined) formulaColumns.set(col, formula);
  }
  const quote = new QuoteStyles(pkg, stylesPart(pkg, workbookPart));
  let rowTag = above ? startTag(xml, above) : `<${prefix ? `${prefix}:` : ''}row r="0">`;
  rowTag = rowTag.replace(/\s(hidden|collapsed|outlineLevel)="[^"]*"/g, '');
  if (rowTag.endsWith('/>')) rowTag = `${rowTag.slice(0, -2)}>`;

  const newRows = request.rows.map((values, i) => {
    const r = firstRow + i;
    const cells: string[] = [];
    for (let col = c1; col <= c2; col++) {
      const ref = `${columnLetter(col)}${r}`;
      const style = template.get(col)?.style;
      const formula = formulaColumns.get(col);
      if (formula !== undefined) {
        cells.push(cellXml(prefix, ref, style, null, formula, request.formulaResults?.[i]?.get(col) ?? null));
        continue;
      }
      const value = values.get(col) ?? null;
      const asText = typeof value === 'string' && request.keepAsText?.(value);
      cells.push(cellXml(prefix, ref, asText ? quote.styleFor(style) : style, value));
    }
    return `${withAttribute(rowTag, 'r', String(r))}${cells.join('')}</${prefix ? `${prefix}:` : ''}row>`;
  });

  // Empty rows below the table (formatting only) give way to the new rows.
  const replaced = below.filter((r) => rowNumberOf(r) <= lastRow);
  const insertAt = replaced[0]?.start ?? below[0]?.start ?? sheetData.closeStart;
  const removeTo = replaced.length ? replaced[replaced.length - 1].end : insertAt;
  if (sheetData.empty) xml = replaceSpan(xml, sheetData.start, sheetData.end, `<${sheetData.name}>${newRows.join('')}</${sheetData.name}>`);
  else xml = replaceSpan(xml, insertAt, removeTo, newRows.join(''));

  const dimension = child(xml, rootElement(xml), 'dimension');
  if (dimension) {
    const tag = startTag(xml, dimension);
    const range = parseRange(attribute(tag, 'ref') ?? '');
    if (range && range.r2 < lastRow)
      xml = replaceSpan(xml, dimension.start, dimension.openEnd, withAttribute(tag, 'ref', formatRange({ ...range, r2: lastRow, c2: Math.max(range.c2, c2) })));
  }
  xml = editValidations(xml, c1, c2, oldLast, lastRow);
  pkg.write(sheet, xml);

  if (table) {
    let t = table.part.text;
    const newRef = formatRange({ ...table.range, r2: lastRow });
    const tRoot = rootElement(t);
    t = replaceSpan(t, tRoot.start, tRoot.openEnd, withAttribute(startTag(t, tRoot), 'ref', newRef));
    const filter = child(t, rootElement(t), 'autoFilter');
    if (filter) {
      const fr = parseRange(attribute(startTag(t, filter), 'ref') ?? '');
      if (fr) t = replaceSpan(t, filter.start, filter.openEnd, withAttribute(startTag(t, filter), 'ref', formatRange({ ...fr, r2: lastRow })));
    }
    pkg.write(table.part, t);
  }

  // The summary's cached figures were computed without the new rows: recalculate on open.
  const workbook = pkg.read(workbookPart)!;
  pkg.write(workbook, withFullCalcOnLoad(workbook.text));

  return { ...pkg.save(), firstRow, lastRow, formulaColumns: [...formulaColumns.keys()] };
}

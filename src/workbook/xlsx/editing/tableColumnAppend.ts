/**
 * Appends a column to a register's table inside the user's own package, as a text edit of the
 * two parts that must change: the sheet (the header cell, the column's width, its data validation,
 * the <dimension>) and the table part (its ref, its autoFilter's, a new <tableColumn>). Every other
 * entry of the zip is copied as its stored bytes; no row is rewritten, so no value can be lost.
 *
 * The column goes right of the table's last column, not where the template has it: registers are
 * read by their header labels (see registerRows), so its position does not matter, and putting it
 * at the end moves none of the user's cells, formulas or references.
 */
import { columnLetter, formatRange, overlaps, parseRange, type CellRange as Range } from '../../../core/model/a1';
import type { PlannedValidation, ValidationRule } from '../../../core/plan/workbookPlan';
import { EditedPackage as Package, sheetPartOf, type EditedPart as Part } from './editedPackage';
import { readStoredEntries } from './packageZip';
import { cellsOf as cellSpansOf, isFilled, rowNumber } from './sheetRows';
import { tablesOnSheet } from './sheetTables';
import { attribute, child, children, escapeXml, localName, replaceSpan, rootElement, startTag, withAttribute, type ElementSpan } from './xmlEdit';
import { SamspillError } from '../../../core/samspillError';

/** Excel's limits on a validation's texts (longer ones make it repair the file). */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MAX = 255;
const ERROR_TITLE_MAX = 32;
const ERROR_MAX = 225;
/** Worksheet children that come after <cols> in schema order. */
const AFTER_COLS = ['sheetData'];
/** Worksheet children that come after <dataValidations> in schema order. */
const AFTER_VALIDATIONS = [
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

export interface ColumnAppendRequest {
  sheetName: string;
  /** The table to extend (display name, case-insensitive); found by its header row when absent or not found. */
  tableName?: string;
  /** The row holding the register's header. */
  headerRow: number;
  header: string;
  /** Column width in characters, used when the user has not formatted that column already. */
  width?: number;
  /** Native validation of the new column, over the rows the register's other validations cover. */
  validation?: Omit<PlannedValidation, 'range'> | null;
}

export interface ColumnAppendResult {
  data: Uint8Array;
  changedParts: string[];
  /** 1-based sheet column the new column went to. */
  column: number;
  /** The table's new ref, when the register is a table. */
  tableRef?: string;
}

/** Why the column cannot be appended safely; the command turns it into a message. */
export class TableColumnAppendError extends SamspillError<'noSheet' | 'noHeader' | 'occupied' | 'duplicateName'> {
  override readonly name = 'TableColumnAppendError';
  declare readonly detail: string;

  constructor(code: TableColumnAppendError['code'], detail = '') {
    super(code, { detail }, `${code}${detail ? `: ${detail}` : ''}`, { detail });
  }
}

interface TableOnSheet {
  part: Part;
  range: Range;
  displayName: string;
}

/** The sheet's tables whose ref can be read. */
function tablesOn(pkg: Package, sheetPart: string): TableOnSheet[] {
  return tablesOnSheet(pkg, sheetPart).flatMap(({ part, range, displayName }) => (range ? [{ part, range, displayName }] : []));
}

interface Cell {
  span: ElementSpan;
  col: number;
  filled: boolean;
}

function cellsOf(xml: string, row: ElementSpan): Cell[] {
  return cellSpansOf(xml, row).map(({ span, col }) => ({ span, col, filled: isFilled(xml, span) }));
}

/** The last column of a row holding a value or formula. */
function lastFilledColumn(xml: string, row: ElementSpan): number {
  return cellsOf(xml, row)
    .filter((c) => c.filled)
    .reduce((max, c) => Math.max(max, c.col), 0);
}

function qualified(prefix: string, local: string): string {
  return prefix ? `${prefix}:${local}` : local;
}

/** The header row with the header cell in column order (replacing an empty, merely styled cell there). */
function withHeaderCell(xml: string, row: ElementSpan, col: number, header: string, styleFrom: number): string {
  const cells = cellsOf(xml, row);
  const neighbour = cells.find((c) => c.col === styleFrom);
  const style = neighbour ? attribute(startTag(xml, neighbour.span), 's') : undefined;
  const p = row.prefix;
  const cell = `<${qualified(p, 'c')} r="${columnLetter(col)}${rowNumber(xml, row)}"${style !== undefined ? ` s="${style}"` : ''} t="inlineStr"><${qualified(p, 'is')}><${qualified(p, 't')} xml:space="preserve">${escapeXml(header)}</${qualified(p, 't')}></${qualified(p, 'is')}></${qualified(p, 'c')}>`;
  const inner = row.empty ? '' : xml.slice(row.openEnd, row.closeStart);
  const at = (offset: number) => offset - row.openEnd;
  const same = cells.find((c) => c.col === col);
  const after = cells.find((c) => c.col > col);
  const edited = same
    ? inner.slice(0, at(same.span.start)) + cell + inner.slice(at(same.span.end))
    : after
      ? inner.slice(0, at(after.span.start)) + cell + inner.slice(at(after.span.start))
      : inner + cell;
  let tag = startTag(xml, row).replace(/\s*\/>$/, '>');
  // The row's span hint must cover the new cell.
  const spans = /^(\d+):(\d+)$/.exec(attribute(tag, 'spans') ?? '');
  if (spans && Number(spans[2]) < col) tag = withAttribute(tag, 'spans', `${spans[1]}:${col}`);
  return replaceSpan(xml, row.start, row.end, `${tag}${edited}</${row.name}>`);
}

function withColumnWidth(xml: string, col: number, width: number): string {
  const root = rootElement(xml);
  const cols = child(xml, root, 'cols');
  const prefix = root.prefix;
  const element = `<${qualified(prefix, 'col')} min="${col}" max="${col}" width="${width}" customWidth="1"/>`;
  if (!cols) {
    const before = children(xml, root).find((s) => AFTER_COLS.includes(localName(s.name)));
    if (!before) return xml;
    return replaceSpan(xml, before.start, before.start, `<${qualified(prefix, 'cols')}>${element}</${qualified(prefix, 'cols')}>`);
  }
  const list = children(xml, cols, 'col');
  const bounds = (s: ElementSpan) => [Number(attribute(startTag(xml, s), 'min')), Number(attribute(startTag(xml, s), 'max'))];
  // A column the user already formatted (or a range covering it) keeps the user's width.
  if (list.some((s) => bounds(s)[0] <= col && col <= bounds(s)[1])) return xml;
  const after = list.find((s) => bounds(s)[0] > col);
  const at = after ? after.start : cols.closeStart;
  if (cols.empty) return replaceSpan(xml, cols.start, cols.end, `<${cols.name}>${element}</${cols.name}>`);
  return replaceSpan(xml, at, at, element);
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

const NUMBER_FLOOR = -1e15;
const NUMBER_CEILING = 1e15;

/** type, operator and formulas of a rule as OOXML writes them. */
function ruleXml(rule: ValidationRule): { type: string; operator?: string; formulas: string[] } {
  const bounds = (min: number | undefined, max: number | undefined): { operator: string; formulas: string[] } => {
    if (min !== undefined && max !== undefined) return { operator: 'between', formulas: [String(min), String(max)] };
    if (min !== undefined) return { operator: 'greaterThanOrEqual', formulas: [String(min)] };
    if (max !== undefined) return { operator: 'lessThanOrEqual', formulas: [String(max)] };
    return { operator: 'between', formulas: [String(NUMBER_FLOOR), String(NUMBER_CEILING)] };
  };
  switch (rule.type) {
    case 'list':
      return { type: 'list', formulas: [rule.source.replace(/^=/, '')] };
    case 'date':
      return { type: 'date', ...bounds(rule.min ?? 1, rule.max) };
    case 'decimal':
    case 'whole':
      return { type: rule.type, ...bounds(rule.min, rule.max) };
    case 'textLength':
      return { type: 'textLength', operator: 'lessThanOrEqual', formulas: [String(rule.max)] };
  }
}

function validationXml(prefix: string, validation: Omit<PlannedValidation, 'range'>, sqref: string): string {
  const { type, operator, formulas } = ruleXml(validation.rule);
  const attrs = [
    `type="${type}"`,
    ...(operator ? [`operator="${operator}"`] : []),
    `allowBlank="1"`,
    `showInputMessage="1"`,
    `promptTitle="${escapeXml(truncate(validation.prompt.title, PROMPT_TITLE_MAX))}"`,
    `prompt="${escapeXml(truncate(validation.prompt.message, PROMPT_MAX))}"`,
    `showErrorMessage="1"`,
    `errorStyle="${validation.strict ? 'stop' : 'warning'}"`,
    `errorTitle="${escapeXml(truncate(validation.error.title, ERROR_TITLE_MAX))}"`,
    `error="${escapeXml(truncate(validation.error.message, ERROR_MAX))}"`,
    `sqref="${sqref}"`,
  ];
  const f = formulas.map((text, i) => `<${qualified(prefix, `formula${i + 1}`)}>${escapeXml(text)}</${qualified(prefix, `formula${i + 1}`)}>`).join('');
  return `<${qualified(prefix, 'dataValidation')} ${attrs.join(' ')}>${f}</${qualified(prefix, 'dataValidation')}>`;
}

/**
 * The last row the register's validations reach (they cover the rows plus room to grow), or the
 * register's own last row when none of its columns has one.
 */
function validatedUntil(xml: string, c1: number, c2: number, firstDataRow: number, fallback: number): number {
  const root = rootElement(xml);
  const list = child(xml, root, 'dataValidations');
  let last = 0;
  for (const v of list ? children(xml, list, 'dataValidation') : []) {
    for (const token of (attribute(startTag(xml, v), 'sqref') ?? '').split(/\s+/)) {
      const r = parseRange(token);
      if (r && r.c1 >= c1 && r.c2 <= c2 && r.r1 === firstDataRow) last = Math.max(last, r.r2);
    }
  }
  return last || fallback;
}

function withValidation(xml: string, validation: Omit<PlannedValidation, 'range'>, sqref: string): string {
  const root = rootElement(xml);
  const prefix = root.prefix;
  const element = validationXml(prefix, validation, sqref);
  const list = child(xml, root, 'dataValidations');
  if (list) {
    const count = children(xml, list, 'dataValidation').length + 1;
    const opened = list.empty ? `${startTag(xml, list).replace(/\s*\/>$/, '>')}${element}</${list.name}>` : undefined;
    const edited = opened ? replaceSpan(xml, list.start, list.end, opened) : replaceSpan(xml, list.closeStart, list.closeStart, element);
    const span = child(edited, rootElement(edited), 'dataValidations')!;
    return replaceSpan(edited, span.start, span.openEnd, withAttribute(startTag(edited, span), 'count', String(count)));
  }
  const before = children(xml, root).find((s) => AFTER_VALIDATIONS.includes(localName(s.name)));
  const at = before ? before.start : root.closeStart;
  return replaceSpan(xml, at, at, `<${qualified(prefix, 'dataValidations')} count="1">${element}</${qualified(prefix, 'dataValidations')}>`);
}

function withDimension(xml: string, col: number, row: number): string {
  const dimension = child(xml, rootElement(xml), 'dimension');
  if (!dimension) return xml;
  const tag = startTag(xml, dimension);
  const range = parseRange(attribute(tag, 'ref') ?? '');
  if (!range || (range.c2 >= col && range.r1 <= row)) return xml;
  return replaceSpan(
    xml,
    dimension.start,
    dimension.openEnd,
    withAttribute(
      tag,
      'ref',
      formatRange({ c1: Math.min(range.c1, col), r1: Math.min(range.r1, row), c2: Math.max(range.c2, col), r2: Math.max(range.r2, row) }),
    ),
  );
}

/** The table part with one more column: wider ref and autoFilter, a <tableColumn> with a fresh id. */
function widenedTable(xml: string, header: string, newRange: Range): string {
  let t = xml;
  const root = rootElement(t);
  t = replaceSpan(t, root.start, root.openEnd, withAttribute(startTag(t, root), 'ref', formatRange(newRange)));
  const filter = child(t, rootElement(t), 'autoFilter');
  if (filter) {
    const fr = parseRange(attribute(startTag(t, filter), 'ref') ?? '');
    if (fr && fr.c2 === newRange.c2 - 1)
      t = replaceSpan(t, filter.start, filter.openEnd, withAttribute(startTag(t, filter), 'ref', formatRange({ ...fr, c2: newRange.c2 })));
  }
  const columns = child(t, rootElement(t), 'tableColumns');
  if (!columns) throw new TableColumnAppendError('noHeader', 'table without <tableColumns>');
  const list = children(t, columns, 'tableColumn');
  const names = list.map((c) => (attribute(startTag(t, c), 'name') ?? '').toLowerCase());
  if (names.includes(header.toLowerCase())) throw new TableColumnAppendError('duplicateName', header);
  const id = Math.max(0, ...list.map((c) => Number(attribute(startTag(t, c), 'id')) || 0)) + 1;
  const element = `<${qualified(columns.prefix, 'tableColumn')} id="${id}" name="${escapeXml(header)}"/>`;
  t = columns.empty
    ? replaceSpan(t, columns.start, columns.end, `${startTag(t, columns).replace(/\s*\/>$/, '>')}${element}</${columns.name}>`)
    : replaceSpan(t, columns.closeStart, columns.closeStart, element);
  const span = child(t, rootElement(t), 'tableColumns')!;
  return replaceSpan(t, span.start, span.openEnd, withAttribute(startTag(t, span), 'count', String(list.length + 1)));
}

/**
 * The package with the column appended right of the register's table (or, for a register kept as
 * a plain range, right of its last header cell). Throws TableColumnAppendError when that column is
 * not free — cells with content, merged cells or another table there — since widening the table
 * over them would take the user's cells into the register.
 */
export function appendTableColumn(data: Uint8Array, request: ColumnAppendRequest): ColumnAppendResult {
  const pkg = new Package(readStoredEntries(data));
  const sheetPart = sheetPartOf(pkg, request.sheetName)?.sheetPart;
  if (!sheetPart) throw new TableColumnAppendError('noSheet', request.sheetName);
  const sheet = pkg.read(sheetPart);
  if (!sheet) throw new TableColumnAppendError('noSheet', sheetPart);
  let xml = sheet.text;
  const sheetData = child(xml, rootElement(xml), 'sheetData');
  if (!sheetData) throw new TableColumnAppendError('noHeader', 'worksheet without <sheetData>');
  const rows = children(xml, sheetData, 'row');
  const headerRowSpan = rows.find((r) => rowNumber(xml, r) === request.headerRow);
  if (!headerRowSpan) throw new TableColumnAppendError('noHeader', `row ${request.headerRow}`);

  const tables = tablesOn(pkg, sheetPart);
  const wantedName = request.tableName?.toLowerCase();
  const table =
    tables.find((t) => wantedName !== undefined && t.displayName.toLowerCase() === wantedName && t.range.r1 === request.headerRow) ??
    tables.find((t) => t.range.r1 === request.headerRow);
  if (table && Number(attribute(startTag(table.part.text, rootElement(table.part.text)), 'headerRowCount') ?? 1) === 0) {
    throw new TableColumnAppendError('noHeader', table.displayName);
  }
  const lastWithContent = rows
    .filter((r) => cellsOf(xml, r).some((c) => c.filled))
    .map((r) => rowNumber(xml, r))
    .reduce((a, b) => Math.max(a, b), request.headerRow);
  const area: Range = table ? table.range : { c1: 1, r1: request.headerRow, c2: lastFilledColumn(xml, headerRowSpan), r2: lastWithContent };
  const col = area.c2 + 1;
  const newArea: Range = { ...area, c2: col };

  const occupied = rows
    .filter((r) => rowNumber(xml, r) >= area.r1 && rowNumber(xml, r) <= area.r2)
    .find((r) => cellsOf(xml, r).some((c) => c.col === col && c.filled));
  if (occupied) throw new TableColumnAppendError('occupied', `${columnLetter(col)}${rowNumber(xml, occupied)}`);
  const merges = child(xml, rootElement(xml), 'mergeCells');
  const merged = (merges ? children(xml, merges, 'mergeCell') : [])
    .map((m) => parseRange(attribute(startTag(xml, m), 'ref') ?? ''))
    .find((r) => r && overlaps(r, { c1: col, c2: col, r1: area.r1, r2: area.r2 }));
  if (merged) throw new TableColumnAppendError('occupied', formatRange(merged));
  const other = tables.find((t) => t !== table && overlaps(t.range, { c1: col, c2: col, r1: area.r1, r2: area.r2 }));
  if (other) throw new TableColumnAppendError('occupied', other.displayName);

  xml = withHeaderCell(xml, headerRowSpan, col, request.header, area.c2);
  if (request.width) xml = withColumnWidth(xml, col, request.width);
  if (request.validation) {
    const first = area.r1 + 1;
    const last = Math.max(first, validatedUntil(xml, area.c1, area.c2, first, area.r2));
    xml = withValidation(xml, request.validation, `${columnLetter(col)}${first}:${columnLetter(col)}${last}`);
  }
  xml = withDimension(xml, col, area.r1);
  pkg.write(sheet, xml);
  if (table) pkg.write(table.part, widenedTable(table.part.text, request.header, newArea));

  return { ...pkg.save(), column: col, ...(table ? { tableRef: formatRange(newArea) } : {}) };
}

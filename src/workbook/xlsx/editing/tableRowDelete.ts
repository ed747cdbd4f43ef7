/**
 * Deletes rows of a table inside the user's own package, as Excel's "delete table row" does: the
 * table's cells below each deleted row move up, in the table's columns only; cells right or left
 * of the table stay where they are; the table's ref (and its autoFilter's) shrink by the rows
 * deleted. Only the sheet part, the table part and workbook.xml (recalculate on open) change;
 * every other entry of the zip keeps its stored bytes.
 *
 * A formula moves with its cell when it means the same in every row (structured references, no A1
 * reference to its own row); a shared formula in a calculated column becomes the column's formula
 * written out. Anything else that cannot move safely — another formula, a merged range across the
 * rows that move, a totals row — is refused, changing nothing.
 */
import { cellAddress, columnLetter, formatRange, parseRange, type CellRange } from '../../../core/model/a1';
import { SamspillError } from '../../../core/samspillError';
import { EditedPackage, workbookPartOf } from './editedPackage';
import { readStoredEntries } from './packageZip';
import { cellsOf, rowNumber } from './sheetRows';
import { tableNamed } from './sheetTables';
import { withFullCalcOnLoad } from './workbookPart';
import { attribute, child, children, replaceSpan, rootElement, startTag, withAttribute, XmlEditError } from './xmlEdit';

/** Why the rows cannot be deleted safely; nothing was changed. */
export class TableRowDeleteError extends SamspillError<'noTable' | 'notInTable' | 'totalsRow' | 'formula' | 'merged'> {
  override readonly name = 'TableRowDeleteError';

  constructor(code: TableRowDeleteError['code'], detail = '') {
    super(code, { detail }, `${code}${detail ? `: ${detail}` : ''}`, { detail });
  }
}

interface RowCells {
  /** The row's start tag as written (attributes kept), or null for a row with no element. */
  tag: string | null;
  /** Cell XML by column, as written. */
  cells: Map<number, string>;
}

/** Calculated column formulas declared by the table part, by sheet column. */
function calculatedFormulas(tableXml: string, range: CellRange): Map<number, string> {
  const formulas = new Map<number, string>();
  const columns = child(tableXml, rootElement(tableXml), 'tableColumns');
  (columns ? children(tableXml, columns, 'tableColumn') : []).forEach((column, i) => {
    const calc = child(tableXml, column, 'calculatedColumnFormula');
    if (calc && !calc.empty) formulas.set(range.c1 + i, tableXml.slice(calc.openEnd, calc.closeStart));
  });
  return formulas;
}

/**
 * A cell's XML for its new row: the r attribute rewritten. A formula that means the same in every
 * row moves as it is; a shared one in a calculated column is written out as the column's formula.
 */
function movedCell(xml: string, fromRow: number, toRow: number, col: number, calculated: string | undefined): string {
  const cell = rootElement(xml);
  const tag = startTag(xml, cell);
  const out = replaceSpan(xml, cell.start, cell.openEnd, withAttribute(tag, 'r', cellAddress(toRow, col)));
  const f = child(out, rootElement(out), 'f');
  if (!f) return out;
  const fTag = startTag(out, f);
  const where = cellAddress(fromRow, col);
  if (attribute(fTag, 't') === 'shared') {
    if (calculated === undefined) throw new TableRowDeleteError('formula', where);
    const prefix = f.prefix ? `${f.prefix}:` : '';
    return replaceSpan(out, f.start, f.end, `<${prefix}f>${calculated}</${prefix}f>`);
  }
  if (attribute(fTag, 't') !== undefined) throw new TableRowDeleteError('formula', where);
  const text = f.empty ? '' : out.slice(f.openEnd, f.closeStart);
  // A formula pointing at its own row by A1 address would point at the wrong row once moved.
  if (new RegExp(`[A-Z]\\$?${fromRow}(?!\\d)`, 'i').test(text.replace(/\[[^\]]*\]/g, ''))) throw new TableRowDeleteError('formula', where);
  return out;
}

function mergedRanges(xml: string): CellRange[] {
  const merges = child(xml, rootElement(xml), 'mergeCells');
  if (!merges) return [];
  return children(xml, merges, 'mergeCell')
    .map((m) => parseRange(attribute(startTag(xml, m), 'ref') ?? ''))
    .filter((r): r is CellRange => r !== null);
}

/**
 * The package with the given sheet rows (1-based, within the table's data rows) deleted from the
 * table with this display name. A table keeps at least one (empty) data row, as Excel's does.
 */
export function deleteTableRows(data: Uint8Array, tableName: string, rowNumbers: number[]): { data: Uint8Array; changedParts: string[] } {
  const pkg = new EditedPackage(readStoredEntries(data));
  const found = tableNamed(pkg, tableName);
  const range = found?.table.range;
  if (!found || !range) throw new TableRowDeleteError('noTable', tableName);
  const tablePart = found.table.part;
  const tableTag = startTag(tablePart.text, rootElement(tablePart.text));
  if (Number(attribute(tableTag, 'totalsRowCount') ?? 0) > 0) throw new TableRowDeleteError('totalsRow', tableName);
  const deleted = [...new Set(rowNumbers)].sort((a, b) => a - b);
  if (deleted.length === 0) return { data, changedParts: [] };
  const outside = deleted.find((r) => r <= range.r1 || r > range.r2);
  if (outside !== undefined) throw new TableRowDeleteError('notInTable', `${tableName} row ${outside}`);

  const sheet = pkg.read(found.sheetPart);
  if (!sheet) throw new TableRowDeleteError('noTable', found.sheetPart);
  let xml = sheet.text;
  const first = deleted[0];
  const moving: CellRange = { r1: first, r2: range.r2, c1: range.c1, c2: range.c2 };
  const crossing = mergedRanges(xml).find((m) => m.r2 >= moving.r1 && m.r1 <= moving.r2 && m.c2 >= moving.c1 && m.c1 <= moving.c2);
  if (crossing) throw new TableRowDeleteError('merged', formatRange(crossing));

  const sheetData = child(xml, rootElement(xml), 'sheetData');
  if (!sheetData) throw new XmlEditError('worksheet without <sheetData>');
  const prefix = sheetData.prefix ? `${sheetData.prefix}:` : '';
  const windowRows = children(xml, sheetData, 'row').filter((r) => {
    const n = rowNumber(xml, r);
    return n >= first && n <= range.r2;
  });
  const byRow = new Map<number, RowCells>();
  for (const row of windowRows) {
    const cells = new Map<number, string>();
    for (const { span, col } of cellsOf(xml, row)) cells.set(col, xml.slice(span.start, span.end));
    byRow.set(rowNumber(xml, row), { tag: row.empty ? startTag(xml, row).replace(/\s*\/>$/, '>') : startTag(xml, row), cells });
  }

  const calculated = calculatedFormulas(tablePart.text, range);
  const gone = new Set(deleted);
  const survivors: number[] = [];
  for (let r = first; r <= range.r2; r++) if (!gone.has(r)) survivors.push(r);
  // A table keeps at least one data row: deleting every row leaves the first one empty.
  const newLast = Math.max(range.r1 + 1, range.r2 - deleted.length);

  const rebuilt: string[] = [];
  for (let target = first; target <= range.r2; target++) {
    const own = byRow.get(target) ?? { tag: null, cells: new Map<number, string>() };
    const source = target - first < survivors.length ? survivors[target - first] : null;
    const cells = new Map<number, string>();
    for (const [col, cellXml] of own.cells) if (col < range.c1 || col > range.c2) cells.set(col, cellXml);
    if (source !== null) {
      for (const [col, cellXml] of byRow.get(source)?.cells ?? []) {
        if (col >= range.c1 && col <= range.c2) cells.set(col, movedCell(cellXml, source, target, col, calculated.get(col)));
      }
    } else if (target <= newLast) {
      // The one data row left when every row went: its calculated columns keep their formula.
      for (const [col, formula] of calculated) cells.set(col, `<${prefix}c r="${columnLetter(col)}${target}"><${prefix}f>${formula}</${prefix}f></${prefix}c>`);
    }
    // A dropped cell must not carry a shared formula other cells read theirs from.
    for (const [col, cellXml] of own.cells) {
      if (col < range.c1 || col > range.c2 || source !== null) continue;
      const f = child(cellXml, rootElement(cellXml), 'f');
      if (f && attribute(startTag(cellXml, f), 'ref') !== undefined) throw new TableRowDeleteError('formula', cellAddress(target, col));
    }
    if (own.tag === null && cells.size === 0) continue;
    const tag = own.tag ?? `<${prefix}row r="${target}">`;
    const sorted = [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
    rebuilt.push(`${tag}${sorted.join('')}</${prefix}row>`);
  }

  if (windowRows.length > 0) {
    xml = replaceSpan(xml, windowRows[0].start, windowRows[windowRows.length - 1].end, rebuilt.join(''));
  } else if (rebuilt.length > 0) {
    const rows = children(xml, sheetData, 'row');
    const after = rows.find((r) => rowNumber(xml, r) > range.r2);
    const at = after ? after.start : sheetData.closeStart;
    xml = replaceSpan(xml, at, at, rebuilt.join(''));
  }
  pkg.write(sheet, xml);

  let t = tablePart.text;
  const newRef = formatRange({ ...range, r2: newLast });
  const tRoot = rootElement(t);
  t = replaceSpan(t, tRoot.start, tRoot.openEnd, withAttribute(startTag(t, tRoot), 'ref', newRef));
  const filter = child(t, rootElement(t), 'autoFilter');
  if (filter) {
    const fr = parseRange(attribute(startTag(t, filter), 'ref') ?? '');
    if (fr) t = replaceSpan(t, filter.start, filter.openEnd, withAttribute(startTag(t, filter), 'ref', formatRange({ ...fr, r2: newLast })));
  }
  pkg.write(tablePart, t);

  // Figures that counted the deleted rows hold cached results from before: recalculate on open.
  const workbook = pkg.read(workbookPartOf(pkg));
  if (workbook) pkg.write(workbook, withFullCalcOnLoad(workbook.text));
  return pkg.save();
}

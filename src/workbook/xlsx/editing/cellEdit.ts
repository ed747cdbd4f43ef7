/**
 * Sets the values of single cells in a sheet that already exists, inside the user's own package:
 * the sheet part is edited as text (the cell replaced, or inserted into its row in column order,
 * the row inserted in row order when missing), and workbook.xml is told to recalculate on open.
 * Every other part of the zip is copied as its stored bytes, as the table append does.
 *
 * Text goes in as inline strings (the shared string table is left alone, and text is never read
 * as a formula); numbers as <v>; booleans as t="b"; formulas as <f> with no cached value, which
 * fullCalcOnLoad makes Excel and LibreOffice compute. A replaced cell keeps its style (s=). A cell
 * written with a value leaves Excel's calculation chain, which would otherwise name a cell without
 * a formula (calcChain.ts).
 */
import type { PlanValue } from '../../../core/plan/workbookPlan';
import { isFormula } from '../../../core/plan/workbookPlan';
import { cellAddress, formatRange, parseCell, parseRange } from '../../../core/model/a1';
import { pruneCalcChain, sheetIdOf } from './calcChain';
import { EditedPackage, sheetPartOf } from './editedPackage';
import { readStoredEntries } from './packageZip';
import { cellsOf, rowNumber as rowNumberOf } from './sheetRows';
import { withFullCalcOnLoad } from './workbookPart';
import { attribute, child, children, escapeXml, replaceSpan, rootElement, startTag, withAttribute, XmlEditError } from './xmlEdit';
import { SamspillError } from '../../../core/samspillError';
import { encodeOoxmlEscapes, xmlSafe } from '../reading/xmlText';

export interface CellEditRequest {
  /** A1 address within the sheet, e.g. "B5" (a "$" is ignored). */
  address: string;
  value: PlanValue;
}

/** Why the cells cannot be written safely; the caller turns it into a message. */
export class CellEditError extends SamspillError<'noSheet' | 'badAddress' | 'sharedFormula'> {
  override readonly name = 'CellEditError';

  constructor(code: CellEditError['code'], detail = '') {
    super(code, { detail }, `${code}${detail ? `: ${detail}` : ''}`, { detail });
  }
}

interface Address {
  col: number;
  row: number;
}

function parseAddress(text: string): Address {
  const address = parseCell(text.trim());
  if (!address || address.row < 1 || address.row > 1_048_576 || address.col > 16_384) throw new CellEditError('badAddress', text);
  return address;
}

/** The <c> element for a value; `style` is the replaced cell's s=, kept so dates stay dates. */
function cellXml(prefix: string, ref: string, style: string | undefined, value: PlanValue): string {
  const q = (local: string) => (prefix ? `${prefix}:${local}` : local);
  const open = (extra = '') => `<${q('c')} r="${ref}"${style !== undefined ? ` s="${escapeXml(style)}"` : ''}${extra}>`;
  const close = `</${q('c')}>`;
  if (isFormula(value)) return `${open()}<${q('f')}>${escapeXml(xmlSafe(value.formula.replace(/^=/, '')))}</${q('f')}>${close}`;
  if (value === null || value === '') return `${open().slice(0, -1)}/>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new XmlEditError(`not a finite number in ${ref}`);
    return `${open()}<${q('v')}>${value}</${q('v')}>${close}`;
  }
  if (typeof value === 'boolean') return `${open(' t="b"')}<${q('v')}>${value ? 1 : 0}</${q('v')}>${close}`;
  const text = escapeXml(encodeOoxmlEscapes(value)).replace(/\r?\n/g, '&#10;');
  return `${open(' t="inlineStr"')}<${q('is')}><${q('t')} xml:space="preserve">${text}</${q('t')}></${q('is')}>${close}`;
}

/** A row's start tag with its spans hint widened to cover the columns written. */
function widenSpans(tag: string, cols: number[]): string {
  const spans = attribute(tag, 'spans');
  const m = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
  if (!m) return tag;
  return withAttribute(tag, 'spans', `${Math.min(Number(m[1]), ...cols)}:${Math.max(Number(m[2]), ...cols)}`);
}

/** The sheet XML with one row's edits made: cells replaced in place or inserted in column order. */
function editRow(xml: string, rowNumber: number, edits: Map<number, PlanValue>): string {
  const sheetData = child(xml, rootElement(xml), 'sheetData');
  if (!sheetData) throw new XmlEditError('worksheet without <sheetData>');
  const prefix = sheetData.prefix;
  const rows = children(xml, sheetData, 'row');
  const existing = rows.find((r) => rowNumberOf(xml, r) === rowNumber);
  const sorted = [...edits.entries()].sort((a, b) => a[0] - b[0]);

  if (!existing) {
    const cells = sorted.map(([col, value]) => cellXml(prefix, cellAddress(rowNumber, col), undefined, value)).join('');
    const rowXml = `<${prefix ? `${prefix}:` : ''}row r="${rowNumber}">${cells}</${prefix ? `${prefix}:` : ''}row>`;
    const after = rows.find((r) => rowNumberOf(xml, r) > rowNumber);
    const at = after ? after.start : sheetData.empty ? -1 : sheetData.closeStart;
    if (at >= 0) return replaceSpan(xml, at, at, rowXml);
    const open = startTag(xml, sheetData).replace(/\s*\/>$/, '>');
    return replaceSpan(xml, sheetData.start, sheetData.end, `${open}${rowXml}</${sheetData.name}>`);
  }

  // Edits go from the rightmost cell leftwards, so the spans found earlier stay valid.
  let rowXml = xml.slice(existing.start, existing.end);
  let row = rootElement(rowXml);
  if (row.empty) {
    rowXml = `${startTag(rowXml, row).replace(/\s*\/>$/, '>')}</${row.name}>`;
    row = rootElement(rowXml);
  }
  const present = cellsOf(rowXml, row);
  for (const [col, value] of [...sorted].reverse()) {
    const ref = cellAddress(rowNumber, col);
    const found = present.find((c) => c.col === col);
    if (found) {
      const tag = startTag(rowXml, found.span);
      const f = child(rowXml, found.span, 'f');
      // The first cell of a shared formula carries it for the cells below; replacing it would
      // silently break them.
      if (f && attribute(startTag(rowXml, f), 't') === 'shared' && attribute(startTag(rowXml, f), 'ref') !== undefined)
        throw new CellEditError('sharedFormula', ref);
      rowXml = replaceSpan(rowXml, found.span.start, found.span.end, cellXml(prefix, ref, attribute(tag, 's'), value));
    } else {
      const next = present.find((c) => c.col > col);
      const at = next ? next.span.start : row.closeStart;
      rowXml = replaceSpan(rowXml, at, at, cellXml(prefix, ref, undefined, value));
    }
  }
  row = rootElement(rowXml);
  rowXml = replaceSpan(
    rowXml,
    row.start,
    row.openEnd,
    widenSpans(
      startTag(rowXml, row),
      sorted.map(([c]) => c),
    ),
  );
  return replaceSpan(xml, existing.start, existing.end, rowXml);
}

/** The <dimension> grown to include every written cell. */
function widenDimension(xml: string, addresses: Address[]): string {
  const dimension = child(xml, rootElement(xml), 'dimension');
  if (!dimension) return xml;
  const tag = startTag(xml, dimension);
  const range = parseRange(attribute(tag, 'ref') ?? '');
  if (!range) return xml;
  const c1 = Math.min(range.c1, ...addresses.map((a) => a.col));
  const r1 = Math.min(range.r1, ...addresses.map((a) => a.row));
  const c2 = Math.max(range.c2, ...addresses.map((a) => a.col));
  const r2 = Math.max(range.r2, ...addresses.map((a) => a.row));
  return replaceSpan(xml, dimension.start, dimension.openEnd, withAttribute(tag, 'ref', formatRange({ c1, r1, c2, r2 })));
}

/**
 * The package with each edit's value written into its cell of the named sheet. Throws
 * CellEditError when the sheet or an address is not there to write, and XmlEditError when a part
 * cannot be edited as text. An empty edit list gives back the same bytes.
 */
export function writeCells(data: Uint8Array, sheetName: string, edits: CellEditRequest[]): Uint8Array {
  if (edits.length === 0) return data;
  const pkg = new EditedPackage(readStoredEntries(data));
  const parts = sheetPartOf(pkg, sheetName);
  const sheet = parts ? pkg.read(parts.sheetPart) : undefined;
  if (!parts || !sheet) throw new CellEditError('noSheet', sheetName);

  // The last edit of a cell wins, as if the edits were typed in order.
  const byRow = new Map<number, Map<number, PlanValue>>();
  const addresses = edits.map((edit) => {
    const address = parseAddress(edit.address);
    if (!byRow.has(address.row)) byRow.set(address.row, new Map());
    byRow.get(address.row)!.set(address.col, edit.value);
    return address;
  });
  let xml = sheet.text;
  for (const [row, cells] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) xml = editRow(xml, row, cells);
  xml = widenDimension(xml, addresses);
  pkg.write(sheet, xml);
  // Formulas that read the written cells have cached results from before: recalculate on open.
  const workbook = pkg.read(parts.workbookPart)!;
  pkg.write(workbook, withFullCalcOnLoad(workbook.text));
  // A cell that now holds a value leaves Excel's calculation chain (it may have held a formula).
  const sheetId = sheetIdOf(workbook.text, sheetName);
  const valued = new Set(addresses.filter((a) => !isFormula(byRow.get(a.row)!.get(a.col)!)).map((a) => cellAddress(a.row, a.col)));
  if (sheetId !== undefined && valued.size > 0) pruneCalcChain(pkg, parts.workbookPart, (id, ref) => id === sheetId && valued.has(ref));
  return pkg.save().data;
}

/**
 * Refreshes the cached results of formula cells in a sheet of the user's package, keeping each
 * formula as it is: only the <v> (and the t= that says what kind of value it is) changes. The
 * register's computed columns ("hours last 12 months", "police certificate required") show the
 * values a reader without a spreadsheet engine sees, so `samspill summary` brings them up to date
 * for the report date. A cell that no longer holds a formula (someone typed a value over it), or is
 * not there, is left alone; so is one whose formula is not the one the value was computed for (a
 * workbook upgraded from an older schema keeps the older formula of a column whose rule changed:
 * its cached value must stay what that formula gives). Every other part of the package keeps its
 * stored bytes.
 */
import { parseCell } from '../../../core/model/a1';
import { EditedPackage, sheetPartOf } from './editedPackage';
import { readStoredEntries } from './packageZip';
import { cellsOf, rowNumber } from './sheetRows';
import { child, children, replaceSpan, rootElement, startTag, unescapeXml, withAttribute, XmlEditError, escapeXml, type ElementSpan } from './xmlEdit';
import { CellEditError } from './cellEdit';

export interface CachedResult {
  /** A1 address within the sheet. */
  address: string;
  value: string | number | boolean;
  /** The formula the value is the result of; the cell is then refreshed only when it holds this formula. */
  formula?: string;
}

/** A formula as written, in one spelling: no "=", a table's this-row reference as [@Column]. */
function formulaKey(formula: string): string {
  return formula
    .replace(/^=/, '')
    .replace(/\[\[#This Row\],\[((?:[^\]']|'.)*)\]\]/gi, '[@$1]')
    .replace(/[^\s(),;&=<>+\-*\/"]+\[@/g, '[@');
}

function withoutAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), '');
}

/** The cell's XML with its cached value replaced, or null when it holds no formula or another one than `expected`. */
function withResult(xml: string, cell: ElementSpan, value: CachedResult['value'], expected?: string): string | null {
  const f = child(xml, cell, 'f');
  if (!f) return null;
  if (expected !== undefined && (f.empty || formulaKey(unescapeXml(xml.slice(f.openEnd, f.closeStart))) !== formulaKey(expected))) return null;
  const prefix = cell.prefix ? `${cell.prefix}:` : '';
  let tag = startTag(xml, cell);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new XmlEditError(`not a finite number in ${tag}`);
    tag = withoutAttribute(tag, 't');
  } else tag = withAttribute(tag, 't', typeof value === 'boolean' ? 'b' : 'str');
  const shown = typeof value === 'boolean' ? (value ? '1' : '0') : typeof value === 'number' ? String(value) : escapeXml(value);
  const formula = xml.slice(f.start, f.end);
  // Whatever else the cell held after its formula (a <v>, an <is>) is the old result.
  return `${tag}${formula}<${prefix}v>${shown}</${prefix}v></${cell.name}>`;
}

/**
 * The package with the cached results written into the named sheet's formula cells. Throws
 * CellEditError when the sheet is not there, XmlEditError when its part cannot be edited as text.
 */
export function writeCachedResults(data: Uint8Array, sheetName: string, results: CachedResult[]): Uint8Array {
  if (results.length === 0) return data;
  const pkg = new EditedPackage(readStoredEntries(data));
  const parts = sheetPartOf(pkg, sheetName);
  const sheet = parts ? pkg.read(parts.sheetPart) : undefined;
  if (!parts || !sheet) throw new CellEditError('noSheet', sheetName);
  const byRow = new Map<number, Map<number, CachedResult>>();
  for (const result of results) {
    const at = parseCell(result.address);
    if (!at) throw new CellEditError('badAddress', result.address);
    if (!byRow.has(at.row)) byRow.set(at.row, new Map());
    byRow.get(at.row)!.set(at.col, result);
  }
  let xml = sheet.text;
  const sheetData = child(xml, rootElement(xml), 'sheetData');
  if (!sheetData) throw new XmlEditError('worksheet without <sheetData>');
  // From the last row up, so the positions of the rows above stay valid.
  const rows = children(xml, sheetData, 'row')
    .map((span) => ({ span, number: rowNumber(xml, span) }))
    .filter((r) => byRow.has(r.number))
    .reverse();
  for (const { span, number } of rows) {
    const edits = byRow.get(number)!;
    let rowXml = xml.slice(span.start, span.end);
    const row = rootElement(rowXml);
    for (const cell of cellsOf(rowXml, row).reverse()) {
      if (!edits.has(cell.col)) continue;
      const { value, formula } = edits.get(cell.col)!;
      const replaced = withResult(rowXml, cell.span, value, formula);
      if (replaced !== null) rowXml = replaceSpan(rowXml, cell.span.start, cell.span.end, replaced);
    }
    xml = replaceSpan(xml, span.start, span.end, rowXml);
  }
  pkg.write(sheet, xml);
  return pkg.save().data;
}

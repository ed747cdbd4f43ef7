/**
 * Cells a person typed on a sheet Samspill renders (the summary): filled cells in the default
 * style. Every cell Samspill writes there carries a style of its own (title, label, number,
 * date…), so a filled cell without one was typed by hand — a leader's note beside the figures —
 * and is to be kept when the sheet is rendered afresh.
 */
import { EditedPackage, sheetPartOf } from './editedPackage';
import { readStoredEntries } from './packageZip';
import { cellsOf, isFilled, rowNumber } from './sheetRows';
import { attribute, child, children, rootElement, startTag, unescapeXml } from './xmlEdit';

export interface TypedCell {
  row: number;
  col: number;
  /** The formula typed, without '=' (its cached result is what the reader gives). */
  formula?: string;
}

export function typedCells(data: Uint8Array, sheetName: string): TypedCell[] {
  const pkg = new EditedPackage(readStoredEntries(data));
  const parts = sheetPartOf(pkg, sheetName);
  const sheet = parts ? pkg.read(parts.sheetPart) : undefined;
  if (!sheet) return [];
  const xml = sheet.text;
  const sheetData = child(xml, rootElement(xml), 'sheetData');
  if (!sheetData) return [];
  const found: TypedCell[] = [];
  for (const row of children(xml, sheetData, 'row')) {
    const r = rowNumber(xml, row);
    for (const { span, col } of cellsOf(xml, row)) {
      const style = attribute(startTag(xml, span), 's');
      if ((style !== undefined && style !== '0') || !isFilled(xml, span)) continue;
      const f = child(xml, span, 'f');
      const formula = f && !f.empty ? unescapeXml(xml.slice(f.openEnd, f.closeStart)) : undefined;
      found.push({ row: r, col, ...(formula ? { formula } : {}) });
    }
  }
  return found;
}

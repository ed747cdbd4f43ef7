/**
 * The tables of a sheet, found as Excel finds them: through the sheet's table relationships, each
 * part read for its ref and names. The one lookup behind appending rows or a column, the browser
 * mode's tables by name, and the merge's list of names already taken.
 */
import { parseRange, type CellRange } from '../../../core/model/a1';
import type { EditedPackage, EditedPart } from './editedPackage';
import { sheetsOf } from './editedPackage';
import { REL_TABLE, relatedParts } from './relationships';
import { attribute, rootElement, startTag } from './xmlEdit';

export interface SheetTable {
  part: EditedPart;
  /** The table's ref, header row included; null when it cannot be read. */
  range: CellRange | null;
  /** What formulas and the Excel API call it (the name when a writer left it out). */
  displayName: string;
  name: string;
}

export function tablesOnSheet(pkg: EditedPackage, sheetPart: string): SheetTable[] {
  const found: SheetTable[] = [];
  for (const partName of relatedParts(pkg.text, sheetPart, REL_TABLE)) {
    const part = pkg.read(partName);
    if (!part) continue;
    const tag = startTag(part.text, rootElement(part.text));
    const displayName = attribute(tag, 'displayName') ?? attribute(tag, 'name') ?? '';
    found.push({ part, range: parseRange(attribute(tag, 'ref') ?? ''), displayName, name: attribute(tag, 'name') ?? displayName });
  }
  return found;
}

/** The table with this display name (without case) and the sheet holding it, anywhere in the package. */
export function tableNamed(pkg: EditedPackage, displayName: string): { sheetName: string; sheetPart: string; table: SheetTable } | null {
  const wanted = displayName.toLowerCase();
  for (const sheet of sheetsOf(pkg)) {
    if (!sheet.partName) continue;
    const table = tablesOnSheet(pkg, sheet.partName).find((t) => t.displayName.toLowerCase() === wanted);
    if (table) return { sheetName: sheet.name, sheetPart: sheet.partName, table };
  }
  return null;
}

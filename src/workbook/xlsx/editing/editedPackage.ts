/**
 * A package being edited as text: parts are read (decoded once) and written back only where
 * their text changed, so every other entry keeps its stored bytes. Shared by the package-level
 * edits (appending rows or a column to a table, writing cells).
 */
import { entryBytes, type StoredEntry } from './packageZip';
import { officeDocumentPart, readWorkbookStructure, relsPartOf } from '../reading/workbookStructure';
import { decodeXml } from './xmlEdit';

export interface EditedPart {
  name: string;
  text: string;
  bom: boolean;
}

export class EditedPackage {
  private readonly byName = new Map<string, StoredEntry>();
  readonly changed = new Map<string, EditedPart>();

  constructor(readonly entries: StoredEntry[]) {
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  read(name: string): EditedPart | undefined {
    const done = this.changed.get(name.toLowerCase());
    if (done) return done;
    const entry = this.byName.get(name.toLowerCase());
    if (!entry) return undefined;
    return { name: entry.name, ...decodeXml(entryBytes(entry)) };
  }

  write(part: EditedPart, text: string): void {
    if (text !== part.text) this.changed.set(part.name.toLowerCase(), { ...part, text });
  }
}

/** The workbook part and the part of the named sheet, through the package's relationships; null when either is missing. */
export function sheetPartOf(pkg: EditedPackage, sheetName: string): { sheetPart: string; workbookPart: string } | null {
  const workbookPart = officeDocumentPart(pkg.read('_rels/.rels')?.text) ?? 'xl/workbook.xml';
  const workbook = pkg.read(workbookPart);
  if (!workbook) return null;
  const structure = readWorkbookStructure(workbookPart, workbook.text, pkg.read(relsPartOf(workbookPart))?.text);
  const sheet = structure?.sheets.find((s) => s.name === sheetName);
  return sheet?.partName ? { sheetPart: sheet.partName, workbookPart } : null;
}

/**
 * A package being edited as text: parts are read (decoded once) and written back only where
 * their text changed, so every other entry keeps its stored bytes. Shared by the package-level
 * edits (appending rows or a column to a table, writing cells, merging fresh sheets in).
 */
import { entryBytes, replacedEntry, writeStoredEntries, type StoredEntry } from './packageZip';
import { officeDocumentPart, readWorkbookStructure, relsPartOf, type SheetEntry } from '../reading/workbookStructure';
import { decodeXml, encodeXml } from './xmlEdit';

export interface EditedPart {
  name: string;
  text: string;
  bom: boolean;
}

export class EditedPackage {
  private readonly byName = new Map<string, StoredEntry>();
  readonly changed = new Map<string, EditedPart>();
  /** Parts taken out of the package (lower-case names). */
  readonly removed = new Set<string>();

  constructor(readonly entries: StoredEntry[]) {
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  /** The stored entry of a part; part names compare without case, as OPC says. */
  entry(name: string): StoredEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase()) && !this.removed.has(name.toLowerCase());
  }

  read(name: string): EditedPart | undefined {
    if (this.removed.has(name.toLowerCase())) return undefined;
    const done = this.changed.get(name.toLowerCase());
    if (done) return done;
    const entry = this.entry(name);
    if (!entry) return undefined;
    return { name: entry.name, ...decodeXml(entryBytes(entry)) };
  }

  /** The part's text, for readers that need no more (relationship lookups). */
  readonly text = (name: string): string | undefined => this.read(name)?.text;

  write(part: EditedPart, text: string): void {
    if (text !== part.text) this.changed.set(part.name.toLowerCase(), { ...part, text });
  }

  /** Takes a part out of the package (a cache such as the calculation chain; see calcChain.ts). */
  remove(name: string): void {
    this.removed.add(name.toLowerCase());
    this.changed.delete(name.toLowerCase());
  }

  /** The package with the changed parts re-encoded in place (removed ones left out), and the names of both. */
  save(): { data: Uint8Array; changedParts: string[]; removedParts: string[] } {
    const changedParts: string[] = [];
    const removedParts: string[] = [];
    const entries = this.entries.flatMap((entry) => {
      if (this.removed.has(entry.name.toLowerCase())) {
        removedParts.push(entry.name);
        return [];
      }
      const part = this.changed.get(entry.name.toLowerCase());
      if (!part) return [entry];
      changedParts.push(entry.name);
      return [replacedEntry(entry, encodeXml({ text: part.text, bom: part.bom }))];
    });
    return { data: writeStoredEntries(entries), changedParts, removedParts };
  }
}

/** The workbook part, named by the package's root relationships. */
export function workbookPartOf(pkg: EditedPackage): string {
  return officeDocumentPart(pkg.text('_rels/.rels')) ?? 'xl/workbook.xml';
}

/** The workbook's sheets in tab order, with the part holding each; empty when the workbook part is missing. */
export function sheetsOf(pkg: EditedPackage, workbookPart = workbookPartOf(pkg)): SheetEntry[] {
  const workbook = pkg.read(workbookPart);
  if (!workbook) return [];
  return readWorkbookStructure(workbookPart, workbook.text, pkg.text(relsPartOf(workbookPart)))?.sheets ?? [];
}

/** The workbook part and the part of the named sheet, through the package's relationships; null when either is missing. */
export function sheetPartOf(pkg: EditedPackage, sheetName: string): { sheetPart: string; workbookPart: string } | null {
  const workbookPart = workbookPartOf(pkg);
  const sheet = sheetsOf(pkg, workbookPart).find((s) => s.name === sheetName);
  return sheet?.partName ? { sheetPart: sheet.partName, workbookPart } : null;
}

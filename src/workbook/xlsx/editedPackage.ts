/**
 * A package being edited as text: parts are read (decoded once) and written back only where
 * their text changed, so every other entry keeps its stored bytes. Shared by the package-level
 * edits (appending rows or a column to a table, writing cells).
 */
import { entryBytes, type StoredEntry } from './packageZip';
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

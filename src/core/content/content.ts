/**
 * All content in `templates/`, loaded once and checked against its schema. A broken template file
 * fails loudly at start-up (and in tests) instead of producing a broken workbook later.
 */
import sheetsJson from '../../../templates/sheets.json';
import listsJson from '../../../templates/lists.json';
import checklistJson from '../../../templates/checklist.json';
import agreementJson from '../../../templates/agreement.json';
import volunteerPapersJson from '../../../templates/volunteerPapers.json';
import { documentsFileSchema, type DocumentTemplate } from '../documents/documentSchema';
import workbookStringsJson from '../../../templates/ui/workbook.json';
import legalJson from '../../../templates/legal.json';
import { legalFileSchema, type LegalContent, type LegalStatement } from './legalSchema';
import { checklistFileSchema, listsFileSchema, stringsFileSchema, type ChecklistContent, type ListItem, type Strings, type ValueList } from './contentSchema';
import { sheetsFileSchema, type SheetDef, type SheetKey, type SheetsFile } from './templateSchema';
import type { Lang } from './language';
import { stringTable, type StringKey } from './stringTable';
import { SamspillError } from '../samspillError';

/** A template file that breaks its schema, or a lookup of something the templates do not define: a fault in the program's own data. */
export class ContentError extends SamspillError<'schema' | 'noSheet' | 'noList' | 'noItem' | 'noLegal'> {
  override readonly name = 'ContentError';

  constructor(code: ContentError['code'], detail: string) {
    super(code, { detail }, detail);
  }
}

export function parseOrExplain<T>(
  what: string,
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  data: unknown,
): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const first = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new ContentError('schema', `templates/${what} does not match its schema: ${first.join('; ')}`);
}

export interface Content {
  sheets: SheetsFile;
  lists: ValueList[];
  checklist: ChecklistContent;
  agreement: { documents: DocumentTemplate[] };
  volunteerPapers: { documents: DocumentTemplate[] };
  strings: Strings;
  legal: LegalContent;
}

export function loadContent(): Content {
  return {
    sheets: parseOrExplain('sheets.json', sheetsFileSchema, sheetsJson),
    lists: parseOrExplain('lists.json', listsFileSchema, listsJson).lists,
    checklist: parseOrExplain('checklist.json', checklistFileSchema, checklistJson),
    agreement: parseOrExplain('agreement.json', documentsFileSchema, agreementJson),
    volunteerPapers: parseOrExplain('volunteerPapers.json', documentsFileSchema, volunteerPapersJson),
    strings: parseOrExplain('ui/workbook.json', stringsFileSchema, workbookStringsJson),
    legal: parseOrExplain('legal.json', legalFileSchema, legalJson),
  };
}

let cached: Content | undefined;
export function content(): Content {
  cached ??= loadContent();
  return cached;
}

export const SCHEMA_VERSION = (): number => content().sheets.schemaVersion;

export function sheetDef(key: SheetKey): SheetDef {
  const def = content().sheets.sheets.find((s) => s.key === key);
  if (!def) throw new ContentError('noSheet', `no sheet definition for ${key}`);
  return def;
}

export function valueList(key: string): ValueList {
  const list = content().lists.find((l) => l.key === key);
  if (!list) throw new ContentError('noList', `no value list ${key}`);
  return list;
}

export function listItem(listKey: string, itemKey: string): ListItem {
  const item = valueList(listKey).items.find((i) => i.key === itemKey);
  if (!item) throw new ContentError('noItem', `no item ${itemKey} in list ${listKey}`);
  return item;
}

/** The label of a fixed list item in a language: what the workbook's cells hold. */
export function itemLabel(listKey: string, itemKey: string, lang: Lang): string {
  return listItem(listKey, itemKey).label[lang];
}

/** The words the templates write into the workbook (templates/ui/workbook.json). */
export const workbookStrings = stringTable(workbookStringsJson);
export type WorkbookStringKey = StringKey<typeof workbookStrings>;

/** A legal statement of templates/legal.json by its id. */
export function legalStatement(id: string): LegalStatement {
  const statement = content().legal.statements.find((s) => s.id === id);
  if (!statement) throw new ContentError('noLegal', `no legal statement ${id}`);
  return statement;
}

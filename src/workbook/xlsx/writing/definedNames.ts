/**
 * Defined names written verbatim into an exceljs workbook.
 *
 * exceljs 4.4 keeps names as sets of cells: a formula such as OFFSET(...) is dropped, and its
 * own print areas come out as `'Sheet'!$A1:$H50` with the sheet name unescaped. Its writer does,
 * however, print each entry of the workbook's name model as given. So the plan's names and print
 * areas are kept beside the workbook and joined to that model when the file is written, which
 * keeps them in the package whoever calls `workbook.xlsx.write*` later.
 */
import type ExcelJS from 'exceljs';
import { absoluteRange } from '../../../core/model/a1';

interface NameEntry {
  name: string;
  refersTo: string;
  /** For sheet-scoped names (print areas): the sheet the name belongs to. */
  sheetName?: string;
}

/** The shape exceljs's workbook writer reads from `definedNames.model`. */
interface NameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

interface NameHolder {
  model: NameModel[];
}

const PRINT_AREA = '_xlnm.Print_Area';
const entriesByWorkbook = new WeakMap<ExcelJS.Workbook, NameEntry[]>();

function entryModel(workbook: ExcelJS.Workbook, entry: NameEntry): NameModel | null {
  if (entry.sheetName === undefined) return { name: entry.name, ranges: [entry.refersTo] };
  // localSheetId is the sheet's position in the written workbook, known only at write time.
  const localSheetId = workbook.worksheets.findIndex((sheet) => sheet.name === entry.sheetName);
  if (localSheetId < 0) return null;
  return { name: entry.name, ranges: [entry.refersTo], localSheetId };
}

function joinedModel(workbook: ExcelJS.Workbook, own: NameModel[], entries: NameEntry[]): NameModel[] {
  const planned = entries.map((entry) => entryModel(workbook, entry)).filter((m): m is NameModel => m !== null);
  // Excel refuses a file with the same name twice in one scope: the plan's definition wins.
  const kept = own.filter((existing) => !planned.some((p) => p.name.toLowerCase() === existing.name.toLowerCase() && p.localSheetId === existing.localSheetId));
  return [...kept, ...planned];
}

function entriesOf(workbook: ExcelJS.Workbook): NameEntry[] {
  const existing = entriesByWorkbook.get(workbook);
  if (existing) return existing;
  const entries: NameEntry[] = [];
  entriesByWorkbook.set(workbook, entries);
  const holder = workbook.definedNames as unknown as NameHolder;
  const descriptor = findModelDescriptor(holder);
  Object.defineProperty(holder, 'model', {
    configurable: true,
    get: () => joinedModel(workbook, descriptor.get!.call(holder) as NameModel[], entries),
    set: (value: NameModel[]) => descriptor.set!.call(holder, value),
  });
  return entries;
}

function findModelDescriptor(holder: object): PropertyDescriptor {
  for (let proto = Object.getPrototypeOf(holder); proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'model');
    if (descriptor?.get && descriptor.set) return descriptor;
  }
  throw new Error('exceljs defined names have no model accessor; the pinned exceljs version has changed');
}

function upsert(entries: NameEntry[], entry: NameEntry): void {
  const index = entries.findIndex((e) => e.name.toLowerCase() === entry.name.toLowerCase() && e.sheetName === entry.sheetName);
  if (index >= 0) entries[index] = entry;
  else entries.push(entry);
}

/** A workbook-level name; `refersTo` is a reference or formula without the leading '='. */
export function addWorkbookName(workbook: ExcelJS.Workbook, name: string, refersTo: string): void {
  upsert(entriesOf(workbook), { name, refersTo: refersTo.replace(/^=/, '') });
}

/** The print area of a sheet, e.g. "A1:H60", as Excel stores it: an absolute, sheet-scoped name. */
export function setPrintArea(workbook: ExcelJS.Workbook, sheetName: string, area: string): void {
  upsert(entriesOf(workbook), { name: PRINT_AREA, refersTo: absoluteRange(sheetName, area), sheetName });
}

/**
 * Builds formula fragments for one workbook: structured references to register columns under the
 * workbook's table names and headers, and list labels as text literals. A register read from a
 * workbook brings the headers it really has (an older version's label, perhaps): a formula must
 * name the table column as it is, or Excel cannot resolve it.
 */
import { itemLabel, sheetDef } from '../content/content';
import type { Lang } from '../content/language';
import { columnRef, criterionLiteral, textLiteral, thisRowRef } from './structuredRefs';
import type { RegisterKey } from '../content/templateSchema';
import type { TableNames, WorkbookData } from '../model/workbookData';
import type { RegisterRows } from '../model/registerRows';

/** Register key → column key → the header a workbook's register has. */
export type RegisterHeaders = Partial<Record<RegisterKey, ReadonlyMap<string, string> | undefined>>;

/** The headers of registers read from a workbook, for `FormulaRefs`. */
export function registerHeaders(registers: Partial<Record<RegisterKey, RegisterRows>>): RegisterHeaders {
  const headers: RegisterHeaders = {};
  for (const [key, register] of Object.entries(registers) as [RegisterKey, RegisterRows][]) headers[key] = register.headers;
  return headers;
}

export class FormulaRefs {
  constructor(
    readonly lang: Lang,
    readonly tables: TableNames,
    readonly headers: RegisterHeaders = {},
  ) {}

  /** References into a workbook that was read: its table names and the headers its registers have. */
  static of(data: Pick<WorkbookData, 'lang' | 'tables' | 'registers'>): FormulaRefs {
    return new FormulaRefs(data.lang, data.tables, registerHeaders(data.registers));
  }

  header(register: RegisterKey, columnKey: string): string {
    const column = sheetDef(register).columns?.find((c) => c.key === columnKey);
    if (!column) throw new RangeError(`no column ${columnKey} in ${register}`);
    return this.headers[register]?.get(columnKey) || column.label[this.lang];
  }

  /** `Table[Column]`: the whole data column. */
  col(register: RegisterKey, columnKey: string): string {
    return columnRef(this.tables[register], this.header(register, columnKey));
  }

  /** `Table[[#This Row],[Column]]`: the same row's cell, inside a table's formula column. */
  row(register: RegisterKey, columnKey: string): string {
    return thisRowRef(this.tables[register], this.header(register, columnKey));
  }

  /** A fixed list item's label in this workbook's language, as a formula text literal. */
  item(listKey: string, itemKey: string): string {
    return textLiteral(itemLabel(listKey, itemKey, this.lang));
  }

  /** A COUNTIFS/SUMIFS criterion matching exactly a fixed list item's label (no wildcards). */
  is(listKey: string, itemKey: string): string {
    return criterionLiteral(itemLabel(listKey, itemKey, this.lang));
  }

  label(listKey: string, itemKey: string): string {
    return itemLabel(listKey, itemKey, this.lang);
  }
}

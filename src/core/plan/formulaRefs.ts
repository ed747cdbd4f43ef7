/**
 * Builds formula fragments for one workbook: structured references to register columns under the
 * workbook's table names and the language's headers, and list labels as text literals.
 */
import { itemLabel, sheetDef } from '../content/content';
import type { Lang } from '../content/language';
import { columnRef, criterionLiteral, textLiteral, thisRowRef } from './structuredRefs';
import type { RegisterKey } from '../content/templateSchema';
import type { TableNames } from '../model/workbookData';

export class FormulaRefs {
  constructor(
    readonly lang: Lang,
    readonly tables: TableNames,
  ) {}

  header(register: RegisterKey, columnKey: string): string {
    const column = sheetDef(register).columns?.find((c) => c.key === columnKey);
    if (!column) throw new RangeError(`no column ${columnKey} in ${register}`);
    return column.label[this.lang];
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

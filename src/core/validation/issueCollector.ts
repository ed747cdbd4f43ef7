/**
 * Gathers issues as the rules find them and sorts them the way a coordinator reads a workbook:
 * sheet by sheet in template order, then by row, then by column.
 */
import { sheetDef } from '../content/content';
import type { Lang } from '../content/language';
import { registerCell, type RegisterRows } from '../model/registerRows';
import { SHEET_KEYS, type SheetKey } from '../content/templateSchema';
import type { Issue } from './issue';
import { ruleStrings, type MessageValues } from './messages';
import { ruleDef } from './ruleCatalog';
import { parseCell } from '../model/a1';

interface Placed {
  issue: Issue;
  sheetOrder: number;
  row: number;
  col: number;
  seq: number;
}

/** Row and column of an A1 address; 0 for a missing part. */
export function parseAddress(address: string | null): { row: number; col: number } {
  return (address ? parseCell(address) : null) ?? { row: 0, col: 0 };
}

export class IssueCollector {
  private readonly placed: Placed[] = [];
  /** Sheets without a template key (the user's own) come after the templates, in the order first met. */
  private readonly otherSheets = new Map<string, number>();

  constructor(readonly lang: Lang) {}

  private sheetOrder(sheetKey: SheetKey | null, sheet: string): number {
    if (sheetKey) return SHEET_KEYS.indexOf(sheetKey);
    let order = this.otherSheets.get(sheet);
    if (order === undefined) {
      order = SHEET_KEYS.length + this.otherSheets.size;
      this.otherSheets.set(sheet, order);
    }
    return order;
  }

  /** An issue anywhere: a sheet as a whole (cell null) or one cell by address. */
  add(ruleId: string, sheetKey: SheetKey | null, sheet: string, cell: string | null, values: MessageValues = {}): void {
    const def = ruleDef(ruleId);
    const { row, col } = parseAddress(cell);
    this.placed.push({
      issue: { rule: ruleId, severity: def.severity, sheetKey, sheet, cell, message: ruleStrings.text(def.message, this.lang, values) },
      sheetOrder: this.sheetOrder(sheetKey, sheet),
      row,
      col,
      seq: this.placed.length,
    });
  }

  /**
   * An issue in a register cell, found through the register's column map wherever the user moved
   * the column. `{column}` in the message is the column's label.
   */
  atCell(ruleId: string, register: RegisterRows, rowNumber: number, columnKey: string, values: MessageValues = {}): void {
    const def = ruleDef(ruleId);
    const column = sheetDef(register.key).columns?.find((c) => c.key === columnKey);
    this.placed.push({
      issue: {
        rule: ruleId,
        severity: def.severity,
        sheetKey: register.key,
        sheet: register.sheetName,
        cell: registerCell(register, rowNumber, columnKey),
        message: ruleStrings.text(def.message, this.lang, { column: column?.label[this.lang], row: rowNumber, ...values }),
      },
      sheetOrder: this.sheetOrder(register.key, register.sheetName),
      row: rowNumber,
      col: register.columns.get(columnKey) ?? 0,
      seq: this.placed.length,
    });
  }

  sorted(): Issue[] {
    return this.placed.sort((a, b) => a.sheetOrder - b.sheetOrder || a.row - b.row || a.col - b.col || a.seq - b.seq).map((p) => p.issue);
  }
}

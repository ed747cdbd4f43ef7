/**
 * A register sheet: one Excel table with the header in row 1, frozen, with native validation on
 * its columns over the used rows plus room to grow (never whole columns).
 */
import { sheetDef } from '../content/content';
import type { Lang } from '../content/language';
import type { ColumnDef, RegisterKey } from '../content/templateSchema';
import type { PlannedSheet, PlannedValidation, PlanValue, StyleKey } from './workbookPlan';
import type { RegisterRecord } from '../model/workbookData';
import { columnValidation, type ValidationContext } from './columnValidation';
import { columnLetter } from '../model/a1';

/** Rows below the data that carry validation, so rows typed there are checked too. */
export const VALIDATION_HEADROOM = 500;

const TAB_COLORS: Record<RegisterKey, string> = {
  partners: '2E7D32',
  agreements: '1565C0',
  volunteers: '6A1B9A',
  hours: 'EF6C00',
  checklist: 'AD1457',
  actions: '00838F',
};

function columnStyle(column: ColumnDef): StyleKey | undefined {
  switch (column.type) {
    case 'date':
      return 'date';
    case 'number':
      return 'decimal';
    case 'integer':
      return 'integer';
    case 'text':
    case 'email':
    case 'phone':
    case 'orgnr':
      return column.maxLength && column.maxLength > 200 ? 'textCellWrap' : 'textCell';
    default:
      return column.maxLength && column.maxLength > 200 ? 'wrap' : undefined;
  }
}

export interface RegisterSheetInput {
  key: RegisterKey;
  lang: Lang;
  sheetName: string;
  tableName: string;
  records: RegisterRecord[];
  validation: ValidationContext;
  /** Formulas of the register's derived columns, by column key (without "="). */
  formulas?: Partial<Record<string, string>>;
}

export function registerSheet(input: RegisterSheetInput): PlannedSheet {
  const columns = sheetDef(input.key).columns ?? [];
  const rows: PlanValue[][] = input.records.length ? input.records.map((r) => columns.map((c) => r[c.key] ?? null)) : [columns.map(() => null)];
  const lastRow = 1 + rows.length + VALIDATION_HEADROOM;
  const validations: PlannedValidation[] = [];
  columns.forEach((column, i) => {
    const letter = columnLetter(i + 1);
    const v = columnValidation(column, `${letter}2:${letter}${lastRow}`, input.validation);
    if (v) validations.push(v);
  });
  return {
    key: input.key,
    name: input.sheetName,
    visibility: 'visible',
    tabColor: TAB_COLORS[input.key],
    columnWidths: columns.map((c) => c.width),
    cells: [],
    tables: [
      {
        name: input.tableName,
        row: 1,
        col: 1,
        headers: columns.map((c) => c.label[input.lang]),
        rows,
        columnStyles: columns.map(columnStyle),
        ...(input.formulas ? { columnFormulas: columns.map((c) => input.formulas?.[c.key]) } : {}),
      },
    ],
    validations,
    merges: [],
    freeze: { rows: 1, cols: input.key === 'checklist' || input.key === 'actions' ? 0 : 1 },
    dataBars: [],
  };
}

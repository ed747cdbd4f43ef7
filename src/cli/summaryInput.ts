/**
 * The plan input for re-rendering the summary of a workbook as read: its registers as records,
 * its sheet and table names as they are now, and which templates it has.
 */
import type { SummaryRefresh } from '../core/evaluation/summaryRefresh';
import type { LoadedWorkbook } from '../core/model/loadWorkbook';
import { defaultSheetNames, type WorkbookInput } from '../core/plan/buildWorkbookPlan';
import { REGISTER_KEYS, SHEET_KEYS, type RegisterKey, type SheetKey } from '../core/content/templateSchema';
import { recordsFromRegister, type RegisterRecord } from '../core/model/workbookData';
import type { AppendValue } from '../workbook/xlsx';

export interface RefreshedWorkbook {
  input: WorkbookInput;
  keys: SheetKey[];
  /** New action rows: sheet column → value, in the action table's current column positions. */
  newActions: Map<number, AppendValue>[];
  actionsHeaderRow: number;
}

export function refreshedWorkbook(loaded: LoadedWorkbook, refresh: SummaryRefresh, today: number): RefreshedWorkbook {
  const records = {} as Record<RegisterKey, RegisterRecord[]>;
  for (const key of REGISTER_KEYS) records[key] = recordsFromRegister(refresh.data.registers[key]);
  const sheetNames = { ...defaultSheetNames(loaded.data.lang), ...loaded.sheetNames };
  const keys = SHEET_KEYS.filter((k) => loaded.sheetNames[k] !== undefined || k === 'summary' || k === '_meta');
  const actions = loaded.data.registers.actions;
  const newActions =
    loaded.sheetNames.actions && actions.headerRow > 0
      ? refresh.actions.added.map((record) => {
          const row = new Map<number, AppendValue>();
          for (const [key, col] of actions.columns) {
            const value = record[key];
            if (value !== undefined && value !== null && typeof value !== 'object' && typeof value !== 'boolean') row.set(col, value);
          }
          return row;
        })
      : [];
  return {
    input: { lang: loaded.data.lang, settings: loaded.data.settings, records, sheetNames, tables: loaded.data.tables, today, refreshedAt: refresh.refreshedAt },
    keys,
    newActions,
    actionsHeaderRow: actions.headerRow,
  };
}

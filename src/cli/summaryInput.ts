/**
 * What re-rendering the summary of a workbook as read needs: the workbook as refreshed, its sheet
 * and table names as they are now, and which templates it has. No register is turned back into
 * records: only the summary and metadata sheets are rendered.
 */
import type { SummaryRefresh } from '../core/evaluation/summaryRefresh';
import type { LoadedWorkbook } from '../core/model/loadWorkbook';
import { defaultSheetNames, type WorkbookInput } from '../core/plan/buildWorkbookPlan';
import { registerHeaders } from '../core/plan/formulaRefs';
import { SHEET_KEYS, type SheetKey } from '../core/content/templateSchema';
import type { WorkbookData } from '../core/model/workbookData';
import type { AppendValue, CachedResult } from '../workbook/xlsx';
import { cellAddress } from '../core/model/a1';
import { parameterLabelColumn, parameterRow } from '../core/model/settingsModel';
import { derivedColumnValues, hoursLast12Formula, policeRequiredFormula } from '../core/model/volunteerDerived';
import { FormulaRefs } from '../core/plan/formulaRefs';

export interface RefreshedWorkbook {
  /** The plan input without records: nothing but the summary and metadata is rendered. */
  input: Omit<WorkbookInput, 'records'>;
  /** The workbook as refreshed, with the settings as written back: what the summary's figures count. */
  data: WorkbookData;
  keys: SheetKey[];
  /** New action rows: sheet column → value, in the action table's current column positions. */
  newActions: Map<number, AppendValue>[];
  actionsHeaderRow: number;
  /** The report date chosen on the command line, written into the settings when they had none. */
  reportDate?: { sheetName: string; address: string; value: number };
  /** The volunteer register's computed columns, their cached results brought up to the report date. */
  derivedResults?: { sheetName: string; results: CachedResult[] };
}

/**
 * The cached results of the volunteer register's formula columns for the refreshed report date,
 * each for the formula it is computed by: a cell holding another formula (the police column of a
 * workbook upgraded from schema 2 keeps its activity-based formula) keeps its cached value.
 */
function derivedResults(loaded: LoadedWorkbook, refresh: SummaryRefresh): RefreshedWorkbook['derivedResults'] {
  const register = refresh.data.registers.volunteers;
  if (!loaded.sheetNames.volunteers || register.headerRow <= 0) return undefined;
  const f = new FormulaRefs(refresh.data.lang, refresh.data.tables);
  const values = derivedColumnValues(refresh.data, f, refresh.reportDate);
  const formulas = { policeCertificateRequired: policeRequiredFormula(f), hoursLast12Months: hoursLast12Formula(f) };
  const results: CachedResult[] = [];
  for (const key of ['policeCertificateRequired', 'hoursLast12Months'] as const) {
    const col = register.columns.get(key);
    if (col === undefined) continue;
    register.rows.forEach((row, i) => results.push({ address: cellAddress(row.rowNumber, col), value: values[i][key], formula: formulas[key] }));
  }
  return { sheetName: register.sheetName, results };
}

/**
 * What `summary` writes back. `chosenDate` is the report date given on the command line: when the
 * settings hold none, it goes into them, so the workbook's formulas compute for that date too and
 * not for whatever day it is opened.
 */
export function refreshedWorkbook(loaded: LoadedWorkbook, refresh: SummaryRefresh, today: number, chosenDate?: number): RefreshedWorkbook {
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
  const choose = chosenDate !== undefined && loaded.data.settings.reportDate === null && loaded.sheetNames.settings !== undefined;
  const settings = choose ? { ...loaded.data.settings, reportDate: chosenDate } : loaded.data.settings;
  return {
    input: {
      lang: loaded.data.lang,
      settings,
      sheetNames,
      tables: loaded.data.tables,
      headers: registerHeaders(loaded.data.registers),
      today,
      refreshedAt: refresh.refreshedAt,
    },
    data: { ...refresh.data, settings },
    keys,
    newActions,
    actionsHeaderRow: actions.headerRow,
    reportDate: choose
      ? { sheetName: loaded.sheetNames.settings!, address: cellAddress(parameterRow('reportDate'), parameterLabelColumn('reportDate') + 1), value: chosenDate }
      : undefined,
    derivedResults: derivedResults(loaded, refresh),
  };
}

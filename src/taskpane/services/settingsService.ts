/**
 * The Innstillinger tab's work: read the settings the workbook holds, and write the parameters a
 * coordinator changes from the pane (report date, hours per årsverk, value per hour, warning
 * windows) into their cells on the settings sheet, checked against each parameter's bounds first.
 */
import { loadWorkbook } from '../../core/model/loadWorkbook';
import { PARAMETERS, parameterRow, type ParameterDef, type SettingsValues } from '../../core/model/settingsModel';
import type { Lang } from '../../core/content/language';
import { requireCellWriter, type CellEdit } from './cellWriter';
import type { PaneWorkbook } from './paneWorkbook';
import { cellAddress } from '../../core/model/a1';

import { PANE_PARAMETERS, SettingsRefusal, type PaneParameter, type ParameterProblem } from './settingsRefusal';

export { PANE_PARAMETERS, SettingsRefusal, type PaneParameter, type ParameterProblem };

export type ParameterValues = Partial<Record<PaneParameter, number | null>>;

export interface SettingsView {
  /** The settings sheet as found; null when the workbook has none (add the templates first). */
  sheet: string | null;
  lang: Lang;
  values: SettingsValues;
  /** Whether this adapter can write the parameters back. */
  writable: boolean;
}

/** The value column of the parameter block on the settings sheet (labels are in column A). */
const VALUE_COLUMN = 2;

function definition(key: PaneParameter): ParameterDef {
  return PARAMETERS.find((p) => p.key === key)!;
}

export function parameterProblems(values: ParameterValues): ParameterProblem[] {
  const problems: ParameterProblem[] = [];
  for (const key of PANE_PARAMETERS) {
    if (!(key in values)) continue;
    const value = values[key];
    const def = definition(key);
    if (value === null || value === undefined) {
      // Only the report date may be blank: blank means "today".
      if (key !== 'reportDate') problems.push({ key, problem: 'notNumber' });
      continue;
    }
    if (!Number.isFinite(value)) problems.push({ key, problem: 'notNumber' });
    else if ((def.type === 'integer' || def.type === 'date') && !Number.isInteger(value)) problems.push({ key, problem: 'notWhole' });
    else if (def.min !== undefined && value < def.min) problems.push({ key, problem: 'belowMin', min: def.min });
    else if (def.max !== undefined && value > def.max) problems.push({ key, problem: 'aboveMax', max: def.max });
  }
  return problems;
}

export class SettingsService {
  constructor(private readonly workbook: PaneWorkbook) {}

  async read(): Promise<SettingsView> {
    const loaded = await loadWorkbook(this.workbook);
    return {
      sheet: loaded.sheetNames.settings ?? null,
      lang: loaded.data.lang,
      values: loaded.data.settings,
      writable: typeof this.workbook.writeCells === 'function',
    };
  }

  /** Writes the given parameters in one round trip; nothing is written when one is out of bounds. */
  async write(values: ParameterValues): Promise<SettingsView> {
    const problems = parameterProblems(values);
    if (problems.length > 0) throw new SettingsRefusal(problems);
    const writer = requireCellWriter(this.workbook);
    const current = await this.read();
    if (!current.sheet) throw new SettingsRefusal([]);
    const edits: CellEdit[] = PANE_PARAMETERS.filter((key) => key in values).map((key) => ({
      address: cellAddress(parameterRow(key), VALUE_COLUMN),
      value: values[key] ?? null,
    }));
    if (edits.length > 0) await writer.writeCells(current.sheet, edits);
    return this.read();
  }
}

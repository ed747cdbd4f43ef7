/**
 * The Innstillinger tab's work: read the settings the workbook holds, and write what a coordinator
 * changes from the pane into the settings sheet — the municipality's name, the parameters (report
 * date, hours per årsverk, value per hour, warning windows), checked against each parameter's
 * bounds first, and the municipality's own value lists (units, activities with whether they need a
 * police certificate, user groups, training), checked as the sheet holds them: no blank or repeated
 * item, no more than the sheet has room for. In browser mode there is no other way to change them.
 */
import { itemLabel, sheetDef } from '../../core/content/content';
import { REGISTER_KEYS } from '../../core/content/templateSchema';
import { asText } from '../../core/model/cellValues';
import { loadWorkbook, type LoadedWorkbook } from '../../core/model/loadWorkbook';
import {
  locateLists,
  PARAMETERS,
  parameterRow,
  POLICE_COLUMN_LIST,
  SETTINGS_LAYOUT,
  type ParameterDef,
  type SettingsListKey,
  type SettingsValues,
} from '../../core/model/settingsModel';
import type { Lang } from '../../core/content/language';
import { sameCellValue } from '../../core/port';
import { requireCellWriter, type CellEdit } from './cellWriter';
import type { PaneWorkbook } from './paneWorkbook';
import { cellAddress } from '../../core/model/a1';

import { ListRefusal, PANE_PARAMETERS, SettingsChanged, SettingsRefusal, type ListProblem, type PaneParameter, type ParameterProblem } from './settingsRefusal';

export { ListRefusal, PANE_PARAMETERS, SettingsChanged, SettingsRefusal, type ListProblem, type PaneParameter, type ParameterProblem };

/** The text parameters the pane edits: who the municipality is, as the printed agreement names it. */
export const PANE_TEXTS = ['municipality'] as const;
export type PaneText = (typeof PANE_TEXTS)[number];

export type ParameterValues = Partial<Record<PaneParameter, number | null>> & Partial<Record<PaneText, string>>;

/** The municipality's own lists, which the pane edits (the fixed lists are the program's). */
export const PANE_LISTS = ['units', 'activityTypes', 'userGroups', 'trainingTypes'] as const satisfies readonly SettingsListKey[];
export type PaneList = (typeof PANE_LISTS)[number];

export interface ListItemEdit {
  label: string;
  /** Activities only: the activity requires a police certificate. */
  police?: boolean;
}

/** Longest item the sheet's list dropdowns show whole. */
export const LIST_ITEM_MAX = 100;

export interface SettingsView {
  /** The settings sheet as found; null when the workbook has none (add the templates first). */
  sheet: string | null;
  lang: Lang;
  values: SettingsValues;
  /** Whether this adapter can write the parameters back. */
  writable: boolean;
  /** How many register rows use each item of the pane's lists (list → label folded → rows). */
  usage: Record<PaneList, Record<string, number>>;
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
    const value = values[key] as number | null | undefined;
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

/** What keeps a list from the sheet: a blank or repeated item (case ignored), one too long, more than the sheet holds. */
export function listProblems(items: ListItemEdit[]): ListProblem[] {
  const problems: ListProblem[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const label = item.label.trim();
    const key = label.toLowerCase();
    if (label === '') problems.push({ index, problem: 'blank' });
    else if (seen.has(key)) problems.push({ index, problem: 'repeated' });
    else if (label.length > LIST_ITEM_MAX) problems.push({ index, problem: 'tooLong' });
    seen.add(key);
  });
  if (items.length > SETTINGS_LAYOUT.listCapacity) problems.push({ index: -1, problem: 'tooMany', max: SETTINGS_LAYOUT.listCapacity });
  return problems;
}

/** The register columns that draw on each of the pane's lists. */
function listUsage(loaded: LoadedWorkbook): Record<PaneList, Record<string, number>> {
  const usage = Object.fromEntries(PANE_LISTS.map((l) => [l, {} as Record<string, number>])) as Record<PaneList, Record<string, number>>;
  for (const key of REGISTER_KEYS) {
    for (const column of sheetDef(key).columns ?? []) {
      const list = column.list as PaneList | undefined;
      if (!list || !(PANE_LISTS as readonly string[]).includes(list)) continue;
      for (const row of loaded.data.registers[key].rows) {
        const label = asText(row.values[column.key]).toLowerCase();
        if (label) usage[list][label] = (usage[list][label] ?? 0) + 1;
      }
    }
  }
  return usage;
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
      usage: listUsage(loaded),
    };
  }

  /**
   * Writes one of the municipality's lists over its column on the settings sheet (and, for the
   * activities, whether each needs a police certificate): the items from the top, the rest of the
   * column emptied, in one round trip.
   */
  async writeList(list: PaneList, items: ListItemEdit[], read?: SettingsValues): Promise<SettingsView> {
    const problems = listProblems(items);
    if (problems.length > 0) throw new ListRefusal(problems);
    const writer = requireCellWriter(this.workbook);
    const current = await this.read();
    if (!current.sheet) throw new SettingsRefusal([]);
    if (read && JSON.stringify([current.values.lists[list], current.values.policeActivities]) !== JSON.stringify([read.lists[list], read.policeActivities]))
      throw new SettingsChanged([list]);
    const column = locateLists(await this.workbook.readSheet(current.sheet)).get(list);
    if (column === undefined) throw new SettingsRefusal([]);
    const { firstListRow, listCapacity } = SETTINGS_LAYOUT;
    const yes = itemLabel('yesNo', 'yes', current.lang);
    const no = itemLabel('yesNo', 'no', current.lang);
    const edits: CellEdit[] = [];
    for (let i = 0; i < listCapacity; i++) {
      const item = items[i];
      edits.push({ address: cellAddress(firstListRow + i, column), value: item ? item.label.trim() : null });
      if (list === POLICE_COLUMN_LIST) edits.push({ address: cellAddress(firstListRow + i, column + 1), value: item ? (item.police ? yes : no) : null });
    }
    await writer.writeCells(current.sheet, edits);
    return this.read();
  }

  /** Writes the given parameters in one round trip; nothing is written when one is out of bounds. */
  /**
   * Writes the given parameters in one round trip; nothing is written when one is out of bounds,
   * or, given what the pane read (`read`), when the sheet holds something else now for one of them.
   */
  async write(values: ParameterValues, read?: SettingsValues): Promise<SettingsView> {
    const problems = parameterProblems(values);
    if (problems.length > 0) throw new SettingsRefusal(problems);
    const writer = requireCellWriter(this.workbook);
    const current = await this.read();
    if (!current.sheet) throw new SettingsRefusal([]);
    if (read) {
      const changed = [...PANE_PARAMETERS, ...PANE_TEXTS].filter((key) => key in values && !sameCellValue(current.values[key], read[key]));
      if (changed.length > 0) throw new SettingsChanged(changed);
    }
    const edits: CellEdit[] = [...PANE_PARAMETERS, ...PANE_TEXTS]
      .filter((key) => key in values)
      .map((key) => ({
        address: cellAddress(parameterRow(key), VALUE_COLUMN),
        value: typeof values[key] === 'string' ? (values[key] as string).trim() || null : (values[key] ?? null),
      }));
    if (edits.length > 0) await writer.writeCells(current.sheet, edits);
    return this.read();
  }
}

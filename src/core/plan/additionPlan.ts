/**
 * The plan of the templates to add to a workbook, as the command line and the add-in both render
 * it: the placement's names, and the rows already in the workbook behind the new sheets' computed
 * figures (a register the workbook does not have starts as a new workbook's would).
 */
import { SCHEMA_VERSION } from '../content/content';
import type { LoadedWorkbook } from '../model/loadWorkbook';
import { metaEntries } from '../model/metaSheet';
import { newWorkbookInput } from './newWorkbookInput';
import { buildWorkbookPlan, GENERATOR, type WorkbookInput } from './buildWorkbookPlan';
import { metaSheetWith, placedMeta, type Placement } from './templatePlacement';
import { REGISTER_KEYS, type SheetKey } from '../content/templateSchema';
import { recordsFromRegister } from '../model/workbookData';
import type { WorkbookPlan } from './workbookPlan';

/** `withMeta`: render the metadata sheet too (the add-in rewrites an existing one cell by cell instead). */
export function additionPlan(placement: Placement, loaded: LoadedWorkbook, today: number, withMeta: boolean): WorkbookPlan {
  const base = newWorkbookInput(placement.lang, today);
  const records = { ...base.records };
  for (const key of REGISTER_KEYS) records[key] = placement.present[key] ? recordsFromRegister(loaded.data.registers[key]) : base.records[key];
  const input: WorkbookInput = {
    ...base,
    settings: placement.present.settings ? loaded.data.settings : base.settings,
    records,
    sheetNames: placement.sheetNames,
    tables: placement.tableNames,
  };
  const keys: SheetKey[] = [...placement.toAdd, ...(withMeta ? (['_meta'] as const) : [])];
  const plan = buildWorkbookPlan(input, keys);
  const entries = metaEntries(placedMeta(placement, loaded.meta, SCHEMA_VERSION(), GENERATOR));
  return { ...plan, sheets: plan.sheets.map((s) => (s.key === '_meta' ? metaSheetWith(s, entries, placement.sheetNames._meta) : s)) };
}

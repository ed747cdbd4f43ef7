/**
 * Values for what a sign-up form does not ask. The user sets them (`--set activity=Besøksvenn`,
 * or a choice in the pane), each checked against the workbook's own lists; what is left gets the
 * import's own defaults: a volunteer who signed up is "interested" until a coordinator has talked
 * to them (where the workbook's status list has that choice), unorganised unless they named an
 * organisation, and registered from the day they signed up.
 */
import type { CellValue } from '../port';
import { itemLabel, valueList } from '../content/content';
import { LANGUAGES } from '../content/language';
import { normaliseLabel } from '../model/cellValues';
import type { WorkbookData } from '../model/workbookData';
import { errorStrings, SamspillError } from '../samspillError';
import { foldText } from '../validation/ruleContext';
import { fieldByName, type ImportField } from './importMapping';
import { formDate } from './formDate';

/** Fields a default may be set for: what a form rarely asks and the register needs. */
export const SETTABLE_FIELDS = [
  'activity',
  'unit',
  'affiliation',
  'partner',
  'status',
  'start',
  'training',
  'confidentialityDate',
  'policeCertificateDate',
  'consentDate',
] as const;
export type SettableField = (typeof SETTABLE_FIELDS)[number];
export type ImportDefaults = Partial<Record<SettableField, CellValue>>;

/** A `--set` entry that cannot be used; said with the field and, for a list, its choices. */
export class ImportDefaultError extends SamspillError<'syntax' | 'unknownField' | 'notSettable' | 'notInList' | 'notDate'> {
  override readonly name = 'ImportDefaultError';

  constructor(code: ImportDefaultError['code'], values: { entry: string; field?: string; value?: string; choices?: string }) {
    const filled = { field: '', value: '', choices: '', fields: SETTABLE_FIELDS.join(', '), ...values };
    super(code, filled, errorStrings.phrase(`importDefault.${code}`, filled));
  }
}

const EDITABLE: Partial<Record<SettableField, 'activityTypes' | 'units' | 'trainingTypes'>> = {
  activity: 'activityTypes',
  unit: 'units',
  training: 'trainingTypes',
};
const FIXED: Partial<Record<SettableField, string>> = { affiliation: 'affiliationForms', status: 'volunteerStatuses' };
const DATES: SettableField[] = ['start', 'confidentialityDate', 'policeCertificateDate', 'consentDate'];

/** A label of a fixed list typed in any language (or its key), as the workbook's language writes it. */
export function fixedListLabel(listKey: string, typed: string, data: WorkbookData): string | null {
  const wanted = comparable(typed);
  for (const item of valueList(listKey).items) {
    if (LANGUAGES.some((l) => comparable(item.label[l]) === wanted) || comparable(item.key) === wanted) return itemLabel(listKey, item.key, data.lang);
  }
  return null;
}

/** Labels compared without case, dash style, "år"/"years" and spacing: "30–54 år" = "30-54". */
export function comparable(label: string): string {
  return normaliseLabel(
    label
      .replace(/[\u2010-\u2015]/g, '-')
      .replace(/\b(år|ar|years?)\b/gi, '')
      .replace(/\s*-\s*/g, '-'),
  );
}

function settable(entry: string, data: WorkbookData): [SettableField, CellValue] {
  const eq = entry.indexOf('=');
  if (eq <= 0 || eq === entry.length - 1) throw new ImportDefaultError('syntax', { entry });
  const name = entry.slice(0, eq).trim();
  const typed = entry.slice(eq + 1).trim();
  const field = fieldByName(name) as ImportField | null;
  if (!field) throw new ImportDefaultError('unknownField', { entry, field: name });
  if (!(SETTABLE_FIELDS as readonly string[]).includes(field)) throw new ImportDefaultError('notSettable', { entry, field });
  const key = field as SettableField;
  const editable = EDITABLE[key];
  if (editable) {
    const choices = data.settings.lists[editable];
    const found = choices.find((c) => foldText(c) === foldText(typed));
    if (!found) throw new ImportDefaultError('notInList', { entry, field, value: typed, choices: choices.join(', ') });
    return [key, found];
  }
  const fixed = FIXED[key];
  if (fixed) {
    const found = fixedListLabel(fixed, typed, data);
    if (!found)
      throw new ImportDefaultError('notInList', {
        entry,
        field,
        value: typed,
        choices: valueList(fixed)
          .items.map((i) => i.label[data.lang])
          .join(', '),
      });
    return [key, found];
  }
  if (DATES.includes(key)) {
    const date = formDate(typed);
    if (typeof date !== 'number') throw new ImportDefaultError('notDate', { entry, field, value: typed });
    return [key, Math.floor(date)];
  }
  return [key, typed];
}

/** `field=value` entries as defaults, each checked against the workbook; the last entry for a field wins. */
export function parseDefaults(entries: string[], data: WorkbookData): ImportDefaults {
  const defaults: ImportDefaults = {};
  for (const entry of entries) {
    const [field, value] = settable(entry, data);
    defaults[field] = value;
  }
  return defaults;
}

/**
 * The status a new sign-up gets: "interested" where the workbook's status list has it (it makes
 * no compliance demands until the volunteer is made active), else "active" as before that choice
 * existed, with its demands reported as follow-ups.
 */
export function signUpStatus(data: WorkbookData): string {
  const interested = itemLabel('volunteerStatuses', 'interested', data.lang);
  const listed = data.settings.lists.volunteerStatuses.some((label) => foldText(label) === foldText(interested));
  return listed ? interested : itemLabel('volunteerStatuses', 'active', data.lang);
}

/** Where a value the form did not give comes from. */
export type DefaultSource = 'set' | 'signUp' | 'submitted' | 'partner';

/** The defaults in effect for an import, field by field, for the report. */
export function defaultsInEffect(data: WorkbookData, defaults: ImportDefaults): { field: SettableField; value: CellValue | null; source: DefaultSource }[] {
  const out: { field: SettableField; value: CellValue | null; source: DefaultSource }[] = [];
  for (const field of SETTABLE_FIELDS) if (defaults[field] !== undefined) out.push({ field, value: defaults[field]!, source: 'set' });
  if (defaults.status === undefined) out.push({ field: 'status', value: signUpStatus(data), source: 'signUp' });
  if (defaults.start === undefined) out.push({ field: 'start', value: null, source: 'submitted' });
  if (defaults.affiliation === undefined) out.push({ field: 'affiliation', value: null, source: 'partner' });
  return out;
}

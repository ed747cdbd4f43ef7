/**
 * The settings a municipality controls: a few parameters and the value lists the registers draw
 * from. The settings sheet shows them; everything else reads them from there.
 */
import type { CellValue, SheetGrid } from '../port';
import { asNumber, asText, normaliseLabel } from './cellValues';
import { cellText, matchesText } from './criteria';
import { valueList } from '../content/content';
import { LANGUAGES, type Lang } from '../content/language';

/** The single-value settings (the lists are not parameters); each has a label and help in templates/ui/workbook.json. */
export type ParameterKey = Exclude<keyof SettingsValues, 'lists' | 'policeActivities' | 'listSlots'>;

export interface ParameterDef {
  key: ParameterKey;
  /** A `list` parameter holds a label of the fixed list named by `list`, in the workbook's language. */
  type: 'text' | 'date' | 'number' | 'integer' | 'list';
  list?: SettingsListKey;
  /** Workbook-level defined name of the value cell. */
  name: string;
  default: string | number | null;
  min?: number;
  max?: number;
  /** Where the default comes from, when the source documents give it. */
  source?: string;
  /** Text longer than this is refused by the sheet's validation. */
  maxLength?: number;
  /** The default rests on a source or a stated method, shown beside it (`settings.param.<key>.basis`). */
  basis?: true;
}

export const PARAMETERS: ParameterDef[] = [
  { key: 'municipality', type: 'text', name: 'cfg_municipality', default: '' },
  { key: 'reportDate', type: 'date', name: 'cfg_report_date', default: null },
  // Almost 200 million hours were counted as 113 500 full-time equivalents: about 1 762 hours each.
  {
    key: 'hoursPerFte',
    type: 'number',
    name: 'cfg_hours_per_fte',
    default: 1762,
    min: 1,
    max: 8760,
    source: '000_816c9c010d52404f.txt:1305-1307',
    basis: true,
  },
  // Statistics Norway's satellite-account method (unpaid hours at the labour cost of employees with
  // only compulsory schooling), 2018 figures: about NOK 310 an hour. The method and the figures'
  // provenance are stated beside the value on the settings sheet.
  { key: 'valuePerHour', type: 'number', name: 'cfg_value_per_hour', default: 310, min: 0, max: 100000, basis: true },
  { key: 'expiryWarningDays', type: 'integer', name: 'cfg_expiry_warning_days', default: 90, min: 0, max: 3650 },
  { key: 'reviewWarningDays', type: 'integer', name: 'cfg_review_warning_days', default: 60, min: 0, max: 3650 },
  { key: 'retentionMonths', type: 'integer', name: 'cfg_retention_months', default: 24, min: 1, max: 240 },
  // Core volunteers give ten hours or more a month.
  {
    key: 'coreHoursPerMonth',
    type: 'number',
    name: 'cfg_core_hours_per_month',
    default: 10,
    min: 0,
    max: 744,
    source: '003_5b756f3ba21c4f06.txt:86-87',
    basis: true,
  },
  // In the copy for the public, counts of people below this are not shown: few enough to point at someone.
  { key: 'publicMinCount', type: 'integer', name: 'cfg_public_min_count', default: 5, min: 1, max: 100 },
  // Schema 3, the second block: who the controller is, the register's legal basis, the municipality's grant rules.
  { key: 'municipalityOrgNumber', type: 'text', name: 'cfg_municipality_org_number', default: '', maxLength: 11 },
  { key: 'privacyContact', type: 'text', name: 'cfg_privacy_contact', default: '', maxLength: 200 },
  // Datatilsynet advises public bodies against consent (templates/legal.json gdpr-6-consent): the default is the agreement.
  { key: 'personalDataBasis', type: 'list', list: 'personalDataBases', name: 'cfg_personal_data_basis', default: 'agreement' },
  { key: 'grantRules', type: 'text', name: 'cfg_grant_rules', default: '', maxLength: 200 },
  { key: 'grantReportDeadline', type: 'text', name: 'cfg_grant_report_deadline', default: '', maxLength: 100 },
  { key: 'grantAccountsRequired', type: 'list', list: 'yesNo', name: 'cfg_grant_accounts_required', default: null },
];

/**
 * The parameters stand in two blocks: the first nine in columns A to C (schema 1's eight in rows
 * 4 to 11, the public copy's smallest count in row 12), the rest (schema 3) in columns E to G
 * beside them, so that adding parameters never moved a cell an older workbook's formulas, names
 * or pane writes rely on. A workbook made before a parameter existed has a blank cell and no
 * name there: the parameter keeps its default (readSettings), and a formula reading its name
 * guards against the name missing.
 */
export const FIRST_BLOCK_SIZE = 9;
export const SECOND_BLOCK_COLUMN = 5;

/** The lists shown on the settings sheet, left to right; the user's own (editable) lists first. */
export const SETTINGS_LISTS = [
  'units',
  'activityTypes',
  'userGroups',
  'trainingTypes',
  'cooperationForms',
  'partnerTypes',
  'affiliationForms',
  'ageGroups',
  'agreementStatuses',
  'volunteerStatuses',
  'yesNo',
  'ratingScale',
  'participantGroups',
  'actionStatuses',
  'instrumentTypes',
  // Schema 3: an older workbook's settings sheet lacks these; its registers then get no list validation for them.
  'policeBases',
  'confidentialityBases',
  'personalDataBases',
  'paymentKinds',
] as const;

/** Lists the settings sheet gained in schema 3. */
export const LISTS_SINCE_3: readonly SettingsListKey[] = ['policeBases', 'confidentialityBases', 'personalDataBases', 'paymentKinds'];
export type SettingsListKey = (typeof SETTINGS_LISTS)[number];

/** Layout of the settings sheet. The sheet is protected, so these positions hold. */
export const SETTINGS_LAYOUT = {
  firstParameterRow: 4,
  listHeaderRow: 15,
  firstListRow: 16,
  listCapacity: 60,
} as const;

/** Activity types carry a second column: whether the activity requires a police certificate. */
export const POLICE_COLUMN_LIST = 'activityTypes';

export function listColumns(): Map<SettingsListKey, number> {
  const columns = new Map<SettingsListKey, number>();
  let col = 1;
  for (const key of SETTINGS_LISTS) {
    columns.set(key, col);
    col += key === POLICE_COLUMN_LIST ? 2 : 1;
  }
  return columns;
}

export function parameterRow(key: string): number {
  const index = PARAMETERS.findIndex((p) => p.key === key);
  if (index < 0) throw new RangeError(`unknown parameter ${key}`);
  return SETTINGS_LAYOUT.firstParameterRow + (index < FIRST_BLOCK_SIZE ? index : index - FIRST_BLOCK_SIZE);
}

/** The column of a parameter's label; its value stands one column right, its help two. */
export function parameterLabelColumn(key: string): number {
  const index = PARAMETERS.findIndex((p) => p.key === key);
  if (index < 0) throw new RangeError(`unknown parameter ${key}`);
  return index < FIRST_BLOCK_SIZE ? 1 : SECOND_BLOCK_COLUMN;
}

export interface SettingsValues {
  municipality: string;
  /** Serial day, or null for "today". */
  reportDate: number | null;
  hoursPerFte: number;
  valuePerHour: number;
  expiryWarningDays: number;
  reviewWarningDays: number;
  retentionMonths: number;
  coreHoursPerMonth: number;
  /** The smallest count of people the public copy shows in a breakdown; smaller ones (from 1) are hidden. */
  publicMinCount: number;
  municipalityOrgNumber: string;
  privacyContact: string;
  /** A label of the personalDataBases list, as the workbook holds it; see `personalDataBasisKey`. */
  personalDataBasis: string;
  grantRules: string;
  grantReportDeadline: string;
  /** "Ja"/"Nei" or blank. */
  grantAccountsRequired: string;
  /** Labels as the workbook holds them, per list. */
  lists: Record<SettingsListKey, string[]>;
  /** Activity labels that require a police certificate. */
  policeActivities: string[];
  /**
   * The editable lists as the settings sheet holds them, slot by slot up to the last item, each
   * text as written (blank slots kept): what INDEX(list_…, n) gives the summary's breakdown rows.
   * Absent when the settings were made rather than read; then the lists are the slots.
   */
  listSlots?: Partial<Record<SettingsListKey, string[]>>;
}

/** A list slot by slot, as the sheet's INDEX sees it (see SettingsValues.listSlots). */
export function listSlots(settings: SettingsValues, key: SettingsListKey): string[] {
  return settings.listSlots?.[key] ?? settings.lists[key];
}

export function defaultSettings(lang: Lang): SettingsValues {
  const lists = {} as Record<SettingsListKey, string[]>;
  for (const key of SETTINGS_LISTS) lists[key] = valueList(key).items.map((i) => i.label[lang]);
  const policeActivities = valueList(POLICE_COLUMN_LIST)
    .items.filter((i) => i.attributes?.policeCertificate === true)
    .map((i) => i.label[lang]);
  const values: Record<string, unknown> = { lists, policeActivities };
  for (const p of PARAMETERS)
    values[p.key] = p.type === 'list' ? (p.default === null ? '' : valueList(p.list!).items.find((i) => i.key === p.default)!.label[lang]) : p.default;
  return values as unknown as SettingsValues;
}

function cell(grid: SheetGrid, row: number, col: number): CellValue {
  return grid.rows[row - 1]?.[col - 1] ?? null;
}

/** All the ways a list's title may be written, in every language, for finding it on the sheet. */
function listTitles(key: string): Set<string> {
  const list = valueList(key);
  return new Set(LANGUAGES.map((l) => normaliseLabel(list.title[l])));
}

/** Where each list stands on the settings sheet (1-based column), found by its title in the header row in any language. */
export function locateLists(grid: SheetGrid): Map<SettingsListKey, number> {
  const header = grid.rows[SETTINGS_LAYOUT.listHeaderRow - 1] ?? [];
  const found = new Map<SettingsListKey, number>();
  for (const key of SETTINGS_LISTS) {
    const titles = listTitles(key);
    const index = header.findIndex((v) => titles.has(normaliseLabel(asText(v))));
    if (index >= 0) found.set(key, index + 1);
  }
  return found;
}

/**
 * Reads the settings sheet. A list is found by its title in the header row, wherever it stands;
 * parameters by their fixed rows. Missing or unreadable values fall back to the defaults.
 */
export function readSettings(grid: SheetGrid, lang: Lang): SettingsValues {
  const settings = defaultSettings(lang);
  const values = settings as unknown as Record<string, unknown>;
  for (const p of PARAMETERS) {
    const raw = cell(grid, parameterRow(p.key), parameterLabelColumn(p.key) + 1);
    // An older workbook has no second block: its parameters keep their defaults.
    if (p.type === 'list') {
      if (asText(raw) !== '') values[p.key] = asText(raw);
    } else if (p.type === 'text') values[p.key] = asText(raw);
    else {
      const n = asNumber(raw);
      if (n !== null) values[p.key] = n;
      else if (p.key === 'reportDate') values[p.key] = null;
    }
  }
  for (const [key, col] of locateLists(grid)) {
    const index = col - 1;
    const items: string[] = [];
    const police: string[] = [];
    const slots: string[] = [];
    for (let r = SETTINGS_LAYOUT.firstListRow; r < SETTINGS_LAYOUT.firstListRow + SETTINGS_LAYOUT.listCapacity; r++) {
      const written = cellText(cell(grid, r, index + 1));
      slots.push(written);
      const label = written.trim();
      if (!label) continue;
      items.push(label);
      if (key === POLICE_COLUMN_LIST && isYes(cell(grid, r, index + 2))) police.push(label);
    }
    settings.lists[key] = items;
    while (slots.length && slots[slots.length - 1] === '') slots.pop();
    if (valueList(key).editable) settings.listSlots = { ...settings.listSlots, [key]: slots };
    if (key === POLICE_COLUMN_LIST) settings.policeActivities = police;
  }
  return settings;
}

/** "Ja"/"Yes" in any of the three languages. */
export function isYes(value: CellValue | undefined): boolean {
  const t = normaliseLabel(asText(value ?? null));
  return valueList('yesNo').items.some((i) => i.key === 'yes' && LANGUAGES.some((l) => normaliseLabel(i.label[l]) === t));
}

/**
 * The key of the register's legal basis, its label compared as the summary's formula compares it
 * (criteria.ts: the workbook's language, case ignored, nothing trimmed); the default when unreadable.
 */
export function personalDataBasisKey(settings: Pick<SettingsValues, 'personalDataBasis'>, lang: Lang): 'agreement' | 'publicTask' | 'consent' {
  const item = valueList('personalDataBases').items.find((i) => matchesText(settings.personalDataBasis, i.label[lang]));
  return (item?.key as 'agreement' | 'publicTask' | 'consent' | undefined) ?? 'agreement';
}

/**
 * The Registrer tab's forms: a new record or an edited one, checked by the same rules as the whole
 * workbook before anything is written (src/core/validation/recordCheck). A form starts with what a
 * coordinator would type anyway (today, Aktiv, 1), names people and partners the way the chooser
 * shows them, marks the fields a record needs as soon as its other values call for them, and
 * finds a volunteer or partner already registered before a second one is saved.
 *
 * Saving a new record appends it to the register's table in the order its columns stand in the
 * sheet now; saving an edited one writes only the cells that changed, and only while the row
 * still holds what was read (the port refuses a row changed in the sheet meanwhile). Hours can be
 * logged for several volunteers at once: one row each, the same activity, date and hours.
 */
import { itemLabel, sheetDef } from '../../core/content/content';
import type { Lang } from '../../core/content/language';
import type { ColumnDef, RegisterKey } from '../../core/content/templateSchema';
import { asText } from '../../core/model/cellValues';
import { serialToIso } from '../../core/model/dates';
import { loadWorkbook, type LoadedWorkbook } from '../../core/model/loadWorkbook';
import type { RegisterRow, RegisterRows } from '../../core/model/registerRows';
import { SETTINGS_LISTS, type SettingsListKey } from '../../core/model/settingsModel';
import type { WorkbookData } from '../../core/model/workbookData';
import { sameCellValue, type CellValue, type RowCellEdit, type RowSnapshot } from '../../core/port';
import type { Issue } from '../../core/validation/issue';
import { possibleDuplicates } from '../../core/validation/possibleDuplicates';
import { checkRecord, issueColumn, requiredFields } from '../../core/validation/recordCheck';
import { columnRuleId, type ColumnProblem } from '../../core/validation/ruleCatalog';
import { fieldValue } from './formValues';
import { systemClock, todayOf, type Clock } from './paneClock';
import type { PaneWorkbook } from './paneWorkbook';
import { recordDetail, recordTitle, volunteerLabel } from './recordText';
import { generatesId, newId } from './recordIds';
import { derivedColumnFormulas } from '../../core/plan/buildWorkbookPlan';
import { tableRow } from './tableRow';

/** The registers the pane has forms for (the checklist has its own guided form). */
export const FORM_REGISTERS = ['partners', 'agreements', 'volunteers', 'hours', 'actions'] as const;
export type FormRegister = (typeof FORM_REGISTERS)[number];

/** A person or partner to choose, as the chooser shows them and the cell stores them. */
export interface Choice {
  /** What the cell gets: a volunteer's id, a partner's name. */
  value: string;
  /** "Kari Nordmann (F0001)". */
  label: string;
  /** A second line: status and activity, type and organisasjonsnummer. */
  detail: string;
  /** The record's sheet row. */
  rowNumber?: number;
  /** A volunteer's activity: what an hours entry for them most often logs. */
  activity?: string;
}

export interface FormField {
  column: ColumnDef;
  /** The choices of a list or yes/no column, as the workbook writes them. */
  options?: string[];
  /** True for an id the pane fills in when left blank. */
  generated?: boolean;
  /** A volunteer or partner chosen by name from the registers, not typed. */
  chooser?: 'volunteers' | 'partners';
}

export interface RecordForm {
  key: FormRegister;
  lang: Lang;
  /** The register's sheet; null when the workbook lacks it (add the templates first). */
  sheet: string | null;
  /** The fields in the order a coordinator fills them in: an optional id last. */
  fields: FormField[];
  /** What a blank id becomes (while no one else has taken it meanwhile), shown as the field's placeholder. */
  nextId: string | null;
  /** What a new record starts with. */
  defaults: FormInput;
  volunteers: Choice[];
  partners: Choice[];
  today: number;
}

/** What the form's fields hold, by column key: dates as YYYY-MM-DD, several volunteers one per line. */
export type FormInput = Record<string, string>;

/** A record as it was read, to edit: its row and the cells compared before writing. */
export interface RecordRef {
  key: FormRegister;
  rowNumber: number;
  snapshot: RowSnapshot;
  values: Record<string, CellValue>;
}

export type SaveResult =
  | { kind: 'saved'; how: 'appended' | 'updated'; sheet: string; titles: string[]; values: Record<string, CellValue>[]; warnings: Issue[] }
  | { kind: 'refused'; byField: Record<string, Issue[]>; other: Issue[] }
  | { kind: 'duplicate'; matches: { rowNumber: number; title: string; detail: string }[] }
  | { kind: 'noRegister' };

export interface SaveOptions {
  /** The record edited; without it a new one is added. */
  editing?: RecordRef;
  /** Save although a possible duplicate was found (the user chose "save anyway"). */
  allowDuplicate?: boolean;
}

/** Separates several volunteers in one hours entry. */
export const MANY = '\n';

/**
 * Warnings that say a typed value is malformed (a phone that is no phone number, an email address
 * that is none, text too long for its column). The workbook tolerates them in rows already there,
 * but a form does not write a value its own rules call malformed. Warnings about timing or
 * completeness (a review due soon) do not hold a record back.
 */
const MALFORMED: ColumnProblem[] = ['phoneInvalid', 'emailInvalid', 'tooLong'];

function malformedValueRules(key: RegisterKey): Set<string> {
  return new Set((sheetDef(key).columns ?? []).flatMap((c) => MALFORMED.map((p) => columnRuleId(key, c.key, p))));
}

const CHOOSERS: Partial<Record<FormRegister, Record<string, 'volunteers' | 'partners'>>> = {
  hours: { volunteerId: 'volunteers', partner: 'partners' },
  agreements: { partner: 'partners' },
  volunteers: { partner: 'partners' },
};

function listOptions(column: ColumnDef, data: WorkbookData): string[] | undefined {
  if (column.type !== 'list' && column.type !== 'yesno') return undefined;
  const list = column.list ?? 'yesNo';
  if ((SETTINGS_LISTS as readonly string[]).includes(list)) return data.settings.lists[list as SettingsListKey];
  return [];
}

export function volunteerChoices(data: WorkbookData): Choice[] {
  return data.registers.volunteers.rows
    .filter((r) => asText(r.values.id) !== '')
    .map((r) => ({
      value: asText(r.values.id),
      label: volunteerLabel(r.values),
      detail: recordDetail('volunteers', r.values, data.lang),
      rowNumber: r.rowNumber,
      activity: asText(r.values.activity),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nb'));
}

export function partnerChoices(data: WorkbookData): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const r of data.registers.partners.rows) {
    const name = asText(r.values.name);
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push({ value: name, label: name, detail: recordDetail('partners', r.values, data.lang), rowNumber: r.rowNumber });
  }
  return out.sort((a, b) => a.label.localeCompare(b.label, 'nb'));
}

/**
 * What a new record starts with: today's date, the active status, one volunteer; an agreement's
 * partner when the register has only one (an agreement is always with a registered partner).
 */
function defaultsOf(key: FormRegister, lang: Lang, today: number, partners: Choice[]): FormInput {
  const day = serialToIso(today);
  switch (key) {
    case 'volunteers':
      return { start: day, status: itemLabel('volunteerStatuses', 'active', lang) };
    case 'agreements':
      return { start: day, status: itemLabel('agreementStatuses', 'active', lang), ...(partners.length === 1 ? { partner: partners[0].value } : {}) };
    case 'hours':
      return { date: day, volunteerCount: '1' };
    case 'actions':
      return { status: itemLabel('actionStatuses', 'planned', lang) };
    default:
      return {};
  }
}

export function formOf(key: FormRegister, loaded: LoadedWorkbook, today: number, now: Date = new Date()): RecordForm {
  const data = loaded.data;
  const register = data.registers[key];
  const choosers = CHOOSERS[key] ?? {};
  const fields = (sheetDef(key).columns ?? [])
    .filter((c) => c.type !== 'formula')
    .map((column): FormField => ({
      column,
      options: choosers[column.key] ? undefined : listOptions(column, data),
      generated: column.key === 'id' && generatesId(key),
      chooser: choosers[column.key],
    }));
  // An id the pane makes goes last: most never type one.
  const ordered = [...fields.filter((f) => !f.generated), ...fields.filter((f) => f.generated)];
  const partners = partnerChoices(data);
  return {
    key,
    lang: data.lang,
    sheet: loaded.sheetNames[key] ?? null,
    fields: ordered,
    nextId: newId(register, now),
    defaults: defaultsOf(key, data.lang, today, partners),
    volunteers: volunteerChoices(data),
    partners,
    today,
  };
}

/** Fields a new record keeps for the next one of its register: a coordinator enters a day's visits, or a meeting's new volunteers, one after another. */
export const KEPT_FOR_NEXT: Partial<Record<FormRegister, string[]>> = {
  hours: ['date', 'activity', 'unit', 'partner', 'volunteerCount'],
  volunteers: ['affiliation', 'partner', 'activity', 'unit'],
};

/**
 * What a field's new value fills in elsewhere while that is still empty: an hours entry takes the
 * activity the (first) chosen volunteer is registered for, which is what most entries log.
 */
export function followingFields(form: RecordForm, input: FormInput, key: string, value: string): FormInput {
  if (form.key !== 'hours' || key !== 'volunteerId' || (input.activity ?? '') !== '') return {};
  const first = value.split(MANY)[0]?.trim().toUpperCase();
  const activity = (first && form.volunteers.find((c) => c.value.toUpperCase() === first)?.activity) || '';
  return activity === '' ? {} : { activity };
}

/**
 * The typed input as one record per volunteer (an hours entry for several), as cell values. A blank
 * id becomes the one the form showed, while no one has taken it meanwhile (co-authoring), else a
 * new one (core/model/recordIds.ts).
 */
function recordsOf(
  key: FormRegister,
  register: RegisterRows,
  input: FormInput,
  base: Record<string, CellValue> = {},
  blankId: { now: Date; shown?: string } = { now: new Date() },
): Record<string, CellValue>[] {
  const values: Record<string, CellValue> = { ...base };
  for (const column of sheetDef(key).columns ?? []) {
    if (!register.columns.has(column.key) || column.type === 'formula') continue;
    values[column.key] = fieldValue(column, input[column.key]);
  }
  if (generatesId(key) && register.columns.has('id') && values.id === null) {
    const taken = (id: string) => register.rows.some((row) => asText(row.values.id).toUpperCase() === id.toUpperCase());
    values.id = blankId.shown && !taken(blankId.shown) ? blankId.shown : newId(register, blankId.now);
  }
  if (key !== 'hours') return [values];
  const ids = (input.volunteerId ?? '')
    .split(MANY)
    .map((id) => id.trim())
    .filter(Boolean);
  return ids.length <= 1 ? [values] : ids.map((id) => ({ ...values, volunteerId: id }));
}

/** The record's values as the form shows them: dates as YYYY-MM-DD, numbers with the workbook's decimal sign. */
export function inputOf(key: FormRegister, values: Record<string, CellValue>): FormInput {
  const input: FormInput = {};
  for (const column of sheetDef(key).columns ?? []) {
    const value = values[column.key];
    if (value === null || value === undefined || value === '' || column.type === 'formula') continue;
    if (column.type === 'date' && typeof value === 'number') input[column.key] = serialToIso(Math.floor(value));
    else input[column.key] = typeof value === 'object' ? value.error : String(value);
  }
  return input;
}

export interface LiveCheck {
  /** Fields the record needs as it stands. */
  required: string[];
  /** Records it may repeat, found before saving. */
  duplicates: { rowNumber: number; title: string; detail: string }[];
}

/**
 * What the form says while it is filled in, against the workbook as read when the form was made:
 * which fields are needed now, and who may already be registered.
 */
export function liveCheck(data: WorkbookData, key: FormRegister, input: FormInput, today: number, editingRow?: number): LiveCheck {
  const [values] = recordsOf(key, data.registers[key], input);
  const required = requiredFields(data, key, values, today, editingRow);
  // An id the pane makes is never needed from the user.
  if (generatesId(key)) required.delete('id');
  const duplicates = possibleDuplicates(data, key, values, editingRow).map((d) => ({
    rowNumber: d.rowNumber,
    title: recordTitle(key, d.row.values, data),
    detail: recordDetail(key, d.row.values, data.lang),
  }));
  return { required: [...required], duplicates };
}

function byField(issues: Issue[], register: RegisterRows): { byField: Record<string, Issue[]>; other: Issue[] } {
  const fields: Record<string, Issue[]> = {};
  const other: Issue[] = [];
  for (const issue of issues) {
    const field = issueColumn(register, issue);
    if (field) (fields[field] ??= []).push(issue);
    else other.push(issue);
  }
  return { byField: fields, other };
}

/** The row as read: every register column that is not a formula, compared before a write. */
export function rowSnapshot(register: RegisterRows, row: RegisterRow): RowSnapshot {
  const cells = [...register.columns]
    .filter(([key]) => (sheetDef(register.key).columns ?? []).find((c) => c.key === key)?.type !== 'formula')
    .map(([key, column]) => ({ column, value: row.values[key] ?? null }));
  return { sheetName: register.sheetName, rowNumber: row.rowNumber, cells };
}

export class RegisterService {
  constructor(
    private readonly workbook: PaneWorkbook,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The id each register's form showed for a blank id field: the one a save then writes, while it is still free. */
  private readonly shownIds = new Map<FormRegister, string>();
  /**
   * The workbook as read for the latest form: what its live checks compare with. Kept here, beside
   * the data (in browser mode, in the worker), so a form never carries a copy of the registers.
   */
  private formRead: { loaded: LoadedWorkbook; today: number } | null = null;

  async form(key: FormRegister): Promise<RecordForm> {
    const loaded = await loadWorkbook(this.workbook);
    const today = todayOf(this.clock);
    this.formRead = { loaded, today };
    const form = formOf(key, loaded, today, this.clock());
    if (form.nextId) this.shownIds.set(key, form.nextId);
    return form;
  }

  /** The live check of a form being filled in (see liveCheck): the fields needed now, and possible duplicates. */
  async check(key: FormRegister, input: FormInput, editingRow?: number): Promise<LiveCheck> {
    const read = this.formRead ?? { loaded: await loadWorkbook(this.workbook), today: todayOf(this.clock) };
    this.formRead = read;
    return liveCheck(read.loaded.data, key, input, read.today, editingRow);
  }

  /** A new record, as before: saved unless the rules refuse it (duplicates are the rules' to report). */
  append(key: FormRegister, input: FormInput): Promise<SaveResult> {
    return this.save(key, input, { allowDuplicate: true });
  }

  async save(key: FormRegister, input: FormInput, options: SaveOptions = {}): Promise<SaveResult> {
    const loaded = await loadWorkbook(this.workbook);
    const data = loaded.data;
    const register = data.registers[key];
    if (!loaded.sheetNames[key] || register.headerRow === 0) return { kind: 'noRegister' };
    const today = todayOf(this.clock);
    const editing = options.editing;
    const records = recordsOf(key, register, input, editing?.values, { now: this.clock(), shown: this.shownIds.get(key) });
    // Whatever is written next, the live checks compare with the workbook as it will be.
    this.formRead = null;

    const malformed = malformedValueRules(key);
    for (const values of records) {
      const issues = checkRecord(data, key, values, today, editing?.rowNumber);
      const blocking = issues.filter((i) => i.severity === 'error' || malformed.has(i.rule));
      if (blocking.length > 0) return { kind: 'refused', ...byField(blocking, register) };
    }
    if (!options.allowDuplicate) {
      const matches = possibleDuplicates(data, key, records[0], editing?.rowNumber);
      if (matches.length > 0)
        return {
          kind: 'duplicate',
          matches: matches.map((d) => ({
            rowNumber: d.rowNumber,
            title: recordTitle(key, d.row.values, data),
            detail: recordDetail(key, d.row.values, data.lang),
          })),
        };
    }

    const warnings = records
      .flatMap((values) => checkRecord(data, key, values, today, editing?.rowNumber))
      .filter((i) => i.severity !== 'error' && !malformed.has(i.rule));
    const titles = records.map((values) => recordTitle(key, values, data));
    if (editing) {
      await this.workbook.updateRows([{ row: editing.snapshot, edits: changedCells(register, editing.values, records[0]) }]);
      return { kind: 'saved', how: 'updated', sheet: register.sheetName, titles, values: records, warnings };
    }
    // Derived columns get their formula written, not left to Excel's AutoCorrect (it may be off).
    const formulas = Object.fromEntries(
      Object.entries(derivedColumnFormulas(key, data.lang, data.tables)).map(([column, formula]) => [column, { formula: formula!, result: null }]),
    );
    await this.workbook.appendRows(
      data.tables[key],
      records.map((values) => tableRow(register, { ...values, ...formulas })),
    );
    // The id shown is taken now: the next form shows another.
    this.shownIds.delete(key);
    return { kind: 'saved', how: 'appended', sheet: register.sheetName, titles, values: records, warnings };
  }
}

/** The cells whose value the edit changes (formula columns never), by their column in the sheet. */
export function changedCells(register: RegisterRows, before: Record<string, CellValue>, after: Record<string, CellValue>): RowCellEdit[] {
  const edits: RowCellEdit[] = [];
  for (const [key, column] of register.columns) {
    const def = (sheetDef(register.key).columns ?? []).find((c) => c.key === key);
    if (!def || def.type === 'formula' || !(key in after)) continue;
    const now = after[key] ?? null;
    if (sameCellValue(before[key], now)) continue;
    edits.push({ column, value: now !== null && typeof now === 'object' ? null : now });
  }
  return edits;
}

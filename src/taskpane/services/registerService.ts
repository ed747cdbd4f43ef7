/**
 * The Registrer tab's work: one new record for a register, checked by the same rules as the whole
 * workbook before anything is written. The record is validated as if it were already the last
 * row (so duplicates, cross-register and privacy rules apply to it too); with an error on that
 * row nothing is written and the rules' messages go back to the form, field by field. Otherwise
 * the row is appended to the register's table in the order its columns stand in the sheet now.
 */
import { sheetDef } from '../../core/content/content';
import { loadWorkbook, type LoadedWorkbook } from '../../core/model/loadWorkbook';
import type { RegisterRow, RegisterRows } from '../../core/model/registerRows';
import { SETTINGS_LISTS, type SettingsListKey } from '../../core/model/settingsModel';
import type { ColumnDef, RegisterKey } from '../../core/content/templateSchema';
import { parseAddress } from '../../core/validation/issueCollector';
import { columnRuleId, type ColumnProblem } from '../../core/validation/ruleCatalog';
import { validateWorkbook, type Issue } from '../../core/validation/validateWorkbook';
import type { Lang } from '../../core/content/language';
import type { CellValue } from '../../core/port';
import { asText } from '../../core/model/cellValues';
import { fieldValue } from './formValues';
import { todayOf, systemClock, type Clock } from './paneClock';
import type { PaneWorkbook } from './paneWorkbook';
import { generatesId, newId } from './recordIds';
import { derivedColumnFormulas } from '../../core/plan/buildWorkbookPlan';
import { tableRow } from './tableRow';

/** The registers the pane has forms for (the checklist has its own guided form). */
export const FORM_REGISTERS = ['partners', 'agreements', 'volunteers', 'hours'] as const;
export type FormRegister = (typeof FORM_REGISTERS)[number];

export interface FormField {
  column: ColumnDef;
  /** The choices of a list or yes/no column, as the workbook writes them. */
  options?: string[];
  /** True for an id the pane fills in when left blank. */
  generated?: boolean;
}

export interface RecordForm {
  key: FormRegister;
  lang: Lang;
  /** The register's sheet; null when the workbook lacks it (add the templates first). */
  sheet: string | null;
  fields: FormField[];
  /** What a blank id becomes (while no one else has taken it meanwhile), shown as the field's placeholder. */
  nextId: string | null;
}

export type FormInput = Record<string, string>;

export type AppendResult =
  | { kind: 'appended'; sheet: string; values: Record<string, CellValue>; warnings: Issue[] }
  | { kind: 'refused'; byField: Record<string, Issue[]>; other: Issue[] }
  | { kind: 'noRegister' };

export class RegisterService {
  constructor(
    private readonly workbook: PaneWorkbook,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The id each register's form showed for a blank id field: the one a save then writes, while it is still free. */
  private readonly shownIds = new Map<FormRegister, string>();

  async form(key: FormRegister): Promise<RecordForm> {
    const loaded = await loadWorkbook(this.workbook);
    const form = formOf(key, loaded, this.clock());
    if (form.nextId) this.shownIds.set(key, form.nextId);
    return form;
  }

  async append(key: FormRegister, input: FormInput): Promise<AppendResult> {
    const loaded = await loadWorkbook(this.workbook);
    const register = loaded.data.registers[key];
    const table = loaded.data.tables[key];
    if (!loaded.sheetNames[key] || register.headerRow === 0) return { kind: 'noRegister' };

    const values = recordValues(key, register, input, this.clock(), this.shownIds.get(key));
    const row: RegisterRow = { rowNumber: lastRow(register) + 1, values };
    const withRow: RegisterRows = { ...register, rows: [...register.rows, row] };
    const issues = validateWorkbook({
      data: { ...loaded.data, registers: { ...loaded.data.registers, [key]: withRow } },
      today: todayOf(this.clock),
    }).filter((issue) => onRow(issue, register, row.rowNumber));

    const blocking = issues.filter((i) => i.severity === 'error' || malformedValueRules(key).has(i.rule));
    if (blocking.length > 0) return { kind: 'refused', ...byField(blocking, register) };

    // Derived columns get their formula written, not left to Excel's AutoCorrect (it may be off).
    const formulas = Object.entries(derivedColumnFormulas(key, loaded.data.lang, loaded.data.tables)).map(([column, formula]) => [
      column,
      { formula: formula!, result: null },
    ]);
    await this.workbook.appendRows(table, [tableRow(register, { ...values, ...Object.fromEntries(formulas) })]);
    return { kind: 'appended', sheet: register.sheetName, values, warnings: issues.filter((i) => !blocking.includes(i)) };
  }
}

/**
 * Warnings that say a typed value is malformed (a phone that is no phone number, an email address
 * that is none, text too long for its column). The workbook tolerates them in rows already there,
 * but a form does not write a value its own rules call malformed. Warnings about timing or
 * completeness (a missing consent date, a review due soon) do not hold a record back.
 */
const MALFORMED: ColumnProblem[] = ['phoneInvalid', 'emailInvalid', 'tooLong'];

function malformedValueRules(key: RegisterKey): Set<string> {
  return new Set((sheetDef(key).columns ?? []).flatMap((c) => MALFORMED.map((p) => columnRuleId(key, c.key, p))));
}

function listOptions(column: ColumnDef, loaded: LoadedWorkbook): string[] | undefined {
  if (column.type !== 'list' && column.type !== 'yesno') return undefined;
  const list = column.list ?? 'yesNo';
  if (list === 'partners') return partnerNames(loaded);
  if ((SETTINGS_LISTS as readonly string[]).includes(list)) return loaded.data.settings.lists[list as SettingsListKey];
  return [];
}

function partnerNames(loaded: LoadedWorkbook): string[] {
  const names = loaded.data.registers.partners.rows.map((r) => asText(r.values.name)).filter((n) => n !== '');
  return [...new Set(names)].sort((a, b) => a.localeCompare(b, 'nb'));
}

export function formOf(key: FormRegister, loaded: LoadedWorkbook, now: Date = new Date()): RecordForm {
  const register = loaded.data.registers[key];
  const fields = (sheetDef(key).columns ?? [])
    .filter((c) => c.type !== 'formula')
    .map((column): FormField => ({
      column,
      options: listOptions(column, loaded),
      generated: column.key === 'id' && generatesId(key),
    }));
  return {
    key,
    lang: loaded.data.lang,
    sheet: loaded.sheetNames[key] ?? null,
    fields,
    nextId: newId(register, now),
  };
}

function recordValues(key: RegisterKey, register: RegisterRows, input: FormInput, now: Date, shownId?: string): Record<string, CellValue> {
  const values: Record<string, CellValue> = {};
  for (const column of sheetDef(key).columns ?? []) {
    if (!register.columns.has(column.key)) continue;
    values[column.key] = fieldValue(column, input[column.key]);
  }
  if (generatesId(key) && register.columns.has('id') && values.id === null) {
    const taken = (id: string) => register.rows.some((row) => asText(row.values.id).toUpperCase() === id.toUpperCase());
    values.id = shownId && !taken(shownId) ? shownId : newId(register, now);
  }
  return values;
}

function lastRow(register: RegisterRows): number {
  return register.rows.reduce((last, r) => Math.max(last, r.rowNumber), register.headerRow);
}

function onRow(issue: Issue, register: RegisterRows, rowNumber: number): boolean {
  return issue.sheetKey === register.key && issue.cell !== null && parseAddress(issue.cell).row === rowNumber;
}

function byField(issues: Issue[], register: RegisterRows): { byField: Record<string, Issue[]>; other: Issue[] } {
  const keyByColumn = new Map([...register.columns].map(([k, c]) => [c, k]));
  const fields: Record<string, Issue[]> = {};
  const other: Issue[] = [];
  for (const issue of issues) {
    const field = keyByColumn.get(parseAddress(issue.cell).col);
    if (field) (fields[field] ??= []).push(issue);
    else other.push(issue);
  }
  return { byField: fields, other };
}

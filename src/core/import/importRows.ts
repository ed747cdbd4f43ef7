/**
 * Rows of a sign-up form export turned into volunteer records: values read the way the register
 * holds them (dates as serial days, list choices spelled as the workbook spells them), the same
 * person recognised when already registered or sent twice, and every row checked by the same
 * rules as the register itself. Pure: the command reads the files and writes the rows.
 *
 * What skips a row: no name; a duplicate; any error the rules find in what the row says (a date
 * that is not a date, a status not in the list, an identity number). What does not: errors that
 * are a coordinator's follow-up for any new volunteer (consent, confidentiality declaration or
 * police certificate not yet on record) and warnings. Those are reported with the row imported.
 */
import { ID_PREFIXES, newRecordIds, type RandomSource } from '../model/recordIds';
import type { CellValue } from '../port';
import { asText, normaliseLabel } from '../model/cellValues';
import { itemLabel, valueList } from '../content/content';
import { parseDateText, ymdToSerial } from '../model/dates';
import { type ColumnMapping, type ImportField } from './importMapping';
import { LANGUAGES } from '../content/language';
import type { RegisterRow, RegisterRows } from '../model/registerRows';
import { isYes } from '../model/settingsModel';
import { phoneKey } from '../validation/contactFormats';
import { parseAddress } from '../validation/issueCollector';
import { foldText, textKey } from '../validation/ruleContext';
import { validateWorkbook, type Issue, type ValidationCell } from '../validation/validateWorkbook';
import type { WorkbookData } from '../model/workbookData';
import { cellAddress } from '../model/a1';

/** Errors that every newly signed-up volunteer may have: to follow up, not a reason to refuse the row. */
export const FOLLOW_UP_RULES = new Set([
  'volunteers.consentDate.missing',
  'volunteers.confidentialityDate.missing',
  'volunteers.policeCertificate.missingForBasis',
  'volunteers.policeCertificate.missingForAgreement',
]);

export interface CsvTable {
  headers: string[];
  /** Data rows; row i is record i + 2 of the file (the header is record 1). */
  rows: string[][];
}

export type SkipReason =
  | { kind: 'empty' }
  | { kind: 'noName' }
  | { kind: 'duplicateOfVolunteer'; id: string; sheetRow: number }
  | { kind: 'duplicateInFile'; csvRow: number }
  | { kind: 'invalid'; issues: Issue[] };

export interface ImportedVolunteer {
  /** The record's number in the CSV file (header = 1). */
  csvRow: number;
  /** The sheet row it is written to. */
  sheetRow: number;
  id: string;
  values: Record<string, CellValue>;
  /** Warnings and follow-ups, addressed to the row it is written to. */
  issues: Issue[];
  /** Further choices of a multiple-choice answer that the register's single column could not take. */
  extraChoices: string[];
}

export interface SkippedRow {
  csvRow: number;
  reason: SkipReason;
}

export interface ImportPlan {
  imported: ImportedVolunteer[];
  skipped: SkippedRow[];
}

export interface ImportInput {
  data: WorkbookData;
  table: CsvTable;
  mapping: ColumnMapping;
  /** Serial day: the default start date and the day rules judge by. */
  today: number;
  /** The sheet row the first accepted volunteer goes to. */
  firstSheetRow: number;
  /** Randomness for the new ids (tests pass their own). */
  random?: RandomSource;
}

/** Values a form writes for an unanswered identity question (Microsoft Forms: "anonymous"). */
const NO_ANSWER = new Set(['', 'anonymous', 'anonym', 'anonymt']);

function answer(row: string[], mapping: ColumnMapping, field: ImportField): string {
  for (let i = 0; i < mapping.fields.length; i++) {
    if (mapping.fields[i] !== field) continue;
    const value = (row[i] ?? '').replace(/\r\n?/g, '\n').trim();
    if (!NO_ANSWER.has(value.toLowerCase())) return value;
  }
  return '';
}

/**
 * A date as forms write it: ISO (2025-03-14, with or without a time), Norwegian (14.03.2025
 * 10:22), or with slashes, read day first unless the first number cannot be a month day order
 * (3/14/2025 is read as 14 March). Returns the text itself when it is not a date, so the rules
 * report it.
 */
export function formDate(text: string): number | string | null {
  const t = text.trim();
  if (t === '') return null;
  const datePart = t.replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[AaPp][Mm])?(Z|[+-]\d{2}:?\d{2})?$/, '').trim();
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(datePart);
  if (slash && Number(slash[2]) > 12 && Number(slash[1]) <= 12) {
    const year = Number(slash[3]) + (slash[3].length === 2 ? 2000 : 0);
    return ymdToSerial(year, Number(slash[1]), Number(slash[2]));
  }
  return parseDateText(datePart) ?? t;
}

/** A label of a fixed list in any language, written as the workbook's language writes it. */
function fixedListLabel(listKey: string, typed: string, data: WorkbookData): string | null {
  const wanted = comparable(typed);
  for (const item of valueList(listKey).items) {
    if (LANGUAGES.some((l) => comparable(item.label[l]) === wanted) || comparable(item.key) === wanted) return itemLabel(listKey, item.key, data.lang);
  }
  return null;
}

/** Labels compared without case, dash style, "år"/"years" and spacing: "30–54 år" = "30-54". */
function comparable(label: string): string {
  return normaliseLabel(
    label
      .replace(/[\u2010-\u2015]/g, '-')
      .replace(/\b(år|ar|years?)\b/gi, '')
      .replace(/\s*-\s*/g, '-'),
  );
}

/** The age group of an age in whole years, from the bounds the list's labels give. */
function ageGroupOf(age: number, data: WorkbookData): string | null {
  if (!Number.isFinite(age) || age < 0 || age > 130) return null;
  for (const item of valueList('ageGroups').items) {
    const en = item.label.en;
    const range = /(\d+)\s*-\s*(\d+)/.exec(en);
    const under = /under\s*(\d+)/i.exec(en);
    const over = /(\d+)\s*(\+|or over|and over)/i.exec(en);
    const fits = range ? age >= Number(range[1]) && age <= Number(range[2]) : under ? age < Number(under[1]) : over ? age >= Number(over[1]) : false;
    if (fits) return item.label[data.lang];
  }
  return null;
}

/** One choice from the municipality's own list, as the settings spell it; the rest as extra choices. */
function choiceFromList(typed: string, labels: string[]): { value: string; extra: string[] } {
  const byKey = new Map(labels.map((l) => [foldText(l), l]));
  const whole = byKey.get(foldText(typed));
  if (whole) return { value: whole, extra: [] };
  const parts = typed
    .split(/[;\n]|,\s/)
    .map((p) => p.trim())
    .filter(Boolean);
  const known = parts.map((p) => byKey.get(foldText(p))).filter((p): p is string => !!p);
  if (known.length === 0) return { value: parts.length > 1 ? parts[0] : typed, extra: parts.slice(1) };
  return { value: known[0], extra: parts.filter((p) => foldText(p) !== foldText(known[0])) };
}

interface Candidate {
  csvRow: number;
  values: Record<string, CellValue>;
  extraChoices: string[];
}

function recordOf(row: string[], csvRow: number, input: ImportInput): Candidate | SkippedRow {
  const { data, mapping, today } = input;
  const get = (field: ImportField) => answer(row, mapping, field);
  if (row.every((v) => (v ?? '').trim() === '')) return { csvRow, reason: { kind: 'empty' } };
  const name = (get('name') || [get('firstName'), get('lastName')].filter(Boolean).join(' ')).replace(/\s+/g, ' ');
  if (name === '') return { csvRow, reason: { kind: 'noName' } };

  const submitted = formDate(get('submitted'));
  const submittedDay = typeof submitted === 'number' ? Math.floor(submitted) : today;
  const extraChoices: string[] = [];
  const editable = (field: 'activity' | 'unit' | 'training', list: 'activityTypes' | 'units' | 'trainingTypes'): string | null => {
    const typed = get(field);
    if (typed === '') return null;
    const choice = choiceFromList(typed, data.settings.lists[list]);
    extraChoices.push(...choice.extra);
    return choice.value;
  };
  const fixed = (field: ImportField, list: string): string | null => {
    const typed = get(field);
    return typed === '' ? null : (fixedListLabel(list, typed, data) ?? typed);
  };
  const date = (field: ImportField): CellValue => {
    const value = formDate(get(field));
    return typeof value === 'number' ? Math.floor(value) : value;
  };

  const partner = get('partner') || null;
  const ageText = get('ageGroup') || get('age');
  const age = /^\d{1,3}$/.test(ageText) ? ageGroupOf(Number(ageText), data) : null;
  const consent = get('consent');
  const consentDate =
    date('consentDate') ??
    (consent !== '' && (isYes(consent) || /^(ja|yes|jeg samtykker|eg samtykkjer|i consent|i agree)\b/i.test(consent)) ? submittedDay : null);
  const affiliation = fixed('affiliation', 'affiliationForms') ?? itemLabel('affiliationForms', partner ? 'organisation' : 'unorganised', data.lang);

  const values: Record<string, CellValue> = {
    name,
    phone: get('phone') || null,
    email: get('email') || null,
    ageGroup: age ?? (ageText === '' ? null : (fixedListLabel('ageGroups', ageText, data) ?? ageText)),
    affiliation,
    partner,
    activity: editable('activity', 'activityTypes'),
    unit: editable('unit', 'units'),
    start: date('start') ?? submittedDay,
    confidentialityDate: date('confidentialityDate'),
    policeCertificateDate: date('policeCertificateDate'),
    training: editable('training', 'trainingTypes'),
    consentDate,
    status: fixed('status', 'volunteerStatuses') ?? itemLabel('volunteerStatuses', 'active', data.lang),
    end: date('end'),
    notes: get('notes') || null,
  };
  return { csvRow, values, extraChoices };
}

/** The keys that make two rows the same person: name with phone, name with email (as the rules compare them). */
function personKeys(values: Record<string, CellValue>): string[] {
  const name = textKey(values.name).replace(/\s+/g, ' ');
  if (name === '') return [];
  const phone = phoneKey(asText(values.phone));
  const email = textKey(values.email);
  return [phone ? `${name}\u0000p${phone}` : '', email ? `${name}\u0000e${email}` : ''].filter(Boolean);
}

/**
 * New volunteer ids for imported rows: the same co-authoring-safe ids the add-in's forms make
 * (model/recordIds.ts), none equal to an id already in the register or to each other.
 */
export function nextVolunteerIds(register: RegisterRows, count: number, now: Date = new Date(), random?: RandomSource): string[] {
  return newRecordIds(
    ID_PREFIXES.volunteers!,
    count,
    now,
    register.rows.map((row) => asText(row.values.id)),
    random,
  );
}

function rowOf(issue: Issue): number {
  return parseAddress(issue.cell).row;
}

/** The register with the candidates appended at the given sheet rows. */
function withRows(register: RegisterRows, rows: RegisterRow[]): RegisterRows {
  return { ...register, rows: [...register.rows, ...rows] };
}

/** Cells of the new rows that could hold an identity number, for the privacy rule. */
function candidateCells(register: RegisterRows, rows: RegisterRow[]): ValidationCell[] {
  const cells: ValidationCell[] = [];
  for (const row of rows) {
    for (const [key, value] of Object.entries(row.values)) {
      const col = register.columns.get(key);
      if (col && typeof value === 'string' && /\d/.test(value))
        cells.push({ sheetKey: 'volunteers', sheet: register.sheetName, cell: cellAddress(row.rowNumber, col), value });
    }
  }
  return cells;
}

export function planImport(input: ImportInput): ImportPlan {
  const { data, table } = input;
  const register = data.registers.volunteers;
  const skipped: SkippedRow[] = [];
  const existing = new Map<string, RegisterRow>();
  for (const row of register.rows) for (const key of personKeys(row.values)) if (!existing.has(key)) existing.set(key, row);
  const inFile = new Map<string, number>();
  const candidates: Candidate[] = [];

  table.rows.forEach((row, i) => {
    const made = recordOf(row, i + 2, input);
    if ('reason' in made) {
      skipped.push(made);
      return;
    }
    const keys = personKeys(made.values);
    const known = keys.map((k) => existing.get(k)).find(Boolean);
    const earlier = keys.map((k) => inFile.get(k)).find((n) => n !== undefined);
    if (known) skipped.push({ csvRow: made.csvRow, reason: { kind: 'duplicateOfVolunteer', id: asText(known.values.id), sheetRow: known.rowNumber } });
    else if (earlier !== undefined) skipped.push({ csvRow: made.csvRow, reason: { kind: 'duplicateInFile', csvRow: earlier } });
    else {
      for (const k of keys) inFile.set(k, made.csvRow);
      candidates.push(made);
    }
  });

  // Checked where they would stand, with their ids; those refused leave no gap behind them.
  const ids = nextVolunteerIds(register, candidates.length, new Date(Math.round((input.today - 25569) * 86_400_000)), input.random);
  const trial: RegisterRow[] = candidates.map((c, i) => ({ rowNumber: input.firstSheetRow + i, values: { ...c.values, id: ids[i] } }));
  const trialRegister = withRows(register, trial);
  const issues = validateWorkbook({
    data: { ...data, registers: { ...data.registers, volunteers: trialRegister } },
    today: input.today,
    allCells: () => candidateCells(register, trial),
  });
  const first = input.firstSheetRow;
  const byRow = new Map<number, Issue[]>();
  for (const issue of issues) {
    const row = rowOf(issue);
    if (issue.sheet !== register.sheetName || row < first || row >= first + trial.length) continue;
    byRow.set(row, [...(byRow.get(row) ?? []), issue]);
  }

  const accepted: { candidate: Candidate; issues: Issue[] }[] = [];
  candidates.forEach((candidate, i) => {
    const found = byRow.get(first + i) ?? [];
    const refusing = found.filter((x) => x.severity === 'error' && !FOLLOW_UP_RULES.has(x.rule));
    if (refusing.length) skipped.push({ csvRow: candidate.csvRow, reason: { kind: 'invalid', issues: refusing } });
    else accepted.push({ candidate, issues: found });
  });

  const finalIds = accepted.map(({ candidate }) => ids[candidates.indexOf(candidate)]);
  const imported = accepted.map(({ candidate, issues: found }, i) => {
    const sheetRow = first + i;
    const trialRow = first + candidates.indexOf(candidate);
    return {
      csvRow: candidate.csvRow,
      sheetRow,
      id: finalIds[i],
      values: { ...candidate.values, id: finalIds[i] },
      issues: found.map((x) => ({ ...x, cell: x.cell ? x.cell.replace(String(trialRow), String(sheetRow)) : x.cell })),
      extraChoices: candidate.extraChoices,
    };
  });
  skipped.sort((a, b) => a.csvRow - b.csvRow);
  return { imported, skipped };
}

/**
 * Rows of a sign-up form export turned into volunteer records: values read the way the register
 * holds them (dates as serial days, list choices spelled as the workbook spells them), the same
 * person recognised when already registered or sent twice, and every row checked by the same
 * rules as the register itself. Pure: the edge reads the export and writes the rows.
 *
 * A row is skipped only for what makes it wrong: no name, a duplicate, a phone number that is
 * not one, an identity number the register must never hold. Everything a form cannot complete
 * is a follow-up on an imported row: what it did not ask gets the defaults (importDefaults), an
 * answer that does not fit its column (a date that is not a date, a choice not in a fixed list)
 * is kept in the notes column rather than lost, and whatever the rules still find missing is
 * reported with the row.
 */
import { ID_PREFIXES, newRecordIds, type RandomSource } from '../model/recordIds';
import type { CellValue } from '../port';
import { asText } from '../model/cellValues';
import { itemLabel, valueList } from '../content/content';
import type { RegisterRow, RegisterRows } from '../model/registerRows';
import { isYes } from '../model/settingsModel';
import { isNorwegianPhone, phoneKey } from '../validation/contactFormats';
import { parseAddress } from '../validation/issueCollector';
import { foldText, textKey } from '../validation/ruleContext';
import { validateWorkbook, type Issue, type ValidationCell } from '../validation/validateWorkbook';
import type { WorkbookData } from '../model/workbookData';
import { cellAddress } from '../model/a1';
import type { ExportCell, ExportTable } from './exportTable';
import { formDate } from './formDate';
import { fixedListLabel, signUpStatus, type ImportDefaults } from './importDefaults';
import type { ColumnMapping, ImportField } from './importMapping';

/** Errors the rules find that make a row wrong to import: it is skipped with them as the reason. */
export const SKIP_RULES = new Set(['privacy.fodselsnummer.found', 'volunteers.phone.invalid']);

export type SkipReason =
  | { kind: 'empty' }
  | { kind: 'noName' }
  | { kind: 'duplicateOfVolunteer'; id: string; sheetRow: number }
  | { kind: 'duplicateInFile'; row: number }
  | { kind: 'invalid'; issues: Issue[] };

/** An answer the form gave that its column cannot hold, kept in the notes column instead. */
export interface UnusableAnswer {
  field: ImportField;
  header: string;
  value: string;
}

export interface ImportedVolunteer {
  /** The row in the export, as a spreadsheet shows it (the header row is 1 in a CSV). */
  sourceRow: number;
  /** The sheet row it is written to. */
  sheetRow: number;
  id: string;
  values: Record<string, CellValue>;
  /** Warnings and follow-ups the rules report, addressed to the row it is written to. */
  issues: Issue[];
  /** Answers kept in the notes column because their own column could not take them. */
  unusable: UnusableAnswer[];
  /** Further choices of a multiple-choice answer that the register's single column could not take. */
  extraChoices: string[];
}

export interface SkippedRow {
  sourceRow: number;
  reason: SkipReason;
}

export interface ImportPlan {
  imported: ImportedVolunteer[];
  skipped: SkippedRow[];
}

export interface ImportInput {
  data: WorkbookData;
  table: ExportTable;
  mapping: ColumnMapping;
  defaults?: ImportDefaults;
  /** Serial day: the default start date and the day rules judge by. */
  today: number;
  /** The sheet row the first accepted volunteer goes to. */
  firstSheetRow: number;
  /** Randomness for the new ids (tests pass their own). */
  random?: RandomSource;
}

/** Values a form writes for an unanswered identity question (Microsoft Forms: "anonymous"). */
const NO_ANSWER = new Set(['', 'anonymous', 'anonym', 'anonymt']);

/** An answer as text: numbers as written, yes/no as the workbook writes them, line ends as LF. */
function cellText(cell: ExportCell, data: WorkbookData): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return itemLabel('yesNo', cell ? 'yes' : 'no', data.lang);
  if (typeof cell === 'number') return String(cell);
  return cell.replace(/\r\n?/g, '\n').trim();
}

/** The first column mapped to the field that has an answer in this row, with its header. */
function answerCell(
  row: ExportCell[],
  mapping: ColumnMapping,
  field: ImportField,
  data: WorkbookData,
): { cell: ExportCell; text: string; column: number } | null {
  for (let i = 0; i < mapping.fields.length; i++) {
    if (mapping.fields[i] !== field) continue;
    const text = cellText(row[i] ?? null, data);
    if (!NO_ANSWER.has(text.toLowerCase())) return { cell: row[i] ?? null, text, column: i };
  }
  return null;
}

/** A phone as a form gives it, separators between digits dropped; a number cell that lost its "+" gets it back. */
function phoneText(cell: ExportCell, text: string): string {
  if (typeof cell === 'number') return text.length === 10 && text.startsWith('47') ? `+${text}` : text;
  const tidied = text.replace(/(?<=\d)[-.](?=\d)/g, '').replace(/^\((\+?47)\)\s*/, '$1 ');
  return isNorwegianPhone(tidied) ? tidied : text;
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
  sourceRow: number;
  values: Record<string, CellValue>;
  unusable: UnusableAnswer[];
  extraChoices: string[];
}

const isConsent = (text: string) => isYes(text) || /^(ja|yes|jeg samtykker|eg samtykkjer|i consent|i agree)\b/i.test(text);

/** The row's answers as register values, with the defaults for what it did not answer. */
function recordOf(row: ExportCell[], sourceRow: number, input: ImportInput): Candidate | SkippedRow {
  const { data, mapping, today, table } = input;
  const defaults = input.defaults ?? {};
  const unusable: UnusableAnswer[] = [];
  const extraChoices: string[] = [];
  const found = (field: ImportField) => answerCell(row, mapping, field, data);
  const get = (field: ImportField) => found(field)?.text ?? '';
  const keep = (field: ImportField) => {
    const a = found(field)!;
    unusable.push({ field, header: table.headers[a.column] ?? '', value: a.text });
    return null;
  };
  if (row.every((v) => cellText(v, data) === '')) return { sourceRow, reason: { kind: 'empty' } };
  const name = (get('name') || [get('firstName'), get('lastName')].filter(Boolean).join(' ')).replace(/\s+/g, ' ');
  if (name === '') return { sourceRow, reason: { kind: 'noName' } };

  const date = (field: ImportField): number | null => {
    const a = found(field);
    if (!a) return null;
    const value = typeof a.cell === 'number' ? a.cell : formDate(a.text);
    return typeof value === 'number' ? Math.floor(value) : keep(field);
  };
  const editable = (field: 'activity' | 'unit' | 'training', list: 'activityTypes' | 'units' | 'trainingTypes'): string | null => {
    const typed = get(field);
    if (typed === '') return null;
    const choice = choiceFromList(typed, data.settings.lists[list]);
    extraChoices.push(...choice.extra);
    return choice.value;
  };
  const fixed = (field: ImportField, list: string): string | null => {
    const typed = get(field);
    return typed === '' ? null : (fixedListLabel(list, typed, data) ?? keep(field));
  };

  const submitted = date('submitted');
  const submittedDay = submitted ?? today;
  const partner = get('partner') || (defaults.partner as string | undefined) || null;
  const ageField: ImportField = found('ageGroup') ? 'ageGroup' : 'age';
  const ageText = get(ageField);
  const byAge = /^\d{1,3}$/.test(ageText) ? ageGroupOf(Number(ageText), data) : null;
  const ageGroup = ageText === '' ? null : (byAge ?? fixedListLabel('ageGroups', ageText, data) ?? keep(ageField));
  const consent = get('consent');
  const consentDate = date('consentDate') ?? (consent !== '' && isConsent(consent) ? submittedDay : null);
  const phoneAnswer = found('phone');

  const values: Record<string, CellValue> = {
    name,
    phone: phoneAnswer ? phoneText(phoneAnswer.cell, phoneAnswer.text) : null,
    email: get('email') || null,
    ageGroup,
    affiliation:
      fixed('affiliation', 'affiliationForms') ?? defaults.affiliation ?? itemLabel('affiliationForms', partner ? 'organisation' : 'unorganised', data.lang),
    partner,
    activity: editable('activity', 'activityTypes') ?? defaults.activity ?? null,
    unit: editable('unit', 'units') ?? defaults.unit ?? null,
    start: date('start') ?? defaults.start ?? submittedDay,
    confidentialityDate: date('confidentialityDate') ?? defaults.confidentialityDate ?? null,
    policeCertificateDate: date('policeCertificateDate') ?? defaults.policeCertificateDate ?? null,
    training: editable('training', 'trainingTypes') ?? defaults.training ?? null,
    consentDate: consentDate ?? defaults.consentDate ?? null,
    status: fixed('status', 'volunteerStatuses') ?? defaults.status ?? signUpStatus(data),
    end: date('end'),
    notes: notesWith(get('notes'), unusable),
  };
  return { sourceRow, values, unusable, extraChoices };
}

/** The form's own notes, then each answer its column could not hold, as "Question: answer". */
function notesWith(notes: string, unusable: UnusableAnswer[]): string | null {
  const lines = [notes, ...unusable.map((u) => `${u.header}: ${u.value}`)].filter(Boolean);
  return lines.length ? lines.join('\n') : null;
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

/** Rows of the export that are not empty, nameless or someone already known, in order. */
function candidatesOf(input: ImportInput, skipped: SkippedRow[]): Candidate[] {
  const register = input.data.registers.volunteers;
  const existing = new Map<string, RegisterRow>();
  for (const row of register.rows) for (const key of personKeys(row.values)) if (!existing.has(key)) existing.set(key, row);
  const inFile = new Map<string, number>();
  const candidates: Candidate[] = [];
  input.table.rows.forEach((row, i) => {
    const made = recordOf(row, input.table.rowNumbers[i] ?? i + 2, input);
    if ('reason' in made) {
      skipped.push(made);
      return;
    }
    const keys = personKeys(made.values);
    const known = keys.map((k) => existing.get(k)).find(Boolean);
    const earlier = keys.map((k) => inFile.get(k)).find((n) => n !== undefined);
    if (known) skipped.push({ sourceRow: made.sourceRow, reason: { kind: 'duplicateOfVolunteer', id: asText(known.values.id), sheetRow: known.rowNumber } });
    else if (earlier !== undefined) skipped.push({ sourceRow: made.sourceRow, reason: { kind: 'duplicateInFile', row: earlier } });
    else {
      for (const k of keys) inFile.set(k, made.sourceRow);
      candidates.push(made);
    }
  });
  return candidates;
}

/** The rules' issues for each candidate, checked where it would stand in the register with its id. */
function issuesByCandidate(input: ImportInput, candidates: Candidate[], ids: string[]): Issue[][] {
  const { data, firstSheetRow: first } = input;
  const register = data.registers.volunteers;
  const trial: RegisterRow[] = candidates.map((c, i) => ({ rowNumber: first + i, values: { ...c.values, id: ids[i] } }));
  const issues = validateWorkbook({
    data: { ...data, registers: { ...data.registers, volunteers: { ...register, rows: [...register.rows, ...trial] } } },
    today: input.today,
    allCells: () => candidateCells(register, trial),
  });
  const byCandidate: Issue[][] = candidates.map(() => []);
  for (const issue of issues) {
    if (issue.sheet !== register.sheetName || !issue.cell) continue;
    const at = parseAddress(issue.cell).row - first;
    if (at >= 0 && at < candidates.length) byCandidate[at].push(issue);
  }
  return byCandidate;
}

export function planImport(input: ImportInput): ImportPlan {
  const skipped: SkippedRow[] = [];
  const candidates = candidatesOf(input, skipped);
  // Each candidate is checked with the id it will keep; the import's day stands for "now" in the ids.
  const ids = nextVolunteerIds(input.data.registers.volunteers, candidates.length, new Date(Math.round((input.today - 25569) * 86_400_000)), input.random);
  const found = issuesByCandidate(input, candidates, ids);
  const accepted: { candidate: Candidate; issues: Issue[]; trialRow: number; id: string }[] = [];
  candidates.forEach((candidate, i) => {
    const refusing = found[i].filter((x) => SKIP_RULES.has(x.rule));
    if (refusing.length) skipped.push({ sourceRow: candidate.sourceRow, reason: { kind: 'invalid', issues: refusing } });
    else accepted.push({ candidate, issues: found[i], trialRow: input.firstSheetRow + i, id: ids[i] });
  });

  // Rows refused leave no gap: the accepted ones take the sheet rows in order.
  const imported = accepted.map(({ candidate, issues, trialRow, id }, i) => {
    const sheetRow = input.firstSheetRow + i;
    return {
      sourceRow: candidate.sourceRow,
      sheetRow,
      id,
      values: { ...candidate.values, id },
      issues: issues.map((x) => ({ ...x, cell: x.cell ? x.cell.replace(String(trialRow), String(sheetRow)) : x.cell })),
      unusable: candidate.unusable,
      extraChoices: candidate.extraChoices,
    };
  });
  skipped.sort((a, b) => a.sourceRow - b.sourceRow);
  return { imported, skipped };
}

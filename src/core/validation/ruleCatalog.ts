/**
 * Every rule validation can report: its stable id, severity, the sheet it concerns, what it
 * checks and why it matters. The generated rule list in docs/rules.md and the message file
 * templates/ui/rules.json are both checked against this catalogue, so none of them can drift.
 *
 * Rules on single columns (required, type, list, length, format) follow from the column
 * definitions in templates/sheets.json; the other rules are written out below.
 */
import { sheetDef, valueList } from '../content/content';
import { REGISTER_KEYS, type ColumnDef, type RegisterKey, type SheetKey } from '../content/templateSchema';
import type { Severity } from './issue';
import type { RuleMessageKey } from './messages';

export interface RuleDef {
  id: string;
  severity: Severity;
  /** The sheet the rule looks at; null when it looks at every sheet or at the workbook as a whole. */
  sheetKey: SheetKey | null;
  /** Key of the message in templates/ui/rules.json. */
  message: RuleMessageKey;
  checks: string;
  why: string;
}

/** The kinds of single-column problems, each with one message shared by every column it applies to. */
export const COLUMN_PROBLEMS = {
  required: { severity: 'error', checks: 'The cell is blank but the column is required.', why: 'Rows without it cannot be counted, linked or followed up.' },
  dateAsText: {
    severity: 'error',
    checks: 'A date column holds text that reads as a date (e.g. "31.12.2025" typed as text).',
    why: 'Excel formulas, filters and the summary see text, not a date, so the row drops out of every date figure.',
  },
  notDate: {
    severity: 'error',
    checks: 'A date column holds something that is not a date.',
    why: 'The row drops out of every date figure and deadline check.',
  },
  dateOutOfRange: {
    severity: 'error',
    checks: 'A date before 1990 or after 2100.',
    why: 'Almost always a typing mistake (a number typed into a date cell) that distorts date figures.',
  },
  notNumber: {
    severity: 'error',
    checks: 'A number column holds text or a yes/no value, even text that looks like a number.',
    why: 'Sums and counts in Excel skip text, so the figures come out too low.',
  },
  notWhole: { severity: 'error', checks: 'A whole-number column holds a fraction.', why: 'Counts of people cannot be fractions; the figure is wrong.' },
  belowMin: { severity: 'error', checks: 'A number below the smallest value the column allows.', why: 'Negative amounts and counts distort the totals.' },
  aboveMax: { severity: 'error', checks: 'A number above the largest value the column allows.', why: 'Usually a typing mistake that distorts the totals.' },
  notInFixedList: {
    severity: 'error',
    checks: 'A value that is not one of the fixed choices (status, yes/no, rating and similar), compared without regard to case.',
    why: 'The summary counts rows by these exact choices; any other value is not counted.',
  },
  notInEditableList: {
    severity: 'warning',
    checks: "A value that is not in the municipality's own list on the settings sheet, compared without regard to case.",
    why: 'Figures by unit or activity leave it out; add it to the list or correct the spelling.',
  },
  surroundingSpaces: {
    severity: 'warning',
    checks: 'A choice with a space before or after it (e.g. "Active " for "Active"), which the list otherwise accepts.',
    why: "Excel's COUNTIFS and the summary compare the exact text: the row is not counted under the choice it seems to hold.",
  },
  notInCatalogue: {
    severity: 'warning',
    checks: 'A partner that is not in the partner catalogue, compared without regard to case.',
    why: 'Agreements, volunteers and hours are tied to partners by name; a partner outside the catalogue breaks that link.',
  },
  tooLong: { severity: 'warning', checks: 'Text longer than the column allows.', why: 'Long texts are cut off in the printed agreement and the forms.' },
  emailInvalid: { severity: 'warning', checks: 'An email address that is not of the form name@domain.tld.', why: 'The coordinator cannot reach the person.' },
  phoneInvalid: {
    severity: 'warning',
    checks: 'A phone number that is not eight digits, optionally after +47 or 0047 (spaces allowed).',
    why: 'The coordinator cannot reach the person.',
  },
  orgNumberFormat: {
    severity: 'error',
    checks: 'An organisasjonsnummer that is not nine digits.',
    why: 'It cannot identify the organisation in the Central Coordinating Register (Enhetsregisteret).',
  },
  orgNumberCheckDigit: {
    severity: 'error',
    checks: 'An organisasjonsnummer whose mod-11 check digit (weights 3,2,7,6,5,4,3,2) is wrong.',
    why: 'A mistyped number points to no organisation, or to the wrong one.',
  },
} as const satisfies Record<string, { severity: Severity; checks: string; why: string }>;
export type ColumnProblem = keyof typeof COLUMN_PROBLEMS;

/** Problems that a dedicated rule reports instead, so one mistake is not reported twice. */
const HANDLED_ELSEWHERE = new Set(['hours.hours.belowMin']);

export function columnRuleId(register: RegisterKey, columnKey: string, problem: ColumnProblem): string {
  const suffix: Partial<Record<ColumnProblem, string>> = {
    notInFixedList: 'notInList',
    notInEditableList: 'notInList',
    emailInvalid: 'invalid',
    phoneInvalid: 'invalid',
    orgNumberFormat: 'invalid',
    orgNumberCheckDigit: 'checkDigit',
    surroundingSpaces: 'spaces',
  };
  return `${register}.${columnKey}.${suffix[problem] ?? problem}`;
}

/** The list problem a list column can have: fixed choice, the municipality's own list, or the partner catalogue. */
export function listProblem(column: ColumnDef): ColumnProblem {
  if (column.list === 'partners') return 'notInCatalogue';
  return valueList(column.list!).editable ? 'notInEditableList' : 'notInFixedList';
}

/** The single-column problems that apply to a column, in the order they are checked. */
export function columnProblems(register: RegisterKey, column: ColumnDef): ColumnProblem[] {
  const problems: ColumnProblem[] = [];
  if (column.type === 'formula') return problems;
  if (column.required) problems.push('required');
  switch (column.type) {
    case 'date':
      problems.push('dateAsText', 'notDate', 'dateOutOfRange');
      break;
    case 'number':
    case 'integer':
      problems.push('notNumber');
      if (column.type === 'integer') problems.push('notWhole');
      if (column.min !== undefined) problems.push('belowMin');
      if (column.max !== undefined) problems.push('aboveMax');
      break;
    case 'list':
    case 'yesno':
      problems.push(listProblem(column), 'surroundingSpaces');
      break;
    case 'email':
      problems.push('emailInvalid');
      break;
    case 'phone':
      problems.push('phoneInvalid');
      break;
    case 'orgnr':
      problems.push('orgNumberFormat', 'orgNumberCheckDigit');
      break;
    case 'text':
      if (column.maxLength !== undefined) problems.push('tooLong');
      break;
  }
  return problems.filter((p) => !HANDLED_ELSEWHERE.has(columnRuleId(register, column.key, p)));
}

function columnRules(): RuleDef[] {
  const rules: RuleDef[] = [];
  for (const register of REGISTER_KEYS) {
    for (const column of sheetDef(register).columns ?? []) {
      for (const problem of columnProblems(register, column)) {
        const p = COLUMN_PROBLEMS[problem];
        rules.push({
          id: columnRuleId(register, column.key, problem),
          severity: p.severity,
          sheetKey: register,
          message: `column.${problem}`,
          checks: `${column.label.en}: ${p.checks}`,
          why: p.why,
        });
      }
    }
  }
  return rules;
}

type Written = Omit<RuleDef, 'id' | 'message'> & { id: RuleMessageKey };
const rule = (id: RuleMessageKey, severity: Severity, sheetKey: SheetKey | null, checks: string, why: string): Written => ({
  id,
  severity,
  sheetKey,
  checks,
  why,
});

/** Rules across rows and registers; each one's message key is its id, so a rule without a message does not compile. */
const WRITTEN_RULES: Written[] = [
  rule(
    'partners.name.duplicate',
    'warning',
    'partners',
    'Two partners with the same name (case and spacing ignored).',
    'Agreements, volunteers and hours choose a partner by name; with two, figures split and links become ambiguous.',
  ),
  rule(
    'partners.orgNumber.duplicate',
    'warning',
    'partners',
    'Two partners with the same organisasjonsnummer.',
    'One organisation registered twice splits its agreements and figures.',
  ),

  rule(
    'agreements.id.duplicate',
    'error',
    'agreements',
    'Two agreements with the same agreement id.',
    'The printable agreement and references pick an agreement by id; a duplicate makes them pick the wrong one.',
  ),
  rule(
    'agreements.end.beforeStart',
    'error',
    'agreements',
    'The end date is before the start date.',
    'The agreement can never be in force; one of the dates is wrong.',
  ),
  rule(
    'agreements.end.passed',
    'warning',
    'agreements',
    'An active agreement whose end date has passed (before --today).',
    'The summary no longer counts it as active; renew it or set its status to ended.',
  ),
  rule(
    'agreements.status.activeBeforeStart',
    'warning',
    'agreements',
    'An active agreement whose start date is still ahead (after --today).',
    'The summary does not count it as active, nor its grant, until it starts; set the status to draft until then, or correct the start date.',
  ),
  rule(
    'agreements.end.soon',
    'warning',
    'agreements',
    'An active agreement that ends within the expiry warning window (settings: expiry warning days).',
    'Renewal needs time: a decision, a new signature, perhaps a new grant.',
  ),
  rule(
    'agreements.nextReview.overdue',
    'warning',
    'agreements',
    'An active agreement whose next review date has passed.',
    'Agreements should be reviewed regularly so that they match what is actually done.',
  ),
  rule(
    'agreements.nextReview.soon',
    'warning',
    'agreements',
    'An active agreement due for review within the review warning window (settings: review warning days).',
    'The review meeting has to be planned with the partner.',
  ),
  rule(
    'agreements.nextReview.missing',
    'info',
    'agreements',
    'An active agreement without a next review date.',
    'Without a date the review is easily forgotten.',
  ),
  rule(
    'agreements.signedDate.missing',
    'warning',
    'agreements',
    'An active agreement whose form of cooperation is signed (a written agreement or a partnership; blank counts as signed) without a signed date. Cooperation through a committee, regular meetings or informal contact has nothing to sign.',
    'An agreement in force should be signed by both parties.',
  ),
  rule(
    'agreements.requirements.confidentiality',
    'error',
    'agreements',
    'An active agreement requires a confidentiality declaration, but active volunteers linked to it (same partner, and the same unit when both have one) have no declaration date.',
    'Volunteers in care services meet confidential information; the agreement makes the declaration a condition.',
  ),
  rule(
    'agreements.requirements.policeCertificate',
    'error',
    'agreements',
    'An active agreement requires a police certificate, but active volunteers linked to it (same partner, and the same unit when both have one) have no date it was shown.',
    'The agreement makes a police certificate a condition for working with the service users.',
  ),

  rule(
    'agreements.policeBasis.missing',
    'warning',
    'agreements',
    'An active agreement that requires a police certificate without naming its legal basis.',
    'A certificate may only be required where an act or regulation allows it (templates/legal.json prl-chapter-7); the basis also tells who must ask for it.',
  ),
  rule(
    'agreements.paymentKind.missing',
    'warning',
    'agreements',
    'An active agreement with a payment per activity that does not say whether it is a grant or a purchase.',
    'A fixed payment per activity may be a purchase under the procurement rules rather than a grant (templates/legal.json grant-or-purchase).',
  ),

  rule(
    'volunteers.id.duplicate',
    'error',
    'volunteers',
    'Two volunteers with the same id (case ignored).',
    'Hours are logged by volunteer id; with two, hours go to the wrong person.',
  ),
  rule(
    'volunteers.name.duplicate',
    'warning',
    'volunteers',
    'Two volunteers with the same name and the same phone number or email.',
    'Probably the same person registered twice; figures count them twice.',
  ),
  rule(
    'volunteers.consentDate.missing',
    'error',
    'volunteers',
    'An active volunteer on assignment (informal helpers are not asked) without a consent date, when the settings give consent as the legal basis of the register.',
    'Personal data is kept on the basis of consent (GDPR); the date documents it.',
  ),
  rule(
    'volunteers.confidentialityDate.missing',
    'error',
    'volunteers',
    'An active volunteer on assignment (informal helpers are not asked) without a confidentiality declaration date.',
    'Volunteers in care services meet confidential information and must have signed a declaration.',
  ),
  rule(
    'volunteers.policeCertificate.missingForBasis',
    'error',
    'volunteers',
    "An active volunteer on assignment (informal helpers are not asked) whose own assignment has a legal basis for a police certificate (the volunteer's basis column: Health and Care Services Act § 5-4, Police Databases Act § 39 or another basis) has no date it was shown.",
    'Under the Health and Care Services Act § 5-4 the municipality must require the certificate before the assignment starts (templates/legal.json hol-5-4).',
  ),
  rule(
    'volunteers.policeBasis.suggested',
    'warning',
    'volunteers',
    'An active volunteer whose activity is marked on the settings sheet as suggesting a police certificate, with no basis chosen for the assignment and no active agreement of the partner requiring one.',
    "The law decides per assignment, not per activity: choose the basis (or none, for an organisation's own activity) so the requirement is clear (templates/legal.json hol-5-4-volunteers).",
  ),
  rule(
    'volunteers.policeCertificate.tooOld',
    'warning',
    'volunteers',
    'The police certificate was issued more than three months before the date it was shown.',
    "The Police's guidance says a certificate must not be more than three months old when shown (templates/legal.json police-certificate-age).",
  ),
  rule(
    'volunteers.policeCertificate.shownByMissing',
    'info',
    'volunteers',
    'A police certificate is recorded as shown, but not to whom.',
    'The record of a certificate is that it was shown, when, to whom and on what basis; the certificate itself is never kept.',
  ),
  rule(
    'volunteers.policeCertificate.missingForAgreement',
    'error',
    'volunteers',
    "An active volunteer on assignment (informal helpers are not asked) with no basis of their own whose partner has an agreement active on --today (marked active, started and not ended: the summary's rule) requiring a police certificate (its basis, or the older yes/no column) has no date it was shown.",
    'The agreement makes the police certificate a condition.',
  ),
  rule(
    'volunteers.retention.expired',
    'error',
    'volunteers',
    'An ended (or marked active past the end date) or paused volunteer whose last activity — the end date or the last logged hours, whichever is later — is more than the retention period ago (settings: retention months); the same rule as the summary\'s "due for deletion".',
    'Personal data must not be kept longer than needed (GDPR); delete or anonymise the row.',
  ),
  rule(
    'volunteers.end.beforeStart',
    'error',
    'volunteers',
    'The end date is before the start date.',
    'One of the dates is wrong, and hours cannot be checked against them.',
  ),
  rule(
    'volunteers.end.missing',
    'warning',
    'volunteers',
    'A volunteer with status ended but no end date.',
    'Without an end date the retention period cannot be tracked.',
  ),
  rule(
    'volunteers.status.activeAfterEnd',
    'warning',
    'volunteers',
    'An active volunteer whose end date has passed.',
    'The summary counts the volunteer as ended, not active; set the status to ended or remove the end date.',
  ),
  rule(
    'volunteers.status.activeBeforeStart',
    'warning',
    'volunteers',
    'An active volunteer whose start date is still ahead (after --today).',
    'The summary does not count the volunteer as active until the start date; correct the date or the status.',
  ),

  rule(
    'hours.volunteerId.unknown',
    'error',
    'hours',
    'A volunteer id that is not in the volunteer register (case ignored).',
    "The hours count for nobody: the volunteer's totals and core-volunteer status are wrong.",
  ),
  rule('hours.date.future', 'error', 'hours', 'A date after today (--today).', 'Hours not yet given inflate the figures.'),
  rule('hours.date.beforeStart', 'warning', 'hours', "A date before the volunteer's start date.", 'Either the date or the start date is wrong.'),
  rule('hours.date.afterEnd', 'warning', 'hours', "A date after the volunteer's end date.", 'Either the date or the end date is wrong.'),
  rule('hours.hours.notPositive', 'error', 'hours', 'Hours that are zero or negative.', 'Such a row adds nothing or subtracts from the totals.'),
  rule(
    'hours.hours.over24',
    'error',
    'hours',
    'More than 24 hours for one volunteer on one day, summed over all rows (every such row is reported).',
    'A day has 24 hours; a row is duplicated or mistyped.',
  ),

  rule(
    'checklist.statementId.duplicate',
    'warning',
    'checklist',
    'The same statement twice in one evaluation round (same round date and scope).',
    'A round pasted or entered twice counts its ratings twice in the evaluation result.',
  ),
  rule(
    'checklist.rating.missing',
    'info',
    'checklist',
    'An evaluation round (date and scope) with statements not yet rated: one item per round, at its first unrated statement, saying how many are rated. (Until issue 14 this was a warning per unrated cell.)',
    'The evaluation result counts only rated statements; a round is rated over time, so what is left is work to do, not a fault.',
  ),
  rule(
    'checklist.instrument.missing',
    'warning',
    'checklist',
    'A barrier rated present (agree or partly) without an instrument, beside the rating or in the action plan (same round and statement).',
    'A barrier that is present needs a measure against it.',
  ),
  rule(
    'checklist.responsible.missing',
    'warning',
    'checklist',
    'A barrier rated present (agree or partly) without a responsible person, beside the rating or in the action plan.',
    'A measure nobody owns is not carried out.',
  ),
  rule(
    'checklist.deadline.missing',
    'warning',
    'checklist',
    'A barrier rated present (agree or partly) without a deadline, beside the rating or in the action plan.',
    'A measure without a deadline is not followed up.',
  ),

  rule(
    'actions.deadline.overdue',
    'warning',
    'actions',
    'An action still planned or in progress whose deadline has passed.',
    'Measures against barriers work only if they are carried out; an overdue one needs a decision: finish, move or drop it.',
  ),

  rule(
    'privacy.fodselsnummer.found',
    'error',
    null,
    'A fødselsnummer or D-number (11 digits, optionally with a space after the sixth, a valid date and both mod-11 check digits) in any cell of any sheet, notes included.',
    'Samspill must not hold national identity numbers: they are not needed for the work and are sensitive to leak.',
  ),

  rule(
    'structure.sheet.missing',
    'error',
    null,
    'A template sheet the workbook should have by its version is missing (one a later version added is left to structure.schema.older).',
    'Figures and forms that use it fail.',
  ),
  rule(
    'structure.header.notFound',
    'error',
    null,
    "A register sheet whose header row (the table's column names) cannot be found.",
    'Without the header no row of the register can be read or checked.',
  ),
  rule(
    'structure.column.missing',
    'error',
    null,
    'A required or calculated column of a register is missing.',
    'Rows cannot be complete, and figures built on the column fail.',
  ),
  rule(
    'structure.column.optionalMissing',
    'info',
    null,
    'An optional column of a register is missing.',
    'What it records cannot be entered, and figures built on it stay empty.',
  ),
  rule(
    'structure.schema.missing',
    'warning',
    '_meta',
    'The workbook records no schema version.',
    'Samspill cannot tell which template version the workbook has.',
  ),
  rule(
    'structure.schema.older',
    'warning',
    '_meta',
    'The workbook was made with an older template version.',
    'Newer columns and checks may be missing; upgrade the templates.',
  ),
  rule('structure.schema.newer', 'error', '_meta', 'The workbook was made by a newer version of Samspill.', 'This version may misread it; update Samspill.'),
];

let catalogue: RuleDef[] | undefined;
let byId: Map<string, RuleDef> | undefined;

/** All rules, column rules first (register by register), then the written rules. */
export function ruleCatalog(): RuleDef[] {
  catalogue ??= [...columnRules(), ...WRITTEN_RULES.map((r) => ({ ...r, message: r.id }))];
  return catalogue;
}

export function ruleDef(id: string): RuleDef {
  byId ??= new Map(ruleCatalog().map((r) => [r.id, r]));
  const def = byId.get(id);
  if (!def) throw new RangeError(`no validation rule ${id}`);
  return def;
}

/**
 * Rules on single cells, driven by the column definitions in templates/sheets.json: required,
 * type (date, number, whole number), list membership, length and format. Formula columns are the
 * program's, never the user's input, and are not checked here.
 */
import type { CellValue } from '../port';
import { sheetDef, valueList } from '../content/content';
import { parseDateText } from '../model/dates';
import { DATE_MAX, DATE_MIN } from '../plan/columnValidation';
import type { RegisterRow, RegisterRows } from '../model/registerRows';
import { REGISTER_KEYS, type ColumnDef } from '../content/templateSchema';
import { isEmail, isNorwegianPhone } from './contactFormats';
import { formatNumber } from './messages';
import { orgNumberProblem } from './norwegianIds';
import { columnProblems, columnRuleId, listProblem, type ColumnProblem } from './ruleCatalog';
import { foldText, textKey, type RuleContext } from './ruleContext';

type CellCheck = (row: RegisterRow, value: CellValue) => void;

/** The values a list column accepts, as textKey compares them. */
function allowedValues(ctx: RuleContext, column: ColumnDef): Set<string> {
  const { data, lang } = ctx;
  if (column.list === 'partners') return new Set(data.registers.partners.rows.map((r) => textKey(r.values.name)).filter((k) => k !== ''));
  const list = valueList(column.list!);
  // The municipality's own lists are what its settings sheet says; fixed lists are what the
  // templates wrote in the workbook's language.
  const labels = list.editable ? (data.settings.lists[list.key as keyof typeof data.settings.lists] ?? []) : list.items.map((i) => i.label[lang]);
  return new Set(labels.map(foldText));
}

/**
 * Membership in a list, remembered per value as typed: a register repeats the same few units and
 * activities on many rows, and one lookup is cheaper than folding the text and looking again.
 * The memory is bounded so that free text cannot grow it without end.
 */
function memberOf(allowed: Set<string>, limit = 50_000): (value: CellValue) => boolean {
  const verdicts = new Map<string | number | boolean, boolean>();
  return (value) => {
    if (value === null || typeof value === 'object') return allowed.has(textKey(value));
    let verdict = verdicts.get(value);
    if (verdict === undefined) {
      verdict = allowed.has(textKey(value));
      if (verdicts.size < limit) verdicts.set(value, verdict);
    }
    return verdict;
  };
}

/** A cell's value as the user sees it, for quoting in a message. */
function shown(value: CellValue): string {
  if (typeof value === 'object' && value !== null) return value.error;
  return String(value).trim();
}

/** A phone typed into a number cell loses its "+": 4791234567 is read as +47 91234567. */
function phoneText(value: CellValue): string {
  if (typeof value === 'number') {
    const digits = String(value);
    return digits.length === 10 && digits.startsWith('47') ? `+${digits}` : digits;
  }
  return shown(value);
}

function typeCheck(ctx: RuleContext, register: RegisterRows, column: ColumnDef, problems: Set<ColumnProblem>): CellCheck | null {
  const report = (problem: ColumnProblem, row: RegisterRow, values: Record<string, string | number> = {}) =>
    ctx.issues.atCell(columnRuleId(register.key, column.key, problem), register, row.rowNumber, column.key, values);
  const lang = ctx.lang;
  const maxLength = column.maxLength ?? Infinity;
  switch (column.type) {
    case 'date':
      return (row, value) => {
        if (typeof value === 'number') {
          if (!(value >= DATE_MIN && value <= DATE_MAX + 1)) report('dateOutOfRange', row);
        } else if (typeof value === 'string' && parseDateText(value) !== null) report('dateAsText', row, { value: shown(value) });
        else report('notDate', row, { value: shown(value) });
      };
    case 'number':
    case 'integer': {
      // Bounds a rule does not check are infinite, so the row loop asks no questions of the column.
      const whole = problems.has('notWhole');
      const min = problems.has('belowMin') ? column.min! : -Infinity;
      const max = problems.has('aboveMax') ? column.max! : Infinity;
      return (row, value) => {
        if (typeof value !== 'number' || !Number.isFinite(value)) return report('notNumber', row, { value: shown(value) });
        if (whole && !Number.isInteger(value)) return report('notWhole', row, { value: formatNumber(value, lang) });
        if (value < min) return report('belowMin', row, { value: formatNumber(value, lang), min: formatNumber(min, lang) });
        if (value > max) report('aboveMax', row, { value: formatNumber(value, lang), max: formatNumber(max, lang) });
      };
    }
    case 'list':
    case 'yesno': {
      const allowed = allowedValues(ctx, column);
      const problem = listProblem(column);
      const list = column.list === 'partners' ? undefined : valueList(column.list!);
      const isAllowed = memberOf(allowed);
      const spaces = problems.has('surroundingSpaces');
      return (row, value) => {
        if (!isAllowed(value)) report(problem, row, { value: shown(value), list: list?.title[lang] ?? '' });
        // Accepted as the choice, but COUNTIFS and the summary compare the exact text.
        else if (spaces && typeof value === 'string' && value !== value.trim()) report('surroundingSpaces', row, { value, choice: value.trim() });
      };
    }
    case 'email':
      return (row, value) => {
        if (!isEmail(shown(value))) report('emailInvalid', row, { value: shown(value) });
      };
    case 'phone':
      return (row, value) => {
        if (!isNorwegianPhone(phoneText(value))) report('phoneInvalid', row, { value: shown(value) });
      };
    case 'orgnr':
      return (row, value) => {
        const problem = orgNumberProblem(shown(value));
        if (problem === 'format') report('orgNumberFormat', row, { value: shown(value) });
        else if (problem === 'checkDigit') report('orgNumberCheckDigit', row, { value: shown(value) });
      };
    case 'text':
      if (!problems.has('tooLong')) return null;
      return (row, value) => {
        if (typeof value === 'string' && value.length <= maxLength) return;
        const length = shown(value).length;
        if (length > maxLength) report('tooLong', row, { length, max: maxLength });
      };
    default:
      return null;
  }
}

interface ColumnCheck {
  key: string;
  required: string | null;
  check: CellCheck | null;
}

function registerChecks(ctx: RuleContext, register: RegisterRows): ColumnCheck[] {
  const checks: ColumnCheck[] = [];
  for (const column of sheetDef(register.key).columns ?? []) {
    // A column the sheet lacks is reported once by the structure rules, not on every row.
    if (column.type === 'formula' || !register.columns.has(column.key)) continue;
    const problems = new Set(columnProblems(register.key, column));
    checks.push({
      key: column.key,
      required: problems.has('required') ? columnRuleId(register.key, column.key, 'required') : null,
      check: typeCheck(ctx, register, column, problems),
    });
  }
  return checks;
}

/** Whitespace alone is as blank as an empty cell to a coordinator. */
function isEmpty(value: CellValue | undefined): value is null | undefined | string {
  return value === null || value === undefined || (typeof value === 'string' && (value === '' || value.trim() === ''));
}

export function columnRules(ctx: RuleContext): void {
  for (const key of REGISTER_KEYS) {
    const register = ctx.data.registers[key];
    const checks = registerChecks(ctx, register);
    for (const row of register.rows) {
      for (const c of checks) {
        const value = row.values[c.key];
        if (isEmpty(value)) {
          if (c.required) ctx.issues.atCell(c.required, register, row.rowNumber, c.key);
        } else if (c.check) c.check(row, value);
      }
    }
  }
}

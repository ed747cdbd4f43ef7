/**
 * A planned validation as Office.js data validation (ExcelApi 1.8): the rule, the input prompt and
 * the error alert. Texts are shortened to the lengths Excel accepts, the same as the xlsx writer.
 */
import { serialToIso } from '../../core/model/dates';
import type { PlannedValidation, ValidationRule } from '../../core/plan/workbookPlan';

/** Excel's limits for validation texts. */
export const VALIDATION_TEXT_LIMITS = { promptTitle: 32, promptMessage: 255, errorTitle: 32, errorMessage: 225 } as const;

/** Bounds standing in for "any number" when a numeric rule gives neither min nor max. */
const NUMBER_FLOOR = -1e307;
const NUMBER_CEILING = 1e307;
/** Excel's first day (1900-01-01) as the lower bound of a date rule without one. */
const FIRST_SERIAL = 1;

export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Never cut a surrogate pair in half.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

function bounds(min: number | undefined, max: number | undefined): Excel.BasicDataValidation {
  if (min !== undefined && max !== undefined) return { operator: 'Between', formula1: min, formula2: max };
  if (min !== undefined) return { operator: 'GreaterThanOrEqualTo', formula1: min };
  if (max !== undefined) return { operator: 'LessThanOrEqualTo', formula1: max };
  return { operator: 'Between', formula1: NUMBER_FLOOR, formula2: NUMBER_CEILING };
}

/** Dates travel as ISO days: Office.js reads a date operand as ISO 8601, never as a serial. */
function dateBounds(min: number | undefined, max: number | undefined): Excel.DateTimeDataValidation {
  if (min !== undefined && max !== undefined) return { operator: 'Between', formula1: serialToIso(min), formula2: serialToIso(max) };
  if (max !== undefined) return { operator: 'LessThanOrEqualTo', formula1: serialToIso(max) };
  return { operator: 'GreaterThanOrEqualTo', formula1: serialToIso(min ?? FIRST_SERIAL) };
}

export function officeRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: `=${rule.source.replace(/^=/, '')}` } };
    case 'date':
      return { date: dateBounds(rule.min, rule.max) };
    case 'decimal':
      return { decimal: bounds(rule.min, rule.max) };
    case 'whole':
      return { wholeNumber: bounds(rule.min, rule.max) };
    case 'textLength':
      return { textLength: { operator: 'LessThanOrEqualTo', formula1: rule.max } };
  }
}

/** Queues the validation on the range; the range must have none yet (a new sheet's cells have none). */
export function applyValidation(range: Excel.Range, validation: PlannedValidation): void {
  const limits = VALIDATION_TEXT_LIMITS;
  const dataValidation = range.dataValidation;
  dataValidation.ignoreBlanks = true;
  dataValidation.rule = officeRule(validation.rule);
  dataValidation.prompt = {
    showPrompt: true,
    title: shorten(validation.prompt.title, limits.promptTitle),
    message: shorten(validation.prompt.message, limits.promptMessage),
  };
  dataValidation.errorAlert = {
    showAlert: true,
    // The user's own (editable) lists only warn; fixed lists and types refuse.
    style: validation.strict ? 'Stop' : 'Warning',
    title: shorten(validation.error.title, limits.errorTitle),
    message: shorten(validation.error.message, limits.errorMessage),
  };
}

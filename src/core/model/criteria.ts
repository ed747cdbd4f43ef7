/**
 * How COUNTIFS, SUMIFS, MATCH and "=" compare a cell with a text, so that the core counts exactly
 * what the workbook's formulas count: case is ignored, nothing is trimmed (a status "Aktiv " with a
 * space after it is another text than "Aktiv", and validation warns about it), and nothing is a
 * wildcard — every criterion the formulas build escapes * ? and ~ (plan/structuredRefs.ts).
 */
import type { CellValue } from '../port';

/**
 * A cell as a text criterion compares it. Plain toLowerCase folds æ, ø and å as the Norwegian
 * locale does, and is cheap enough for half a million rows. Error values match nothing.
 */
export function criterionKey(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value).toLowerCase();
}

/** Whether a cell holds this text, as COUNTIFS with an escaped "=text" criterion finds it; a blank text matches nothing. */
export function matchesText(value: CellValue | undefined, text: string): boolean {
  return text !== '' && criterionKey(value) === text.toLowerCase();
}

/** The text of a cell as a formula passes it on (INDEX, a cell reference): untrimmed; '' for blank. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined || typeof value === 'object') return '';
  return String(value);
}

/** A date as the formulas see one: a number in the cell. Text that reads as a date is not one. */
export function isDate(value: CellValue | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

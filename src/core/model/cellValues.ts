/**
 * Reading cell values the way Excel's own functions see them, so the core's figures match the
 * workbook's formulas: dates are serial numbers (text that looks like a date is still text), and
 * text comparisons ignore case as COUNTIFS and "=" do.
 */
import type { CellValue } from '../port';

export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || value === '';
}

export function asText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value.error;
  return String(value).trim();
}

/** A number as a formula sees it: only numeric cells count, never numeric-looking text. */
export function asNumber(value: CellValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function sameText(a: CellValue | undefined, b: string): boolean {
  return asText(a).toLocaleLowerCase('nb') === b.trim().toLocaleLowerCase('nb');
}

export function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');
}

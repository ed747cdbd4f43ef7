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

/** Texts as text comparisons see them, remembered for the few values a column repeats on every row. */
const FOLDED = new Map<string, string>();
const FOLDED_LIMIT = 4096;

/** A text trimmed and lower-cased as "=" and COUNTIFS compare it. */
export function foldedText(text: string): string {
  let folded = FOLDED.get(text);
  if (folded === undefined) {
    folded = text.trim().toLocaleLowerCase('nb');
    if (FOLDED.size < FOLDED_LIMIT) FOLDED.set(text, folded);
  }
  return folded;
}

export function sameText(a: CellValue | undefined, b: string): boolean {
  if (a === b) return true;
  return foldedText(typeof a === 'string' ? a : asText(a)) === foldedText(b);
}

export function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');
}

/**
 * Norwegian identity numbers and their mod-11 check digits: the organisasjonsnummer of a partner
 * (which must be right) and the fødselsnummer or D-number of a person (which must never be in the
 * workbook at all, so we look for it everywhere).
 */

const ORG_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];
const FNR_WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const FNR_WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** The mod-11 check digit over `digits` with `weights`, or null when none exists (remainder 1). */
export function mod11CheckDigit(digits: string, weights: number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * weights[i];
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? null : check;
}

export type OrgNumberProblem = 'format' | 'checkDigit';

/**
 * Checks an organisasjonsnummer as typed: nine digits, spaces allowed between groups ("923 609 016").
 * Returns what is wrong, or null when it is a valid number.
 */
export function orgNumberProblem(typed: string): OrgNumberProblem | null {
  const digits = typed.replace(/[\s\u00a0]/g, '');
  if (!/^\d{9}$/.test(digits)) return 'format';
  return mod11CheckDigit(digits, ORG_WEIGHTS) === digits.charCodeAt(8) - 48 ? null : 'checkDigit';
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether day.month.yy is a calendar date in some century a fødselsnummer can be from. We do not
 * insist on the century the individual number implies: for a privacy scan a missed number is
 * worse than an improbable one, and the two check digits already make chance matches rare.
 */
function isBirthDate(day: number, month: number, yy: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (day <= DAYS_IN_MONTH[month - 1]) return true;
  return month === 2 && day === 29 && [1800, 1900, 2000].some((c) => isLeapYear(c + yy));
}

/** An 11-digit string that is a fødselsnummer or D-number (day + 40): valid date and both check digits. */
export function isFodselsnummer(digits: string): boolean {
  if (digits.length !== 11 || !/^\d{11}$/.test(digits)) return false;
  let day = Number(digits.slice(0, 2));
  if (day > 40) day -= 40;
  if (!isBirthDate(day, Number(digits.slice(2, 4)), Number(digits.slice(4, 6)))) return false;
  return mod11CheckDigit(digits, FNR_WEIGHTS_1) === digits.charCodeAt(9) - 48 && mod11CheckDigit(digits, FNR_WEIGHTS_2) === digits.charCodeAt(10) - 48;
}

/** Eleven digits standing alone, optionally with a space (or no-break space) after the sixth. */
const CANDIDATE = /(?<!\d)(\d{6})[ \u00a0]?(\d{5})(?!\d)/g;
const SIX_DIGITS = /\d{6}/;

/** Whether a text holds a fødselsnummer or D-number anywhere in it. */
export function textHasFodselsnummer(text: string): boolean {
  if (text.length < 11 || !SIX_DIGITS.test(text)) return false;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    if (isFodselsnummer(m[1] + m[2])) return true;
  }
  return false;
}

/**
 * Whether a number cell holds a fødselsnummer. Excel drops the leading zero of a number typed
 * into a number cell, so ten digits are read as a fødselsnummer born on day 01–09.
 */
export function numberIsFodselsnummer(value: number): boolean {
  if (!Number.isInteger(value) || value < 1e9 || value >= 1e11) return false;
  return isFodselsnummer(String(value).padStart(11, '0'));
}

/** Parsing of option values shared by the commands, with messages the user can act on. */
import { isoToSerial, serialToIso, todaySerial } from '../core/model/dates';
import { isLang, type Lang } from '../core/content/language';
import { CASE_KEYS, type CaseKey } from '../core/content/demoCaseSchema';
import { isCaseKey } from '../core/demo/demoCases';
import { cliStrings, UserFacingError } from './cliText';

export function parseLang(value: string | undefined, fallback: Lang = 'nb'): Lang {
  if (value === undefined) return fallback;
  if (!isLang(value)) throw new UserFacingError(cliStrings.phrase('cli.error.lang', { value }));
  return value;
}

export function parseSeed(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d{1,9}$/.test(value)) throw new UserFacingError(cliStrings.phrase('cli.error.seed', { value }));
  return Number(value);
}

/** --today YYYY-MM-DD as a serial day; today when absent. */
export function parseToday(value: string | undefined): number {
  if (value === undefined) return todaySerial();
  let serial: number | null = null;
  try {
    serial = isoToSerial(value);
  } catch {
    serial = null;
  }
  if (serial === null || serialToIso(serial) !== value) throw new UserFacingError(cliStrings.phrase('cli.error.date', { value }));
  return serial;
}

/** --case: one of the report's seven municipalities, only with --demo; absent: the seed chooses. */
export function parseCase(value: string | undefined, demo: boolean | undefined): CaseKey | undefined {
  if (value === undefined) return undefined;
  if (!demo) throw new UserFacingError(cliStrings.phrase('cli.error.caseWithoutDemo'));
  const key = value.trim().toLowerCase().replace('ø', 'o');
  if (!isCaseKey(key)) throw new UserFacingError(cliStrings.phrase('cli.error.case', { value, cases: CASE_KEYS.join(', ') }));
  return key;
}

/** Parsing of option values shared by the commands, with messages the user can act on. */
import { isoToSerial, serialToIso, todaySerial } from '../core/model/dates';
import { isLang, type Lang } from '../core/content/language';
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

/** Dates as sign-up forms write them, read into serial days. */
import { parseDateText, ymdToSerial } from '../model/dates';

/**
 * A date as forms write it: ISO (2025-03-14, with or without a time), Norwegian (14.03.2025
 * 10:22), or with slashes, read day first unless the first number cannot be a month day order
 * (3/14/2025 is read as 14 March). Returns the text itself when it is not a date, so the caller
 * can report it.
 */
export function formDate(text: string): number | string | null {
  const t = text.trim();
  if (t === '') return null;
  const datePart = t.replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[AaPp][Mm])?( ?GMT)?(Z|[+-]\d{1,2}(:?\d{2})?)?$/, '').trim();
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(datePart);
  if (slash && Number(slash[2]) > 12 && Number(slash[1]) <= 12) {
    const year = Number(slash[3]) + (slash[3].length === 2 ? 2000 : 0);
    return ymdToSerial(year, Number(slash[1]), Number(slash[2]));
  }
  return parseDateText(datePart) ?? t;
}

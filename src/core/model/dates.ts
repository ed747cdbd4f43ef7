/**
 * Dates in the core are Excel serial day numbers (1900 date system) or ISO days "YYYY-MM-DD".
 * Conversion happens here and nowhere else, so no time zone can shift a day.
 */
const MS_PER_DAY = 86_400_000;
/** Serial 25569 is 1970-01-01 in Excel's 1900 system (which counts the non-existent 1900-02-29). */
const UNIX_EPOCH_SERIAL = 25569;

export type IsoDay = string;

export function isoToSerial(iso: IsoDay): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not an ISO day: ${iso}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Math.round(ms / MS_PER_DAY) + UNIX_EPOCH_SERIAL;
}

export function serialToIso(serial: number): IsoDay {
  const ms = (Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY;
  return new Date(ms).toISOString().slice(0, 10);
}

export function ymdToSerial(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY) + UNIX_EPOCH_SERIAL;
}

export function serialParts(serial: number): { year: number; month: number; day: number } {
  const d = new Date((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Same as Excel's EDATE: the same day `months` later, clamped to the month's end. */
export function addMonths(serial: number, months: number): number {
  const { year, month, day } = serialParts(serial);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const lastDay = serialParts(ymdToSerial(y, m + 1, 1) - 1).day;
  return ymdToSerial(y, m, Math.min(day, lastDay));
}

/** Today in the local calendar (the user's day, not UTC's). */
export function todaySerial(now: Date = new Date()): number {
  return ymdToSerial(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** "2026-11-23 14:05" in the user's own clock: how refresh stamps read in the workbook and on the region sheet. */
export function localMinute(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())}`;
}

/**
 * Reads a date a coordinator may have typed as text: 31.12.2025, 31/12/2025, 2025-12-31, 31.12.25.
 * Returns the serial, or null when the text is not a real calendar date.
 */
export function parseDateText(text: string): number | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/.exec(t))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (match[3].length === 2) y += y < 70 ? 2000 : 1900;
  } else return null;
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const serial = ymdToSerial(y, m, d);
  const back = serialParts(serial);
  return back.month === m && back.day === d ? serial : null;
}

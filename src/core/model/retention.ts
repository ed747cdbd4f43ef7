/**
 * When a volunteer's personal data is due for deletion, one definition for the summary's count and
 * validation's rule: the volunteer has ended (status "Avsluttet", or marked active with an end date
 * that has passed) or is paused, and the last sign of activity — the end date, or the latest day
 * hours were logged under the volunteer's id, whichever is later — lies before the report date
 * moved back by the retention period (as EDATE does it). A paused or ended volunteer with neither
 * an end date nor logged hours gives nothing to go by and is not counted.
 *
 * Ids are compared as COUNTIFS compares them (criteria.ts): case ignored, nothing trimmed.
 */
import type { Lang } from '../content/language';
import { addMonths } from './dates';
import { asNumber } from './cellValues';
import { criterionKey, matchesText } from './criteria';
import type { RegisterRow } from './registerRows';
import { endedWhileMarkedActive, statusLabel } from './activeRule';

/** The latest numeric date hours were logged under each volunteer id (criterion key); group entries left out. */
export function lastHoursByVolunteer(hoursRows: RegisterRow[]): Map<string, number> {
  const latest = new Map<string, number>();
  const keyOf = new Map<string | number | boolean, string>();
  for (const row of hoursRows) {
    const typed = row.values.volunteerId;
    const date = asNumber(row.values.date);
    if (date === null || typed === null || typed === undefined || typeof typed === 'object') continue;
    let key = keyOf.get(typed);
    if (key === undefined) keyOf.set(typed, (key = criterionKey(typed)));
    if (key === '') continue;
    if (date > (latest.get(key) ?? -Infinity)) latest.set(key, date);
  }
  return latest;
}

/** Ended (or marked active past its end date) or paused: the statuses whose data the retention period applies to. */
export function isInactive(row: RegisterRow, lang: Lang, date: number): boolean {
  return (
    matchesText(row.values.status, statusLabel('volunteers', 'ended', lang)) ||
    matchesText(row.values.status, statusLabel('volunteers', 'paused', lang)) ||
    endedWhileMarkedActive(row, 'volunteers', lang, date)
  );
}

/** The end date or the last logged hours, whichever is later; null when there is neither. */
export function lastActivity(row: RegisterRow, lastHours: Map<string, number>): number | null {
  const end = asNumber(row.values.end);
  const key = criterionKey(row.values.id);
  const hours = key === '' ? undefined : lastHours.get(key);
  if (end === null && hours === undefined) return null;
  return Math.max(end ?? -Infinity, hours ?? -Infinity);
}

/** The first day that is not yet past the retention period: activity before it is due for deletion. */
export function retentionCutoff(date: number, retentionMonths: number): number {
  return addMonths(date, -retentionMonths);
}

export function isDueForDeletion(row: RegisterRow, lang: Lang, date: number, retentionMonths: number, lastHours: Map<string, number>): boolean {
  if (!isInactive(row, lang, date)) return false;
  const last = lastActivity(row, lastHours);
  return last !== null && last < retentionCutoff(date, retentionMonths);
}

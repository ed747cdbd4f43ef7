/**
 * The hours log, the longest register (hundreds of thousands of rows): one pass with constant work
 * per row, then the per-day totals, grouped by volunteer with a counting sort into typed arrays
 * (no per-row objects, no hashing of day keys).
 */
import { asNumber } from '../model/cellValues';
import { DATE_MAX } from '../plan/columnValidation';
import type { RegisterRow } from '../model/registerRows';
import { formatDay, formatNumber } from './messages';
import type { RuleContext } from './ruleContext';

const HOURS_PER_DAY = 24;
/** Days past DATE_MAX are typing mistakes, reported by the date rules and not summed. */
const DAY_SPAN = DATE_MAX + 1;

/** Rows that count towards a volunteer's day: row position, volunteer number, day, hours. */
class DayEntries {
  length = 0;
  position: Int32Array;
  volunteer: Int32Array;
  day: Int32Array;
  hours: Float64Array;

  constructor(capacity: number) {
    this.position = new Int32Array(capacity);
    this.volunteer = new Int32Array(capacity);
    this.day = new Int32Array(capacity);
    this.hours = new Float64Array(capacity);
  }

  add(position: number, volunteer: number, day: number, hours: number): void {
    const i = this.length++;
    this.position[i] = position;
    this.volunteer[i] = volunteer;
    this.day[i] = day;
    this.hours[i] = hours;
  }

  /** Entry indexes ordered by volunteer (a counting sort), with where each volunteer's run starts. */
  byVolunteer(volunteers: number): { order: Int32Array; starts: Int32Array } {
    const starts = new Int32Array(volunteers + 1);
    for (let i = 0; i < this.length; i++) starts[this.volunteer[i] + 1]++;
    for (let v = 0; v < volunteers; v++) starts[v + 1] += starts[v];
    const next = starts.slice(0, volunteers);
    const order = new Int32Array(this.length);
    for (let i = 0; i < this.length; i++) order[next[this.volunteer[i]]++] = i;
    return { order, starts };
  }
}

/** Rows whose volunteer has more than 24 hours on the row's day, in row order, with the day's total. */
function overfullRows(entries: DayEntries, volunteers: number): { position: number; total: number }[] {
  const { order, starts } = entries.byVolunteer(volunteers);
  const totals = new Float64Array(DAY_SPAN);
  const found: { position: number; total: number }[] = [];
  for (let v = 0; v < volunteers; v++) {
    const from = starts[v];
    const to = starts[v + 1];
    for (let k = from; k < to; k++) totals[entries.day[order[k]]] += entries.hours[order[k]];
    for (let k = from; k < to; k++) {
      const total = totals[entries.day[order[k]]];
      if (total > HOURS_PER_DAY) found.push({ position: entries.position[order[k]], total });
    }
    for (let k = from; k < to; k++) totals[entries.day[order[k]]] = 0;
  }
  return found.sort((a, b) => a.position - b.position);
}

export function hoursRules(ctx: RuleContext): void {
  const hours = ctx.data.registers.hours;
  const { today, lang, facts } = ctx;
  const rows = hours.rows;
  const entries = new DayEntries(rows.length);
  const at = (ruleId: string, row: RegisterRow, column: string, values = {}) => ctx.issues.atCell(ruleId, hours, row.rowNumber, column, values);

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const date = asNumber(row.values.date);
    const amount = asNumber(row.values.hours);
    if (date !== null && date >= today + 1) at('hours.date.future', row, 'date', { date: formatDay(date, lang) });
    if (amount !== null && amount <= 0) at('hours.hours.notPositive', row, 'hours', { value: formatNumber(amount, lang) });

    const n = facts.hoursVolunteer[i];
    if (n < 0) continue;
    const volunteer = facts.hoursVolunteers[n];
    if (!volunteer) at('hours.volunteerId.unknown', row, 'volunteerId', { value: String(row.values.volunteerId).trim() });
    else if (date !== null) {
      const start = asNumber(volunteer.values.start);
      const end = asNumber(volunteer.values.end);
      if (start !== null && date < Math.floor(start)) at('hours.date.beforeStart', row, 'date', { start: formatDay(start, lang) });
      else if (end !== null && date >= Math.floor(end) + 1) at('hours.date.afterEnd', row, 'date', { end: formatDay(end, lang) });
    }
    if (date === null || amount === null || date < 0 || date >= DAY_SPAN) continue;
    entries.add(i, n, Math.floor(date), amount);
  }

  for (const { position, total } of overfullRows(entries, facts.hoursVolunteers.length)) {
    const row = rows[position];
    at('hours.hours.over24', row, 'hours', { total: formatNumber(total, lang), date: formatDay(asNumber(row.values.date)!, lang) });
  }
}

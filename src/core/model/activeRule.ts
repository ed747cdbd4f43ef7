/**
 * What "active" means, one rule for agreements and volunteers alike, in the core and in the
 * workbook's formulas: on the report date a row is active when its status is "Aktiv" (as COUNTIFS
 * compares it: case ignored, nothing trimmed), it has started (no start date, or one on or before
 * the report date) and it has not ended (no end date, or one on or after the report date). A row
 * marked active whose end date has passed has ended, whatever its status says; one whose start
 * date lies ahead has not started yet. Validation flags both contradictions.
 *
 * Text in a date cell is not a date: it neither starts nor ends anything (validation reports it).
 */
import { itemLabel } from '../content/content';
import type { Lang } from '../content/language';
import type { FormulaRefs } from '../plan/formulaRefs';
import { criterionLiteral } from '../plan/structuredRefs';
import { asNumber } from './cellValues';
import { matchesText } from './criteria';
import type { RegisterRow } from './registerRows';

export type DatedRegister = 'agreements' | 'volunteers';

const STATUS_LIST: Record<DatedRegister, string> = { agreements: 'agreementStatuses', volunteers: 'volunteerStatuses' };

/** The name of the cell holding the report date, in every formula that needs it. */
export const REPORT_DATE_NAME = 'kpi_report_date';

export function statusLabel(register: DatedRegister, itemKey: string, lang: Lang): string {
  return itemLabel(STATUS_LIST[register], itemKey, lang);
}

export function markedActive(row: RegisterRow, register: DatedRegister, lang: Lang): boolean {
  return matchesText(row.values.status, statusLabel(register, 'active', lang));
}

export function isActiveOn(row: RegisterRow, register: DatedRegister, lang: Lang, date: number): boolean {
  if (!markedActive(row, register, lang)) return false;
  const start = asNumber(row.values.start);
  const end = asNumber(row.values.end);
  return !(start !== null && start > date) && !(end !== null && end < date);
}

/** Marked active, but the end date has passed: it has ended. */
export function endedWhileMarkedActive(row: RegisterRow, register: DatedRegister, lang: Lang, date: number): boolean {
  const end = asNumber(row.values.end);
  return end !== null && end < date && markedActive(row, register, lang);
}

/** Marked active, but the start date lies ahead: it has not started yet. */
export function startsAfter(row: RegisterRow, register: DatedRegister, lang: Lang, date: number): boolean {
  const start = asNumber(row.values.start);
  return start !== null && start > date && markedActive(row, register, lang);
}

/**
 * The same rule in formulas: COUNTIFS and SUMIFS over the rows marked active, less those that
 * start after the date, less those that ended before it, plus those that did both (taken away
 * twice). COUNTIFS only compares numbers with ">" and "<", so text in a date cell counts as no date,
 * as in the core. `criteria` are further "range,criterion" pairs every term shares.
 */
export class ActiveRule {
  constructor(
    private readonly refs: FormulaRefs,
    private readonly register: DatedRegister,
    private readonly date: string = REPORT_DATE_NAME,
  ) {}

  private terms(criteria: string[]): { sign: string; criteria: string[] }[] {
    const col = (k: string) => this.refs.col(this.register, k);
    const base = [`${col('status')},${criterionLiteral(this.refs.label(STATUS_LIST[this.register], 'active'))}`, ...criteria];
    const notStarted = `${col('start')},">"&${this.date}`;
    const ended = `${col('end')},"<"&${this.date}`;
    return [
      { sign: '', criteria: base },
      { sign: '-', criteria: [...base, notStarted] },
      { sign: '-', criteria: [...base, ended] },
      { sign: '+', criteria: [...base, notStarted, ended] },
    ];
  }

  count(criteria: string[] = []): string {
    return `(${this.terms(criteria)
      .map((t) => `${t.sign}COUNTIFS(${t.criteria.join(',')})`)
      .join('')})`;
  }

  sum(columnKey: string, criteria: string[] = []): string {
    const range = this.refs.col(this.register, columnKey);
    return `(${this.terms(criteria)
      .map((t) => `${t.sign}SUMIFS(${range},${t.criteria.join(',')})`)
      .join('')})`;
  }

  /** Active rows whose column holds no date (blank, text or anything but a number). */
  countWithoutDate(columnKey: string, criteria: string[] = []): string {
    const col = this.refs.col(this.register, columnKey);
    return `(${this.count(criteria)}-${this.count([...criteria, `${col},">=0"`])}-${this.count([...criteria, `${col},"<0"`])})`;
  }
}

/**
 * The volunteer register's two computed columns, as formulas for the workbook and as values the
 * core computes from the same rows (written as the formulas' cached results).
 */
import { addMonths } from './dates';
import { asNumber, asText, sameText } from './cellValues';
import type { FormulaRefs } from '../plan/formulaRefs';
import type { RegisterRow } from './registerRows';
import { isYes } from './settingsModel';
import type { WorkbookData } from './workbookData';

/**
 * Police certificate required: the volunteer's activity is marked as requiring one in the
 * settings, or the volunteer's partner has an active agreement that requires one.
 */
export function policeRequiredFormula(f: FormulaRefs): string {
  const activity = f.row('volunteers', 'activity');
  const partner = f.row('volunteers', 'partner');
  const byActivity = `IFERROR(INDEX(list_activityTypes_police,MATCH(${activity},list_activityTypes,0))=${f.item('yesNo', 'yes')},FALSE)`;
  const byAgreement =
    `AND(${partner}<>"",COUNTIFS(${f.col('agreements', 'partner')},${partner},` +
    `${f.col('agreements', 'requiresPoliceCertificate')},${f.item('yesNo', 'yes')},` +
    `${f.col('agreements', 'status')},${f.item('agreementStatuses', 'active')})>0)`;
  return `IF(OR(${byActivity},${byAgreement}),${f.item('yesNo', 'yes')},${f.item('yesNo', 'no')})`;
}

export function policeRequired(data: WorkbookData, f: FormulaRefs, volunteer: RegisterRow): boolean {
  const activity = asText(volunteer.values.activity);
  const byActivity = activity !== '' && data.settings.policeActivities.some((a) => sameText(a, activity));
  const partner = asText(volunteer.values.partner);
  const byAgreement =
    partner !== '' &&
    data.registers.agreements.rows.some(
      (a) =>
        sameText(a.values.partner, partner) && isYes(a.values.requiresPoliceCertificate) && sameText(a.values.status, f.label('agreementStatuses', 'active')),
    );
  return byActivity || byAgreement;
}

/** Hours logged under the volunteer's id in the twelve months up to the report date. */
export function hoursLast12Formula(f: FormulaRefs): string {
  const id = f.row('volunteers', 'id');
  return (
    `IF(${id}="",0,SUMIFS(${f.col('hours', 'hours')},${f.col('hours', 'volunteerId')},${id},` +
    `${f.col('hours', 'date')},">"&EDATE(kpi_report_date,-12),${f.col('hours', 'date')},"<="&kpi_report_date))`
  );
}

/** Volunteer id (lower case) → hours in the twelve months up to the report date. */
export function hoursLast12ById(data: WorkbookData, reportDate: number): Map<string, number> {
  const from = addMonths(reportDate, -12);
  const totals = new Map<string, number>();
  for (const row of data.registers.hours.rows) {
    const date = asNumber(row.values.date);
    const hours = asNumber(row.values.hours);
    const id = asText(row.values.volunteerId).toLocaleLowerCase('nb');
    if (date === null || hours === null || id === '' || date <= from || date > reportDate) continue;
    totals.set(id, (totals.get(id) ?? 0) + hours);
  }
  return totals;
}

export function hoursLast12(totals: Map<string, number>, volunteer: RegisterRow): number {
  return totals.get(asText(volunteer.values.id).toLocaleLowerCase('nb')) ?? 0;
}

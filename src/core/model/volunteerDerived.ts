/**
 * The volunteer register's two computed columns, as formulas for the workbook and as values the
 * core computes from the same rows (written as the formulas' cached results).
 */
import { addMonths } from './dates';
import { asNumber, asText } from './cellValues';
import { policeRequirement } from './legalBasis';
import type { FormulaRefs } from '../plan/formulaRefs';
import type { RegisterRow } from './registerRows';
import type { WorkbookData } from './workbookData';

/**
 * Police certificate required: the volunteer's own basis for the assignment when set (none: not
 * required), else a partner's active agreement whose basis (or, without one, the older yes/no
 * column) requires it. The activity no longer decides: it only suggests a basis.
 */
export function policeRequiredFormula(f: FormulaRefs): string {
  const own = f.row('volunteers', 'policeBasis');
  const partner = f.row('volunteers', 'partner');
  const A = (key: string) => f.col('agreements', key);
  const none = f.item('policeBases', 'none');
  const byAgreement =
    `AND(${partner}<>"",SUMPRODUCT((${A('partner')}=${partner})*(${A('status')}=${f.item('agreementStatuses', 'active')})*` +
    `(((${A('policeBasis')}<>"")*(${A('policeBasis')}<>${none}))+((${A('policeBasis')}="")*(${A('requiresPoliceCertificate')}=${f.item('yesNo', 'yes')}))))>0)`;
  const yes = f.item('yesNo', 'yes');
  const no = f.item('yesNo', 'no');
  return `IF(${own}<>"",IF(${own}=${none},${no},${yes}),IF(${byAgreement},${yes},${no}))`;
}

export function policeRequired(data: WorkbookData, f: FormulaRefs, volunteer: RegisterRow): boolean {
  return policeRequirement(data, volunteer, f.label('agreementStatuses', 'active')).required;
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

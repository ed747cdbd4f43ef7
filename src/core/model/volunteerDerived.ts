/**
 * The volunteer register's two computed columns, as formulas for the workbook and as values the
 * core computes from the same rows (written as the formulas' cached results). Texts are compared
 * as COUNTIFS and MATCH compare them (criteria.ts), with wildcards escaped in the formulas.
 */
import { addMonths } from './dates';
import { asNumber } from './cellValues';
import { cellText, criterionKey, matchesText } from './criteria';
import type { FormulaRefs } from '../plan/formulaRefs';
import { criterionOf, escapedText } from '../plan/structuredRefs';
import type { RegisterRow } from './registerRows';
import { ActiveRule, isActiveOn, REPORT_DATE_NAME } from './activeRule';
import { assignmentDutiesTerm, hasAssignmentDuties } from './assignmentDuties';
import type { WorkbookData } from './workbookData';

/**
 * Police certificate required: the volunteer has the duties of an assignment (not an informal
 * helper, assignmentDuties.ts), and the activity is marked as requiring one in the settings, or the
 * volunteer's partner has an agreement that requires one and is active on the report date
 * (activeRule.ts: the same agreements the summary counts as active).
 */
export function policeRequiredFormula(f: FormulaRefs): string {
  const activity = f.row('volunteers', 'activity');
  const partner = f.row('volunteers', 'partner');
  const byActivity = `IFERROR(INDEX(list_activityTypes_police,MATCH(${escapedText(activity)},list_activityTypes,0))=${f.item('yesNo', 'yes')},FALSE)`;
  const agreements = new ActiveRule(f, 'agreements').count([
    `${f.col('agreements', 'partner')},${criterionOf(partner)}`,
    `${f.col('agreements', 'requiresPoliceCertificate')},${f.is('yesNo', 'yes')}`,
  ]);
  const byAgreement = `AND(${partner}<>"",${agreements}>0)`;
  const duties = assignmentDutiesTerm(f.row('volunteers', 'affiliation'), f.lang);
  return `IF(AND(${duties},OR(${byActivity},${byAgreement})),${f.item('yesNo', 'yes')},${f.item('yesNo', 'no')})`;
}

/** The settings' activity list as MATCH finds an activity in it: the first item with the same text. */
function requiredByActivity(data: WorkbookData, activity: string): boolean {
  if (activity === '') return false;
  const item = data.settings.lists.activityTypes.find((label) => matchesText(label, activity));
  return item !== undefined && data.settings.policeActivities.includes(item);
}

export function policeRequired(data: WorkbookData, f: FormulaRefs, volunteer: RegisterRow, reportDate: number): boolean {
  if (!hasAssignmentDuties(volunteer.values.affiliation, data.lang)) return false;
  if (requiredByActivity(data, cellText(volunteer.values.activity))) return true;
  const partner = cellText(volunteer.values.partner);
  const yes = f.label('yesNo', 'yes');
  return (
    partner !== '' &&
    data.registers.agreements.rows.some(
      (a) =>
        matchesText(a.values.partner, partner) && matchesText(a.values.requiresPoliceCertificate, yes) && isActiveOn(a, 'agreements', data.lang, reportDate),
    )
  );
}

/** Hours logged under the volunteer's id in the twelve months up to the report date. */
export function hoursLast12Formula(f: FormulaRefs): string {
  const id = f.row('volunteers', 'id');
  return (
    `IF(${id}="",0,SUMIFS(${f.col('hours', 'hours')},${f.col('hours', 'volunteerId')},${criterionOf(id)},` +
    `${f.col('hours', 'date')},">"&EDATE(${REPORT_DATE_NAME},-12),${f.col('hours', 'date')},"<="&${REPORT_DATE_NAME}))`
  );
}

/** Volunteer id (as a criterion compares it) → hours in the twelve months up to the report date. */
export function hoursLast12ById(data: WorkbookData, reportDate: number): Map<string, number> {
  const from = addMonths(reportDate, -12);
  const totals = new Map<string, number>();
  for (const row of data.registers.hours.rows) {
    const date = asNumber(row.values.date);
    const hours = asNumber(row.values.hours);
    const id = criterionKey(row.values.volunteerId);
    if (date === null || hours === null || id === '' || date <= from || date > reportDate) continue;
    totals.set(id, (totals.get(id) ?? 0) + hours);
  }
  return totals;
}

export function hoursLast12(totals: Map<string, number>, volunteer: RegisterRow): number {
  const id = criterionKey(volunteer.values.id);
  return id === '' ? 0 : (totals.get(id) ?? 0);
}

/** The two computed columns' values for each volunteer row, in register order: what their formulas give on the report date. */
export function derivedColumnValues(
  data: WorkbookData,
  f: FormulaRefs,
  reportDate: number,
): { policeCertificateRequired: string; hoursLast12Months: number }[] {
  const totals = hoursLast12ById(data, reportDate);
  const yes = f.label('yesNo', 'yes');
  const no = f.label('yesNo', 'no');
  return data.registers.volunteers.rows.map((row) => ({
    policeCertificateRequired: policeRequired(data, f, row, reportDate) ? yes : no,
    hoursLast12Months: hoursLast12(totals, row),
  }));
}

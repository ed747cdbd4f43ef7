/**
 * The volunteer register's two computed columns, as formulas for the workbook and as values the
 * core computes from the same rows (written as the formulas' cached results). Texts are compared
 * as COUNTIFS and MATCH compare them (criteria.ts), with wildcards escaped in the formulas.
 */
import { addMonths } from './dates';
import { asNumber } from './cellValues';
import { criterionKey } from './criteria';
import type { FormulaRefs } from '../plan/formulaRefs';
import { criterionNot, criterionOf } from '../plan/structuredRefs';
import type { RegisterRow } from './registerRows';
import { ActiveRule, REPORT_DATE_NAME } from './activeRule';
import { assignmentDutiesTerm } from './assignmentDuties';
import { policeRequirement } from './legalBasis';
import type { WorkbookData } from './workbookData';

/**
 * Police certificate required: the volunteer has the duties of an assignment (not an informal
 * helper, assignmentDuties.ts), and the volunteer's own basis for the assignment, when one is
 * written, requires one («Ingen»: not required), else a partner's agreement active on the report
 * date (activeRule.ts: the agreements the summary counts as active) whose basis requires one — or,
 * when the agreement names no basis, whose older yes/no column says so. The activity no longer
 * decides: it only suggests a basis (validation). legalBasis.ts computes the same in the core.
 */
export function policeRequiredFormula(f: FormulaRefs): string {
  const own = f.row('volunteers', 'policeBasis');
  const partner = f.row('volunteers', 'partner');
  const A = (key: string) => f.col('agreements', key);
  const active = new ActiveRule(f, 'agreements');
  const ofPartner = `${A('partner')},${criterionOf(partner)}`;
  const basisWritten = `${A('policeBasis')},"<>"`;
  const legacyYes = `${A('requiresPoliceCertificate')},${f.is('yesNo', 'yes')}`;
  // Agreements whose basis requires one, plus those without a basis whose yes/no column does (all "yes" less those with a basis).
  const byBasis = active.count([ofPartner, basisWritten, `${A('policeBasis')},${criterionNot(f.label('policeBases', 'none'))}`]);
  const byLegacy = `${active.count([ofPartner, legacyYes])}-${active.count([ofPartner, legacyYes, basisWritten])}`;
  const byAgreement = `AND(${partner}<>"",${byBasis}+${byLegacy}>0)`;
  const yes = f.item('yesNo', 'yes');
  const no = f.item('yesNo', 'no');
  const duties = assignmentDutiesTerm(f.row('volunteers', 'affiliation'), f.lang);
  return `IF(${duties},IF(${own}<>"",IF(${own}=${f.item('policeBases', 'none')},${no},${yes}),IF(${byAgreement},${yes},${no})),${no})`;
}

export function policeRequired(data: WorkbookData, volunteer: RegisterRow, reportDate: number): boolean {
  return policeRequirement(data, volunteer, reportDate).required;
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
    policeCertificateRequired: policeRequired(data, row, reportDate) ? yes : no,
    hoursLast12Months: hoursLast12(totals, row),
  }));
}

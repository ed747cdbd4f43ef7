/**
 * The summary's key figures. Each figure is written twice from one definition: as a live formula
 * for the workbook, and as the value the core computes from the same rows. The value becomes the
 * formula's cached result, and tests check that an independent spreadsheet computes the same.
 */
import { asNumber, isBlank, sameText } from '../model/cellValues';
import { valueList, workbookStrings, type WorkbookStringKey } from '../content/content';
import { addMonths, serialParts, serialToIso, ymdToSerial } from '../model/dates';
import { evaluationSections } from '../evaluation/evaluationFigures';
import { FormulaRefs } from '../plan/formulaRefs';
import type { RegisterRow } from '../model/registerRows';
import { hoursLast12, hoursLast12ById, policeRequired } from '../model/volunteerDerived';
import type { WorkbookData } from '../model/workbookData';
import type { StyleKey } from '../plan/workbookPlan';

/** Month numbers as the month labels in templates/ui/workbook.json are keyed. */
const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'] as const;

/** A value cell: a live formula with the core's value as its cached result, or (formula null) a
 * value the program computed, written as it is and stamped with the time it was refreshed. */
export interface FigureValue {
  /** Workbook-level defined name of the value cell: kpi_<key>. */
  name: string;
  /** `{label}` stands for the absolute address of this figure's label cell. */
  formula: string | null;
  value: number | string;
  style: StyleKey;
}

export interface Figure extends FigureValue {
  label: string;
  /** A label that is itself a formula (rows that follow a settings list). */
  labelFormula?: { formula: string; result: string };
  /** Long labels (statements) wrap. */
  labelStyle?: StyleKey;
  /** A second value beside the first (column C): barriers beside promoters, instruments beside a rating. */
  second?: FigureValue;
}

export interface FigureSection {
  key: string;
  title: string;
  figures: Figure[];
  /** Show in-cell bars beside the values. */
  bars: boolean;
  /** Headings over the value columns, for sections with two values a row. */
  headings?: [string, string];
  /** A line under the title: how and when the section's values were computed. */
  note?: string;
  /**
   * `lines`: each figure on two rows of its own, the label and then the value, both in column A
   * and free to run across the empty columns beside them — for long texts (statements), which a
   * cell would otherwise cut off or wrap over the next row.
   */
  layout?: 'table' | 'lines';
}

export const ACTIVITY_ROWS = 20;
export const UNIT_ROWS = 12;
const RD = 'kpi_report_date';

export function effectiveReportDate(data: WorkbookData, today: number): number {
  return data.settings.reportDate ?? today;
}

function yearStart(reportDate: number): number {
  return ymdToSerial(serialParts(reportDate).year, 1, 1);
}

function sum(rows: RegisterRow[], key: string): number {
  return rows.reduce((total, r) => total + (asNumber(r.values[key]) ?? 0), 0);
}

function inRange(value: unknown, from: number, to: number): boolean {
  return typeof value === 'number' && value >= from && value <= to;
}

export interface SummaryOptions {
  /** When the program-computed parts were refreshed, as shown in their stamp (ISO date or time). */
  refreshedAt?: string;
}

export function summarySections(data: WorkbookData, reportDate: number, options: SummaryOptions = {}): FigureSection[] {
  const f = new FormulaRefs(data.lang, data.tables);
  const t = (key: WorkbookStringKey) => workbookStrings.text(key, data.lang);
  const { agreements, volunteers, hours } = data.registers;
  const settings = data.settings;

  const agreementActive = f.item('agreementStatuses', 'active');
  const activeLabel = f.label('agreementStatuses', 'active');
  const A = (k: string) => f.col('agreements', k);
  const activeAgreements = agreements.rows.filter(
    (r) => sameText(r.values.status, activeLabel) && !((asNumber(r.values.end) ?? Infinity) < reportDate),
  );
  const expiring = agreements.rows.filter(
    (r) => sameText(r.values.status, activeLabel) && inRange(r.values.end, reportDate, reportDate + settings.expiryWarningDays),
  );

  const volunteerActive = f.item('volunteerStatuses', 'active');
  const V = (k: string) => f.col('volunteers', k);
  const activeVolunteers = volunteers.rows.filter((r) => sameText(r.values.status, f.label('volunteerStatuses', 'active')));
  const hoursById = hoursLast12ById(data, reportDate);
  const coreThreshold = 12 * settings.coreHoursPerMonth;

  const H = (k: string) => f.col('hours', k);
  const start = yearStart(reportDate);
  const hoursThisYear = hours.rows.filter((r) => inRange(r.values.date, start, reportDate));
  const hoursYear = sum(hoursThisYear, 'hours');
  const thisYearCriteria = `${H('date')},">="&DATE(YEAR(${RD}),1,1),${H('date')},"<="&${RD}`;

  const keyFigures: Figure[] = [
    { name: 'kpi_report_date', label: t('summary.reportDate'), formula: `IF(ISNUMBER(cfg_report_date),cfg_report_date,TODAY())`, value: reportDate, style: 'date' },
    {
      name: 'kpi_active_agreements',
      label: t('summary.activeAgreements'),
      formula: `COUNTIFS(${A('status')},${agreementActive})-COUNTIFS(${A('status')},${agreementActive},${A('end')},"<"&${RD})`,
      value: activeAgreements.length,
      style: 'kpi',
    },
    {
      name: 'kpi_expiring_agreements',
      label: t('summary.expiringAgreements'),
      formula: `COUNTIFS(${A('status')},${agreementActive},${A('end')},">="&${RD},${A('end')},"<="&(${RD}+cfg_expiry_warning_days))`,
      value: expiring.length,
      style: 'kpi',
    },
    {
      name: 'kpi_grants_total',
      label: t('summary.grantsTotal'),
      formula: `SUMIFS(${A('grantPerYear')},${A('status')},${agreementActive})-SUMIFS(${A('grantPerYear')},${A('status')},${agreementActive},${A('end')},"<"&${RD})`,
      value: sum(activeAgreements, 'grantPerYear'),
      style: 'kpiMoney',
    },
    { name: 'kpi_active_volunteers', label: t('summary.activeVolunteers'), formula: `COUNTIFS(${V('status')},${volunteerActive})`, value: activeVolunteers.length, style: 'kpi' },
    {
      name: 'kpi_volunteers_new_year',
      label: t('summary.volunteersNewYear'),
      formula: `COUNTIFS(${V('start')},">="&DATE(YEAR(${RD}),1,1),${V('start')},"<="&${RD})`,
      value: volunteers.rows.filter((r) => inRange(r.values.start, start, reportDate)).length,
      style: 'kpi',
    },
    {
      name: 'kpi_volunteers_ended_year',
      label: t('summary.volunteersEndedYear'),
      formula: `COUNTIFS(${V('status')},${f.item('volunteerStatuses', 'ended')},${V('end')},">="&DATE(YEAR(${RD}),1,1),${V('end')},"<="&${RD})`,
      value: volunteers.rows.filter((r) => sameText(r.values.status, f.label('volunteerStatuses', 'ended')) && inRange(r.values.end, start, reportDate)).length,
      style: 'kpi',
    },
    {
      name: 'kpi_core_volunteers',
      label: t('summary.coreVolunteers'),
      formula: `COUNTIFS(${V('status')},${volunteerActive},${V('hoursLast12Months')},">="&(12*cfg_core_hours_per_month))`,
      value: activeVolunteers.filter((r) => hoursLast12(hoursById, r) >= coreThreshold).length,
      style: 'kpi',
    },
    { name: 'kpi_hours_year', label: t('summary.hoursYear'), formula: `SUMIFS(${H('hours')},${thisYearCriteria})`, value: hoursYear, style: 'kpiDecimal' },
    { name: 'kpi_fte', label: t('summary.fte'), formula: `IFERROR(kpi_hours_year/cfg_hours_per_fte,0)`, value: settings.hoursPerFte > 0 ? hoursYear / settings.hoursPerFte : 0, style: 'kpiDecimal' },
    { name: 'kpi_value', label: t('summary.value'), formula: `kpi_hours_year*cfg_value_per_hour`, value: hoursYear * settings.valuePerHour, style: 'kpiMoney' },
    { name: 'kpi_users_reached', label: t('summary.usersReached'), formula: `SUMIFS(${H('usersReached')},${thisYearCriteria})`, value: sum(hoursThisYear, 'usersReached'), style: 'kpi' },
  ];

  const compliance: Figure[] = [
    {
      name: 'kpi_missing_confidentiality',
      label: t('summary.missingConfidentiality'),
      formula: `SUMPRODUCT((${V('status')}=${volunteerActive})*(${V('confidentialityDate')}=""))`,
      value: activeVolunteers.filter((r) => isBlank(r.values.confidentialityDate)).length,
      style: 'kpi',
    },
    {
      name: 'kpi_missing_police_certificate',
      label: t('summary.missingPoliceCertificate'),
      formula: `SUMPRODUCT((${V('status')}=${volunteerActive})*(${V('policeCertificateRequired')}=${f.item('yesNo', 'yes')})*(${V('policeCertificateDate')}=""))`,
      value: activeVolunteers.filter((r) => policeRequired(data, f, r) && isBlank(r.values.policeCertificateDate)).length,
      style: 'kpi',
    },
    {
      name: 'kpi_missing_consent',
      label: t('summary.missingConsent'),
      formula: `SUMPRODUCT((${V('status')}=${volunteerActive})*(${V('consentDate')}=""))`,
      value: activeVolunteers.filter((r) => isBlank(r.values.consentDate)).length,
      style: 'kpi',
    },
    dueForDeletion(data, f, reportDate),
  ];

  const byList = (listKey: string, columnKey: string, prefix: string): Figure[] =>
    valueList(listKey).items.map((item) => ({
      name: `${prefix}_${item.key}`,
      label: item.label[data.lang],
      formula: `COUNTIFS(${V('status')},${volunteerActive},${V(columnKey)},{label})`,
      value: activeVolunteers.filter((r) => sameText(r.values[columnKey], item.label[data.lang])).length,
      style: 'bar',
    }));

  const year = serialParts(reportDate).year;
  const months: Figure[] = Array.from({ length: 12 }, (_, i) => {
    const from = ymdToSerial(year, i + 1, 1);
    const next = ymdToSerial(year, i + 2, 1);
    const mm = MONTHS[i];
    return {
      name: `kpi_hours_month_${mm}`,
      label: t(`month.${mm}`),
      formula: `SUMIFS(${H('hours')},${H('date')},">="&DATE(YEAR(${RD}),${i + 1},1),${H('date')},"<"&DATE(YEAR(${RD}),${i + 2},1),${H('date')},"<="&${RD})`,
      value: sum(hours.rows.filter((r) => inRange(r.values.date, from, reportDate) && (r.values.date as number) < next), 'hours'),
      style: 'bar',
    };
  });

  /** Hours this year for each label of a settings list, a row per slot so the sheet follows the list. */
  const hoursByList = (listKey: 'activityTypes' | 'units', columnKey: string, rows: number, prefix: string): Figure[] =>
    Array.from({ length: rows }, (_, i) => {
      const label = settings.lists[listKey][i] ?? '';
      const n = i + 1;
      return {
        name: `${prefix}_${String(n).padStart(2, '0')}`,
        label,
        labelFormula: { formula: `IF(INDEX(list_${listKey},${n})="","",INDEX(list_${listKey},${n}))`, result: label },
        formula: `IF({label}="","",SUMIFS(${H('hours')},${H(columnKey)},{label},${thisYearCriteria}))`,
        value: label === '' ? '' : sum(hoursThisYear.filter((r) => sameText(r.values[columnKey], label)), 'hours'),
        style: 'bar',
      };
    });

  const cooperationForms: Figure[] = valueList('cooperationForms').items.map((item) => ({
    name: `kpi_agreements_form_${item.key}`,
    label: item.label[data.lang],
    formula: `COUNTIFS(${A('status')},${agreementActive},${A('cooperationForm')},{label})-COUNTIFS(${A('status')},${agreementActive},${A('cooperationForm')},{label},${A('end')},"<"&${RD})`,
    value: activeAgreements.filter((r) => sameText(r.values.cooperationForm, item.label[data.lang])).length,
    style: 'bar',
  }));

  return [
    { key: 'keyFigures', title: t('summary.section.keyFigures'), figures: keyFigures, bars: false },
    { key: 'compliance', title: t('summary.section.compliance'), figures: compliance, bars: false },
    ...evaluationSections(data, options.refreshedAt ?? serialToIso(reportDate)),
    { key: 'cooperationForms', title: t('summary.section.cooperationForms'), figures: cooperationForms, bars: true },
    { key: 'affiliation', title: t('summary.section.affiliation'), figures: byList('affiliationForms', 'affiliation', 'kpi_volunteers_affiliation'), bars: true },
    { key: 'ageGroups', title: t('summary.section.ageGroups'), figures: byList('ageGroups', 'ageGroup', 'kpi_volunteers_age'), bars: true },
    { key: 'months', title: t('summary.section.months'), figures: months, bars: true },
    { key: 'activities', title: t('summary.section.activities'), figures: hoursByList('activityTypes', 'activity', ACTIVITY_ROWS, 'kpi_hours_activity'), bars: true },
    { key: 'units', title: t('summary.section.units'), figures: hoursByList('units', 'unit', UNIT_ROWS, 'kpi_hours_unit'), bars: true },
  ];
}

/** Every figure by name, as the core computes it: what tests compare the spreadsheet against. */
export function figureValues(sections: FigureSection[]): Map<string, number | string> {
  return new Map(sections.flatMap((s) => s.figures.flatMap((fig) => [fig, ...(fig.second ? [fig.second] : [])]).map((v) => [v.name, v.value] as const)));
}

/**
 * Ended or paused volunteers whose end date lies further back than the retention period: their
 * personal data should be deleted or anonymised.
 */
function dueForDeletion(data: WorkbookData, f: FormulaRefs, reportDate: number): Figure {
  const V = (k: string) => f.col('volunteers', k);
  const cutoff = addMonths(reportDate, -data.settings.retentionMonths);
  const statuses = ['ended', 'paused'].map((k) => f.label('volunteerStatuses', k));
  const criteria = (status: string) => `COUNTIFS(${V('status')},${f.item('volunteerStatuses', status)},${V('end')},"<"&EDATE(${RD},-cfg_retention_months))`;
  return {
    name: 'kpi_due_for_deletion',
    label: workbookStrings.text('summary.dueForDeletion', data.lang),
    formula: `${criteria('ended')}+${criteria('paused')}`,
    value: data.registers.volunteers.rows.filter((r) => statuses.some((s) => sameText(r.values.status, s)) && (asNumber(r.values.end) ?? Infinity) < cutoff).length,
    style: 'kpi',
  };
}


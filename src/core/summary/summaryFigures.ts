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
import { personalDataBasisKey } from '../model/settingsModel';
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
  const scope = summaryScope(data, reportDate);
  const title = scope.label;
  return [
    { key: 'keyFigures', title: title('summary.section.keyFigures'), figures: keyFigures(scope), bars: false },
    { key: 'compliance', title: title('summary.section.compliance'), figures: complianceFigures(scope), bars: false },
    ...evaluationSections(data, options.refreshedAt ?? serialToIso(reportDate)),
    { key: 'cooperationForms', title: title('summary.section.cooperationForms'), figures: agreementsByCooperationForm(scope), bars: true },
    {
      key: 'affiliation',
      title: title('summary.section.affiliation'),
      figures: activeVolunteersByList(scope, 'affiliationForms', 'affiliation', 'kpi_volunteers_affiliation'),
      bars: true,
    },
    {
      key: 'ageGroups',
      title: title('summary.section.ageGroups'),
      figures: activeVolunteersByList(scope, 'ageGroups', 'ageGroup', 'kpi_volunteers_age'),
      bars: true,
    },
    { key: 'months', title: title('summary.section.months'), figures: hoursByMonth(scope), bars: true },
    {
      key: 'activities',
      title: title('summary.section.activities'),
      figures: hoursByListSlot(scope, 'activityTypes', 'activity', ACTIVITY_ROWS, 'kpi_hours_activity'),
      bars: true,
    },
    { key: 'units', title: title('summary.section.units'), figures: hoursByListSlot(scope, 'units', 'unit', UNIT_ROWS, 'kpi_hours_unit'), bars: true },
  ];
}

/**
 * What the figures share: the formula references, the report date, and the rows the sections count
 * (computed once). Formulas test a status against the list item's formula (`agreementActive`),
 * values against its label in the workbook's language.
 */
interface SummaryScope {
  data: WorkbookData;
  refs: FormulaRefs;
  reportDate: number;
  /** A text of the summary in the workbook's language. */
  label: (key: WorkbookStringKey) => string;
  /** Structured references to a register's column, for formulas. */
  agreementsCol: (key: string) => string;
  volunteersCol: (key: string) => string;
  hoursCol: (key: string) => string;
  agreementActive: string;
  volunteerActive: string;
  /** Active agreements that have not ended by the report date. */
  activeAgreements: RegisterRow[];
  activeVolunteers: RegisterRow[];
  yearStart: number;
  /** Hours logged from the start of the report date's year up to the report date. */
  hoursThisYear: RegisterRow[];
  /** COUNTIFS/SUMIFS criteria selecting hours rows in that same span. */
  thisYearCriteria: string;
}

function summaryScope(data: WorkbookData, reportDate: number): SummaryScope {
  const refs = new FormulaRefs(data.lang, data.tables);
  const hoursCol = (k: string) => refs.col('hours', k);
  const activeAgreementLabel = refs.label('agreementStatuses', 'active');
  const start = yearStart(reportDate);
  return {
    data,
    refs,
    reportDate,
    label: (key) => workbookStrings.text(key, data.lang),
    agreementsCol: (k) => refs.col('agreements', k),
    volunteersCol: (k) => refs.col('volunteers', k),
    hoursCol,
    agreementActive: refs.item('agreementStatuses', 'active'),
    volunteerActive: refs.item('volunteerStatuses', 'active'),
    activeAgreements: data.registers.agreements.rows.filter(
      (r) => sameText(r.values.status, activeAgreementLabel) && !((asNumber(r.values.end) ?? Infinity) < reportDate),
    ),
    activeVolunteers: data.registers.volunteers.rows.filter((r) => sameText(r.values.status, refs.label('volunteerStatuses', 'active'))),
    yearStart: start,
    hoursThisYear: data.registers.hours.rows.filter((r) => inRange(r.values.date, start, reportDate)),
    thisYearCriteria: `${hoursCol('date')},">="&DATE(YEAR(${RD}),1,1),${hoursCol('date')},"<="&${RD}`,
  };
}

/** The report date, then the agreement, volunteer and hours figures, in the order the sheet shows them. */
function keyFigures(scope: SummaryScope): Figure[] {
  const reportDate: Figure = {
    name: 'kpi_report_date',
    label: scope.label('summary.reportDate'),
    formula: `IF(ISNUMBER(cfg_report_date),cfg_report_date,TODAY())`,
    value: scope.reportDate,
    style: 'date',
  };
  return [reportDate, ...agreementFigures(scope), ...volunteerFigures(scope), ...hoursFigures(scope)];
}

function agreementFigures(scope: SummaryScope): Figure[] {
  const { data, refs, reportDate, label, agreementActive, activeAgreements } = scope;
  const A = scope.agreementsCol;
  const activeLabel = refs.label('agreementStatuses', 'active');
  const expiring = data.registers.agreements.rows.filter(
    (r) => sameText(r.values.status, activeLabel) && inRange(r.values.end, reportDate, reportDate + data.settings.expiryWarningDays),
  );
  return [
    {
      name: 'kpi_active_agreements',
      label: label('summary.activeAgreements'),
      formula: `COUNTIFS(${A('status')},${agreementActive})-COUNTIFS(${A('status')},${agreementActive},${A('end')},"<"&${RD})`,
      value: activeAgreements.length,
      style: 'kpi',
    },
    {
      name: 'kpi_expiring_agreements',
      label: label('summary.expiringAgreements'),
      formula: `COUNTIFS(${A('status')},${agreementActive},${A('end')},">="&${RD},${A('end')},"<="&(${RD}+cfg_expiry_warning_days))`,
      value: expiring.length,
      style: 'kpi',
    },
    {
      name: 'kpi_grants_total',
      label: label('summary.grantsTotal'),
      formula: `SUMIFS(${A('grantPerYear')},${A('status')},${agreementActive})-SUMIFS(${A('grantPerYear')},${A('status')},${agreementActive},${A('end')},"<"&${RD})`,
      value: sum(activeAgreements, 'grantPerYear'),
      style: 'kpiMoney',
    },
  ];
}

function volunteerFigures(scope: SummaryScope): Figure[] {
  const { data, refs, reportDate, label, volunteerActive, activeVolunteers, yearStart: start } = scope;
  const V = scope.volunteersCol;
  const volunteers = data.registers.volunteers;
  const hoursById = hoursLast12ById(data, reportDate);
  const coreThreshold = 12 * data.settings.coreHoursPerMonth;
  return [
    {
      name: 'kpi_active_volunteers',
      label: label('summary.activeVolunteers'),
      formula: `COUNTIFS(${V('status')},${volunteerActive})`,
      value: activeVolunteers.length,
      style: 'kpi',
    },
    {
      name: 'kpi_volunteers_new_year',
      label: label('summary.volunteersNewYear'),
      formula: `COUNTIFS(${V('start')},">="&DATE(YEAR(${RD}),1,1),${V('start')},"<="&${RD})`,
      value: volunteers.rows.filter((r) => inRange(r.values.start, start, reportDate)).length,
      style: 'kpi',
    },
    {
      name: 'kpi_volunteers_ended_year',
      label: label('summary.volunteersEndedYear'),
      formula: `COUNTIFS(${V('status')},${refs.item('volunteerStatuses', 'ended')},${V('end')},">="&DATE(YEAR(${RD}),1,1),${V('end')},"<="&${RD})`,
      value: volunteers.rows.filter((r) => sameText(r.values.status, refs.label('volunteerStatuses', 'ended')) && inRange(r.values.end, start, reportDate))
        .length,
      style: 'kpi',
    },
    {
      name: 'kpi_core_volunteers',
      label: label('summary.coreVolunteers'),
      formula: `COUNTIFS(${V('status')},${volunteerActive},${V('hoursLast12Months')},">="&(12*cfg_core_hours_per_month))`,
      value: activeVolunteers.filter((r) => hoursLast12(hoursById, r) >= coreThreshold).length,
      style: 'kpi',
    },
  ];
}

function hoursFigures(scope: SummaryScope): Figure[] {
  const { data, label, hoursThisYear, thisYearCriteria } = scope;
  const H = scope.hoursCol;
  const settings = data.settings;
  const hoursYear = sum(hoursThisYear, 'hours');
  return [
    { name: 'kpi_hours_year', label: label('summary.hoursYear'), formula: `SUMIFS(${H('hours')},${thisYearCriteria})`, value: hoursYear, style: 'kpiDecimal' },
    {
      name: 'kpi_fte',
      label: label('summary.fte'),
      formula: `IFERROR(kpi_hours_year/cfg_hours_per_fte,0)`,
      value: settings.hoursPerFte > 0 ? hoursYear / settings.hoursPerFte : 0,
      style: 'kpiDecimal',
    },
    {
      name: 'kpi_value',
      label: label('summary.value'),
      formula: `kpi_hours_year*cfg_value_per_hour`,
      value: hoursYear * settings.valuePerHour,
      style: 'kpiMoney',
    },
    {
      name: 'kpi_users_reached',
      label: label('summary.usersReached'),
      formula: `SUMIFS(${H('usersReached')},${thisYearCriteria})`,
      value: sum(hoursThisYear, 'usersReached'),
      style: 'kpi',
    },
  ];
}

/** Active volunteers missing a declaration, certificate or consent, and those due for deletion. */
function complianceFigures(scope: SummaryScope): Figure[] {
  const { data, refs, label, volunteerActive, activeVolunteers } = scope;
  const V = scope.volunteersCol;
  return [
    {
      name: 'kpi_missing_confidentiality',
      label: label('summary.missingConfidentiality'),
      formula: `SUMPRODUCT((${V('status')}=${volunteerActive})*(${V('confidentialityDate')}=""))`,
      value: activeVolunteers.filter((r) => isBlank(r.values.confidentialityDate)).length,
      style: 'kpi',
    },
    {
      name: 'kpi_missing_police_certificate',
      label: label('summary.missingPoliceCertificate'),
      formula: `SUMPRODUCT((${V('status')}=${volunteerActive})*(${V('policeCertificateRequired')}=${refs.item('yesNo', 'yes')})*(${V('policeCertificateDate')}=""))`,
      value: activeVolunteers.filter((r) => policeRequired(data, refs, r) && isBlank(r.values.policeCertificateDate)).length,
      style: 'kpi',
    },
    {
      name: 'kpi_missing_consent',
      label: label('summary.missingConsent'),
      // Counted only when the register rests on consent; an older workbook without the setting counts none, as the core reads it.
      formula: `IF(IFERROR(cfg_personal_data_basis=${refs.item('personalDataBases', 'consent')},FALSE),SUMPRODUCT((${V('status')}=${volunteerActive})*(${V('consentDate')}="")),0)`,
      value: personalDataBasisKey(data.settings) === 'consent' ? activeVolunteers.filter((r) => isBlank(r.values.consentDate)).length : 0,
      style: 'kpi',
    },
    dueForDeletion(data, refs, scope.reportDate),
  ];
}

/** Active volunteers for each item of a value list (a bar each). */
function activeVolunteersByList(scope: SummaryScope, listKey: string, columnKey: string, prefix: string): Figure[] {
  const { data, volunteerActive, activeVolunteers } = scope;
  const V = scope.volunteersCol;
  return valueList(listKey).items.map((item) => ({
    name: `${prefix}_${item.key}`,
    label: item.label[data.lang],
    formula: `COUNTIFS(${V('status')},${volunteerActive},${V(columnKey)},{label})`,
    value: activeVolunteers.filter((r) => sameText(r.values[columnKey], item.label[data.lang])).length,
    style: 'bar',
  }));
}

/** Hours in each month of the report date's year, up to the report date. */
function hoursByMonth(scope: SummaryScope): Figure[] {
  const { data, reportDate, label } = scope;
  const H = scope.hoursCol;
  const year = serialParts(reportDate).year;
  return Array.from({ length: 12 }, (_, i) => {
    const from = ymdToSerial(year, i + 1, 1);
    const next = ymdToSerial(year, i + 2, 1);
    const mm = MONTHS[i];
    return {
      name: `kpi_hours_month_${mm}`,
      label: label(`month.${mm}`),
      formula: `SUMIFS(${H('hours')},${H('date')},">="&DATE(YEAR(${RD}),${i + 1},1),${H('date')},"<"&DATE(YEAR(${RD}),${i + 2},1),${H('date')},"<="&${RD})`,
      value: sum(
        data.registers.hours.rows.filter((r) => inRange(r.values.date, from, reportDate) && (r.values.date as number) < next),
        'hours',
      ),
      style: 'bar',
    };
  });
}

/** Hours this year for each label of a settings list, a row per slot so the sheet follows the list. */
function hoursByListSlot(scope: SummaryScope, listKey: 'activityTypes' | 'units', columnKey: string, rows: number, prefix: string): Figure[] {
  const { data, hoursThisYear, thisYearCriteria } = scope;
  const H = scope.hoursCol;
  return Array.from({ length: rows }, (_, i) => {
    const label = data.settings.lists[listKey][i] ?? '';
    const n = i + 1;
    return {
      name: `${prefix}_${String(n).padStart(2, '0')}`,
      label,
      labelFormula: { formula: `IF(INDEX(list_${listKey},${n})="","",INDEX(list_${listKey},${n}))`, result: label },
      formula: `IF({label}="","",SUMIFS(${H('hours')},${H(columnKey)},{label},${thisYearCriteria}))`,
      value:
        label === ''
          ? ''
          : sum(
              hoursThisYear.filter((r) => sameText(r.values[columnKey], label)),
              'hours',
            ),
      style: 'bar',
    };
  });
}

/** Active agreements for each cooperation form (a bar each). */
function agreementsByCooperationForm(scope: SummaryScope): Figure[] {
  const { data, agreementActive, activeAgreements } = scope;
  const A = scope.agreementsCol;
  return valueList('cooperationForms').items.map((item) => ({
    name: `kpi_agreements_form_${item.key}`,
    label: item.label[data.lang],
    formula: `COUNTIFS(${A('status')},${agreementActive},${A('cooperationForm')},{label})-COUNTIFS(${A('status')},${agreementActive},${A('cooperationForm')},{label},${A('end')},"<"&${RD})`,
    value: activeAgreements.filter((r) => sameText(r.values.cooperationForm, item.label[data.lang])).length,
    style: 'bar',
  }));
}

/** Every figure by name, as the core computes it: what tests compare the spreadsheet against. */
export function figureValues(sections: FigureSection[]): Map<string, number | string> {
  return new Map(sections.flatMap((s) => s.figures.flatMap((fig) => [fig, ...(fig.second ? [fig.second] : [])]).map((v) => [v.name, v.value] as const)));
}

/**
 * Ended or paused volunteers whose end date lies further back than the retention period: their
 * personal data should be deleted or anonymised.
 */
function dueForDeletion(data: WorkbookData, refs: FormulaRefs, reportDate: number): Figure {
  const V = (k: string) => refs.col('volunteers', k);
  const cutoff = addMonths(reportDate, -data.settings.retentionMonths);
  const statuses = ['ended', 'paused'].map((k) => refs.label('volunteerStatuses', k));
  const criteria = (status: string) => `COUNTIFS(${V('status')},${refs.item('volunteerStatuses', status)},${V('end')},"<"&EDATE(${RD},-cfg_retention_months))`;
  return {
    name: 'kpi_due_for_deletion',
    label: workbookStrings.text('summary.dueForDeletion', data.lang),
    formula: `${criteria('ended')}+${criteria('paused')}`,
    value: data.registers.volunteers.rows.filter((r) => statuses.some((s) => sameText(r.values.status, s)) && (asNumber(r.values.end) ?? Infinity) < cutoff)
      .length,
    style: 'kpi',
  };
}

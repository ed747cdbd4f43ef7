/**
 * The summary's key figures. Each figure is written twice from one definition: as a live formula
 * for the workbook, and as the value the core computes from the same rows. The value becomes the
 * formula's cached result, and tests check that an independent spreadsheet computes the same.
 * Each figure also names its one-line definition (templates/ui/figures.json), which the sheet's
 * "how the figures are computed" section and docs/figures.md show.
 *
 * The shared rules: "active" is activeRule.ts (one rule for agreements and volunteers), "due for
 * deletion" is retention.ts (shared with validation), texts compare as COUNTIFS compares them and
 * every criterion escapes wildcards (criteria.ts), and only a number in a date cell is a date.
 */
import { asNumber } from '../model/cellValues';
import { criterionKey, isDate, matchesText } from '../model/criteria';
import { valueList, workbookStrings, type WorkbookStringKey } from '../content/content';
import { serialParts, serialToIso, ymdToSerial } from '../model/dates';
import { evaluationSections } from '../evaluation/evaluationFigures';
import { FormulaRefs } from '../plan/formulaRefs';
import { criterionOf, textLiteral } from '../plan/structuredRefs';
import type { RegisterRow } from '../model/registerRows';
import { listSlots, personalDataBasisKey } from '../model/settingsModel';
import { ActiveRule, endedWhileMarkedActive, isActiveOn, REPORT_DATE_NAME, statusLabel } from '../model/activeRule';
import { isDueForDeletion, lastHoursByVolunteer } from '../model/retention';
import { hoursLast12, hoursLast12ById, policeRequired } from '../model/volunteerDerived';
import { assignmentDutiesCriteria, hasAssignmentDuties } from '../model/assignmentDuties';
import type { WorkbookData } from '../model/workbookData';
import type { StyleKey } from '../plan/workbookPlan';
import { figureStrings, type DefinitionKey } from './figureDefinitions';
import { PersonalDataFilter } from './personalData';

/** Month numbers as the month labels in templates/ui/workbook.json are keyed. */
const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'] as const;

/** A value cell: a live formula with the core's value as its cached result, or (formula null) a
 * value the program computed, written as it is and stamped with the time it was refreshed. */
export interface FigureValue {
  /** Workbook-level defined name of the value cell: kpi_<key>. */
  name: string;
  /**
   * `{label}` stands for the absolute address of this figure's label cell, `{rowsAbove}` for the
   * value cells of the section's rows above this one (a range; the row that adds up the rest).
   */
  formula: string | null;
  value: number | string;
  style: StyleKey;
}

export interface Figure extends FigureValue {
  label: string;
  /** A label that is itself a formula (rows that follow a settings list, a threshold from the settings). */
  labelFormula?: { formula: string; result: string };
  /** Long labels (statements) wrap. */
  labelStyle?: StyleKey;
  /** A second value beside the first (column C): barriers beside promoters, instruments beside a rating. */
  second?: FigureValue;
  /** What the figure counts, in one line a leader can read (templates/ui/figures.json). */
  definition?: DefinitionKey;
  /** A breakdown of people: small counts are hidden in the copy for the public. */
  people?: boolean;
}

export interface FigureSection {
  key: string;
  title: string;
  figures: Figure[];
  /** Show in-cell bars beside the values. */
  bars: boolean;
  /** Headings over the value columns, for sections with two values a row. */
  headings?: [string, string];
  /** A line under the title: how and when the section's values were computed (a formula when it depends on the settings). */
  note?: string | { formula: string; result: string };
  /**
   * `lines`: each figure on its own rows, the value and then its second value, both in column A
   * and free to run across the empty columns beside them — for long texts (statements), which a
   * cell would otherwise cut off or wrap over the next row. `notes`: each figure's label and
   * text as one paragraph across the columns (the definitions).
   */
  layout?: 'table' | 'lines' | 'notes';
}

const RD = REPORT_DATE_NAME;

/** Each breakdown section and the figure its rows add up to. */
export const BREAKDOWN_TOTALS = {
  cooperationForms: 'kpi_active_agreements',
  affiliation: 'kpi_active_volunteers',
  ageGroups: 'kpi_active_volunteers',
  months: 'kpi_hours_year',
  activities: 'kpi_hours_year',
  units: 'kpi_hours_year',
} as const;

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
  /**
   * The day the file is written, for the note that says so when no report date is chosen in the
   * settings (the cached values are computed for it; Excel recomputes them for its own today).
   */
  writtenOn?: number;
}

export function summarySections(data: WorkbookData, reportDate: number, options: SummaryOptions = {}): FigureSection[] {
  const scope = summaryScope(data, reportDate);
  const title = scope.label;
  const sections: FigureSection[] = [
    { key: 'keyFigures', title: title('summary.section.keyFigures'), figures: keyFigures(scope), bars: false, note: reportDateNote(scope, options) },
    { key: 'compliance', title: title('summary.section.compliance'), figures: complianceFigures(scope), bars: false },
    ...evaluationSections(data, options.refreshedAt ?? serialToIso(reportDate), scrubber(data)),
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
      figures: hoursByListSlot(scope, 'activityTypes', 'activity', 'kpi_hours_activity', 'hoursByActivity'),
      bars: true,
    },
    {
      key: 'units',
      title: title('summary.section.units'),
      figures: hoursByListSlot(scope, 'units', 'unit', 'kpi_hours_unit', 'hoursByUnit'),
      bars: true,
    },
  ];
  return [...sections, definitionSection(data, sections)];
}

/** The evaluation's texts on the leaders' sheet, with the names of people from the registers taken out. */
function scrubber(data: WorkbookData): (text: string) => string {
  const filter = new PersonalDataFilter(data);
  const marker = workbookStrings.text('public.removed', data.lang);
  return (text) => filter.scrub(text, marker);
}

/**
 * What the figures share: the formula references, the report date, and the rows the sections count
 * (computed once). Formulas test a status against the list item's label as an exact criterion.
 */
interface SummaryScope {
  data: WorkbookData;
  refs: FormulaRefs;
  reportDate: number;
  /** A text of the summary in the workbook's language. */
  label: (key: WorkbookStringKey) => string;
  /** A text of templates/ui/figures.json in the workbook's language. */
  figureText: (key: Parameters<typeof figureStrings.text>[0]) => string;
  /** Structured references to a register's column, for formulas. */
  agreementsCol: (key: string) => string;
  volunteersCol: (key: string) => string;
  hoursCol: (key: string) => string;
  activeAgreementRule: ActiveRule;
  activeVolunteerRule: ActiveRule;
  /** Agreements and volunteers active on the report date (activeRule.ts). */
  activeAgreements: RegisterRow[];
  activeVolunteers: RegisterRow[];
  yearStart: number;
  /** Hours logged from the start of the report date's year up to the report date. */
  hoursThisYear: RegisterRow[];
  /** COUNTIFS/SUMIFS criteria selecting hours rows in that same span. */
  thisYearCriteria: string;
}

function summaryScope(data: WorkbookData, reportDate: number): SummaryScope {
  const refs = FormulaRefs.of(data);
  const hoursCol = (k: string) => refs.col('hours', k);
  const start = yearStart(reportDate);
  return {
    data,
    refs,
    reportDate,
    label: (key) => workbookStrings.text(key, data.lang),
    figureText: (key) => figureStrings.text(key, data.lang),
    agreementsCol: (k) => refs.col('agreements', k),
    volunteersCol: (k) => refs.col('volunteers', k),
    hoursCol,
    activeAgreementRule: new ActiveRule(refs, 'agreements'),
    activeVolunteerRule: new ActiveRule(refs, 'volunteers'),
    activeAgreements: data.registers.agreements.rows.filter((r) => isActiveOn(r, 'agreements', data.lang, reportDate)),
    activeVolunteers: data.registers.volunteers.rows.filter((r) => isActiveOn(r, 'volunteers', data.lang, reportDate)),
    yearStart: start,
    hoursThisYear: data.registers.hours.rows.filter((r) => inRange(r.values.date, start, reportDate)),
    thisYearCriteria: `${hoursCol('date')},">="&DATE(YEAR(${RD}),1,1),${hoursCol('date')},"<="&${RD}`,
  };
}

/**
 * Under the key figures: whether the report date was chosen in the settings, or the figures follow
 * the day the workbook is opened — and then for which day the values stored in the file were
 * computed. A formula, so it stays true when someone fills in or clears the setting.
 */
function reportDateNote(scope: SummaryScope, options: SummaryOptions): { formula: string; result: string } {
  const chosen = scope.figureText('note.reportDate.chosen');
  const open = figureStrings.text('note.reportDate.today', scope.data.lang, { date: serialToIso(options.writtenOn ?? scope.reportDate) });
  return {
    formula: `IF(ISNUMBER(cfg_report_date),${textLiteral(chosen)},${textLiteral(open)})`,
    result: scope.data.settings.reportDate !== null ? chosen : open,
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
    definition: 'reportDate',
  };
  return [reportDate, ...agreementFigures(scope), ...volunteerFigures(scope), ...hoursFigures(scope)];
}

function agreementFigures(scope: SummaryScope): Figure[] {
  const { data, reportDate, label, activeAgreements, activeAgreementRule: active } = scope;
  const A = scope.agreementsCol;
  const expiring = activeAgreements.filter((r) => inRange(r.values.end, reportDate, reportDate + data.settings.expiryWarningDays));
  return [
    {
      name: 'kpi_active_agreements',
      label: label('summary.activeAgreements'),
      formula: active.count(),
      value: activeAgreements.length,
      style: 'kpi',
      definition: 'activeAgreements',
    },
    {
      name: 'kpi_expiring_agreements',
      label: label('summary.expiringAgreements'),
      formula: active.count([`${A('end')},">="&${RD}`, `${A('end')},"<="&(${RD}+cfg_expiry_warning_days)`]),
      value: expiring.length,
      style: 'kpi',
      definition: 'expiringAgreements',
    },
    {
      name: 'kpi_grants_total',
      label: label('summary.grantsTotal'),
      formula: active.sum('grantPerYear'),
      value: sum(activeAgreements, 'grantPerYear'),
      style: 'kpiMoney',
      definition: 'grantsTotal',
    },
  ];
}

function volunteerFigures(scope: SummaryScope): Figure[] {
  const { data, refs, reportDate, label, activeVolunteers, activeVolunteerRule: active, yearStart: start } = scope;
  const V = scope.volunteersCol;
  const volunteers = data.registers.volunteers;
  const hoursById = hoursLast12ById(data, reportDate);
  const coreThreshold = 12 * data.settings.coreHoursPerMonth;
  const ended = statusLabel('volunteers', 'ended', data.lang);
  const coreLabel = figureStrings.text('label.coreVolunteers', data.lang, { hours: data.settings.coreHoursPerMonth });
  const [before, after] = figureStrings.text('label.coreVolunteers', data.lang, { hours: '\u0000' }).split('\u0000');
  return [
    {
      name: 'kpi_active_volunteers',
      label: label('summary.activeVolunteers'),
      formula: active.count(),
      value: activeVolunteers.length,
      style: 'kpi',
      definition: 'activeVolunteers',
    },
    {
      name: 'kpi_volunteers_new_year',
      label: label('summary.volunteersNewYear'),
      formula: `COUNTIFS(${V('start')},">="&DATE(YEAR(${RD}),1,1),${V('start')},"<="&${RD})`,
      value: volunteers.rows.filter((r) => inRange(r.values.start, start, reportDate)).length,
      style: 'kpi',
      definition: 'volunteersNewYear',
    },
    {
      name: 'kpi_volunteers_ended_year',
      label: label('summary.volunteersEndedYear'),
      // Ended as recorded, and marked active but past the end date (activeRule.ts).
      formula:
        `(COUNTIFS(${V('status')},${refs.is('volunteerStatuses', 'ended')},${V('end')},">="&DATE(YEAR(${RD}),1,1),${V('end')},"<="&${RD})` +
        `+COUNTIFS(${V('status')},${refs.is('volunteerStatuses', 'active')},${V('end')},">="&DATE(YEAR(${RD}),1,1),${V('end')},"<"&${RD}))`,
      value: volunteers.rows.filter(
        (r) =>
          (matchesText(r.values.status, ended) || endedWhileMarkedActive(r, 'volunteers', data.lang, reportDate)) && inRange(r.values.end, start, reportDate),
      ).length,
      style: 'kpi',
      definition: 'volunteersEndedYear',
    },
    {
      name: 'kpi_core_volunteers',
      label: coreLabel,
      labelFormula: { formula: `${textLiteral(before)}&cfg_core_hours_per_month&${textLiteral(after)}`, result: coreLabel },
      formula: active.count([`${V('hoursLast12Months')},">="&(12*cfg_core_hours_per_month)`]),
      value: activeVolunteers.filter((r) => hoursLast12(hoursById, r) >= coreThreshold).length,
      style: 'kpi',
      definition: 'coreVolunteers',
    },
  ];
}

function hoursFigures(scope: SummaryScope): Figure[] {
  const { data, label, hoursThisYear, thisYearCriteria } = scope;
  const H = scope.hoursCol;
  const settings = data.settings;
  const hoursYear = sum(hoursThisYear, 'hours');
  return [
    {
      name: 'kpi_hours_year',
      label: label('summary.hoursYear'),
      formula: `SUMIFS(${H('hours')},${thisYearCriteria})`,
      value: hoursYear,
      style: 'kpiDecimal',
      definition: 'hoursYear',
    },
    {
      name: 'kpi_fte',
      label: label('summary.fte'),
      formula: `IFERROR(kpi_hours_year/cfg_hours_per_fte,0)`,
      value: settings.hoursPerFte > 0 ? hoursYear / settings.hoursPerFte : 0,
      style: 'kpiDecimal',
      definition: 'fte',
    },
    {
      name: 'kpi_value',
      label: label('summary.value'),
      formula: `kpi_hours_year*cfg_value_per_hour`,
      value: hoursYear * settings.valuePerHour,
      style: 'kpiMoney',
      definition: 'value',
    },
    {
      name: 'kpi_users_reached',
      label: label('summary.usersReached'),
      formula: `SUMIFS(${H('usersReached')},${thisYearCriteria})`,
      value: sum(hoursThisYear, 'usersReached'),
      style: 'kpi',
      definition: 'usersReached',
    },
  ];
}

/** Active volunteers missing a declaration, certificate or consent (only a date counts), and those due for deletion. */
function complianceFigures(scope: SummaryScope): Figure[] {
  const { data, refs, reportDate, label, activeVolunteers, activeVolunteerRule: active } = scope;
  const V = scope.volunteersCol;
  const requiredCriterion = `${V('policeCertificateRequired')},${refs.is('yesNo', 'yes')}`;
  // Informal helpers are not asked for a declaration or consent (model/assignmentDuties.ts).
  const duties = assignmentDutiesCriteria(V('affiliation'), data.lang);
  const assigned = activeVolunteers.filter((r) => hasAssignmentDuties(r.values.affiliation, data.lang));
  return [
    {
      name: 'kpi_missing_confidentiality',
      label: label('summary.missingConfidentiality'),
      formula: active.countWithoutDate('confidentialityDate', duties),
      value: assigned.filter((r) => !isDate(r.values.confidentialityDate)).length,
      style: 'kpi',
      definition: 'missingConfidentiality',
    },
    {
      name: 'kpi_missing_police_certificate',
      label: label('summary.missingPoliceCertificate'),
      formula: active.countWithoutDate('policeCertificateDate', [requiredCriterion]),
      value: activeVolunteers.filter((r) => policeRequired(data, r, reportDate) && !isDate(r.values.policeCertificateDate)).length,
      style: 'kpi',
      definition: 'missingPoliceCertificate',
    },
    {
      name: 'kpi_missing_consent',
      label: label('summary.missingConsent'),
      // Counted only when the register rests on consent, and only among volunteers with the duties of an assignment;
      // an older workbook without the setting counts none, as the core reads it.
      formula: `IF(IFERROR(cfg_personal_data_basis=${refs.item('personalDataBases', 'consent')},FALSE),${active.countWithoutDate('consentDate', duties)},0)`,
      value: personalDataBasisKey(data.settings, data.lang) === 'consent' ? assigned.filter((r) => !isDate(r.values.consentDate)).length : 0,
      style: 'kpi',
      definition: 'missingConsent',
    },
    dueForDeletion(scope),
  ];
}

/**
 * Ended (or marked active past the end date) and paused volunteers whose last activity — the end
 * date, or the last logged hours, whichever is later — lies before the retention cut-off
 * (retention.ts). In the formula, each volunteer's hours are found with COUNTIFS by id inside
 * SUMPRODUCT: no hours on or after the cut-off, and some date to go by.
 */
function dueForDeletion(scope: SummaryScope): Figure {
  const { data, refs, reportDate } = scope;
  const V = scope.volunteersCol;
  const H = scope.hoursCol;
  const cutoff = `EDATE(${RD},-cfg_retention_months)`;
  const status = (k: string) => `(${V('status')}=${refs.item('volunteerStatuses', k)})`;
  const endIsDate = `ISNUMBER(${V('end')})`;
  const inactive = `(${status('ended')}+${status('paused')}+${status('active')}*${endIsDate}*(${V('end')}<${RD}))`;
  const hoursOf = (comparison: string) => `COUNTIFS(${H('volunteerId')},${criterionOf(V('id'))},${H('date')},"${comparison}"&${cutoff})`;
  const hasId = `(${V('id')}<>"")`;
  const endBefore = `(1-${endIsDate}*(${V('end')}>=${cutoff}))`;
  const noLaterHours = `(1-${hasId}*(${hoursOf('>=')}>0))`;
  const somethingToGoBy = `((${endIsDate}+${hasId}*(${hoursOf('<')}>0))>0)`;
  const lastHours = lastHoursByVolunteer(data.registers.hours.rows);
  return {
    name: 'kpi_due_for_deletion',
    label: workbookStrings.text('summary.dueForDeletion', data.lang),
    formula: `SUMPRODUCT(${inactive}*${endBefore}*${noLaterHours}*${somethingToGoBy})`,
    value: data.registers.volunteers.rows.filter((r) => isDueForDeletion(r, data.lang, reportDate, data.settings.retentionMonths, lastHours)).length,
    style: 'kpi',
    definition: 'dueForDeletion',
  };
}

/** The row that takes what the rows above leave of the total: blank, unknown, or not in the list. */
function otherRow(scope: SummaryScope, name: string, total: string, value: number, definition: DefinitionKey, style: StyleKey = 'bar'): Figure {
  return {
    name,
    label: scope.figureText('label.other'),
    formula: `${total}-SUM({rowsAbove})`,
    value,
    style,
    definition,
  };
}

/** Active volunteers for each item of a value list (a bar each), and those with none of them. */
function activeVolunteersByList(scope: SummaryScope, listKey: string, columnKey: string, prefix: string): Figure[] {
  const { data, activeVolunteers, activeVolunteerRule: active } = scope;
  const V = scope.volunteersCol;
  const definition: DefinitionKey = columnKey === 'affiliation' ? 'volunteersByAffiliation' : 'volunteersByAge';
  const rows: Figure[] = valueList(listKey).items.map((item) => ({
    name: `${prefix}_${item.key}`,
    label: item.label[data.lang],
    formula: active.count([`${V(columnKey)},${criterionOf('{label}')}`]),
    value: activeVolunteers.filter((r) => matchesText(r.values[columnKey], item.label[data.lang])).length,
    style: 'bar',
    definition,
    people: true,
  }));
  const counted = rows.reduce((n, r) => n + (r.value as number), 0);
  return [...rows, { ...otherRow(scope, `${prefix}_other`, BREAKDOWN_TOTALS.affiliation, activeVolunteers.length - counted, definition), people: true }];
}

/** Hours in each month of the report date's year, up to the report date. */
function hoursByMonth(scope: SummaryScope): Figure[] {
  const { data, reportDate, label } = scope;
  const H = scope.hoursCol;
  const year = serialParts(reportDate).year;
  const starts = Array.from({ length: 13 }, (_, i) => ymdToSerial(year, i + 1, 1));
  // One pass over the log, each row's hours into its month: a large log is not walked twelve times.
  const sums = new Array<number>(12).fill(0);
  for (const r of data.registers.hours.rows) {
    const date = r.values.date;
    if (!inRange(date, starts[0], reportDate) || (date as number) >= starts[12]) continue;
    let month = 0;
    while ((date as number) >= starts[month + 1]) month++;
    sums[month] += asNumber(r.values.hours) ?? 0;
  }
  return Array.from({ length: 12 }, (_, i) => {
    const mm = MONTHS[i];
    return {
      name: `kpi_hours_month_${mm}`,
      label: label(`month.${mm}`),
      formula: `SUMIFS(${H('hours')},${H('date')},">="&DATE(YEAR(${RD}),${i + 1},1),${H('date')},"<"&DATE(YEAR(${RD}),${i + 2},1),${H('date')},"<="&${RD})`,
      value: sums[i],
      style: 'bar',
      definition: 'hoursByMonth',
    };
  });
}

/**
 * Hours this year for each slot of a settings list, a row per slot up to the list's last item so
 * the sheet follows the list (its labels are live), then a row for hours whose activity or unit is
 * blank or not in the list. The rows add up to the hours this year.
 */
function hoursByListSlot(scope: SummaryScope, listKey: 'activityTypes' | 'units', columnKey: string, prefix: string, definition: DefinitionKey): Figure[] {
  const { data, hoursThisYear, thisYearCriteria } = scope;
  const H = scope.hoursCol;
  const slots = listSlots(data.settings, listKey);
  // The year's hours by the column's text as a criterion compares it, summed in one pass over the rows.
  const byText = new Map<string, number>();
  for (const r of hoursThisYear) {
    const key = criterionKey(r.values[columnKey]);
    byText.set(key, (byText.get(key) ?? 0) + (asNumber(r.values.hours) ?? 0));
  }
  const rows: Figure[] = slots.map((label, i) => {
    const n = i + 1;
    return {
      name: `${prefix}_${String(n).padStart(2, '0')}`,
      label,
      labelFormula: { formula: `IF(INDEX(list_${listKey},${n})="","",INDEX(list_${listKey},${n}))`, result: label },
      formula: `IF({label}="","",SUMIFS(${H('hours')},${H(columnKey)},${criterionOf('{label}')},${thisYearCriteria}))`,
      value: label === '' ? '' : (byText.get(label.toLowerCase()) ?? 0),
      style: 'bar',
      definition,
    };
  });
  const counted = rows.reduce((n, r) => n + (typeof r.value === 'number' ? r.value : 0), 0);
  return [...rows, otherRow(scope, `${prefix}_other`, BREAKDOWN_TOTALS.activities, sum(hoursThisYear, 'hours') - counted, definition)];
}

/** Active agreements for each cooperation form (a bar each), and those with none of them. */
function agreementsByCooperationForm(scope: SummaryScope): Figure[] {
  const { data, activeAgreements, activeAgreementRule: active } = scope;
  const A = scope.agreementsCol;
  const rows: Figure[] = valueList('cooperationForms').items.map((item) => ({
    name: `kpi_agreements_form_${item.key}`,
    label: item.label[data.lang],
    formula: active.count([`${A('cooperationForm')},${criterionOf('{label}')}`]),
    value: activeAgreements.filter((r) => matchesText(r.values.cooperationForm, item.label[data.lang])).length,
    style: 'bar',
    definition: 'agreementsByForm',
  }));
  const counted = rows.reduce((n, r) => n + (r.value as number), 0);
  return [...rows, otherRow(scope, 'kpi_agreements_form_other', BREAKDOWN_TOTALS.cooperationForms, activeAgreements.length - counted, 'agreementsByForm')];
}

/**
 * "How the figures are computed": the rule for "active", then each definition once, in the order
 * the sheet shows the figures, under the label of the first figure (or the section, for a
 * breakdown) that uses it. Generated from the same definitions the figures name.
 */
function definitionSection(data: WorkbookData, sections: FigureSection[]): FigureSection {
  const t = (key: Parameters<typeof figureStrings.text>[0]) => figureStrings.text(key, data.lang);
  const seen = new Set<DefinitionKey>();
  const figures: Figure[] = [{ name: '', label: t('rule.active.label'), formula: null, value: t('rule.active'), style: 'text' }];
  for (const section of sections) {
    for (const figure of section.figures) {
      const key = figure.definition;
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const breakdown = section.bars || section.figures.filter((f) => f.definition === key).length > 2;
      figures.push({
        name: '',
        label: breakdown ? section.title : (figure.labelFormula?.result ?? figure.label),
        formula: null,
        value: figureStrings.text(`definition.${key}`, data.lang),
        style: 'text',
      });
    }
  }
  return { key: 'definitions', title: t('section.definitions'), figures, bars: false, layout: 'notes' };
}

/** Every figure by name, as the core computes it: what tests compare the spreadsheet against. */
export function figureValues(sections: FigureSection[]): Map<string, number | string> {
  return new Map(
    sections
      .flatMap((s) => s.figures.flatMap((fig) => [fig, ...(fig.second ? [fig.second] : [])]))
      .filter((v) => v.name !== '')
      .map((v) => [v.name, v.value] as const),
  );
}

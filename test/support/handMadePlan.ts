/**
 * A small WorkbookPlan made by hand for the xlsx writer's tests: every feature the writer renders,
 * on sheets whose names need quoting (space, æøå), independent of the templates in templates/.
 */
import { isoToSerial } from '../../src/core/model/dates';
import type { PlannedSheet, WorkbookPlan } from '../../src/core/plan/workbookPlan';

export const HOURS_SHEET = 'Frivillige timer';
export const SUMMARY_SHEET = 'Oppsummering';
export const META_SHEET = '_meta';
export const TABLE_NAME = 'Tabell';
export const TABLE_HEADERS = ['Dato', 'Timer', 'Dobbel'];
/** The table's header row; data starts on the row below. */
export const TABLE_ROW = 3;
export const ACTIVITIES = ['Besøksvenn', 'Turgåing', 'Kafé og sang'];
/** Hours logged before this day are outside "this year" in the summary's SUMIFS. */
export const YEAR_START = isoToSerial('2025-01-01');
export const VALID_FROM = isoToSerial('2024-01-01');
export const VALID_TO = isoToSerial('2030-12-31');
export const TEXT_MAX = 200;
export const WHOLE_MIN = 0;
export const WHOLE_MAX = 1000;
export const PRINT_AREA = 'A1:E20';
export const UNLOCKED = 'B6:B7';

export interface HoursRow {
  date: string;
  hours: number;
}

export const DEFAULT_ROWS: HoursRow[] = [
  { date: '2024-11-20', hours: 3 },
  { date: '2025-02-03', hours: 2.5 },
  { date: '2025-03-14', hours: 4 },
];

/** The summary's cell addresses, 1-based, as the plan lays them out. */
export const SUMMARY_CELLS = {
  hoursYear: { row: 3, col: 2 },
  doubleTotal: { row: 4, col: 2 },
  activityCount: { row: 5, col: 2 },
  volunteers: { row: 6, col: 2 },
  comment: { row: 7, col: 2 },
};

export function hoursThisYear(rows: HoursRow[]): number {
  return rows.filter((r) => isoToSerial(r.date) >= YEAR_START).reduce((sum, r) => sum + r.hours, 0);
}

function hoursSheet(rows: HoursRow[]): PlannedSheet {
  const firstData = TABLE_ROW + 1;
  const lastData = TABLE_ROW + rows.length;
  return {
    key: 'hours',
    name: HOURS_SHEET,
    visibility: 'visible',
    tabColor: '1F5C7A',
    columnWidths: [14, 10, 12, 22],
    cells: [
      { row: 1, col: 1, value: 'Timer og aktiviteter – frivillige på Særheim', style: 'title' },
      { row: TABLE_ROW, col: 4, value: 'Aktivitet', style: 'label' },
      ...rows.map((_, i) => ({ row: firstData + i, col: 4, value: ACTIVITIES[i % ACTIVITIES.length], style: 'input' as const })),
    ],
    tables: [
      {
        name: TABLE_NAME,
        row: TABLE_ROW,
        col: 1,
        headers: TABLE_HEADERS,
        rows: rows.map((r) => [isoToSerial(r.date), r.hours, { formula: `${TABLE_NAME}[[#This Row],[Timer]]*2`, result: r.hours * 2 }]),
        columnStyles: ['inputDate', 'decimal', 'decimal'],
      },
    ],
    validations: [
      {
        range: `A${firstData}:A${lastData}`,
        rule: { type: 'date', min: VALID_FROM, max: VALID_TO },
        prompt: { title: 'Dato', message: 'Skriv datoen aktiviteten fant sted, for eksempel 03.02.2025.' },
        error: { title: 'Ugyldig dato', message: 'Datoen må ligge mellom 2024 og 2030.' },
        strict: true,
      },
      {
        range: `B${firstData}:B${lastData}`,
        rule: { type: 'decimal', min: 0, max: 24 },
        prompt: { title: 'Timer', message: 'Antall timer, mellom 0 og 24.' },
        error: { title: 'Ugyldig antall timer', message: 'Skriv et tall mellom 0 og 24.' },
        strict: true,
      },
      {
        range: `D${firstData}:D${lastData}`,
        rule: { type: 'list', source: 'aktiviteter' },
        // Longer than Excel's limits on purpose: the writer must shorten them.
        prompt: { title: 'Aktivitet – velg fra listen over aktiviteter', message: 'Velg en aktivitet. '.repeat(20) },
        error: { title: 'Ukjent aktivitet', message: 'Aktiviteten står ikke i listen. '.repeat(10) },
        strict: false,
      },
    ],
    merges: ['A1:D1'],
    freeze: { rows: TABLE_ROW, cols: 0 },
    dataBars: [{ range: `C${firstData}:C${lastData}`, color: '5B9BD5' }],
  };
}

function summarySheet(rows: HoursRow[]): PlannedSheet {
  const c = SUMMARY_CELLS;
  const thisYear = hoursThisYear(rows);
  const total = rows.reduce((sum, r) => sum + r.hours, 0);
  return {
    key: 'summary',
    name: SUMMARY_SHEET,
    visibility: 'visible',
    columnWidths: [30, 14, 4, 4, 20],
    cells: [
      { row: 1, col: 1, value: 'Oppsummering for ledere', style: 'title' },
      { row: c.hoursYear.row, col: 1, value: 'Timer i år', style: 'label' },
      {
        ...c.hoursYear,
        value: { formula: `SUMIFS(${TABLE_NAME}[Timer],${TABLE_NAME}[Dato],">="&${YEAR_START})`, result: thisYear },
        style: 'kpiDecimal',
      },
      { row: c.doubleTotal.row, col: 1, value: 'Dobbelt av alle timer', style: 'label' },
      { ...c.doubleTotal, value: { formula: `SUM(${TABLE_NAME}[Dobbel])`, result: total * 2 }, style: 'kpiDecimal' },
      { row: c.activityCount.row, col: 1, value: 'Aktiviteter i listen', style: 'label' },
      { ...c.activityCount, value: { formula: 'ROWS(aktiviteter)', result: ACTIVITIES.length }, style: 'kpi' },
      { row: c.volunteers.row, col: 1, value: 'Antall frivillige', style: 'label' },
      { ...c.volunteers, value: 12, style: 'inputNumber' },
      { row: c.comment.row, col: 1, value: 'Kommentar', style: 'label' },
      { ...c.comment, value: null, style: 'input' },
      { row: 3, col: 5, value: 'Aktiviteter', style: 'heading' },
      ...ACTIVITIES.map((a, i) => ({ row: 4 + i, col: 5, value: a, style: 'input' as const })),
    ],
    tables: [],
    validations: [
      {
        range: `B${c.volunteers.row}`,
        rule: { type: 'whole', min: WHOLE_MIN, max: WHOLE_MAX },
        prompt: { title: 'Antall frivillige', message: 'Et helt tall.' },
        error: { title: 'Ugyldig antall', message: 'Skriv et helt tall mellom 0 og 1000.' },
        strict: true,
      },
      {
        range: `B${c.comment.row}`,
        rule: { type: 'textLength', max: TEXT_MAX },
        prompt: { title: 'Kommentar', message: 'Høyst 200 tegn.' },
        error: { title: 'For lang kommentar', message: 'Kommentaren kan ha høyst 200 tegn.' },
        strict: true,
      },
    ],
    merges: [],
    protection: { unlocked: [UNLOCKED] },
    print: { area: PRINT_AREA, orientation: 'portrait', fitToWidth: true },
    dataBars: [],
  };
}

function metaSheet(): PlannedSheet {
  return {
    key: '_meta',
    name: META_SHEET,
    visibility: 'veryHidden',
    columnWidths: [],
    cells: [
      { row: 1, col: 1, value: 'schemaVersion' },
      { row: 1, col: 2, value: 1 },
      { row: 2, col: 1, value: 'hours.table' },
      { row: 2, col: 2, value: TABLE_NAME },
    ],
    tables: [],
    validations: [],
    merges: [],
    dataBars: [],
  };
}

/**
 * The plan. `cachedFrom` gives the rows the cached formula results are computed from; pass rows
 * other than `rows` to write stale results that only a recalculation can correct.
 */
export function handMadePlan(rows: HoursRow[] = DEFAULT_ROWS, cachedFrom: HoursRow[] = rows): WorkbookPlan {
  return {
    // Only the summary's results come from `cachedFrom`; the table's row formulas stay true.
    sheets: [hoursSheet(rows), summarySheet(cachedFrom), metaSheet()],
    names: [
      { name: 'kpi_hours_year', refersTo: `'${SUMMARY_SHEET}'!$B$${SUMMARY_CELLS.hoursYear.row}` },
      { name: 'aktiviteter', refersTo: `OFFSET('${SUMMARY_SHEET}'!$E$4,0,0,COUNTA('${SUMMARY_SHEET}'!$E$4:$E$40),1)` },
    ],
  };
}

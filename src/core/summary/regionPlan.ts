/**
 * The regional workbook: one row of key figures per municipality workbook, totals computed by
 * live formulas (with the sums as cached results, so every reader sees numbers at once), the
 * evaluation profiles side by side, and every file that could not be included, with the reason.
 * It holds figures only: counts, sums and shares, never a name, phone or email from a register.
 */
import { FACTOR_KEYS } from '../content/contentSchema';
import { factorLabel } from '../evaluation/checklistRows';
import type { Lang } from '../content/language';
import { newWorkbookInput } from '../plan/newWorkbookInput';
import { workbookData } from '../plan/buildWorkbookPlan';
import { summarySections } from './summaryFigures';
import type { PlannedCell, PlannedName, PlannedSheet, StyleKey, WorkbookPlan } from '../plan/workbookPlan';
import regionJson from '../../../templates/ui/region.json';
import { stringTable, type Phrase, type StringKey, type TextValues } from '../content/stringTable';
import { absoluteAddress, cellAddress, columnLetter } from '../model/a1';

/** The key figures a region compares, in column order, with how each is added up across municipalities. */
export const REGION_FIGURES: { name: string; style: StyleKey }[] = [
  { name: 'kpi_active_agreements', style: 'kpi' },
  { name: 'kpi_expiring_agreements', style: 'kpi' },
  { name: 'kpi_grants_total', style: 'kpiMoney' },
  { name: 'kpi_active_volunteers', style: 'kpi' },
  { name: 'kpi_volunteers_new_year', style: 'kpi' },
  { name: 'kpi_volunteers_ended_year', style: 'kpi' },
  { name: 'kpi_core_volunteers', style: 'kpi' },
  { name: 'kpi_hours_year', style: 'kpiDecimal' },
  { name: 'kpi_fte', style: 'kpiDecimal' },
  { name: 'kpi_value', style: 'kpiMoney' },
  { name: 'kpi_users_reached', style: 'kpi' },
  { name: 'kpi_missing_confidentiality', style: 'kpi' },
  { name: 'kpi_missing_police_certificate', style: 'kpi' },
  { name: 'kpi_missing_consent', style: 'kpi' },
  { name: 'kpi_due_for_deletion', style: 'kpi' },
  { name: 'kpi_open_actions', style: 'kpi' },
];

export interface MunicipalityFigures {
  /** The file's name as given (no folder): how the region tells workbooks apart. */
  file: string;
  municipality: string;
  reportDate: number;
  errors: number;
  warnings: number;
  /** Figure name → value, as figureValues gives them. */
  figures: Map<string, number | string>;
}

export interface ExcludedFile {
  file: string;
  /** Said in the region workbook's language. */
  reason: Phrase;
}

export interface RegionInput {
  lang: Lang;
  included: MunicipalityFigures[];
  excluded: ExcludedFile[];
  /** When the region workbook was made (shown on it). */
  madeAt: string;
}

/** The region workbook's labels, in templates/ui/region.json. */
export const regionStrings = stringTable(regionJson);
type RegionKey = StringKey<typeof regionStrings>;

/** The figures' labels as the summary sheet shows them in this language. */
function figureLabels(lang: Lang): Map<string, string> {
  const input = newWorkbookInput(lang, 45000);
  const sections = summarySections(workbookData(input), 45000);
  return new Map(sections.flatMap((s) => s.figures.map((f) => [f.name, f.label] as const)));
}

const numberOrNull = (value: number | string | undefined): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

const FIRST_FIGURE_COLUMN = 6;
const HEADER_ROW = 4;

function regionSheet(input: RegionInput, name: string): { sheet: PlannedSheet; names: PlannedName[] } {
  const { lang, included } = input;
  const labels = figureLabels(lang);
  const t = (key: RegionKey, values?: TextValues) => regionStrings.text(key, lang, values);
  const headers = [t('municipality'), t('file'), t('reportDate'), t('errors'), t('warnings'), ...REGION_FIGURES.map((f) => labels.get(f.name) ?? f.name)];
  const rows = included.map((m) => [
    m.municipality,
    m.file,
    m.reportDate,
    m.errors,
    m.warnings,
    ...REGION_FIGURES.map((f) => numberOrNull(m.figures.get(f.name))),
  ]);
  const firstData = HEADER_ROW + 1;
  const lastData = HEADER_ROW + Math.max(1, rows.length);
  const totalRow = lastData + 1;
  const cells: PlannedCell[] = [
    { row: 1, col: 1, value: t('title'), style: 'title' },
    { row: 2, col: 1, value: t('note', { time: input.madeAt, count: included.length + input.excluded.length }), style: 'help' },
    { row: totalRow, col: 1, value: t('total'), style: 'heading' },
  ];
  const names: PlannedName[] = [];
  const sumColumn = (col: number, style: StyleKey, values: (number | null)[]) => {
    const letter = columnLetter(col);
    cells.push({
      row: totalRow,
      col,
      value: { formula: `SUM(${letter}${firstData}:${letter}${lastData})`, result: values.reduce<number>((a, v) => a + (v ?? 0), 0) },
      style,
    });
  };
  sumColumn(
    4,
    'kpi',
    included.map((m) => m.errors),
  );
  sumColumn(
    5,
    'kpi',
    included.map((m) => m.warnings),
  );
  REGION_FIGURES.forEach((figure, i) => {
    const col = FIRST_FIGURE_COLUMN + i;
    sumColumn(
      col,
      figure.style,
      included.map((m) => numberOrNull(m.figures.get(figure.name))),
    );
    names.push({ name: `region_${figure.name}`, refersTo: absoluteAddress(name, totalRow, col) });
  });
  return {
    sheet: {
      key: 'summary',
      name,
      visibility: 'visible',
      columnWidths: [18, 24, 12, 12, 10, ...REGION_FIGURES.map(() => 14)],
      cells,
      tables: [
        {
          name: t('table'),
          row: HEADER_ROW,
          col: 1,
          headers,
          rows: rows.length ? rows : [headers.map(() => null)],
          columnStyles: [undefined, undefined, 'date', 'integer', 'integer', ...REGION_FIGURES.map((f) => f.style)],
        },
      ],
      validations: [],
      merges: [],
      freeze: { rows: HEADER_ROW, cols: 1 },
      dataBars: [],
    },
    names,
  };
}

/** Promoters and barriers per factor, two columns per municipality, as each summary computed them. */
function profileSheet(input: RegionInput, name: string): PlannedSheet {
  const { lang, included } = input;
  const t = (key: RegionKey) => regionStrings.text(key, lang);
  const cells: PlannedCell[] = [
    { row: 1, col: 1, value: t('sheetProfiles'), style: 'title' },
    { row: 3, col: 1, value: t('factor'), style: 'heading' },
    { row: 5, col: 1, value: t('roundDate'), style: 'label' },
  ];
  const factors: { key: string; label: string }[] = [
    ...FACTOR_KEYS.map((k) => ({ key: k as string, label: factorLabel(k, lang) })),
    { key: 'overall', label: t('overall') },
  ];
  factors.forEach((f, i) => cells.push({ row: 6 + i, col: 1, value: f.label, style: 'label' }));
  included.forEach((m, j) => {
    const col = 2 + 2 * j;
    cells.push({ row: 3, col, value: m.municipality, style: 'heading' });
    cells.push({ row: 4, col, value: t('promoters'), style: 'heading' }, { row: 4, col: col + 1, value: t('barriers'), style: 'heading' });
    const date = numberOrNull(m.figures.get('kpi_eval_round_date'));
    cells.push({ row: 5, col, value: date, style: 'date' });
    factors.forEach((f, i) => {
      cells.push({ row: 6 + i, col, value: numberOrNull(m.figures.get(`kpi_eval_${f.key}_promoters`)), style: 'bar' });
      cells.push({ row: 6 + i, col: col + 1, value: numberOrNull(m.figures.get(`kpi_eval_${f.key}_barriers`)), style: 'bar' });
    });
  });
  const lastCol = 1 + 2 * included.length;
  return {
    key: 'checklist',
    name,
    visibility: 'visible',
    columnWidths: [34, ...included.flatMap(() => [14, 14])],
    cells,
    tables: [],
    validations: [],
    merges: included.map((_, j) => `${cellAddress(3, 2 + 2 * j)}:${cellAddress(3, 3 + 2 * j)}`),
    freeze: { rows: 4, cols: 1 },
    dataBars: included.length ? [{ range: `B6:${columnLetter(lastCol)}${5 + factors.length}`, color: '5B9BD5' }] : [],
  };
}

function excludedSheet(input: RegionInput, name: string): PlannedSheet {
  const t = (key: RegionKey) => regionStrings.text(key, input.lang);
  const rows = input.excluded.length ? input.excluded.map((e) => [e.file, e.reason.say(input.lang)]) : [[t('noneExcluded'), null]];
  return {
    key: '_meta',
    name,
    visibility: 'visible',
    columnWidths: [30, 90],
    cells: [{ row: 1, col: 1, value: t('sheetExcluded'), style: 'title' }],
    tables: [{ name: t('excludedTable'), row: 3, col: 1, headers: [t('file'), t('reason')], rows, columnStyles: [undefined, 'wrap'] }],
    validations: [],
    merges: [],
    dataBars: [],
  };
}

export function regionPlan(input: RegionInput): WorkbookPlan {
  const t = (key: RegionKey) => regionStrings.text(key, input.lang);
  const region = regionSheet(input, t('sheetRegion'));
  return { sheets: [region.sheet, profileSheet(input, t('sheetProfiles')), excludedSheet(input, t('sheetExcluded'))], names: region.names };
}

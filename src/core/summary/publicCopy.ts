/**
 * The plan of the copy for leaders and the public: the summary and the action plan as plain
 * values, and nothing from the registers. No formula (a formula would need the registers, and a
 * reader could not tell what it once computed), no settings, no metadata.
 *
 * What could point at a person is taken out:
 * - small counts: in a breakdown of people (volunteers by affiliation, by age group), a count from
 *   1 up to below the settings' smallest count is shown as "<5"; when that hides only one count of
 *   the breakdown, the next smallest is hidden too, so it cannot be worked out from the total.
 *   The totals are shown as they are.
 * - names: every text of the copy is scrubbed of the names (in any order, with initials), phone
 *   numbers and emails of volunteers, contact persons and whoever is named responsible
 *   (personalData.ts); the action plan's "responsible" column and its notes are left out, and so
 *   is the statement code, which means nothing to a reader.
 */
import { sheetDef, workbookStrings } from '../content/content';
import { serialToIso } from '../model/dates';
import type { SummaryRefresh } from '../evaluation/summaryRefresh';
import { summarySheet } from '../plan/summarySheet';
import type { Figure, FigureSection } from './summaryFigures';
import type { WorkbookData } from '../model/workbookData';
import { type PlainValue, type PlannedSheet, type PlanValue, type StyleKey, type WorkbookPlan } from '../plan/workbookPlan';
import { columnLetter } from '../model/a1';
import { wrappedRowHeight } from '../plan/rowHeights';
import { figureStrings } from './figureDefinitions';
import { PersonalDataFilter } from './personalData';

export { PersonalDataFilter } from './personalData';

function asValue(figure: Figure): Figure {
  const label = figure.labelFormula?.result ?? figure.label;
  const { labelFormula: _dropped, ...rest } = figure;
  return { ...rest, label, formula: null, second: figure.second ? { ...figure.second, formula: null } : undefined };
}

/**
 * A breakdown of people with its small counts hidden: 1 up to below `min` as "<min"; if that hides
 * exactly one count, the smallest other count above zero is hidden too.
 */
export function hideSmallCounts(figures: Figure[], min: number, lang: WorkbookData['lang']): Figure[] {
  const small = (v: Figure['value']) => typeof v === 'number' && v >= 1 && v < min;
  const hidden = new Set(figures.filter((f) => small(f.value)).map((f) => f.name));
  if (hidden.size === 1) {
    const next = figures
      .filter((f) => !hidden.has(f.name) && typeof f.value === 'number' && f.value > 0)
      .sort((a, b) => (a.value as number) - (b.value as number))[0];
    if (next) hidden.add(next.name);
  }
  return figures.map((f) => {
    if (!hidden.has(f.name)) return f;
    const shown = small(f.value) ? `<${min}` : figureStrings.text('public.hidden', lang);
    return { ...f, value: shown, style: 'change' as StyleKey };
  });
}

/** Sections as values; the rows that follow a settings list leave out its empty slots; breakdowns of people hide small counts. */
function valueSections(sections: FigureSection[], data: WorkbookData): FigureSection[] {
  const min = data.settings.publicMinCount;
  return sections.map((s) => {
    const figures = s.figures.filter((f) => !(f.labelFormula && f.labelFormula.result === '')).map(asValue);
    const people = figures.some((f) => f.people);
    return {
      ...s,
      // The note on the report date speaks of formulas the copy does not have: its subtitle gives the date instead.
      note: people ? figureStrings.text('public.smallCounts', data.lang, { min }) : typeof s.note === 'object' ? undefined : s.note,
      figures: people ? hideSmallCounts(figures, min, data.lang) : figures,
      // The bars of a breakdown with hidden counts would give them away.
      bars: s.bars && !people,
    };
  });
}

/** Long texts wrap in their columns; every cell of a row reads from the row's top line. */
const ACTION_STYLES: Partial<Record<string, StyleKey>> = {
  round: 'dateTop',
  deadline: 'dateTop',
  factor: 'wrap',
  problem: 'wrap',
  instrument: 'wrap',
  instrumentType: 'wrap',
  status: 'top',
};
/** Left out of the copy: who is responsible (a person), notes (anything), and the statement's code. */
const LEFT_OUT = new Set(['responsible', 'notes', 'statementId']);

function actionSheet(refresh: SummaryRefresh, clean: (value: PlainValue) => PlainValue): PlannedSheet {
  const { data } = refresh;
  const lang = data.lang;
  const columns = (sheetDef('actions').columns ?? []).filter((c) => !LEFT_OUT.has(c.key));
  const rows: PlanValue[][] = refresh.actions.rows.map((record) => columns.map((c) => clean((record[c.key] ?? null) as PlainValue)));
  const note = workbookStrings.text('public.actionsNote', lang);
  const width = columns.reduce((n, c) => n + c.width, 0);
  const rowHeights: Record<number, number> = {};
  const noteHeight = wrappedRowHeight([{ text: note, width }]);
  if (noteHeight) rowHeights[1] = noteHeight;
  rows.forEach((row, i) => {
    const height = wrappedRowHeight(columns.map((c, j) => ({ text: ACTION_STYLES[c.key] === 'wrap' ? String(row[j] ?? '') : '', width: c.width })));
    if (height) rowHeights[4 + i] = height;
  });
  return {
    key: 'actions',
    name: sheetDef('actions').name[lang],
    visibility: 'visible',
    tabColor: '00838F',
    columnWidths: columns.map((c) => c.width),
    cells: [{ row: 1, col: 1, value: note, style: 'help' }],
    tables: [
      {
        name: data.tables.actions,
        row: 3,
        col: 1,
        headers: columns.map((c) => c.label[lang]),
        rows: rows.length ? rows : [columns.map(() => null)],
        columnStyles: columns.map((c) => ACTION_STYLES[c.key]),
      },
    ],
    validations: [],
    merges: [`A1:${columnLetter(columns.length)}1`],
    freeze: { rows: 3, cols: 0 },
    print: { area: `A1:${columnLetter(columns.length)}${3 + Math.max(rows.length, 1)}`, orientation: 'landscape', fitToWidth: true },
    dataBars: [],
    rowHeights,
  };
}

export function publicWorkbookPlan(refresh: SummaryRefresh): WorkbookPlan {
  const { data } = refresh;
  const filter = new PersonalDataFilter(data);
  const marker = workbookStrings.text('public.removed', data.lang);
  const clean = (value: PlainValue): PlainValue => (typeof value === 'string' ? filter.scrub(value, marker) : value);
  const summaryName = sheetDef('summary').name[data.lang];
  const summary = summarySheet(summaryName, data.lang, valueSections(refresh.sections, data), {
    title: workbookStrings.text('public.title', data.lang),
    subtitle: workbookStrings.text('public.subtitle', data.lang, { date: serialToIso(refresh.reportDate) }),
  });
  const cells = summary.sheet.cells.map((c) => ({ ...c, value: clean(c.value as PlainValue) }));
  return { sheets: [{ ...summary.sheet, cells }, actionSheet(refresh, clean)], names: summary.names };
}

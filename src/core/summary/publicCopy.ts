/**
 * The plan of the copy for leaders and the public: the summary and the action plan as plain
 * values, and nothing from the registers. No formula (a formula would need the registers, and a
 * reader could not tell what it once computed), no settings, no metadata.
 *
 * The action plan keeps its "responsible" column: an action is only useful to a leader with
 * someone answerable for it, and the column is meant for a role or a unit ("enhetsleder"), not a
 * private person. Its free-text notes are left out. As a safeguard, every text of the copy that
 * contains a volunteer's or a contact person's name, phone number or email from the registers is
 * replaced by "(removed)": a name typed into the wrong column does not leak.
 */
import { asText, normaliseLabel } from '../model/cellValues';
import { sheetDef, workbookStrings } from '../content/content';
import { serialToIso } from '../model/dates';
import type { SummaryRefresh } from '../evaluation/summaryRefresh';
import { summarySheet } from '../plan/summarySheet';
import type { Figure, FigureSection } from './summaryFigures';
import type { RegisterKey } from '../content/templateSchema';
import type { WorkbookData } from '../model/workbookData';
import { type PlainValue, type PlannedSheet, type PlanValue, type StyleKey, type WorkbookPlan } from '../plan/workbookPlan';
import { columnLetter } from '../model/a1';

/** Personal columns that identify someone; free-text notes are not searched for (they hold anything). */
const IDENTIFYING: [RegisterKey, string][] = [
  ['volunteers', 'name'],
  ['volunteers', 'phone'],
  ['volunteers', 'email'],
  ['partners', 'contactPerson'],
  ['partners', 'phone'],
  ['partners', 'email'],
  ['agreements', 'contactMunicipality'],
  ['agreements', 'contactPartner'],
];

/** Shorter texts would match ordinary words; eight digits make a Norwegian phone number. */
const MIN_TEXT = 4;
const MIN_DIGITS = 8;

export class PersonalDataFilter {
  private readonly texts = new Set<string>();
  private readonly numbers = new Set<string>();

  constructor(data: WorkbookData) {
    for (const [register, column] of IDENTIFYING) {
      for (const row of data.registers[register].rows) {
        const value = asText(row.values[column]);
        const folded = normaliseLabel(value);
        if (folded.length >= MIN_TEXT) this.texts.add(folded);
        const digits = value.replace(/\D/g, '');
        if (column === 'phone' && digits.length >= MIN_DIGITS) this.numbers.add(digits.slice(-MIN_DIGITS));
      }
    }
  }

  contains(value: string): boolean {
    const folded = normaliseLabel(value);
    for (const t of this.texts) if (folded.includes(t)) return true;
    const digits = value.replace(/\D/g, '');
    if (digits.length >= MIN_DIGITS) for (const n of this.numbers) if (digits.includes(n)) return true;
    return false;
  }

  /** The value, or the "removed" marker in its place when it names someone. */
  clean(value: PlainValue, lang: WorkbookData['lang']): PlainValue {
    return typeof value === 'string' && this.contains(value) ? workbookStrings.text('public.removed', lang) : value;
  }
}

function asValue(figure: Figure): Figure {
  const label = figure.labelFormula?.result ?? figure.label;
  const { labelFormula: _dropped, ...rest } = figure;
  return { ...rest, label, formula: null, second: figure.second ? { ...figure.second, formula: null } : undefined };
}

/** Sections as values; the rows that follow a settings list leave out its empty slots. */
function valueSections(sections: FigureSection[]): FigureSection[] {
  return sections.map((s) => ({
    ...s,
    note: typeof s.note === 'object' ? s.note.result : s.note,
    figures: s.figures.filter((f) => !(f.labelFormula && f.labelFormula.result === '')).map(asValue),
  }));
}

const ACTION_STYLES: Partial<Record<string, StyleKey>> = { round: 'date', deadline: 'date', problem: 'wrap' };
const LEFT_OUT = new Set(['notes']);

function actionSheet(refresh: SummaryRefresh, filter: PersonalDataFilter): PlannedSheet {
  const { data } = refresh;
  const lang = data.lang;
  const columns = (sheetDef('actions').columns ?? []).filter((c) => !LEFT_OUT.has(c.key));
  const rows: PlanValue[][] = refresh.actions.rows.map((record) => columns.map((c) => filter.clean((record[c.key] ?? null) as PlainValue, lang)));
  return {
    key: 'actions',
    name: sheetDef('actions').name[lang],
    visibility: 'visible',
    tabColor: '00838F',
    columnWidths: columns.map((c) => c.width),
    cells: [{ row: 1, col: 1, value: workbookStrings.text('public.actionsNote', lang), style: 'help' }],
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
    merges: [],
    freeze: { rows: 3, cols: 0 },
    print: { area: `A1:${columnLetter(columns.length)}${3 + Math.max(rows.length, 1)}`, orientation: 'landscape', fitToWidth: true },
    dataBars: [],
  };
}

export function publicWorkbookPlan(refresh: SummaryRefresh): WorkbookPlan {
  const { data } = refresh;
  const filter = new PersonalDataFilter(data);
  const summaryName = sheetDef('summary').name[data.lang];
  const summary = summarySheet(summaryName, data.lang, valueSections(refresh.sections), {
    title: workbookStrings.text('public.title', data.lang),
    subtitle: workbookStrings.text('public.subtitle', data.lang, { date: serialToIso(refresh.reportDate) }),
  });
  const cells = summary.sheet.cells.map((c) => ({ ...c, value: filter.clean(c.value as PlainValue, data.lang) }));
  return { sheets: [{ ...summary.sheet, cells }, actionSheet(refresh, filter)], names: summary.names };
}

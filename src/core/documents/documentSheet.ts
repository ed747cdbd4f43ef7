/**
 * A printable document as a sheet laid out for A4: each clause a heading row and a text row whose
 * height fits its text, page breaks that keep a heading with its text and a signature block whole,
 * a signature block for each party, page numbers in the footer. The text is live: choose another
 * row's id in the helper cells (right of the print area) and every sentence follows, a sentence
 * whose fields are empty left out. Row heights fit the longest text any row of the register gives.
 */
import { workbookStrings } from '../content/content';
import type { Lang } from '../content/language';
import { cellText, matchesText } from '../model/criteria';
import { absoluteAddress } from '../model/a1';
import type { RegisterRow } from '../model/registerRows';
import type { WorkbookData } from '../model/workbookData';
import type { FormulaRefs } from '../plan/formulaRefs';
import { columnRef, textLiteral } from '../plan/structuredRefs';
import type { PlannedCell, PlannedName, PlannedSheet, StyleKey } from '../plan/workbookPlan';
import type { SheetKey } from '../content/templateSchema';
import { documentFields, fieldValues, type DocumentSubject, type FieldDef, type FieldValues } from './documentFields';
import type { Condition, DocumentTemplate, SentenceTemplate } from './documentSchema';
import { columnPoints, textHeight } from '../plan/rowHeights';
import { pageBreaks, type KeepTogether } from './documentLayout';
import { placeholdersOf, printDocument, type PrintDocument } from './printDocument';
import type { WorkbookStringKey } from '../content/content';

/** Print columns: the left party, a gap, the right party; clause text spans all three. */
const WIDTHS = [42, 4, 42] as const;
const TEXT_POINTS = columnPoints(WIDTHS[0]) + columnPoints(WIDTHS[1]) + columnPoints(WIDTHS[2]);
const PARTY_POINTS = columnPoints(WIDTHS[0]);
/** The helper cells: label and value, right of the print area with a blank column between. */
const HELPER_LABEL_COL = 5;
const HELPER_VALUE_COL = 6;
const ID_ROW = 1;
const FIRST_FIELD_ROW = 5;
const TITLE_HEIGHT = 28;
const CLAUSE_TITLE_HEIGHT = 20;
const SIGN_LINE_HEIGHT = 30;
const SIGN_LABEL_HEIGHT = 13;

export interface DocumentSheetSpec {
  key: SheetKey;
  sheetName: string;
  subject: DocumentSubject;
  templates: DocumentTemplate[];
  idName: string;
  chooseLabel: WorkbookStringKey;
  chooseHelp: WorkbookStringKey;
  title: WorkbookStringKey;
  tabColor: string;
}

/** Formula literals are limited to 255 characters: long text is joined from pieces. */
function literal(text: string): string {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += 200) pieces.push(textLiteral(text.slice(i, i + 200)));
  return pieces.length ? pieces.join('&') : '""';
}

interface FieldCells {
  cell: (key: string) => string;
  def: (key: string) => FieldDef;
}

/** A date as dd.mm.yyyy; text in a date cell as it stands (the core prints it so too). */
function dayText(cell: string): string {
  return `IF(ISNUMBER(${cell}),TEXT(DAY(${cell}),"00")&"."&TEXT(MONTH(${cell}),"00")&"."&YEAR(${cell}),${cell}&"")`;
}

function placeholderFormula(cells: FieldCells, key: string): string {
  const cell = cells.cell(key);
  return cells.def(key).kind === 'date' ? dayText(cell) : `${cell}&""`;
}

function conditionFormula(cells: FieldCells, condition: Condition, labels: (list: string, key: string) => string): string[] {
  const cell = cells.cell(condition.field);
  const parts: string[] = [];
  if (condition.blank !== undefined) parts.push(condition.blank ? `${cell}=""` : `${cell}<>""`);
  if (condition.is) {
    const list = cells.def(condition.field).list!;
    const tests = condition.is.map((k) => `${cell}=${textLiteral(labels(list, k))}`);
    parts.push(tests.length === 1 ? tests[0] : `OR(${tests.join(',')})`);
  }
  return parts;
}

function sentenceFormula(sentence: SentenceTemplate, lang: Lang, cells: FieldCells, labels: (list: string, key: string) => string): string {
  const text = sentence.text[lang];
  const pieces: string[] = [];
  let last = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    if (m.index! > last) pieces.push(literal(text.slice(last, m.index)));
    pieces.push(`(${placeholderFormula(cells, m[1])})`);
    last = m.index! + m[0].length;
  }
  pieces.push(literal(`${text.slice(last)} `));
  const tests = [...(sentence.when ?? []).flatMap((c) => conditionFormula(cells, c, labels)), ...placeholdersOf(text).map((k) => `${cells.cell(k)}<>""`)];
  const body = pieces.join('&');
  if (tests.length === 0) return body;
  return `IF(${tests.length === 1 ? tests[0] : `AND(${tests.join(',')})`},${body},"")`;
}

/** The rows of the register whose text the heights must fit: all of them, and the chosen one. */
function rowsToFit(data: WorkbookData, subject: DocumentSubject): (RegisterRow | undefined)[] {
  const rows = data.registers[subject].rows;
  return rows.length > 0 ? rows : [undefined];
}

interface Layout {
  cells: PlannedCell[];
  merges: string[];
  heights: Record<number, number>;
  blocks: KeepTogether[];
  row: number;
}

function signatureRows(layout: Layout, doc: PrintDocument, template: DocumentTemplate, cells: FieldCells, lang: Lang): void {
  const t = (key: WorkbookStringKey) => workbookStrings.text(key, lang);
  for (let pair = 0; pair < template.signatures.length; pair += 2) {
    const first = layout.row;
    const parties = template.signatures.slice(pair, pair + 2);
    const line = (height: number, value: (i: number) => PlannedCell['value'], style: StyleKey) => {
      parties.forEach((_, i) => layout.cells.push({ row: layout.row, col: i === 0 ? 1 : 3, value: value(i), style }));
      layout.heights[layout.row] = height;
      layout.row++;
    };
    line(CLAUSE_TITLE_HEIGHT + 8, (i) => doc.signatures[pair + i].label, 'docClauseTitle');
    line(SIGN_LINE_HEIGHT, () => null, 'docSignLine');
    line(SIGN_LABEL_HEIGHT, () => t('document.sign.placeDate'), 'docSignLabel');
    line(
      SIGN_LINE_HEIGHT,
      (i) => {
        const s = parties[i];
        if (!s.name) return null;
        return { formula: `UPPER(${cells.cell(s.name)})`, result: doc.signatures[pair + i].name };
      },
      'docSignLine',
    );
    line(SIGN_LABEL_HEIGHT, () => t('document.sign.name'), 'docSignLabel');
    line(SIGN_LINE_HEIGHT + 6, () => null, 'docSignLine');
    line(SIGN_LABEL_HEIGHT, () => t('document.sign.signature'), 'docSignLabel');
    line(
      SIGN_LINE_HEIGHT - 8,
      (i) => {
        const s = parties[i];
        return s.role ? { formula: `${cells.cell(s.role)}&""`, result: doc.signatures[pair + i].role } : null;
      },
      'docSignLine',
    );
    line(SIGN_LABEL_HEIGHT, () => t('document.sign.role'), 'docSignLabel');
    const heights = Array.from({ length: layout.row - first }, (_, i) => layout.heights[first + i] ?? 0);
    // The first signature block goes with the last clause, so no signature stands on a page of its own.
    const last = pair === 0 ? layout.blocks.pop() : undefined;
    layout.blocks.push(last ? { ...last, heights: [...last.heights, ...heights] } : { firstRow: first, heights });
    layout.row++;
  }
}

export function documentSheet(
  spec: DocumentSheetSpec,
  data: WorkbookData,
  f: FormulaRefs,
  chosenId: string | null,
): { sheet: PlannedSheet; names: PlannedName[] } {
  const lang = data.lang;
  const t = (key: WorkbookStringKey) => workbookStrings.text(key, lang);
  const fields = documentFields(spec.subject);
  const byKey = new Map(fields.map((d, i) => [d.key, { def: d, row: FIRST_FIELD_ROW + i }]));
  const idCell = `$${String.fromCharCode(64 + HELPER_VALUE_COL)}$${ID_ROW}`;
  const cells: FieldCells = {
    cell: (key) => {
      const found = byKey.get(key);
      if (!found) throw new RangeError(`no field ${key} for ${spec.subject}`);
      return `$${String.fromCharCode(64 + HELPER_VALUE_COL)}$${found.row}`;
    },
    def: (key) => byKey.get(key)!.def,
  };
  const labels = (list: string, key: string) => f.label(list, key);
  const chosen = chosenId ? data.registers[spec.subject].rows.find((r) => matchesText(r.values.id, chosenId)) : undefined;
  const chosenValues = fieldValues(fields, data, chosen, lang);
  const practice = t('document.practice');
  const allValues: FieldValues[] = rowsToFit(data, spec.subject).map((r) => fieldValues(fields, data, r, lang));

  const layout: Layout = { cells: [], merges: [], heights: {}, blocks: [], row: 1 };
  spec.templates.forEach((template, d) => {
    const doc = printDocument(template, chosenValues, lang, practice);
    const titleRow = layout.row;
    layout.cells.push({ row: titleRow, col: 1, value: doc.title, style: 'docTitle' });
    layout.merges.push(`A${titleRow}:C${titleRow}`);
    layout.heights[titleRow] = TITLE_HEIGHT;
    layout.blocks.push({ firstRow: titleRow, heights: [TITLE_HEIGHT], pageBreakBefore: d > 0 });
    layout.row++;
    template.clauses.forEach((clause, i) => {
      const titleAt = layout.row;
      const bodyAt = layout.row + 1;
      layout.cells.push({ row: titleAt, col: 1, value: `${i + 1}. ${doc.clauses[i].title}`, style: 'docClauseTitle' });
      layout.merges.push(`A${titleAt}:C${titleAt}`);
      const formula = `TRIM(${clause.sentences.map((s) => sentenceFormula(s, lang, cells, labels)).join('&')})`;
      layout.cells.push({ row: bodyAt, col: 1, value: { formula, result: doc.clauses[i].text }, style: 'docText' });
      layout.merges.push(`A${bodyAt}:C${bodyAt}`);
      const longest = Math.max(
        ...allValues.map((v) => textHeight(printDocument(template, v, lang, practice).clauses[i].text, TEXT_POINTS)),
        textHeight(doc.clauses[i].text, TEXT_POINTS),
      );
      layout.heights[titleAt] = CLAUSE_TITLE_HEIGHT;
      layout.heights[bodyAt] = longest;
      layout.blocks.push({ firstRow: titleAt, heights: [CLAUSE_TITLE_HEIGHT, longest] });
      layout.row += 2;
    });
    layout.row++;
    signatureRows(layout, doc, template, cells, lang);
  });
  const lastRow = layout.row - 1;

  // The helper cells: the id to choose, its hint, and the fields the sentences read; none is printed.
  const helper: PlannedCell[] = [
    { row: ID_ROW, col: HELPER_LABEL_COL, value: t(spec.chooseLabel), style: 'label' },
    { row: ID_ROW, col: HELPER_VALUE_COL, value: chosen ? cellText(chosen.values.id) : null, style: 'input' },
    { row: ID_ROW + 1, col: HELPER_LABEL_COL, value: t(spec.chooseHelp), style: 'help' },
    { row: FIRST_FIELD_ROW - 1, col: HELPER_LABEL_COL, value: t('agreement.fields'), style: 'heading' },
  ];
  for (const [key, { def, row }] of byKey) {
    helper.push({ row, col: HELPER_LABEL_COL, value: key, style: 'help' });
    const raw = def.value(data, chosen);
    const cached = raw === null || typeof raw === 'object' ? '' : raw;
    helper.push({ row, col: HELPER_VALUE_COL, value: { formula: def.formula(f, idCell), result: cached }, style: def.kind === 'date' ? 'date' : 'text' });
  }
  layout.merges.push(`E${ID_ROW + 1}:F${ID_ROW + 2}`);
  layout.heights[ID_ROW + 1] = Math.max(layout.heights[ID_ROW + 1] ?? 0, 30);

  const idSource = `INDIRECT("${columnRef(f.tables[spec.subject], f.header(spec.subject, 'id'))}")`;
  const idAddress = `${String.fromCharCode(64 + HELPER_VALUE_COL)}${ID_ROW}`;
  return {
    sheet: {
      key: spec.key,
      name: spec.sheetName,
      visibility: 'visible',
      tabColor: spec.tabColor,
      columnWidths: [WIDTHS[0], WIDTHS[1], WIDTHS[2], 3, 30, 34],
      cells: [...layout.cells, ...helper],
      tables: [],
      validations: [
        {
          range: idAddress,
          rule: { type: 'list', source: idSource },
          prompt: { title: t(spec.title), message: t(spec.chooseHelp) },
          error: { title: t(spec.title), message: workbookStrings.text('validation.list', lang) },
          strict: true,
        },
      ],
      merges: layout.merges,
      protection: { unlocked: [idAddress] },
      // At 100 %: the columns fit an A4 page, and the row heights and page breaks were laid out for that scale.
      print: { area: `A1:C${lastRow}`, orientation: 'portrait', fitToWidth: false, footer: t('document.footer') },
      rowHeights: layout.heights,
      rowBreaks: pageBreaks(layout.blocks),
      dataBars: [],
    },
    names: [{ name: spec.idName, refersTo: absoluteAddress(spec.sheetName, ID_ROW, HELPER_VALUE_COL) }],
  };
}

/** The documents of one row as the browser's print page shows them (the same model as the sheet). */
export function printDocuments(
  templates: DocumentTemplate[],
  subject: DocumentSubject,
  data: WorkbookData,
  id: string,
  lang: Lang = data.lang,
): PrintDocument[] {
  const row = data.registers[subject].rows.find((r) => matchesText(r.values.id, id));
  const values = fieldValues(documentFields(subject), data, row, lang);
  return templates.map((t) => printDocument(t, values, lang, workbookStrings.text('document.practice', lang)));
}

export { PARTY_POINTS };

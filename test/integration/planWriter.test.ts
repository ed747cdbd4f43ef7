/**
 * The xlsx writer on a hand-made plan: read back with exceljs, inspected as raw package XML, and
 * recalculated by LibreOffice as an independent spreadsheet.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { isoToSerial } from '../../src/core/model/dates';
import { DATE_FORMAT, INPUT_FILL } from '../../src/core/plan/styles';
import type { PlannedSheet, WorkbookPlan } from '../../src/core/plan/workbookPlan';
import { renderPlan, writePlanToBuffer, XlsxPlanWriter } from '../../src/workbook/xlsx/writing/planWriter';
import {
  ACTIVITIES,
  DEFAULT_ROWS,
  handMadePlan,
  HOURS_SHEET,
  hoursThisYear,
  META_SHEET,
  PRINT_AREA,
  SUMMARY_CELLS,
  SUMMARY_SHEET,
  TABLE_HEADERS,
  TABLE_NAME,
  TABLE_ROW,
  TEXT_MAX,
  VALID_FROM,
  VALID_TO,
  WHOLE_MAX,
  WHOLE_MIN,
  type HoursRow,
} from '../support/handMadePlan';
import { csvCell, csvNumber, recalcToCsv, requireLibreOffice } from '../support/libreoffice';

type Zip = Record<string, Uint8Array>;

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) result[m[1]] = decodeXml(m[2]);
  return result;
}

function part(zip: Zip, name: string): string {
  const bytes = zip[name];
  if (!bytes) throw new Error(`No part ${name} in the package`);
  return strFromU8(bytes);
}

/** The worksheet part of a sheet, found through workbook.xml and its relationships. */
function sheetXml(zip: Zip, sheetName: string): string {
  const workbook = part(zip, 'xl/workbook.xml');
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => attributes(m[0])).find((a) => a.name === sheetName);
  if (!sheet) throw new Error(`No sheet ${sheetName}`);
  const rels = part(zip, 'xl/_rels/workbook.xml.rels');
  const rel = [...rels.matchAll(/<Relationship\b[^>]*\/>/g)].map((m) => attributes(m[0])).find((a) => a.Id === sheet['r:id']);
  return part(zip, `xl/${rel!.Target.replace(/^\/?xl\//, '')}`);
}

interface XmlValidation {
  attrs: Record<string, string>;
  formula1?: string;
  formula2?: string;
}

function validations(xml: string): XmlValidation[] {
  return [...xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map((m) => ({
    attrs: attributes(m[1]),
    formula1: /<formula1>([\s\S]*?)<\/formula1>/.exec(m[2])?.[1],
    formula2: /<formula2>([\s\S]*?)<\/formula2>/.exec(m[2])?.[1],
  }));
}

function definedNames(workbookXml: string): { attrs: Record<string, string>; text: string }[] {
  return [...workbookXml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].map((m) => ({
    attrs: attributes(m[1]),
    text: decodeXml(m[2]),
  }));
}

/** The <f> and <v> of a cell in a worksheet part. */
function cellXml(xml: string, ref: string): { f?: string; v?: string } {
  const cell = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>([\\s\\S]*?)</c>)`).exec(xml);
  if (!cell) throw new Error(`No cell ${ref}`);
  const inner = cell[1] ?? '';
  return { f: /<f>([\s\S]*?)<\/f>/.exec(inner)?.[1], v: /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1] };
}

async function readBack(buffer: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`No sheet ${name} read back`);
  return sheet;
}

const FIRST_DATA = TABLE_ROW + 1;

describe('writePlanToBuffer on a hand-made plan', () => {
  let buffer: Uint8Array;
  let zip: Zip;
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    buffer = await writePlanToBuffer(handMadePlan());
    zip = unzipSync(buffer);
    book = await readBack(buffer);
  });

  test('sheets come in plan order with their visibility and tab colour', () => {
    expect(book.worksheets.map((s) => [s.name, s.state])).toEqual([
      [HOURS_SHEET, 'visible'],
      [SUMMARY_SHEET, 'visible'],
      [META_SHEET, 'veryHidden'],
    ]);
    expect(sheetXml(zip, HOURS_SHEET)).toContain('<tabColor rgb="FF1F5C7A"/>');
    expect(sheetOf(book, HOURS_SHEET).getColumn(4).width).toBe(22);
  });

  test('cells keep values and styles; dates are serial numbers with the date format', () => {
    const hours = sheetOf(book, HOURS_SHEET);
    expect(hours.getCell('A1').value).toBe('Timer og aktiviteter – frivillige på Særheim');
    expect(hours.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(hours.getCell(`A${FIRST_DATA}`).numFmt).toBe(DATE_FORMAT);
    const xml = sheetXml(zip, HOURS_SHEET);
    DEFAULT_ROWS.forEach((row, i) => {
      expect(cellXml(xml, `A${FIRST_DATA + i}`)).toEqual({ f: undefined, v: String(isoToSerial(row.date)) });
    });
    const volunteers = sheetOf(book, SUMMARY_SHEET).getCell(SUMMARY_CELLS.volunteers.row, SUMMARY_CELLS.volunteers.col);
    expect(volunteers.value).toBe(12);
    expect(volunteers.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${INPUT_FILL}` } });
  });

  test('formulas are written without "=" and with the core result cached', () => {
    const summary = sheetOf(book, SUMMARY_SHEET);
    const hoursYear = summary.getCell(SUMMARY_CELLS.hoursYear.row, SUMMARY_CELLS.hoursYear.col);
    expect(hoursYear.formula).toMatch(/^SUMIFS\(Tabell\[Timer\],Tabell\[Dato\],">="&\d+\)$/);
    expect(hoursYear.result).toBe(hoursThisYear(DEFAULT_ROWS));
    const xml = sheetXml(zip, SUMMARY_SHEET);
    expect(cellXml(xml, 'B5')).toEqual({ f: 'ROWS(aktiviteter)', v: String(ACTIVITIES.length) });
    expect(xml).not.toMatch(/<f>=/);
  });

  test('the table has a header row, its name and range, and row formulas with cached values', () => {
    const hours = sheetOf(book, HOURS_SHEET);
    const table = hours.getTable(TABLE_NAME) as unknown as { table: { name: string; tableRef: string; headerRow: boolean; totalsRow: boolean } };
    const lastRow = TABLE_ROW + DEFAULT_ROWS.length;
    expect(table.table).toMatchObject({ name: TABLE_NAME, tableRef: `A${TABLE_ROW}:C${lastRow}`, headerRow: true, totalsRow: false });
    TABLE_HEADERS.forEach((header, i) => expect(hours.getCell(TABLE_ROW, i + 1).value).toBe(header));

    const tableXml = part(zip, 'xl/tables/table1.xml');
    expect(attributes(/<table\b[^>]*>/.exec(tableXml)![0])).toMatchObject({ name: TABLE_NAME, ref: `A${TABLE_ROW}:C${lastRow}`, headerRowCount: '1' });
    expect(tableXml).not.toContain('totalsRowCount');

    const xml = sheetXml(zip, HOURS_SHEET);
    DEFAULT_ROWS.forEach((row, i) => {
      expect(cellXml(xml, `C${FIRST_DATA + i}`)).toEqual({ f: 'Tabell[[#This Row],[Timer]]*2', v: String(row.hours * 2) });
    });
    expect(hours.getCell(`B${FIRST_DATA}`).numFmt).toBe('#,##0.0');
    expect(xml).toContain('<tableParts count="1">');
    // A sheet-level autoFilter beside a table corrupts the file; the table carries its own.
    expect(xml).not.toContain('<autoFilter');
  });

  test('merges and frozen panes', () => {
    const hours = sheetOf(book, HOURS_SHEET);
    expect(hours.model.merges).toEqual(['A1:D1']);
    expect(hours.views[0]).toMatchObject({ state: 'frozen', ySplit: TABLE_ROW });
  });

  test('data validations: one element per range, numeric bounds, no NaN, texts within Excel limits', () => {
    const hoursRules = validations(sheetXml(zip, HOURS_SHEET));
    const summaryRules = validations(sheetXml(zip, SUMMARY_SHEET));
    const lastRow = TABLE_ROW + DEFAULT_ROWS.length;
    const bySqref = new Map([...hoursRules, ...summaryRules].map((r) => [r.attrs.sqref, r]));
    expect(hoursRules.length + summaryRules.length).toBe(bySqref.size);

    expect(bySqref.get(`A${FIRST_DATA}:A${lastRow}`)).toMatchObject({
      attrs: { type: 'date', errorStyle: 'stop', allowBlank: '1' },
      formula1: String(VALID_FROM),
      formula2: String(VALID_TO),
    });
    expect(bySqref.get(`B${FIRST_DATA}:B${lastRow}`)).toMatchObject({ attrs: { type: 'decimal' }, formula1: '0', formula2: '24' });
    expect(bySqref.get(`D${FIRST_DATA}:D${lastRow}`)).toMatchObject({ attrs: { type: 'list', errorStyle: 'warning' }, formula1: 'aktiviteter' });
    expect(bySqref.get('B6')).toMatchObject({ attrs: { type: 'whole' }, formula1: String(WHOLE_MIN), formula2: String(WHOLE_MAX) });
    expect(bySqref.get('B7')).toMatchObject({ attrs: { type: 'textLength', operator: 'lessThanOrEqual' }, formula1: String(TEXT_MAX) });

    for (const rule of bySqref.values()) {
      expect(`${rule.formula1} ${rule.formula2 ?? ''}`).not.toContain('NaN');
      expect(rule.attrs.promptTitle.length).toBeLessThanOrEqual(32);
      expect(rule.attrs.prompt.length).toBeLessThanOrEqual(255);
      expect(rule.attrs.errorTitle.length).toBeLessThanOrEqual(32);
      expect(rule.attrs.error.length).toBeLessThanOrEqual(225);
    }
    // The over-long list texts were shortened, not dropped.
    expect(bySqref.get(`D${FIRST_DATA}:D${lastRow}`)!.attrs.promptTitle).toMatch(/^Aktivitet – velg.*…$/);
  });

  test('the summary is protected without a password and its input range is unlocked', () => {
    const xml = sheetXml(zip, SUMMARY_SHEET);
    const protection = /<sheetProtection\b[^>]*\/>/.exec(xml);
    expect(protection).not.toBeNull();
    const attrs = attributes(protection![0]);
    expect(attrs.sheet).toBe('1');
    for (const secret of ['password', 'hashValue', 'saltValue', 'algorithmName']) expect(attrs).not.toHaveProperty(secret);
    expect(sheetXml(zip, HOURS_SHEET)).not.toContain('<sheetProtection');

    const summary = sheetOf(book, SUMMARY_SHEET);
    expect(summary.getCell('B6').protection).toMatchObject({ locked: false });
    expect(summary.getCell('B7').protection).toMatchObject({ locked: false });
    expect(summary.getCell('B3').protection?.locked).not.toBe(false);
  });

  test('defined names: plain, OFFSET formula and print area, each exactly once', () => {
    const names = definedNames(part(zip, 'xl/workbook.xml'));
    expect(names).toHaveLength(3);
    const byName = new Map(names.map((n) => [n.attrs.name, n]));
    expect(byName.get('kpi_hours_year')).toEqual({ attrs: { name: 'kpi_hours_year' }, text: `'${SUMMARY_SHEET}'!$B$3` });
    expect(byName.get('aktiviteter')!.text).toBe(handMadePlan().names.find((n) => n.name === 'aktiviteter')!.refersTo);
    expect(byName.get('_xlnm.Print_Area')).toEqual({
      attrs: { name: '_xlnm.Print_Area', localSheetId: String(book.worksheets.findIndex((s) => s.name === SUMMARY_SHEET)) },
      text: `'${SUMMARY_SHEET}'!$A$1:$E$20`,
    });
    expect(sheetOf(book, SUMMARY_SHEET).pageSetup.printArea).toBe(PRINT_AREA);
  });

  test('print setup: A4, portrait, one page wide', () => {
    const xml = sheetXml(zip, SUMMARY_SHEET);
    expect(attributes(/<pageSetup\b[^>]*\/>/.exec(xml)![0])).toMatchObject({ paperSize: '9', orientation: 'portrait', fitToWidth: '1', fitToHeight: '0' });
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
  });

  test('data bars and recalculation on load', () => {
    const lastRow = TABLE_ROW + DEFAULT_ROWS.length;
    const xml = sheetXml(zip, HOURS_SHEET);
    expect(xml).toMatch(new RegExp(`<conditionalFormatting sqref="C${FIRST_DATA}:C${lastRow}"><cfRule type="dataBar"[^>]*><dataBar>.*<color rgb="FF5B9BD5"/>`));
    expect(part(zip, 'xl/workbook.xml')).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
  });
});

describe('edge cases of the plan', () => {
  function oneSheetPlan(sheet: Partial<PlannedSheet>): WorkbookPlan {
    const base: PlannedSheet = {
      key: 'settings',
      name: 'Innstillinger',
      visibility: 'visible',
      columnWidths: [],
      cells: [],
      tables: [],
      validations: [],
      merges: [],
      dataBars: [],
    };
    return { sheets: [{ ...base, ...sheet }], names: [] };
  }

  test('rules with one bound or none get a one-sided operator and numeric formulas', async () => {
    const texts = { prompt: { title: 'T', message: 'M' }, error: { title: 'T', message: 'M' }, strict: true };
    const plan = oneSheetPlan({
      validations: [
        { range: 'A1:A9', rule: { type: 'date', min: VALID_FROM }, ...texts },
        { range: 'B1:B9', rule: { type: 'date', max: VALID_TO }, ...texts },
        { range: 'C1:C9', rule: { type: 'whole', max: WHOLE_MAX }, ...texts },
        { range: 'D1:D9', rule: { type: 'decimal', min: 0.5 }, ...texts },
        { range: 'E1:E9', rule: { type: 'decimal' }, ...texts },
      ],
    });
    const zip = unzipSync(await writePlanToBuffer(plan));
    const rules = new Map(validations(sheetXml(zip, 'Innstillinger')).map((r) => [r.attrs.sqref, r]));
    expect(rules.get('A1:A9')).toMatchObject({ attrs: { type: 'date', operator: 'greaterThanOrEqual' }, formula1: String(VALID_FROM) });
    expect(rules.get('B1:B9')).toMatchObject({ attrs: { type: 'date', operator: 'lessThanOrEqual' }, formula1: String(VALID_TO) });
    expect(rules.get('C1:C9')).toMatchObject({ attrs: { type: 'whole', operator: 'lessThanOrEqual' }, formula1: String(WHOLE_MAX) });
    expect(rules.get('D1:D9')).toMatchObject({ attrs: { type: 'decimal', operator: 'greaterThanOrEqual' }, formula1: '0.5' });
    const open = rules.get('E1:E9')!;
    expect(Number(open.formula1)).toBeLessThan(-1e300);
    expect(Number(open.formula2)).toBeGreaterThan(1e300);
  });

  test('a very hidden first sheet is never the active tab', async () => {
    const plan = handMadePlan();
    plan.sheets.unshift(plan.sheets.pop()!);
    const workbookXml = part(unzipSync(await writePlanToBuffer(plan)), 'xl/workbook.xml');
    expect(attributes(/<workbookView\b[^>]*\/>/.exec(workbookXml)![0]).activeTab).toBe('1');
  });
});

describe('XlsxPlanWriter on an existing exceljs workbook', () => {
  test('adds the plan after the sheets already there, scoping the print area to its sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ark1').getCell('A1').value = 'brukerens data';
    workbook.definedNames.add("'Ark1'!$A$1", 'brukerens_navn');
    await new XlsxPlanWriter(workbook).applyPlan(handMadePlan());
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const zip = unzipSync(buffer);
    const names = definedNames(part(zip, 'xl/workbook.xml'));
    expect(names.map((n) => n.attrs.name).sort()).toEqual(['_xlnm.Print_Area', 'aktiviteter', 'brukerens_navn', 'kpi_hours_year']);
    expect(names.find((n) => n.attrs.name === '_xlnm.Print_Area')!.attrs.localSheetId).toBe('2');
    const book = await readBack(buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Ark1', HOURS_SHEET, SUMMARY_SHEET, META_SHEET]);
    expect(sheetOf(book, 'Ark1').getCell('A1').value).toBe('brukerens data');
  });

  test('refuses a plan whose sheet already exists', () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet(SUMMARY_SHEET);
    expect(() => renderPlan(workbook, handMadePlan())).toThrow(/already has a sheet named "Oppsummering"/);
  });
});

const withLibreOffice = requireLibreOffice() ? describe : describe.skip;

withLibreOffice('LibreOffice as an independent spreadsheet', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-writer-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function recalc(rows: HoursRow[], cachedFrom: HoursRow[], file: string): Promise<Map<string, string[][]>> {
    const path = join(dir, file);
    writeFileSync(path, await writePlanToBuffer(handMadePlan(rows, cachedFrom)));
    return recalcToCsv(path);
  }

  test('opens the file and computes the same figures the core cached', async () => {
    const sheets = await recalc(DEFAULT_ROWS, DEFAULT_ROWS, 'plan.xlsx');
    const summary = sheets.get(SUMMARY_SHEET);
    const hours = sheets.get(HOURS_SHEET);
    expect(csvNumber(csvCell(summary, SUMMARY_CELLS.hoursYear.row, 2))).toBe(hoursThisYear(DEFAULT_ROWS));
    expect(csvNumber(csvCell(summary, SUMMARY_CELLS.doubleTotal.row, 2))).toBe(2 * DEFAULT_ROWS.reduce((s, r) => s + r.hours, 0));
    // ROWS over the OFFSET-formula name: the name survived as a formula.
    expect(csvNumber(csvCell(summary, SUMMARY_CELLS.activityCount.row, 2))).toBe(ACTIVITIES.length);
    DEFAULT_ROWS.forEach((row, i) => {
      expect(csvNumber(csvCell(hours, FIRST_DATA + i, 3))).toBe(row.hours * 2);
      expect(csvCell(hours, FIRST_DATA + i, 1)).toBe(row.date.split('-').reverse().join('.'));
    });
    expect(csvCell(hours, 1, 1)).toBe('Timer og aktiviteter – frivillige på Særheim');
  });

  test('recalculates instead of trusting a stale cached result', async () => {
    const changed = DEFAULT_ROWS.map((row, i) => (i === 1 ? { ...row, hours: row.hours + 5 } : row));
    expect(hoursThisYear(changed)).not.toBe(hoursThisYear(DEFAULT_ROWS));
    const path = join(dir, 'stale.xlsx');
    const buffer = await writePlanToBuffer(handMadePlan(changed, DEFAULT_ROWS));
    writeFileSync(path, buffer);
    const cached = cellXml(sheetXml(unzipSync(buffer), SUMMARY_SHEET), 'B3').v;
    expect(Number(cached)).toBe(hoursThisYear(DEFAULT_ROWS));

    const sheets = await recalcToCsv(path);
    const computed = csvNumber(csvCell(sheets.get(SUMMARY_SHEET), SUMMARY_CELLS.hoursYear.row, 2));
    expect(computed).toBe(hoursThisYear(changed));
    expect(computed).not.toBe(Number(cached));
  });
});

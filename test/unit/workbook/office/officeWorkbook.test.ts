/**
 * The Office adapter against the recording stand-in for the Excel JavaScript API: what it builds,
 * what it reads back, how many round trips each action costs and how large each request is.
 */
import { workbookStrings } from '../../../../src/core/content/content';
import { isoToSerial } from '../../../../src/core/model/dates';
import { demoWorkbook } from '../../../../src/core/demo/demoWorkbook';
import { buildWorkbookPlan } from '../../../../src/core/plan/buildWorkbookPlan';
import { isFormula, type PlannedSheet, type WorkbookPlan } from '../../../../src/core/plan/workbookPlan';
import { OfficeActionError } from '../../../../src/workbook/office/officeErrors';
import { OfficeWorkbook } from '../../../../src/workbook/office/officeWorkbook';
import { VALIDATION_TEXT_LIMITS } from '../../../../src/workbook/office/officeValidation';
import { REQUEST_BUDGET_BYTES } from '../../../../src/workbook/office/requestBudget';
import { sameReference } from '../../../../src/core/model/a1';
import { ExcelStandIn, PAYLOAD_LIMIT_BYTES, StandInError, colLetters, parseArea } from '../../../support/excel';
import {
  DEFAULT_ROWS,
  HOURS_SHEET,
  META_SHEET,
  PRINT_AREA,
  SUMMARY_CELLS,
  SUMMARY_SHEET,
  TABLE_HEADERS,
  TABLE_NAME,
  TABLE_ROW,
  UNLOCKED,
  handMadePlan,
  type HoursRow,
} from '../../../support/handMadePlan';

const { text } = workbookStrings;

function hoursRows(count: number): HoursRow[] {
  const start = isoToSerial('2025-01-01');
  return Array.from({ length: count }, (_, i) => {
    const serial = start + (i % 365);
    const date = new Date((serial - 25569) * 86_400_000).toISOString().slice(0, 10);
    return { date, hours: 1 + (i % 8) / 2 };
  });
}

async function applied(plan: WorkbookPlan, standIn = new ExcelStandIn()): Promise<{ standIn: ExcelStandIn; syncs: number }> {
  standIn.resetLog();
  await new OfficeWorkbook(standIn.run).applyPlan(plan);
  return { standIn, syncs: standIn.syncCount };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('the stand-in behaves like Excel where it matters', () => {
  test('a property reads only after load and sync', async () => {
    const standIn = new ExcelStandIn();
    standIn.seedSheet('Ark1', [['hei', 2]]);
    await standIn.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Ark1').getRange('A1:B1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['hei', 2]]);
    });
  });

  test('a write is applied at sync and cannot be read back in the same batch', async () => {
    const standIn = new ExcelStandIn();
    standIn.seedSheet('Ark1');
    await standIn.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Ark1').getRange('A1');
      range.values = [[5]];
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(standIn.cell('Ark1', 'A1')).toBeUndefined();
      await context.sync();
      expect(standIn.cell('Ark1', 'A1')?.value).toBe(5);
      range.load('values');
      await context.sync();
      expect(range.values).toEqual([[5]]);
    });
    expect(standIn.syncCount).toBe(2);
  });

  test('values must match the range size; a single value fills it; null leaves a cell alone', async () => {
    const standIn = new ExcelStandIn();
    standIn.seedSheet('Ark1', [['keep']]);
    const error = await rejection(
      standIn.run(async (context) => {
        context.workbook.worksheets.getItem('Ark1').getRange('A1:B2').values = [[1, 2]];
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ code: 'InvalidArgument' });
    await standIn.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Ark1');
      sheet.getRange('A1:B1').values = [[null, 'ny']];
      sheet.getRange('C1:C2').numberFormat = '0.0' as unknown as unknown[][];
      await context.sync();
    });
    expect(standIn.cell('Ark1', 'A1')?.value).toBe('keep');
    expect(standIn.cell('Ark1', 'B1')?.value).toBe('ny');
    expect(standIn.cell('Ark1', 'C2')?.numberFormat).toBe('0.0');
  });

  test('text is parsed as typed: "=" makes a formula, an apostrophe keeps text, a bad formula is refused', async () => {
    const standIn = new ExcelStandIn();
    standIn.seedSheet('Ark1');
    await standIn.run(async (context) => {
      context.workbook.worksheets.getItem('Ark1').getRange('A1:D1').formulas = [['=SUM(B1:C1)', 'SUM(B1)', '0123', "'0123"]];
      await context.sync();
    });
    expect(standIn.cell('Ark1', 'A1')?.formula).toBe('=SUM(B1:C1)');
    expect(standIn.cell('Ark1', 'B1')).toMatchObject({ value: 'SUM(B1)', formula: undefined });
    expect(standIn.cell('Ark1', 'C1')?.value).toBe(123);
    expect(standIn.cell('Ark1', 'D1')?.value).toBe('0123');
    const error = await rejection(
      standIn.run(async (context) => {
        context.workbook.worksheets.getItem('Ark1').getRange('A2').formulas = [['=SUM(A1']];
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ code: 'InvalidArgument' });
  });

  test('a sheet name already taken, in any case, is refused', async () => {
    const standIn = new ExcelStandIn();
    standIn.seedSheet('Timer');
    const error = await rejection(
      standIn.run(async (context) => {
        context.workbook.worksheets.add('TIMER');
        await context.sync();
      }),
    );
    expect(error).toBeInstanceOf(StandInError);
    expect(error).toMatchObject({ code: 'ItemAlreadyExists' });
  });

  test('a request over 5 MB is refused, and a batch may not end with unsent work', async () => {
    const standIn = new ExcelStandIn();
    standIn.seedSheet('Ark1');
    const big = Array.from({ length: 60_000 }, () => ['x'.repeat(100)]);
    const error = await rejection(
      standIn.run(async (context) => {
        context.workbook.worksheets.getItem('Ark1').getRange('A1:A60000').values = big;
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(standIn.syncs[0].requestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    await expect(
      standIn.run(async (context) => {
        context.workbook.worksheets.getItem('Ark1').getRange('A1').values = [[1]];
      }),
    ).rejects.toThrow(/never sent/);
  });

  test('a table grows with rows.add: formats, validation and its calculated column follow', async () => {
    const standIn = new ExcelStandIn();
    standIn.seedSheet('Ark1', [['under', 'tabellen']]);
    await standIn.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Ark1');
      const table = sheet.tables.add('A1:B2', true);
      table.name = 'T';
      table.getHeaderRowRange().values = [['Tall', 'Dobbel']];
      table.getDataBodyRange().formulas = [[1, '=T[[#This Row],[Tall]]*2']];
      sheet.getRange('A2').dataValidation.rule = { wholeNumber: { operator: 'GreaterThan', formula1: 0 } };
      await context.sync();
      table.rows.add(undefined, [
        [2, ''],
        [3, ''],
      ]);
      await context.sync();
    });
    expect(standIn.tableContent('T')).toEqual({
      headers: ['Tall', 'Dobbel'],
      rows: [
        [1, '=T[[#This Row],[Tall]]*2'],
        [2, '=T[[#This Row],[Tall]]*2'],
        [3, '=T[[#This Row],[Tall]]*2'],
      ],
    });
    expect(standIn.validationAt('Ark1', 'A4')?.rule).toEqual({ wholeNumber: { operator: 'GreaterThan', formula1: 0 } });
    // The seeded row below was the table's header row's neighbour: it sits over A1:B1, untouched.
    expect(standIn.table('T').area).toEqual(parseArea('A1:B4'));
  });
});

// The list separator is the user's on Windows desktop (';' with Norwegian settings), and getRanges
// takes only that one there: the whole plan is built under both.
describe.each([',', ';'] as const)('applyPlan builds the plan in the workbook (list separator "%s")', (listSeparator) => {
  let standIn: ExcelStandIn;
  let syncs: number;
  const plan = handMadePlan();

  beforeAll(async () => {
    const user = new ExcelStandIn({ listSeparator });
    user.seedSheet('Ark1', [['brukerens data']]);
    ({ standIn, syncs } = await applied(plan, user));
  });

  test('in at most three round trips', () => {
    expect(syncs).toBeLessThanOrEqual(3);
    expect(standIn.calculationSuspensions).toBeGreaterThan(0);
  });

  test("every sheet, in order, with its visibility and tab colour; the user's sheet is kept", () => {
    expect(standIn.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Ark1', 'Visible'],
      [HOURS_SHEET, 'Visible'],
      [SUMMARY_SHEET, 'Visible'],
      [META_SHEET, 'VeryHidden'],
    ]);
    expect(standIn.cell('Ark1', 'A1')?.value).toBe('brukerens data');
    expect(standIn.sheet(HOURS_SHEET).tabColor).toBe('#1F5C7A');
  });

  test('every planned cell holds its value, and formulas carry a leading "="', () => {
    for (const sheet of plan.sheets) {
      for (const planned of sheet.cells) {
        const cell = standIn.sheet(sheet.name).cell(planned.row, planned.col);
        const where = `${sheet.name}!${colLetters(planned.col)}${planned.row}`;
        if (planned.value === null) expect([where, cell?.value ?? '']).toEqual([where, '']);
        else if (isFormula(planned.value)) expect([where, cell?.formula]).toEqual([where, `=${planned.value.formula}`]);
        else expect([where, cell?.value, cell?.formula]).toEqual([where, planned.value, undefined]);
      }
    }
  });

  test('the table has its name, headers and rows at the planned place', () => {
    const table = plan.sheets[0].tables[0];
    expect(standIn.table(TABLE_NAME).area).toEqual({ top: TABLE_ROW, left: 1, bottom: TABLE_ROW + DEFAULT_ROWS.length, right: TABLE_HEADERS.length });
    expect(standIn.tableContent(TABLE_NAME)).toEqual({
      headers: TABLE_HEADERS,
      rows: table.rows.map((row) => row.map((v) => (isFormula(v) ? `=${v.formula}` : v))),
    });
    expect(standIn.table(TABLE_NAME).style).toBe('TableStyleMedium2');
  });

  test("every validation is there with its rule, texts within Excel's limits and the planned strictness", () => {
    const rules = { list: 'list', date: 'date', decimal: 'decimal', whole: 'wholeNumber', textLength: 'textLength' } as const;
    for (const sheet of plan.sheets) {
      for (const planned of sheet.validations) {
        const found = standIn.sheet(sheet.name).validations.find((v) => JSON.stringify(v.area) === JSON.stringify(parseArea(planned.range)));
        expect(found).toBeDefined();
        expect(Object.keys(found!.rule!)).toEqual([rules[planned.rule.type]]);
        expect(found!.errorAlert?.style).toBe(planned.strict ? 'Stop' : 'Warning');
        expect(found!.prompt!.title!.length).toBeLessThanOrEqual(VALIDATION_TEXT_LIMITS.promptTitle);
        expect(found!.errorAlert!.message!.length).toBeLessThanOrEqual(VALIDATION_TEXT_LIMITS.errorMessage);
        expect(found!.prompt!.message!.startsWith(planned.prompt.message.slice(0, 20))).toBe(true);
      }
    }
    const first = `A${TABLE_ROW + 1}`;
    expect(standIn.validationAt(HOURS_SHEET, first)?.rule).toEqual({ date: { operator: 'Between', formula1: '2024-01-01', formula2: '2030-12-31' } });
    expect(standIn.validationAt(HOURS_SHEET, `D${TABLE_ROW + 1}`)?.rule).toEqual({ list: { inCellDropDown: true, source: '=aktiviteter' } });
  });

  test('workbook names refer with a leading "=", to the planned cells (Excel gives them back in its own form)', () => {
    for (const name of plan.names) {
      const formula = standIn.name(name.name)?.formula ?? '';
      expect(formula.startsWith('=')).toBe(true);
      expect([name.name, sameReference(formula, name.refersTo)]).toEqual([name.name, true]);
    }
  });

  test('merges, freeze panes, data bars, print settings and column widths', () => {
    const sheet = standIn.sheet(HOURS_SHEET);
    expect(sheet.merges).toEqual([parseArea('A1:D1')]);
    expect(sheet.freeze).toEqual({ rows: TABLE_ROW, cols: 0 });
    expect(sheet.conditionalFormats).toEqual([
      {
        area: parseArea(`C${TABLE_ROW + 1}:C${TABLE_ROW + DEFAULT_ROWS.length}`),
        type: 'DataBar',
        dataBar: { positiveFormat: { fillColor: '#5B9BD5', gradientFill: false } },
      },
    ]);
    expect([...sheet.columnWidths.keys()]).toEqual([1, 2, 3, 4]);
    expect(sheet.columnWidths.get(4)!).toBeGreaterThan(sheet.columnWidths.get(2)!);
    const summary = standIn.sheet(SUMMARY_SHEET);
    expect(summary.printArea).toBe(PRINT_AREA);
    expect(summary.pageLayout).toEqual({ orientation: 'Portrait', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
  });

  test('styles: fonts, fills, number formats over every table row, borders', () => {
    expect(standIn.cell(HOURS_SHEET, 'A1')?.format).toMatchObject({ bold: true, size: 16, color: '#1F5C7A' });
    for (let r = TABLE_ROW + 1; r <= TABLE_ROW + DEFAULT_ROWS.length; r++) {
      expect(standIn.cell(HOURS_SHEET, `A${r}`)).toMatchObject({ numberFormat: 'dd.mm.yyyy', format: { fill: '#FFF8E1', locked: false } });
      expect(standIn.cell(HOURS_SHEET, `B${r}`)?.numberFormat).toBe('#,##0.0');
    }
    expect(standIn.cell(SUMMARY_SHEET, 'E3')?.format.borders.bottom).toEqual({ style: 'Continuous', weight: 'Thin', color: '#1F5C7A' });
  });

  test('the summary is protected with its input cells unlocked and its labels locked', () => {
    const summary = standIn.sheet(SUMMARY_SHEET);
    expect(summary.protection).toEqual({ protected: true, options: { allowFormatColumns: true, selectionMode: 'Normal' } });
    const [from, to] = UNLOCKED.split(':').map(parseArea);
    for (let r = from.top; r <= to.bottom; r++) expect(summary.cell(r, from.left)?.format.locked).toBe(false);
    expect(standIn.cell(SUMMARY_SHEET, 'A3')?.format.locked ?? true).toBe(true);
    expect(standIn.cell(SUMMARY_SHEET, `E4`)?.format.locked).toBe(false);
    expect(standIn.cell(SUMMARY_SHEET, `B${SUMMARY_CELLS.hoursYear.row}`)?.format.locked ?? true).toBe(true);
  });

  test('text that Excel would parse stays text', async () => {
    const texts = ['+47 912 34 567', '0123', '=cmd', '2025-03-01', 'TRUE', "'sitat"];
    const sheet: PlannedSheet = {
      key: 'partners',
      name: 'Tekst',
      visibility: 'visible',
      columnWidths: [],
      cells: texts.map((value, i) => ({ row: 1, col: i + 1, value })),
      tables: [],
      validations: [],
      merges: [],
      dataBars: [],
    };
    const { standIn: book } = await applied({ sheets: [sheet], names: [] }, new ExcelStandIn({ listSeparator }));
    texts.forEach((text, i) => expect(book.sheet('Tekst').cell(1, i + 1)).toMatchObject({ value: text, formula: undefined }));
  });

  test('a bottom-border style on a block of rows borders every row, not only the last', async () => {
    const sheet: PlannedSheet = {
      key: 'agreement',
      name: 'Signatur',
      visibility: 'visible',
      columnWidths: [],
      cells: [3, 4, 5].flatMap((row) => [1, 2].map((col) => ({ row, col, value: null, style: 'docSignLine' as const }))),
      tables: [],
      validations: [],
      merges: [],
      dataBars: [],
    };
    const { standIn: book } = await applied({ sheets: [sheet], names: [] }, new ExcelStandIn({ listSeparator }));
    for (const address of ['A3', 'B3', 'A4', 'B5']) expect(book.cell('Signatur', address)?.format.borders.bottom?.style).toBe('Continuous');
    expect(book.cell('Signatur', 'A2')).toBeUndefined();
  });
});

describe('round trips do not grow with the row count', () => {
  test('10 and 20 000 table rows cost the same number of syncs', async () => {
    const small = await applied(handMadePlan(hoursRows(10)));
    const large = await applied(handMadePlan(hoursRows(20_000)));
    expect(large.standIn.tableContent(TABLE_NAME).rows).toHaveLength(20_000);
    expect(large.standIn.validationAt(HOURS_SHEET, `B${TABLE_ROW + 20_000}`)).toBeDefined();
    expect(small.syncs).toBeLessThanOrEqual(3);
    expect(large.syncs).toBe(small.syncs);
    // Nor do the calls: each rectangle is one 2-D write, each style one call over merged areas.
    const calls = (standIn: ExcelStandIn): number => standIn.syncs.reduce((sum, s) => sum + s.operations, 0);
    expect(calls(large.standIn)).toBe(calls(small.standIn));
  });

  test('200 000 rows of ~100 bytes are sent in blocks, each request under 5 MB', async () => {
    const rowCount = 200_000;
    const rows = Array.from({ length: rowCount }, (_, i) => [
      isoToSerial('2024-01-01') + (i % 700),
      `Frivillig nummer ${i} på besøk`,
      `Merknad om aktiviteten på avdeling ${i % 17}, kafé og sang`,
      (i % 10) / 2,
    ]);
    const sheet: PlannedSheet = {
      key: 'hours',
      name: 'Timer',
      visibility: 'visible',
      columnWidths: [12, 30, 40, 8],
      cells: [{ row: 1, col: 1, value: 'Timer', style: 'title' }],
      tables: [{ name: 'Timer', row: 3, col: 1, headers: ['Dato', 'Navn', 'Merknad', 'Timer'], rows, columnStyles: ['date', undefined, undefined, 'decimal'] }],
      validations: [
        {
          range: `D4:D${3 + rowCount}`,
          rule: { type: 'decimal', min: 0, max: 24 },
          prompt: { title: 'Timer', message: 'Timer' },
          error: { title: 'Feil', message: 'Feil' },
          strict: true,
        },
      ],
      merges: [],
      dataBars: [],
    };
    const bytes = JSON.stringify(rows).length;
    expect(bytes / rowCount).toBeGreaterThan(90);
    const small = await applied({ sheets: [{ ...sheet, tables: [{ ...sheet.tables[0], rows: rows.slice(0, 10) }] }], names: [] });
    const { standIn, syncs } = await applied({ sheets: [sheet], names: [] });
    const blocks = Math.ceil(bytes / REQUEST_BUDGET_BYTES);
    expect(syncs).toBeGreaterThan(small.syncs);
    expect(syncs - small.syncs).toBeGreaterThanOrEqual(blocks - 1);
    expect(syncs - small.syncs).toBeLessThanOrEqual(blocks + 1);
    for (const record of standIn.syncs) expect(record.requestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    const content = standIn.tableContent('Timer');
    expect(content.rows).toHaveLength(rowCount);
    expect(content.rows[rowCount - 1]).toEqual(rows[rowCount - 1]);
    expect(standIn.cell('Timer', `A${3 + rowCount}`)?.numberFormat).toBe('dd.mm.yyyy');
  });

  test('appending 1 and 5 000 rows costs the same syncs; the table and its validation grow', async () => {
    const costs: number[] = [];
    for (const count of [1, 5_000]) {
      const { standIn } = await applied(handMadePlan());
      standIn.resetLog();
      const added = hoursRows(count).map((r) => [isoToSerial(r.date), r.hours]);
      await new OfficeWorkbook(standIn.run).appendRows(TABLE_NAME, added);
      costs.push(standIn.syncCount);
      const content = standIn.tableContent(TABLE_NAME);
      expect(content.rows).toHaveLength(DEFAULT_ROWS.length + count);
      const last = content.rows[content.rows.length - 1];
      expect(last).toEqual([added[count - 1][0], added[count - 1][1], `=${TABLE_NAME}[[#This Row],[Timer]]*2`]);
      expect(standIn.validationAt(HOURS_SHEET, `B${TABLE_ROW + DEFAULT_ROWS.length + count}`)).toBeDefined();
    }
    expect(costs[1]).toBe(costs[0]);
    expect(costs[0]).toBeLessThanOrEqual(2);
  });

  test("a new table's blank row is filled by the first appended row, not left above it", async () => {
    const plan = handMadePlan();
    const table = plan.sheets.flatMap((sh) => sh.tables).find((t) => t.name === TABLE_NAME)!;
    table.rows = [table.headers.map(() => null)];
    const { standIn } = await applied(plan);
    standIn.resetLog();
    await new OfficeWorkbook(standIn.run).appendRows(TABLE_NAME, [[isoToSerial('2026-01-05'), 3]]);
    const rows = standIn.tableContent(TABLE_NAME).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(0, 2)).toEqual([isoToSerial('2026-01-05'), 3]);
    expect(standIn.syncCount).toBeLessThanOrEqual(3);
  });
});

describe('writeCells', () => {
  test('writes values and formulas into existing cells in one round trip', async () => {
    const { standIn } = await applied(handMadePlan());
    standIn.resetLog();
    await new OfficeWorkbook(standIn.run).writeCells(HOURS_SHEET, [
      { address: 'C20', value: 1700 },
      { address: 'C21', value: '+47 912 34 567' },
      { address: 'C22', value: { formula: 'C20*2', result: 3400 } },
    ]);
    expect(standIn.syncCount).toBe(1);
    expect(standIn.cell(HOURS_SHEET, 'C20')?.value).toBe(1700);
    expect(String(standIn.cell(HOURS_SHEET, 'C21')?.value)).toContain('912 34 567');
    expect(standIn.cell(HOURS_SHEET, 'C22')?.formula).toBe('=C20*2');
  });

  test('a protected sheet gives a clear "protected" error', async () => {
    const { standIn } = await applied(handMadePlan());
    const error = await rejection(new OfficeWorkbook(standIn.run).writeCells(SUMMARY_SHEET, [{ address: 'C20', value: 1 }]));
    expect(error).toBeInstanceOf(OfficeActionError);
    expect((error as OfficeActionError).code).toBe('protected');
  });
});

describe('reading', () => {
  test('readSheet reads the used range back, with numbers, text, booleans, errors and gaps', async () => {
    const standIn = new ExcelStandIn({ calculate: () => ({ error: '#N/A' }) });
    const sheet = standIn.seedSheet('Data', [
      [null, null, null],
      [null, 'Navn', 'Dato'],
      [null, 'Kari', isoToSerial('2025-02-03')],
      [null, null, null],
      [null, true, 2.5],
    ]);
    sheet.cellForWrite(6, 3).formula = '=NA()';
    const grid = await new OfficeWorkbook(standIn.run).readSheet('data');
    expect(grid.name).toBe('Data');
    expect(grid.visibility).toBe('visible');
    expect(grid.rows[0]).toBeUndefined();
    expect(grid.rows[1]?.[1]).toBe('Navn');
    expect(grid.rows[2]?.[2]).toBe(isoToSerial('2025-02-03'));
    expect(grid.rows[3]).toBeUndefined();
    expect(grid.rows[4]?.slice(1)).toEqual([true, 2.5]);
    expect(grid.rows[5]?.[2]).toEqual({ error: '#N/A' });
    expect(standIn.syncCount).toBe(2);
  });

  test('a large sheet is read in blocks, each response under 5 MB', async () => {
    const standIn = new ExcelStandIn();
    const rows = Array.from({ length: 120_000 }, (_, i) => [i, `Frivillig ${i} med en lang nok merknad til å fylle`, i % 3 === 0]);
    standIn.seedSheet('Stor', rows);
    const grid = await new OfficeWorkbook(standIn.run).readSheet('Stor');
    expect(grid.rows).toHaveLength(rows.length);
    expect(grid.rows[119_999]).toEqual(rows[119_999]);
    expect(standIn.syncCount).toBeGreaterThan(2);
    for (const record of standIn.syncs) expect(record.responseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  test('listSheets and definedNames report what applyPlan made', async () => {
    const { standIn } = await applied(handMadePlan());
    const workbook = new OfficeWorkbook(standIn.run);
    expect(await workbook.listSheets()).toEqual([
      { name: HOURS_SHEET, visibility: 'visible' },
      { name: SUMMARY_SHEET, visibility: 'visible' },
      { name: META_SHEET, visibility: 'veryHidden' },
    ]);
    const names = await workbook.definedNames();
    expect(names.map((n) => n.name)).toEqual(handMadePlan().names.map((n) => n.name));
    handMadePlan().names.forEach((planned, i) => expect([planned.name, sameReference(names[i].refersTo, planned.refersTo)]).toEqual([planned.name, true]));
  });

  test('selectCell activates the sheet and selects the cell', async () => {
    const { standIn } = await applied(handMadePlan());
    standIn.resetLog();
    await new OfficeWorkbook(standIn.run).selectCell(SUMMARY_SHEET, 'B6');
    expect(standIn.activeSheet?.name).toBe(SUMMARY_SHEET);
    expect(standIn.selection).toEqual({ sheet: SUMMARY_SHEET, address: 'B6' });
    expect(standIn.syncCount).toBe(1);
  });
});

describe('errors become OfficeActionError with a stable code', () => {
  test('a sheet name already in the workbook is refused before anything is written', async () => {
    const standIn = new ExcelStandIn();
    standIn.seedSheet(HOURS_SHEET.toUpperCase());
    const error = await rejection(new OfficeWorkbook(standIn.run).applyPlan(handMadePlan()));
    expect(error).toBeInstanceOf(OfficeActionError);
    expect(error).toMatchObject({ code: 'alreadyExists', subject: HOURS_SHEET });
    expect(standIn.sheets.map((s) => s.name)).toEqual([HOURS_SHEET.toUpperCase()]);
    expect(standIn.syncCount).toBe(1);
  });

  test('a failure half way removes the sheets the plan added', async () => {
    const plan = handMadePlan();
    plan.sheets[1].cells.push({ row: 30, col: 1, value: { formula: 'SUM(A1', result: 0 } });
    const standIn = new ExcelStandIn();
    standIn.seedSheet('Ark1');
    const error = await rejection(new OfficeWorkbook(standIn.run).applyPlan(plan));
    expect(error).toMatchObject({ code: 'unknown', officeCode: 'InvalidArgument' });
    expect(standIn.sheets.map((s) => s.name)).toEqual(['Ark1']);
  });

  test('Excel busy with cell editing, a missing sheet, a protected sheet', async () => {
    const { standIn } = await applied(handMadePlan());
    const workbook = new OfficeWorkbook(standIn.run);
    standIn.cellEditMode = true;
    await expect(workbook.listSheets()).rejects.toMatchObject({ code: 'sheetBeingEdited' });
    standIn.cellEditMode = false;
    await expect(workbook.readSheet('Finnes ikke')).rejects.toMatchObject({ code: 'notFound', subject: 'Finnes ikke' });
    await expect(workbook.appendRows('Mangler', [[1]])).rejects.toMatchObject({ code: 'notFound' });
    await standIn.run(async (context) => {
      context.workbook.worksheets.getItem(HOURS_SHEET).protection.protect();
      await context.sync();
    });
    await expect(workbook.appendRows(TABLE_NAME, [[isoToSerial('2025-05-05'), 2]])).rejects.toMatchObject({ code: 'protected' });
  });
});

describe('native charts on the summary', () => {
  test('hours by month and the factor profile are drawn from their figures, before the sheet is protected', async () => {
    const demo = demoWorkbook({ lang: 'nb', seed: 4, today: isoToSerial('2026-11-23'), volunteers: 20 });
    const plan = buildWorkbookPlan(demo.input);
    const { standIn } = await applied(plan);
    const summary = plan.sheets.find((s) => s.key === 'summary')!;
    const model = standIn.sheet(summary.name);
    const drawn = new Map(model.charts.map((c) => [c.type, c.title]));
    expect(drawn).toEqual(
      new Map([
        ['ColumnClustered', text('summary.section.months', 'nb')],
        ['BarClustered', text('summary.section.profile', 'nb')],
      ]),
    );
    const months = model.charts.find((c) => c.type === 'ColumnClustered')!;
    expect(months.source.bottom - months.source.top + 1).toBe(12);
    expect(months.source.right - months.source.left + 1).toBe(2);
    const januaryRow = summary.cells.find((c) => c.value === text('month.01', 'nb'))!.row;
    expect(months.source.top).toBe(januaryRow);
    expect(months.position).not.toBeNull();
    const profile = model.charts.find((c) => c.type === 'BarClustered')!;
    expect(profile.source.right - profile.source.left + 1).toBe(3);
    expect(model.protection.protected).toBe(true);
  });
});

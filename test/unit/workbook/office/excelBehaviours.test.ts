/**
 * The Office adapter against what real Excel does and one easily assumes it does not: each
 * `describe` is one behaviour of the stand-in (test/support/excel/, where each is cited from
 * Microsoft's reference or an office-js issue) that the adapter failed before it was fixed.
 */
import { isoToSerial } from '../../../../src/core/model/dates';
import { loadWorkbook } from '../../../../src/core/model/loadWorkbook';
import { asText } from '../../../../src/core/model/cellValues';
import { sheetDef } from '../../../../src/core/content/content';
import { META_SHEET_NAME } from '../../../../src/core/model/metaSheet';
import { defaultSheetNames } from '../../../../src/core/plan/buildWorkbookPlan';
import { WorkbookActionError, type WorkbookActionErrorCode } from '../../../../src/core/port';
import { EvaluationService } from '../../../../src/taskpane/services/evaluationService';
import { RegisterService, type FormInput } from '../../../../src/taskpane/services/registerService';
import { SummaryService } from '../../../../src/taskpane/services/summaryService';
import { TemplateService } from '../../../../src/taskpane/services/templateService';
import { OfficeWorkbook } from '../../../../src/workbook/office/officeWorkbook';
import { ExcelStandIn, type StandInOptions } from '../../../support/excel';
import { handMadePlan, META_SHEET, SUMMARY_SHEET, TABLE_NAME } from '../../../support/handMadePlan';
import { fixedClock, officePane } from '../../../support/standInWorkbook';

const NB = defaultSheetNames('nb');

async function withTemplates(options: StandInOptions = {}): Promise<ExcelStandIn> {
  const standIn = new ExcelStandIn(options);
  await new TemplateService(officePane(standIn), fixedClock).addMissing('nb');
  return standIn;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function volunteerInput(standIn: ExcelStandIn, overrides: FormInput = {}): Promise<FormInput> {
  const settings = (await loadWorkbook(officePane(standIn))).data.settings;
  const activity = settings.lists.activityTypes.find((a) => !settings.policeActivities.includes(a))!;
  return {
    name: 'Kari Nordmann',
    phone: '+47 912 34 567',
    affiliation: settings.lists.affiliationForms[0],
    activity,
    start: '2026-11-02',
    consentDate: '2026-11-02',
    confidentialityDate: '2026-11-02',
    status: settings.lists.volunteerStatuses[0],
    ...overrides,
  };
}

describe('list separators: getRanges takes only the user\'s separator (";" on Norwegian Windows)', () => {
  test.each([',', ';'] as const)('all templates are added and formatted with the list separator "%s"', async (listSeparator) => {
    const standIn = await withTemplates({ listSeparator });
    expect(standIn.sheets.map((s) => s.name)).toContain(NB.summary);
    // Formats and unlocking applied over several areas of a style at once (getRanges in the adapter before).
    const settings = standIn.sheet(NB.settings);
    expect(settings.protection.protected).toBe(true);
    expect([...settings.cells.values()].some((c) => !c.format.locked)).toBe(true);
    expect([...settings.cells.values()].some((c) => c.format.bold)).toBe(true);
  });
});

describe('name formulas come back in Excel\'s form (=Oppsummering!$B$5), and a formula without "=" is text', () => {
  test('the pane still recognises its summary layout and rewrites the computed cells', async () => {
    const standIn = await withTemplates();
    const names = await new OfficeWorkbook(standIn.run).definedNames();
    expect(names.find((n) => n.name === 'kpi_active_volunteers')?.refersTo).toMatch(/^Oppsummering!\$B\$\d+$/);
    const report = await new SummaryService(officePane(standIn), fixedClock).refresh();
    expect(report.summaryWritten).toBe(true);
  });

  test('the stand-in keeps a reference given without "=" as a text constant, as Excel does', async () => {
    const standIn = new ExcelStandIn();
    standIn.seedSheet('Data');
    await standIn.run(async (context) => {
      context.workbook.names.add('tekst', "'Data'!$A$1");
      context.workbook.names.add('ref', "='Data'!$A$1");
      await context.sync();
    });
    expect(standIn.name('tekst')?.formula).toBe(`="'Data'!$A$1"`);
    expect(standIn.name('ref')?.formula).toBe('=Data!$A$1');
  });
});

describe("calculated columns follow the user's AutoCorrect setting; the adapter writes the formulas itself", () => {
  const derived = sheetDef('volunteers')
    .columns!.map((c, i) => ({ key: c.key, i, formula: c.type === 'formula' }))
    .filter((c) => c.formula);

  test.each([true, false])(
    'with "fill formulas in tables" %s, a new volunteer in an empty register gets the derived columns\' formulas',
    async (autoCorrectFillsFormulas) => {
      const standIn = await withTemplates({ autoCorrectFillsFormulas });
      const service = new RegisterService(officePane(standIn), fixedClock);
      for (const name of ['Kari Nordmann', 'Ola Nordmann']) {
        const result = await service.append('volunteers', await volunteerInput(standIn, { name }));
        expect(result.kind).toBe('appended');
      }
      const rows = standIn.tableContent(sheetDef('volunteers').table!.nb).rows;
      expect(rows).toHaveLength(2);
      for (const row of rows)
        for (const column of derived) expect([column.key, String(row[column.i])]).toEqual([column.key, expect.stringMatching(/^=.*\[#This Row\]/)]);
    },
  );
});

describe('a very hidden sheet cannot be deleted', () => {
  test('a write that fails half way leaves no orphan metadata sheet behind', async () => {
    const plan = handMadePlan();
    plan.names.push({ name: 'brutt', refersTo: 'SUM(' });
    const standIn = new ExcelStandIn();
    standIn.seedSheet('Ark1');
    const error = await rejection(new OfficeWorkbook(standIn.run).applyPlan(plan));
    expect(error).toBeInstanceOf(WorkbookActionError);
    expect(standIn.sheets.map((s) => s.name)).toEqual(['Ark1']);
    expect(standIn.sheets.some((s) => s.name === META_SHEET)).toBe(false);
  });
});

describe('protection state is read before protect() or unprotect()', () => {
  test('writing the summary works whether the user left it protected or unprotected, and leaves it protected', async () => {
    const standIn = new ExcelStandIn();
    await new OfficeWorkbook(standIn.run).applyPlan(handMadePlan());
    const workbook = new OfficeWorkbook(standIn.run);
    await workbook.writeCells(SUMMARY_SHEET, [{ address: 'B2', value: 'første' }], { protectedSheet: true });
    expect(standIn.sheet(SUMMARY_SHEET).protection.protected).toBe(true);
    standIn.sheet(SUMMARY_SHEET).protection = { protected: false, options: {} };
    standIn.resetLog();
    await workbook.writeCells(SUMMARY_SHEET, [{ address: 'B2', value: 'andre' }], { protectedSheet: true });
    expect(standIn.cell(SUMMARY_SHEET, 'B2')?.value).toBe('andre');
    expect(standIn.sheet(SUMMARY_SHEET).protection.protected).toBe(true);
    expect(standIn.syncCount).toBeLessThanOrEqual(2);
  });

  test('a summary the user protected with a password gets its own message, and stays protected', async () => {
    const standIn = new ExcelStandIn();
    await new OfficeWorkbook(standIn.run).applyPlan(handMadePlan());
    standIn.sheet(SUMMARY_SHEET).protection = { protected: true, options: {}, password: 'hemmelig' };
    const error = await rejection(new OfficeWorkbook(standIn.run).writeCells(SUMMARY_SHEET, [{ address: 'B2', value: 1 }], { protectedSheet: true }));
    expect(error).toMatchObject({ code: 'passwordProtected', subject: SUMMARY_SHEET });
    expect((error as WorkbookActionError).say('nb')).toContain('passord');
    expect(standIn.sheet(SUMMARY_SHEET).protection).toMatchObject({ protected: true, password: 'hemmelig' });
  });
});

describe('text stays text: what Excel would read as a number, date, error or formula arrives as typed', () => {
  const RISKY = [
    '1e5',
    '(123)',
    '#N/A',
    '100 kr',
    'mai 2024',
    '1. jan',
    'May 2024',
    '0047 11 22 33',
    '+47 912 34 567',
    '- ikke relevant',
    '50%',
    '1,234',
    'TRUE',
    '12/31/2024',
  ];

  test('in a form (new volunteer), in evaluation evidence, and in single cell writes', async () => {
    const standIn = await withTemplates();
    const pane = officePane(standIn);
    const service = new RegisterService(pane, fixedClock);
    const result = await service.append('volunteers', await volunteerInput(standIn, { notes: RISKY[0], name: 'Tekst Testesen' }));
    expect(result.kind).toBe('appended');
    const evaluation = new EvaluationService(pane, fixedClock);
    const date = isoToSerial('2026-11-23');
    const draft = await evaluation.draft(date);
    const statements = draft.factors.flatMap((f) => f.statements);
    const answers = Object.fromEntries(statements.map((s, i) => [s.id, { rating: 'partly' as const, evidence: RISKY[i % RISKY.length] }]));
    await evaluation.save(date, answers, 'Hele kommunen', '');
    const loaded = await loadWorkbook(pane);
    const notes = loaded.data.registers.volunteers.rows.map((r) => asText(r.values.notes));
    expect(notes).toContain(RISKY[0]);
    const evidence = new Map(
      loaded.data.registers.checklist.rows.filter((r) => r.values.round === date).map((r) => [asText(r.values.statementId), r.values.evidence]),
    );
    statements.forEach((s, i) => expect([s.id, evidence.get(s.id)]).toEqual([s.id, RISKY[i % RISKY.length]]));

    // And once more, straight through the port's cell writes (as the settings and the metadata are written).
    const workbook = new OfficeWorkbook(standIn.run);
    await workbook.writeCells(
      META_SHEET_NAME,
      RISKY.map((value, i) => ({ address: `Z${i + 1}`, value })),
    );
    RISKY.forEach((value, i) => expect([value, standIn.cell(META_SHEET_NAME, `Z${i + 1}`)?.value]).toEqual([value, value]));
  });
});

describe("errors are told apart by Excel's code, never by its (translated) message", () => {
  const CASES: [string, WorkbookActionErrorCode][] = [
    ['InsertDeleteConflict', 'insertDeleteConflict'],
    ['MergedRangeConflict', 'mergedRangeConflict'],
    ['Conflict', 'conflict'],
    ['RequestAborted', 'requestAborted'],
    ['InactiveWorkbook', 'inactiveWorkbook'],
    ['AccessDenied', 'protected'],
    ['RequestPayloadSizeLimitExceeded', 'tooLarge'],
  ];

  test.each(CASES)('%s becomes "%s", with its own sentence in every language', async (officeCode, code) => {
    const standIn = new ExcelStandIn();
    await new OfficeWorkbook(standIn.run).applyPlan(handMadePlan());
    // Excel's message is in the user's language ("Error codes are not localized", the message is).
    standIn.failOn('rows.add', officeCode, 'Operasjonen kan ikke utføres.');
    const error = await rejection(new OfficeWorkbook(standIn.run).appendRows(TABLE_NAME, [[isoToSerial('2026-01-05'), 2]]));
    expect(error).toMatchObject({ code, officeCode });
    const said = (error as WorkbookActionError).say('nb');
    expect(said).not.toBe(new WorkbookActionError('unknown', '').say('nb'));
  });

  test('an English message that mentions protection does not make an InvalidOperation a protected sheet', async () => {
    const standIn = new ExcelStandIn();
    await new OfficeWorkbook(standIn.run).applyPlan(handMadePlan());
    for (const message of ['The sheet is protected.', 'Arket er beskyttet.']) {
      standIn.failures.length = 0;
      standIn.failOn('rows.add', 'InvalidOperation', message);
      const error = await rejection(new OfficeWorkbook(standIn.run).appendRows(TABLE_NAME, [[isoToSerial('2026-01-05'), 2]]));
      expect([message, (error as WorkbookActionError).code]).toEqual([message, 'unknown']);
    }
  });
});

describe('payloads: a block Excel on the web refuses (5 MB, or GeneralException below it) is halved and sent again', () => {
  const longText = (i: number) => `Merknad ${i}: ${'lang fritekst fra et skjema, '.repeat(8)}`;

  test('a sheet of long free text is read although its first block would pass 5 MB', async () => {
    const standIn = new ExcelStandIn();
    const rows = Array.from({ length: 25_000 }, (_, i) => [longText(i), longText(i + 1)]);
    standIn.seedSheet('Fritekst', rows);
    const grid = await new OfficeWorkbook(standIn.run).readSheet('Fritekst');
    expect(grid.rows).toHaveLength(rows.length);
    expect(grid.rows[24_999]).toEqual(rows[24_999]);
  });

  test('reads and appends go through when the web answers GeneralException above 1 MB', async () => {
    const standIn = new ExcelStandIn({ generalExceptionAboveBytes: 1_000_000 });
    const rows = Array.from({ length: 6_000 }, (_, i) => [longText(i)]);
    standIn.seedSheet('Fritekst', rows);
    const workbook = new OfficeWorkbook(standIn.run);
    expect((await workbook.readSheet('Fritekst')).rows).toHaveLength(rows.length);

    standIn.seedSheet('Notater', [
      ['Dato', 'Merknad'],
      [isoToSerial('2026-01-02'), 'første'],
    ]);
    await standIn.run(async (context) => {
      context.workbook.worksheets.getItem('Notater').tables.add('A1:B2', true).name = 'Notater';
      await context.sync();
    });
    const added = Array.from({ length: 6_000 }, (_, i) => [isoToSerial('2026-01-05'), longText(i)]);
    await workbook.appendRows('Notater', added);
    const table = standIn.tableContent('Notater').rows;
    expect(table).toHaveLength(6_001);
    expect(table[6_000]).toEqual(added[5_999]);
  });
});

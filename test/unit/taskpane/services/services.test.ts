import { SCHEMA_MIGRATIONS } from '../../../../src/core/model/schemaMigrations';
/**
 * The task pane's services end to end: the Office adapter over the recording Excel stand-in, the
 * core's placement, plan, loading and rules. What the tests look at is what the stand-in's
 * workbook holds afterwards and how many round trips each action cost.
 */
import { content, sheetDef } from '../../../../src/core/content/content';
import { isoToSerial } from '../../../../src/core/model/dates';
import { loadWorkbook } from '../../../../src/core/model/loadWorkbook';
import { defaultSheetNames } from '../../../../src/core/plan/buildWorkbookPlan';
import { parameterRow } from '../../../../src/core/model/settingsModel';
import { RegisterService, type FormInput } from '../../../../src/taskpane/services/registerService';
import { SettingsChanged, SettingsRefusal, SettingsService } from '../../../../src/taskpane/services/settingsService';
import { TemplateService, TEMPLATE_KEYS } from '../../../../src/taskpane/services/templateService';
import { ValidationService } from '../../../../src/taskpane/services/validationService';
import { SummaryService } from '../../../../src/taskpane/services/summaryService';
import { EvaluationService } from '../../../../src/taskpane/services/evaluationService';
import { CellWritesUnavailable } from '../../../../src/taskpane/services/cellWriter';
import { PrintService } from '../../../../src/taskpane/services/printService';
import { SCHEMA_VERSION } from '../../../../src/core/content/content';
import { REGISTER_KEYS, type RegisterKey } from '../../../../src/core/content/templateSchema';
import { defaultTableNames } from '../../../../src/core/model/workbookData';
import type { WorkbookPlan } from '../../../../src/core/plan/workbookPlan';
import { TemplateRefusal } from '../../../../src/taskpane/services/templateService';
import { OfficeWorkbook } from '../../../../src/workbook/office/officeWorkbook';
import { RowChanged, TableColumnOccupied, type CellValue, type SheetGrid } from '../../../../src/core/port';
import { openXlsxBuffer } from '../../../../src/workbook/xlsx/reading/xlsxReader';
import { ExcelStandIn } from '../../../support/excel';
import { END_REASON_NB, PARTICIPANTS_NB, versionOnePlan, withSchemaVersion, type VersionOneOptions } from '../../../support/schemaV1';
import { fixedClock, officePane, readOnlyPane, writingPane } from '../../../support/standInWorkbook';
import { columnLetter, parseCellReference } from '../../../../src/core/model/a1';

const NB = defaultSheetNames('nb');

async function withTemplates(standIn = new ExcelStandIn()): Promise<ExcelStandIn> {
  await new TemplateService(officePane(standIn), fixedClock).addMissing('nb');
  return standIn;
}

/** Everything a user could see of the workbook: sheets, cells, tables, names. */
function snapshot(standIn: ExcelStandIn): string {
  return JSON.stringify({
    sheets: standIn.sheets.map((s) => [s.name, s.visibility, [...s.cells]]),
    tables: standIn.tables.map((t) => [t.name, t.area]),
    names: standIn.names.map((n) => [n.name, n.formula]),
  });
}

/** Round trips of reading the workbook as every action starts: the floor of any action's cost. */
async function readSyncs(standIn: ExcelStandIn): Promise<number> {
  standIn.resetLog();
  await loadWorkbook(officePane(standIn));
  return standIn.syncCount;
}

describe('templateService', () => {
  test('adds every template to an empty workbook, with the metadata sheet very hidden', async () => {
    const standIn = new ExcelStandIn();
    const service = new TemplateService(officePane(standIn), fixedClock);
    const before = await service.status('nb');
    expect(before.templates.every((t) => t.state === 'missing')).toBe(true);
    expect(before.canAdd).toBe(true);

    const result = await service.addMissing('nb');
    expect(result.added.map((a) => a.key)).toEqual([...TEMPLATE_KEYS]);
    expect(result.renamed).toEqual([]);
    expect(standIn.sheets.map((s) => [s.name, s.visibility])).toEqual([...TEMPLATE_KEYS.map((k) => [NB[k], 'Visible']), ['_samspill', 'VeryHidden']]);
    expect(standIn.tableContent(sheetDef('volunteers').table!.nb).headers).toEqual(sheetDef('volunteers').columns!.map((c) => c.label.nb));

    const after = await service.status('en');
    expect(after.lang).toBe('nb');
    expect(after.templates.map((t) => t.state)).toEqual(TEMPLATE_KEYS.map(() => 'present'));
    expect(after.canAdd).toBe(false);
  });

  test('a user sheet named "Frivillige" is left as it was; the register gets a free name', async () => {
    const standIn = new ExcelStandIn();
    standIn.seedSheet('Frivillige', [
      ['Navn', 'Telefon', 'Merknad'],
      ['Ola', '99887766', 'kommer tirsdager'],
    ]);
    const userSheet = JSON.stringify([...standIn.sheet('Frivillige').cells]);
    const result = await new TemplateService(officePane(standIn), fixedClock).addMissing('nb');

    expect(result.renamed).toEqual([{ key: 'volunteers', wanted: 'Frivillige', name: 'Frivillige (2)' }]);
    expect(result.added.find((a) => a.key === 'volunteers')?.sheet).toBe('Frivillige (2)');
    expect(JSON.stringify([...standIn.sheet('Frivillige').cells])).toBe(userSheet);
    expect(standIn.sheets[0].name).toBe('Frivillige');
    expect(standIn.table(sheetDef('volunteers').table!.nb).sheet.name).toBe('Frivillige (2)');
    const loaded = await loadWorkbook(officePane(standIn));
    expect(loaded.sheetNames.volunteers).toBe('Frivillige (2)');
    expect(loaded.meta?.sheets.volunteers).toBe('Frivillige (2)');
  });

  test('adding twice changes nothing and writes nothing the second time', async () => {
    const standIn = await withTemplates();
    const before = snapshot(standIn);
    const floor = await readSyncs(standIn);
    standIn.resetLog();
    const again = await new TemplateService(officePane(standIn), fixedClock).addMissing('nb');
    expect(again).toEqual({ added: [], renamed: [] });
    expect(snapshot(standIn)).toBe(before);
    // The read the action starts with, and the defined names for placement: nothing beyond.
    expect(standIn.syncCount).toBe(floor + 1);
  });

  test('a missing template is added beside the others, and the metadata is rewritten in place', async () => {
    const standIn = new ExcelStandIn();
    await new TemplateService(writingPane(standIn), fixedClock).addMissing('nn');
    await standIn.run(async (context) => {
      context.workbook.worksheets.getItem(defaultSheetNames('nn').hours).delete();
      await context.sync();
    });
    const service = new TemplateService(writingPane(standIn), fixedClock);
    const status = await service.status('nb');
    expect(status.lang).toBe('nn');
    expect(status.templates.filter((t) => t.state === 'missing').map((t) => t.key)).toEqual(['hours']);

    const result = await service.addMissing('nb');
    expect(result.added).toEqual([{ key: 'hours', sheet: defaultSheetNames('nn').hours }]);
    const loaded = await loadWorkbook(writingPane(standIn));
    expect(loaded.meta?.sheets.hours).toBe(defaultSheetNames('nn').hours);
    expect(loaded.missingSheets).toEqual([]);
  });

  test('without cell writes, a workbook whose metadata must change is refused before anything is written', async () => {
    const standIn = await withTemplates();
    await standIn.run(async (context) => {
      context.workbook.worksheets.getItem(NB.hours).delete();
      await context.sync();
    });
    const before = snapshot(standIn);
    await expect(new TemplateService(readOnlyPane(standIn), fixedClock).addMissing('nb')).rejects.toBeInstanceOf(CellWritesUnavailable);
    expect(snapshot(standIn)).toBe(before);
  });
});

// ───────────── upgrading a schema-1 workbook in place ─────────────

const NB_TABLES = defaultTableNames('nb');

/** A version-1 workbook written into the stand-in by the Office adapter, as version 1 did. */
async function versionOneInExcel(options: VersionOneOptions = {}, edit: (plan: WorkbookPlan) => WorkbookPlan = (p) => p): Promise<ExcelStandIn> {
  const standIn = new ExcelStandIn();
  await new OfficeWorkbook(standIn.run).applyPlan(edit(versionOnePlan(options)));
  standIn.resetLog();
  return standIn;
}

/** The register sheets as the port reads them, by key. */
async function registerGrids(standIn: ExcelStandIn): Promise<Map<RegisterKey, SheetGrid>> {
  const workbook = officePane(standIn);
  const names = (await workbook.listSheets()).map((s) => s.name);
  const grids = new Map<RegisterKey, SheetGrid>();
  for (const key of REGISTER_KEYS) if (names.includes(NB[key])) grids.set(key, await workbook.readSheet(NB[key]));
  return grids;
}

/** Rows cut or padded to a width, so a grid can be compared with a wider one column by column. */
function cellsTo(grid: SheetGrid, width: number): CellValue[][] {
  return grid.rows.map((row) => Array.from({ length: width }, (_, c) => row?.[c] ?? null));
}

function widthOf(grid: SheetGrid): number {
  return Math.max(0, ...grid.rows.map((row) => row?.length ?? 0));
}

describe('templateService: upgrading a schema-1 workbook', () => {
  test('every register row is kept, participants is appended empty, the action plan added, the metadata current; a second add changes nothing', async () => {
    const standIn = await versionOneInExcel();
    const before = await registerGrids(standIn);
    expect(before.has('actions')).toBe(false);
    expect(before.get('checklist')!.rows[0]).not.toContain(PARTICIPANTS_NB);
    const service = new TemplateService(officePane(standIn), fixedClock);
    const status = await service.status('en');
    expect(status.schema).toEqual({ kind: 'upgrade', from: 1, to: SCHEMA_VERSION() });
    expect(status.canAdd).toBe(true);
    expect(status.templates.find((t) => t.key === 'actions')?.state).toBe('missing');

    const result = await service.addMissing('en');
    expect(result.added).toEqual([{ key: 'actions', sheet: NB.actions }]);
    expect(result.renamed).toEqual([]);
    expect(result.upgraded?.from).toBe(1);
    expect(result.upgraded?.to).toBe(SCHEMA_VERSION());
    expect(result.upgraded?.columns[0]).toEqual({ register: 'checklist', column: 'participants', header: PARTICIPANTS_NB, sheet: NB.checklist });
    // The 2→3 columns follow (the legal basis per agreement and assignment, signatories, the non-profit register), then 3→4's end reasons.
    expect(result.upgraded?.columns.map((c) => c.column)).toEqual([
      'participants',
      ...SCHEMA_MIGRATIONS.slice(1).flatMap((m) => m.addColumns.map((a) => a.column)),
    ]);
    expect(result.upgraded?.columns.slice(-2)).toEqual([
      { register: 'volunteers', column: 'endReason', header: END_REASON_NB, sheet: NB.volunteers },
      { register: 'agreements', column: 'endReason', header: END_REASON_NB, sheet: NB.agreements },
    ]);

    const after = await registerGrids(standIn);
    for (const [key, grid] of before) {
      const width = widthOf(grid);
      expect([key, cellsTo(after.get(key)!, width)]).toEqual([key, cellsTo(grid, width)]);
      const added = SCHEMA_MIGRATIONS.slice(1)
        .flatMap((m) => m.addColumns)
        .filter((a) => a.register === key).length;
      if (key !== 'checklist') expect([key, widthOf(after.get(key)!)]).toEqual([key, width + added]);
    }
    const checklist = after.get('checklist')!;
    const width = widthOf(before.get('checklist')!);
    expect(widthOf(checklist)).toBe(width + 1);
    expect(checklist.rows[0]![width]).toBe(PARTICIPANTS_NB);
    const dataRows = before.get('checklist')!.rows.length - 1;
    expect(dataRows).toBeGreaterThan(50);
    for (let r = 1; r <= dataRows; r++) expect(checklist.rows[r]?.[width] ?? null).toBeNull();
    // The table took the column in; its length check covers the data rows; the width is the template's.
    const table = standIn.tableContent(NB_TABLES.checklist);
    expect(table.headers.at(-1)).toBe(PARTICIPANTS_NB);
    expect(table.rows).toHaveLength(dataRows);
    const letter = columnLetter(width + 1);
    const validation = standIn.validationAt(NB.checklist, `${letter}2`);
    expect(validation?.rule).toEqual({ textLength: { operator: 'LessThanOrEqualTo', formula1: 200 } });
    expect(validation?.area).toEqual({ top: 2, bottom: dataRows + 1, left: width + 1, right: width + 1 });
    expect(standIn.sheet(NB.checklist).columnWidths.get(width + 1)).toBeGreaterThan(0);

    const loaded = await loadWorkbook(officePane(standIn));
    expect(loaded.meta?.schemaVersion).toBe(SCHEMA_VERSION());
    expect(loaded.meta?.sheets.actions).toBe(NB.actions);
    expect(loaded.meta?.tables.actions).toBe(NB_TABLES.actions);
    expect(loaded.data.registers.checklist.columns.get('participants')).toBe(width + 1);
    expect(loaded.missingSheets).toEqual([]);
    const current = await service.status('nb');
    expect(current.schema).toEqual({ kind: 'current', version: SCHEMA_VERSION() });
    expect(current.canAdd).toBe(false);

    const upgraded = snapshot(standIn);
    const again = await new TemplateService(officePane(standIn), fixedClock).addMissing('nb');
    expect(again).toEqual({ added: [], renamed: [] });
    expect(snapshot(standIn)).toBe(upgraded);
  });

  test('the upgrade costs the same round trips for 10 and 2 000 checklist rows', async () => {
    const syncs: number[] = [];
    const floors: number[] = [];
    for (const rows of [10, 2_000]) {
      const standIn = await versionOneInExcel({ checklistRows: rows });
      floors.push(await readSyncs(standIn));
      standIn.resetLog();
      const result = await new TemplateService(officePane(standIn), fixedClock).addMissing('nb');
      expect(result.upgraded?.columns).toHaveLength(1 + SCHEMA_MIGRATIONS.slice(1).flatMap((m) => m.addColumns).length);
      expect(standIn.tableContent(NB_TABLES.checklist).rows).toHaveLength(rows);
      syncs.push(standIn.syncCount);
    }
    expect(syncs[1]).toBe(syncs[0]);
    expect(floors[1]).toBe(floors[0]);
    // Beyond the read every action starts with: the defined names (1), the column (2), the action
    // plan's sheet (2: the names it needs are free, then everything in one), the metadata (1).
    // Two round trips per appended column beyond a fixed four (one 1→2 column, the 2→3 and 3→4 columns).
    expect(syncs[0] - floors[0]).toBe(4 + 2 * (1 + SCHEMA_MIGRATIONS.slice(1).flatMap((m) => m.addColumns).length));
  });

  test('a note right of the checklist table refuses the upgrade before anything changes', async () => {
    const standIn = await versionOneInExcel();
    const { area } = standIn.table(NB_TABLES.checklist);
    standIn.sheet(NB.checklist).cellForWrite(4, area.right + 1).value = 'Husk å spørre Frivilligsentralen';
    const before = snapshot(standIn);
    const error = await new TemplateService(officePane(standIn), fixedClock).addMissing('nb').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TemplateRefusal);
    expect((error as TemplateRefusal).reason).toBe('columnOccupied');
    expect((error as TemplateRefusal).values).toEqual({ sheet: NB.checklist, cell: `${columnLetter(area.right + 1)}4`, header: PARTICIPANTS_NB });
    expect(snapshot(standIn)).toBe(before);
  });

  test('a newer schema is still refused, and nothing is written', async () => {
    const standIn = await versionOneInExcel({}, (plan) => ({
      ...plan,
      sheets: plan.sheets.map((s) => (s.key === '_meta' ? withSchemaVersion(s, SCHEMA_VERSION() + 1) : s)),
    }));
    const before = snapshot(standIn);
    const service = new TemplateService(officePane(standIn), fixedClock);
    expect((await service.status('nb')).canAdd).toBe(false);
    await expect(service.addMissing('nb')).rejects.toMatchObject({
      name: 'TemplateRefusal',
      reason: 'newerSchema',
      values: { found: SCHEMA_VERSION() + 1, supported: SCHEMA_VERSION() },
    });
    expect(snapshot(standIn)).toBe(before);
  });
});

describe('appending a table column in Excel', () => {
  function smallTable(): ExcelStandIn {
    const standIn = new ExcelStandIn();
    standIn.seedSheet('Liste', [
      ['Navn', 'Antall', null, null],
      ['Ola', 2, null, null],
      ['Kari', 3, null, null],
    ]);
    standIn.tables.push({
      id: standIn.newId(),
      name: 'Liste',
      sheet: standIn.sheet('Liste'),
      area: { top: 1, left: 1, bottom: 3, right: 2 },
      style: 'TableStyleMedium2',
    });
    standIn.resetLog();
    return standIn;
  }

  test('the adapter adds header, empty cells, validation over the data rows and width in two round trips', async () => {
    const standIn = smallTable();
    const validation = {
      rule: { type: 'textLength' as const, max: 50 },
      prompt: { title: 'Merknad', message: 'Kort tekst' },
      error: { title: 'For lang', message: 'Høyst 50 tegn' },
      strict: true,
    };
    await new OfficeWorkbook(standIn.run).appendTableColumn('Liste', { header: 'Merknad', width: 20, validation });
    expect(standIn.syncCount).toBe(2);
    expect(standIn.tableContent('Liste')).toEqual({
      headers: ['Navn', 'Antall', 'Merknad'],
      rows: [
        ['Ola', 2, ''],
        ['Kari', 3, ''],
      ],
    });
    expect(standIn.validationAt('Liste', 'C2')?.area).toEqual({ top: 2, bottom: 3, left: 3, right: 3 });
    expect(standIn.validationAt('Liste', 'C4')).toBeUndefined();
    expect(standIn.sheet('Liste').columnWidths.get(3)).toBeGreaterThan(0);
  });

  test("a value beside the table: the adapter refuses and changes nothing; Excel's own columns.add would move it right", async () => {
    const standIn = smallTable();
    standIn.sheet('Liste').cellForWrite(3, 3).value = 'notat';
    const before = snapshot(standIn);
    const error = await new OfficeWorkbook(standIn.run).appendTableColumn('Liste', { header: 'Merknad' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TableColumnOccupied);
    expect((error as TableColumnOccupied).cell).toBe('C3');
    expect(snapshot(standIn)).toBe(before);

    await standIn.run(async (context) => {
      context.workbook.tables.getItem('Liste').columns.add(undefined, undefined, 'Merknad');
      await context.sync();
    });
    expect(standIn.cell('Liste', 'C3')?.value ?? '').toBe('');
    expect(standIn.cell('Liste', 'D3')?.value).toBe('notat');
    expect(standIn.table('Liste').area).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
  });
});

function volunteerInput(settings: { lists: Record<string, string[]>; policeActivities: string[] }, overrides: FormInput = {}): FormInput {
  const activity = settings.lists.activityTypes.find((a) => !settings.policeActivities.includes(a))!;
  return {
    name: 'Kari Nordmann',
    phone: '+47 912 34 567',
    email: 'kari@example.no',
    affiliation: settings.lists.affiliationForms[0],
    activity,
    start: '2026-11-02',
    consentDate: '2026-11-02',
    confidentialityDate: '2026-11-02',
    status: settings.lists.volunteerStatuses[0],
    ...overrides,
  };
}

/** A new volunteer id: F and six characters of base 32 (see core/model/recordIds.ts). */
const ID = /^F[0-9A-HJKMNP-TV-Z]{6}$/;

describe('registerService', () => {
  test('two coordinators adding a volunteer at the same moment to the same register (co-authoring) get different ids', async () => {
    // Each works in their own copy until Excel synchronises: neither sees the other's new row.
    const ids: unknown[] = [];
    for (const name of ['Kari Nordmann', 'Ola Nordmann']) {
      const standIn = await withTemplates();
      const service = new RegisterService(officePane(standIn), fixedClock);
      const settings = (await loadWorkbook(officePane(standIn))).data.settings;
      const result = await service.append('volunteers', volunteerInput(settings, { name }));
      expect(result.kind).toBe('saved');
      if (result.kind === 'saved') ids.push(result.values[0].id);
    }
    expect(ids[0]).toMatch(ID);
    expect(ids[1]).toMatch(ID);
    expect(ids[0]).not.toBe(ids[1]);
  });

  test("an invalid phone is refused with the rule's message and nothing is written; a valid record is appended as one row", async () => {
    const standIn = await withTemplates();
    const workbook = officePane(standIn);
    const service = new RegisterService(workbook, fixedClock);
    const form = await service.form('volunteers');
    expect(form.nextId).toMatch(ID);
    expect(form.fields.map((f) => f.column.key)).not.toContain('hoursLast12Months');
    const settings = (await loadWorkbook(workbook)).data.settings;
    const table = sheetDef('volunteers').table!.nb;
    const before = snapshot(standIn);
    const floor = await readSyncs(standIn);

    standIn.resetLog();
    const refused = await service.append('volunteers', volunteerInput(settings, { phone: '12' }));
    expect(refused.kind).toBe('refused');
    if (refused.kind !== 'refused') return;
    expect(refused.byField.phone.map((i) => i.rule)).toEqual(['volunteers.phone.invalid']);
    expect(refused.byField.phone[0].message).toContain('12');
    expect(Object.keys(refused.byField)).toEqual(['phone']);
    expect(snapshot(standIn)).toBe(before);
    expect(standIn.syncCount).toBe(floor);

    standIn.resetLog();
    const appended = await service.append('volunteers', volunteerInput(settings));
    expect(appended).toMatchObject({ kind: 'saved', how: 'appended', titles: [`Kari Nordmann (${form.nextId})`] });
    const appendSyncs = standIn.syncCount - floor;
    const rows = standIn.tableContent(table).rows.filter((r) => r.some((v) => v !== '' && !String(v).startsWith('=')));
    expect(rows).toHaveLength(1);
    const columns = sheetDef('volunteers').columns!.map((c) => c.key);
    // The id the form showed for a blank field is the one written.
    expect(rows[0][columns.indexOf('id')]).toBe(form.nextId);
    expect(rows[0][columns.indexOf('phone')]).toBe('+47 912 34 567');
    expect(rows[0][columns.indexOf('start')]).toBe(isoToSerial('2026-11-02'));

    // The next one gets the next id, and costs the same round trips with more rows in the register.
    const next = await service.form('volunteers');
    expect(next.nextId).toMatch(ID);
    expect(next.nextId).not.toBe(rows[0][columns.indexOf('id')]);
    for (let i = 0; i < 3; i++) await service.append('volunteers', volunteerInput(settings, { name: `Frivillig ${i}`, email: `f${i}@example.no` }));
    const floorLater = await readSyncs(standIn);
    standIn.resetLog();
    await service.append('volunteers', volunteerInput(settings, { name: 'Siste', email: 'siste@example.no' }));
    // The first record fills the new table's blank row (one more read); after that, two syncs.
    expect(appendSyncs).toBeLessThanOrEqual(3);
    expect(standIn.syncCount - floorLater).toBeLessThanOrEqual(2);
  });

  test('a record lands under its columns after the user moved them, their own column left blank', async () => {
    const standIn = await withTemplates();
    const table = sheetDef('partners').table!.nb;
    const labels = sheetDef('partners').columns!.map((c) => c.label.nb);
    // The user rebuilds the catalogue: "Type" moved to the front, a column of their own after it.
    await standIn.run(async (context) => {
      context.workbook.worksheets.getItem(NB.partners).delete();
      await context.sync();
      const sheet = context.workbook.worksheets.add(NB.partners);
      const headers = [labels[2], 'Egen merknad', labels[0], labels[1], ...labels.slice(3)];
      const created = sheet.tables.add(`A1:${String.fromCharCode(64 + headers.length)}2`, true);
      created.name = table;
      created.getHeaderRowRange().values = [headers];
      await context.sync();
    });
    const service = new RegisterService(officePane(standIn), fixedClock);
    const types = (await loadWorkbook(officePane(standIn))).data.settings.lists.partnerTypes;
    const result = await service.append('partners', { name: 'Frivilligsentralen', type: types[0], orgNumber: '' });
    expect(result).toMatchObject({ kind: 'saved', how: 'appended' });
    const content = standIn.tableContent(table);
    const row = content.rows.find((r) => r[2] === 'Frivilligsentralen')!;
    expect(row.slice(0, 4)).toEqual([types[0], '', 'Frivilligsentralen', '']);
  });

  test('an agreement id is generated when left blank; a workbook without the register is told so', async () => {
    const empty = new RegisterService(officePane(new ExcelStandIn()), fixedClock);
    expect(await empty.append('agreements', {})).toEqual({ kind: 'noRegister' });
    const standIn = await withTemplates();
    const service = new RegisterService(officePane(standIn), fixedClock);
    expect((await service.form('agreements')).nextId).toMatch(/^AVT-[0-9A-Z]{6}$/);
    const refused = await service.append('agreements', { partner: 'Finnes ikke' });
    expect(refused.kind).toBe('refused');
    if (refused.kind === 'refused') {
      expect(refused.byField.id).toBeUndefined();
      expect(refused.byField.start?.[0].rule).toBe('agreements.start.required');
    }
  });
});

describe('validationService', () => {
  test('issues come grouped by sheet and identical message, each with its fix; showing one selects its cell', async () => {
    const standIn = await withTemplates();
    const table = sheetDef('hours').table!.nb;
    const row = [isoToSerial('2026-11-01'), 'Ukjent aktivitet', null, null, null, 0, -2];
    await officePane(standIn).appendRows(table, [row, row]);
    const service = new ValidationService(officePane(standIn), fixedClock);
    const report = await service.validate();
    const hours = report.sheets.find((g) => g.sheet === NB.hours)!;
    const issues = hours.groups.flatMap((g) => g.issues);
    expect(issues.map((i) => i.rule)).toEqual(expect.arrayContaining(['hours.activity.notInList', 'hours.hours.notPositive']));
    for (const sheet of report.sheets) expect(sheet.groups.every((g) => g.issues.every((i) => i.sheet === sheet.sheet))).toBe(true);
    expect(new Set(report.sheets.map((g) => g.sheet)).size).toBe(report.sheets.length);
    expect(report.counts.error).toBeGreaterThanOrEqual(4);
    // The same message in two rows is one item with two places, each opening its own record.
    const unknown = hours.groups.find((g) => g.rule === 'hours.activity.notInList')!;
    expect(unknown.issues).toHaveLength(2);
    expect(unknown.fixes).toEqual([
      { kind: 'open', register: 'hours', rowNumber: 2 },
      { kind: 'open', register: 'hours', rowNumber: 3 },
    ]);
    // The new workbook's unrated round is one item, sending the user to the evaluation.
    const checklist = report.sheets.find((g) => g.sheet === NB.checklist)!;
    expect(checklist.groups.map((g) => [g.rule, g.issues.length, g.fixes[0]])).toEqual([['checklist.rating.missing', 1, { kind: 'evaluate' }]]);

    standIn.resetLog();
    const issue = issues.find((i) => i.rule === 'hours.hours.notPositive')!;
    expect(await service.show(issue)).toBe(true);
    expect(standIn.selection).toEqual({ sheet: NB.hours, address: issue.cell });
    expect(standIn.syncCount).toBe(1);
  });
});

describe('settingsService', () => {
  test('writes report date, hours per årsverk, value per hour and warning windows in one round trip', async () => {
    const standIn = await withTemplates();
    const service = new SettingsService(writingPane(standIn));
    const before = await service.read();
    expect(before.values.hoursPerFte).toBe(1762);
    expect(before.writable).toBe(true);
    const floor = await readSyncs(standIn);
    standIn.resetLog();
    const values = { reportDate: isoToSerial('2026-12-31'), hoursPerFte: 1700, valuePerHour: 450, expiryWarningDays: 30, reviewWarningDays: 45 };
    await service.write(values);
    // read, one write, read back
    expect(standIn.syncCount).toBe(2 * floor + 1);
    expect(standIn.cell(NB.settings, `B${parameterRow('hoursPerFte')}`)?.value).toBe(1700);
    const after = await new SettingsService(readOnlyPane(standIn)).read();
    expect(after.values).toMatchObject(values);
    expect(after.writable).toBe(false);
  });

  test('a value out of bounds is refused before anything is written', async () => {
    const standIn = await withTemplates();
    const before = snapshot(standIn);
    await expect(new SettingsService(writingPane(standIn)).write({ hoursPerFte: 0, reviewWarningDays: 2.5 })).rejects.toMatchObject({
      problems: [
        { key: 'hoursPerFte', problem: 'belowMin', min: 1 },
        { key: 'reviewWarningDays', problem: 'notWhole' },
      ],
    });
    await expect(new SettingsService(writingPane(standIn)).write({ hoursPerFte: 0 })).rejects.toBeInstanceOf(SettingsRefusal);
    expect(snapshot(standIn)).toBe(before);
  });

  test('a value changed on the sheet since the pane read it is not overwritten: the save is refused', async () => {
    const standIn = await withTemplates();
    const service = new SettingsService(writingPane(standIn));
    const read = (await service.read()).values;
    standIn.sheet(NB.settings).cellForWrite(parameterRow('valuePerHour'), 2).value = 480;
    const before = snapshot(standIn);
    await expect(service.write({ valuePerHour: 450 }, read)).rejects.toBeInstanceOf(SettingsChanged);
    expect(snapshot(standIn)).toBe(before);
    // A field the sheet did not change is written; the changed one is left as the sheet has it.
    await service.write({ hoursPerFte: 1700 }, read);
    expect((await service.read()).values).toMatchObject({ hoursPerFte: 1700, valuePerHour: 480 });
  });

  test("the municipality's name is written, and the agreements read it", async () => {
    const standIn = await withTemplates();
    const service = new SettingsService(writingPane(standIn));
    await service.write({ municipality: '  Moldal kommune ' });
    expect(standIn.cell(NB.settings, `B${parameterRow('municipality')}`)?.value).toBe('Moldal kommune');
    expect((await loadWorkbook(writingPane(standIn))).data.settings.municipality).toBe('Moldal kommune');
  });

  test('a list is written over its column, activities with their police-certificate mark; a repeated or blank item is refused', async () => {
    const standIn = await withTemplates();
    const service = new SettingsService(writingPane(standIn));
    const before = await service.read();
    const units = [...before.values.lists.units.slice(0, 2).map((label) => ({ label })), { label: 'Solsiden bo- og servicesenter' }];
    const after = await service.writeList('units', units);
    expect(after.values.lists.units).toEqual(units.map((u) => u.label));
    const activities = [
      { label: 'Besøksvenn', police: true },
      { label: 'Kafé', police: false },
    ];
    const written = await service.writeList('activityTypes', activities);
    expect(written.values.lists.activityTypes).toEqual(['Besøksvenn', 'Kafé']);
    expect(written.values.policeActivities).toEqual(['Besøksvenn']);
    const unchanged = snapshot(standIn);
    await expect(service.writeList('units', [{ label: 'A' }, { label: ' a ' }, { label: '' }])).rejects.toMatchObject({
      problems: [
        { index: 1, problem: 'repeated' },
        { index: 2, problem: 'blank' },
      ],
    });
    expect(snapshot(standIn)).toBe(unchanged);
  });
});

/** Every statement of the checklist: a round rates them all. */
const STATEMENTS = content().checklist.statements.length;

describe('evaluation and summary', () => {
  test('a rated round is written into the checklist, with the actions it calls for; a refresh finds none left to add', async () => {
    const standIn = await withTemplates();
    const workbook = writingPane(standIn);
    const evaluation = new EvaluationService(workbook, fixedClock);
    const draft = await evaluation.draft();
    expect(draft.existing).toBe(true);
    expect(draft.factors).toHaveLength(8);
    const answers = Object.fromEntries(
      draft.factors
        .flatMap((f) => f.statements)
        .map((s) => [s.id, { rating: s.kind === 'barrier' ? ('agree' as const) : ('partly' as const), evidence: `Grunnlag ${s.id}` }]),
    );
    const saved = await evaluation.save(draft.date, answers, draft.scope, 'Ansatte');
    expect(saved).toMatchObject({ how: 'updated', rated: STATEMENTS });
    expect(saved.actionsAdded).toBeGreaterThan(0);
    const again = await evaluation.draft(draft.date);
    expect(again.factors[0].statements[0]).toMatchObject({
      rating: answers[again.factors[0].statements[0].id].rating,
      evidence: `Grunnlag ${again.factors[0].statements[0].id}`,
    });

    const summary = new SummaryService(workbook, fixedClock);
    const report = await summary.refresh();
    expect(report.hasSummary).toBe(true);
    expect(report.refreshedAt).toBe('2026-11-23 10:15');
    expect(report.actionsAdded).toBe(0);
    expect(report.stamped).toBe(true);
    const loaded = await loadWorkbook(workbook);
    expect(loaded.meta?.summaryRefreshed).toBe('2026-11-23 10:15');
    expect(loaded.data.registers.actions.rows).toHaveLength(saved.actionsAdded);
    const second = await summary.refresh();
    expect(second.actionsAdded).toBe(0);
    expect(second.previousRefresh).toBe('2026-11-23 10:15');
    const figures = new Map(second.sections.flatMap((s) => s.figures).map((f) => [f.name, f.value]));
    expect(figures.get('kpi_eval_statements_rated')).toBeDefined();

    // The evaluation block on the (protected) summary sheet now shows the round: the cell the
    // kpi_eval_statements_rated name points at holds every statement, and the sheet is protected again.
    expect(second.summaryWritten).toBe(true);
    const names = await workbook.definedNames();
    const rated = /^'?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(names.find((n) => n.name === 'kpi_eval_statements_rated')!.refersTo.replace(/^=/, ''))!;
    expect(standIn.cell(rated[1], `${rated[2]}${rated[3]}`)?.value).toBe(STATEMENTS);
    expect(standIn.sheet(rated[1]).protection.protected).toBe(true);
  });

  test('a new round is appended as one row per statement', async () => {
    const standIn = await withTemplates();
    const evaluation = new EvaluationService(officePane(standIn), fixedClock);
    const date = isoToSerial('2027-03-01');
    const draft = await evaluation.draft(date);
    expect(draft.existing).toBe(false);
    const first = draft.factors[0].statements[0];
    const saved = await evaluation.save(date, { [first.id]: { rating: 'disagree', evidence: 'Ingen budsjettpost' } }, 'Hele kommunen', '');
    // A promoter rated missing calls for its recommended instruments as actions.
    expect(saved).toEqual({ date, rated: 1, how: 'appended', actionsAdded: 2 });
    const rows = (await loadWorkbook(officePane(standIn))).data.registers.checklist.rows.filter((r) => r.values.round === date);
    expect(rows).toHaveLength(STATEMENTS);
    expect(rows.find((r) => r.values.statementId === first.id)?.values.evidence).toBe('Ingen budsjettpost');
  });

  test('a rating typed in the sheet after the round was read is never overwritten: a conflicting save is refused, an untouched one is left alone', async () => {
    const standIn = await withTemplates();
    const workbook = officePane(standIn);
    const evaluation = new EvaluationService(workbook, fixedClock);
    const draft = await evaluation.draft();
    const [first, second] = draft.factors[0].statements;
    const rowOf = (id: string) => draft.rows.find((r) => r.statementId === id)!.rowNumber;
    const ratingCol = (await loadWorkbook(workbook)).data.registers.checklist.columns.get('rating')!;
    // Someone rates the second statement in the sheet after the pane read the round.
    standIn.sheet(NB.checklist).cellForWrite(rowOf(second.id), ratingCol).value = 'Stemmer ikke';
    const saved = await evaluation.save(draft.date, { [first.id]: { rating: 'agree', evidence: '' } }, draft.scope, draft.participants, {}, draft);
    expect(saved.rated).toBe(1);
    const rows = (await loadWorkbook(workbook)).data.registers.checklist.rows;
    expect(rows.find((r) => r.rowNumber === rowOf(second.id))?.values.rating).toBe('Stemmer ikke');
    expect(rows.find((r) => r.rowNumber === rowOf(first.id))?.values.rating).toBe('Stemmer');
    // The pane rates the second one too, on the round as it read it: refused, nothing written.
    await expect(
      evaluation.save(draft.date, { [second.id]: { rating: 'partly', evidence: '' } }, draft.scope, draft.participants, {}, draft),
    ).rejects.toBeInstanceOf(RowChanged);
    expect((await loadWorkbook(workbook)).data.registers.checklist.rows.find((r) => r.rowNumber === rowOf(second.id))?.values.rating).toBe('Stemmer ikke');
  });

  test('a barrier rated present gets its owner and deadline beside the rating and on its actions; later changes reach the actions too', async () => {
    const standIn = await withTemplates();
    const workbook = officePane(standIn);
    const evaluation = new EvaluationService(workbook, fixedClock);
    const draft = await evaluation.draft();
    const barrier = draft.factors.flatMap((f) => f.statements).find((s) => s.kind === 'barrier' && s.instruments.length > 0)!;
    const deadline = isoToSerial('2027-02-01');
    const answers = { [barrier.id]: { rating: 'agree' as const, evidence: '' } };
    const saved = await evaluation.save(draft.date, answers, 'Sykehjemmene', 'Ansatte', { [barrier.id]: { responsible: 'Enhetsleder', deadline } });
    expect(saved.actionsAdded).toBe(barrier.instruments.length);
    const actions = () =>
      loadWorkbook(workbook).then((l) => l.data.registers.actions.rows.map((r) => [r.values.statementId, r.values.responsible, r.values.deadline]));
    expect(await actions()).toEqual(barrier.instruments.map(() => [barrier.id, 'Enhetsleder', deadline]));
    const checklist = (await loadWorkbook(workbook)).data.registers.checklist.rows;
    expect(new Set(checklist.map((r) => r.values.scope))).toEqual(new Set(['Sykehjemmene']));
    expect(checklist.find((r) => r.values.statementId === barrier.id)?.values).toMatchObject({ responsible: 'Enhetsleder', deadline });
    const again = await evaluation.save(draft.date, answers, 'Sykehjemmene', 'Ansatte', { [barrier.id]: { responsible: 'Koordinator', deadline } });
    expect(again.actionsAdded).toBe(0);
    expect(await actions()).toEqual(barrier.instruments.map(() => [barrier.id, 'Koordinator', deadline]));
  });
});

describe('printService', () => {
  test('reads the id cell from its workbook name, quoted sheet names included', () => {
    expect(parseCellReference("'Samarbeids''avtale'!$B$3")).toEqual({ sheet: "Samarbeids'avtale", address: 'B3' });
    expect(parseCellReference('=Avtale!$C$12')).toEqual({ sheet: 'Avtale', address: 'C12' });
    expect(parseCellReference('Avtale!$C$12:$D$13')).toBeNull();
  });

  test('an appended agreement fills the printable form, which is then shown; its documents are made for the print page', async () => {
    const standIn = await withTemplates();
    const workbook = writingPane(standIn);
    const loaded = await loadWorkbook(workbook);
    const lists = loaded.data.settings.lists;
    const partnerTypes = lists.partnerTypes;
    await new RegisterService(workbook, fixedClock).append('partners', { name: 'Frivilligsentralen', type: partnerTypes[0] });
    const result = await new RegisterService(workbook, fixedClock).append('agreements', {
      partner: 'Frivilligsentralen',
      unit: lists.units[0],
      measure: lists.activityTypes[0],
      cooperationForm: lists.cooperationForms[0],
      start: '2026-01-01',
      requiresConfidentiality: lists.yesNo[1],
      requiresPoliceCertificate: lists.yesNo[1],
      status: lists.agreementStatuses[0],
      signedDate: '2026-01-01',
      nextReview: '2027-01-01',
    });
    expect(result).toMatchObject({ kind: 'saved', values: [{ id: expect.stringMatching(/^AVT-[0-9A-Z]{6}$/) }] });
    const id = result.kind === 'saved' ? String(result.values[0].id) : '';
    standIn.resetLog();
    const service = new PrintService(workbook);
    const target = parseCellReference(standIn.name('form_agreement_id')!.formula)!;
    expect(await service.fillSheet('agreement', id)).toBe(target.sheet);
    expect(standIn.cell(target.sheet, target.address)?.value).toBe(id);
    expect(standIn.selection).toEqual(target);
    expect(standIn.syncCount).toBe(3);
    expect(await new PrintService(officePane(new ExcelStandIn())).fillSheet('agreement', 'AVT-001')).toBeNull();
    // The print page's documents, in the language asked for: the partner named, no payment sentence without a payment.
    const [agreement] = await service.documents('agreement', id, 'nn');
    expect(agreement.title).toBe('Samarbeidsavtale');
    expect(agreement.clauses[0].text).toContain('Frivilligsentralen (partnaren)');
    expect(agreement.clauses.find((c) => c.key === 'economy')!.text).not.toContain('per gjennomførte aktivitet');
    expect(agreement.signatures.map((x) => x.party)).toEqual(['municipality', 'partner']);
  });
});

describe('the copy without personal data', () => {
  test('is handed to Excel as a new workbook holding only the summary and the action plan, as values', async () => {
    const standIn = await withTemplates();
    const opened: string[] = [];
    const workbook = new OfficeWorkbook(standIn.run, { createWorkbook: async (base64) => void opened.push(base64) });
    const settings = (await loadWorkbook(workbook)).data.settings;
    const added = await new RegisterService(workbook, fixedClock).append(
      'volunteers',
      volunteerInput(settings, { name: 'Kari Hemmelig', email: 'kari.hemmelig@example.no' }),
    );
    expect(added.kind).toBe('saved');
    const before = snapshot(standIn);
    const file = await new SummaryService(workbook, fixedClock).publicCopy();
    expect(file).toBe('samspill-oppsummering-2026-11-23.xlsx');
    expect(opened).toHaveLength(1);
    expect(snapshot(standIn)).toBe(before);
    const copy = openXlsxBuffer(new Uint8Array(Buffer.from(opened[0], 'base64')));
    const sheets = await copy.listSheets();
    expect(sheets.map((s) => s.name)).toEqual([sheetDef('summary').name.nb, sheetDef('actions').name.nb]);
    const text = JSON.stringify(await Promise.all(sheets.map((s) => copy.readSheet(s.name))));
    expect(text).not.toContain('Hemmelig');
    expect(text).not.toContain('example.no');
  });
});

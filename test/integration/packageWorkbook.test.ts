/**
 * The in-memory package adapter (the browser mode's workbook): new workbooks, rows appended to a
 * register's table, a column appended to one (a schema upgrade), and templates added to someone
 * else's workbook, all read back through the port.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sheetDef } from '../../src/core/content/content';
import { isoToSerial } from '../../src/core/model/dates';
import { loadWorkbook } from '../../src/core/model/loadWorkbook';
import { newWorkbookInput } from '../../src/core/plan/newWorkbookInput';
import { buildWorkbookPlan, defaultSheetNames } from '../../src/core/plan/buildWorkbookPlan';
import { readStoredEntries } from '../../src/workbook/xlsx/editing/packageZip';
import { PackageWorkbook } from '../../src/workbook/xlsx/editing/packageWorkbook';
import { defaultTableNames } from '../../src/core/model/workbookData';
import { TableColumnOccupied, WorkbookActionError } from '../../src/core/port';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { expectStrict } from '../support/strictCheck';
import { PARTICIPANTS_NB, versionOnePlan } from '../support/schemaV1';
import { CORPUS_DIR } from '../support/sharedFiles';

const TODAY = isoToSerial('2026-11-23');

describe('PackageWorkbook', () => {
  it('creates a workbook and appends a volunteer to its table, found again by the core', async () => {
    const workbook = await PackageWorkbook.create(buildWorkbookPlan(newWorkbookInput('nb', TODAY)));
    const columns = sheetDef('volunteers').columns!;
    const row = columns.map((c) => ({ id: 'F0001', name: 'Kari Nordmann', phone: '912 34 567', start: TODAY, status: 'Aktiv' })[c.key as 'id'] ?? null);
    await workbook.appendRows('Frivillige', [row]);
    const loaded = await loadWorkbook(workbook);
    expect(loaded.data.registers.volunteers.rows.map((r) => [r.values.id, r.values.name, r.values.phone, r.values.start])).toEqual([
      ['F0001', 'Kari Nordmann', '912 34 567', TODAY],
    ]);
  });

  it("fills an empty register's placeholder row first, and gives the new row the derived columns' formulas", async () => {
    const workbook = await PackageWorkbook.create(buildWorkbookPlan(newWorkbookInput('nb', TODAY)));
    const columns = sheetDef('volunteers').columns!;
    const row = columns.map((c) => ({ id: 'F0001', name: 'Kari Nordmann', phone: '912 34 567', start: TODAY, status: 'Aktiv' })[c.key as 'id'] ?? null);
    await workbook.appendRows('Frivillige', [row]);
    const sheet = await workbook.readSheet('Frivillige');
    expect(sheet.rows[1]?.[0]).toBe('F0001');
    expect(sheet.rows.length).toBe(2);
    const zip = unzipSync(workbook.data());
    expect(strFromU8(zip['xl/tables/table3.xml'])).toMatch(/ref="A1:[A-Z]+2"/);
    // The derived columns (police certificate needed, hours the last 12 months) carry the table's column formula.
    const derived = columns.map((c, i) => (c.type === 'formula' ? i : -1)).filter((i) => i >= 0);
    expect(derived.length).toBeGreaterThan(0);
    const sheetXml = strFromU8(zip['xl/worksheets/sheet5.xml']);
    for (const i of derived) expect(sheetXml).toMatch(new RegExp(`<c r="${String.fromCharCode(65 + i)}2"[^>]*><f>[^<]*Frivillige\\[\\[#This Row\\]`));
    expectStrict(workbook.data());
  });

  it("refuses to grow a table over merged cells, another table or the sheet's filter below it, and keeps the bytes as they were", async () => {
    const made = await PackageWorkbook.create(buildWorkbookPlan(newWorkbookInput('nb', TODAY)));
    const columns = sheetDef('volunteers').columns!;
    const row = columns.map((c) => ({ id: 'F0001', name: 'Kari Nordmann', phone: '912 34 567', start: TODAY, status: 'Aktiv' })[c.key as 'id'] ?? null);
    const blocked = (extra: string) =>
      new PackageWorkbook(
        zipSync({
          ...unzipSync(made.data()),
          'xl/worksheets/sheet5.xml': strToU8(strFromU8(unzipSync(made.data())['xl/worksheets/sheet5.xml']).replace('</sheetData>', `</sheetData>${extra}`)),
        }),
      );
    for (const extra of ['<mergeCells count="1"><mergeCell ref="B3:D3"/></mergeCells>', '<autoFilter ref="A3:C9"/>']) {
      const workbook = blocked(extra);
      const before = workbook.data();
      const error = await workbook.appendRows('Frivillige', [row, row]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkbookActionError);
      expect((error as WorkbookActionError).code).toBe('mergedRangeConflict');
      expect(workbook.data()).toBe(before);
    }
  });

  it("writes a new column's header with its blanks kept (xml:space), so it stays equal to the column name", async () => {
    const workbook = await PackageWorkbook.create(versionOnePlan());
    await workbook.appendTableColumn(defaultTableNames('nb').checklist, { header: ' Deltakere ' });
    expectStrict(workbook.data());
  });

  it("appends a column to a register's table: header at its end, empty cells, every other cell and part kept", async () => {
    const workbook = await PackageWorkbook.create(versionOnePlan());
    const sheet = defaultSheetNames('nb').checklist;
    const table = defaultTableNames('nb').checklist;
    const before = await workbook.readSheet(sheet);
    const original = workbook.data();
    const width = Math.max(...before.rows.map((r) => r?.length ?? 0));
    await workbook.appendTableColumn(table, {
      header: PARTICIPANTS_NB,
      width: 26,
      validation: {
        rule: { type: 'textLength', max: 200 },
        prompt: { title: 'Deltakere', message: 'Hvem var med' },
        error: { title: 'For lang', message: 'Høyst 200 tegn' },
        strict: true,
      },
    });
    const after = await workbook.readSheet(sheet);
    expect(after.rows[0]![width]).toBe(PARTICIPANTS_NB);
    expect(after.rows.length).toBe(before.rows.length);
    after.rows.forEach((row, r) => expect([r, row?.slice(0, width)]).toEqual([r, before.rows[r]?.slice(0, width)]));
    for (let r = 1; r < after.rows.length; r++) expect(after.rows[r]?.[width] ?? null).toBeNull();
    const loaded = await loadWorkbook(workbook);
    expect(loaded.data.registers.checklist.columns.get('participants')).toBe(width + 1);
    const changed = readStoredEntries(workbook.data())
      .filter((e) => readStoredEntries(original).find((o) => o.name === e.name)?.crc !== e.crc)
      .map((e) => e.name);
    expect(changed).toHaveLength(2);
    expect(changed.some((name) => name.startsWith('xl/tables/'))).toBe(true);
  });

  it('refuses a column whose place beside the table holds a value, and keeps the bytes as they were', async () => {
    const plan = versionOnePlan();
    const withNote = {
      ...plan,
      sheets: plan.sheets.map((s) =>
        s.key === 'checklist' ? { ...s, cells: [...s.cells, { row: 4, col: s.tables[0].headers.length + 1, value: 'notat' }] } : s,
      ),
    };
    const workbook = await PackageWorkbook.create(withNote);
    const original = workbook.data();
    const error = await workbook.appendTableColumn(defaultTableNames('nb').checklist, { header: PARTICIPANTS_NB }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TableColumnOccupied);
    expect((error as TableColumnOccupied).cell).toBe('L4');
    expect(workbook.data()).toBe(original);
  });

  it('adds the templates to a workbook made by someone else, keeping its parts byte for byte', async () => {
    const original = new Uint8Array(readFileSync(join(CORPUS_DIR(), 'apache__WithThreeCharts.xlsx')));
    const workbook = new PackageWorkbook(original);
    const before = (await workbook.listSheets()).map((s) => s.name);
    await workbook.applyPlan(buildWorkbookPlan({ ...newWorkbookInput('en', TODAY), sheetNames: defaultSheetNames('en') }));
    const after = (await workbook.listSheets()).map((s) => s.name);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toEqual(expect.arrayContaining(['Volunteers', 'Hours', 'Summary', '_samspill']));
    const kept = new Map(readStoredEntries(workbook.data()).map((e) => [e.name, e.crc]));
    const shared = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);
    for (const entry of readStoredEntries(original)) if (!shared.has(entry.name)) expect([entry.name, kept.get(entry.name)]).toEqual([entry.name, entry.crc]);
    expect((await loadWorkbook(workbook)).meta?.lang).toBe('en');
  });
});

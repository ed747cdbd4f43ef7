/**
 * The in-memory package adapter (the browser mode's workbook): new workbooks, rows appended to a
 * register's table, and templates added to someone else's workbook, all read back through the port.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sheetDef } from '../../src/core/content';
import { isoToSerial } from '../../src/core/dates';
import { loadWorkbook } from '../../src/core/loadWorkbook';
import { newWorkbookInput } from '../../src/core/newWorkbookInput';
import { buildWorkbookPlan, defaultSheetNames } from '../../src/core/plan/buildWorkbookPlan';
import { readStoredEntries } from '../../src/workbook/xlsx/packageZip';
import { PackageWorkbook } from '../../src/workbook/xlsx/packageWorkbook';

const TODAY = isoToSerial('2026-11-23');

describe('PackageWorkbook', () => {
  it('creates a workbook and appends a volunteer to its table, found again by the core', async () => {
    const workbook = await PackageWorkbook.create(buildWorkbookPlan(newWorkbookInput('nb', TODAY)));
    const columns = sheetDef('volunteers').columns!;
    const row = columns.map((c) => ({ id: 'F0001', name: 'Kari Nordmann', phone: '912 34 567', start: TODAY, status: 'Aktiv' })[c.key as 'id'] ?? null);
    await workbook.appendRows('Frivillige', [row]);
    const loaded = await loadWorkbook(workbook);
    expect(loaded.data.registers.volunteers.rows.map((r) => [r.values.id, r.values.name, r.values.phone, r.values.start])).toEqual([['F0001', 'Kari Nordmann', '912 34 567', TODAY]]);
  });

  it('adds the templates to a workbook made by someone else, keeping its parts byte for byte', async () => {
    const original = new Uint8Array(readFileSync(join(__dirname, '../../../shared/corpus/apache__WithThreeCharts.xlsx')));
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

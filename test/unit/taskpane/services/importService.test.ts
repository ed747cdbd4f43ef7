/**
 * The pane's import over the Office adapter and the recording Excel stand-in, as inside Excel: a
 * CSV and an .xlsx export read, mapped and previewed without a write, then imported in a constant
 * number of round trips; formula-looking answers stay text; a mapping changed by the user is used.
 */
import ExcelJS from 'exceljs';
import { loadWorkbook } from '../../../../src/core/model/loadWorkbook';
import { ExportReadError } from '../../../../src/core/import/exportReadError';
import { ImportService } from '../../../../src/taskpane/services/importService';
import { TemplateService } from '../../../../src/taskpane/services/templateService';
import { ExcelStandIn } from '../../../support/excel';
import { fixedClock, officePane } from '../../../support/standInWorkbook';

async function withTemplates(): Promise<ExcelStandIn> {
  const standIn = new ExcelStandIn();
  await new TemplateService(officePane(standIn), fixedClock).addMissing('nb');
  return standIn;
}

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const CSV = 'Navn;Mobilnummer;Hva vil du bidra med?;Kommentar\nKari Nordmann;41234567;Besøksvenn;=1+1\nOla Feil;12;;\n;41234568;;\n';

describe('ImportService (pane, over the Office adapter)', () => {
  it('previews without writing, then imports the accepted rows in one append', async () => {
    const standIn = await withTemplates();
    const service = new ImportService(officePane(standIn), fixedClock);
    const table = await service.read({ name: 'skjema.csv', bytes: bytes(CSV) });
    const fields = (await service.mapping(table)).fields;
    expect(fields).toEqual(['name', 'phone', 'activity', 'notes']);
    const before = JSON.stringify([...standIn.sheet('Frivillige').cells]);
    const preview = await service.preview(table, fields, {});
    expect(preview.kind).toBe('preview');
    if (preview.kind !== 'preview') return;
    expect(preview.plan.imported.map((v) => v.values.name)).toEqual(['Kari Nordmann']);
    expect(preview.plan.skipped.map((s) => [s.sourceRow, s.reason.kind])).toEqual([
      [3, 'invalid'],
      [4, 'noName'],
    ]);
    expect(JSON.stringify([...standIn.sheet('Frivillige').cells])).toBe(before);

    standIn.resetLog();
    await loadWorkbook(officePane(standIn));
    const floor = standIn.syncCount;
    standIn.resetLog();
    const outcome = await service.import(table, fields, {});
    expect(outcome).toEqual({ kind: 'imported', count: 1, sheet: 'Frivillige' });
    // Reading the workbook to plan again (as every service does), then one append, as the form's.
    expect(standIn.syncCount - floor).toBeLessThanOrEqual(3);
    const rows = (await loadWorkbook(officePane(standIn))).data.registers.volunteers.rows;
    const kari = rows.find((r) => r.values.name === 'Kari Nordmann')!;
    expect([kari.values.activity, kari.values.status, kari.values.notes]).toEqual(['Besøksvenn', 'Interessert', '=1+1']);
  });

  it('300 sign-ups cost the same round trips as one', async () => {
    const standIn = await withTemplates();
    const service = new ImportService(officePane(standIn), fixedClock);
    const lines = Array.from({ length: 300 }, (_, i) => `Frivillig ${i};${40000000 + i}`);
    const table = await service.read({ name: 'mange.csv', bytes: bytes(['Navn;Mobilnummer', ...lines].join('\n')) });
    standIn.resetLog();
    await loadWorkbook(officePane(standIn));
    const floor = standIn.syncCount;
    standIn.resetLog();
    expect(await service.import(table, (await service.mapping(table)).fields, {})).toEqual({ kind: 'imported', count: 300, sheet: 'Frivillige' });
    expect(standIn.syncCount - floor).toBeLessThanOrEqual(3);
  });

  it('uses the mapping the user chose, and the default activity', async () => {
    const standIn = await withTemplates();
    const service = new ImportService(officePane(standIn), fixedClock);
    const table = await service.read({ name: 'skjema.csv', bytes: bytes('Hvem er du;Tlf\nTone Berg;93000004\n') });
    expect((await service.mapping(table)).fields).toEqual([null, 'phone']);
    const outcome = await service.import(table, ['name', 'phone'], { activity: 'Handlehjelp' });
    expect(outcome.kind).toBe('imported');
    const rows = (await loadWorkbook(officePane(standIn))).data.registers.volunteers.rows;
    expect(rows.map((r) => [r.values.name, r.values.activity])).toEqual([['Tone Berg', 'Handlehjelp']]);
  });

  it('reads an .xlsx export through the adapter, and refuses a binary file with a sentence', async () => {
    const standIn = await withTemplates();
    const service = new ImportService(officePane(standIn), fixedClock);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Form1');
    sheet.addRow(['ID', 'Fullføringstidspunkt', 'Fullt navn', 'Mobilnummer']);
    sheet.addRow([1, new Date(Date.UTC(2026, 2, 11, 10, 2)), 'Åse Ødegård', 91234567]);
    const table = await service.read({ name: 'forms.xlsx', bytes: new Uint8Array(await book.xlsx.writeBuffer()) });
    expect(table.source).toEqual({ kind: 'xlsx', sheet: 'Form1' });
    expect(table.rows).toEqual([[1, expect.any(Number), 'Åse Ødegård', 91234567]]);
    await expect(service.read({ name: 'gammel.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) })).rejects.toBeInstanceOf(
      ExportReadError,
    );
  });

  it('says when the workbook has no volunteer register', async () => {
    const service = new ImportService(officePane(new ExcelStandIn()), fixedClock);
    const table = await service.read({ name: 'skjema.csv', bytes: bytes(CSV) });
    expect(await service.preview(table, (await service.mapping(table)).fields, {})).toEqual({ kind: 'noRegister' });
  });
});

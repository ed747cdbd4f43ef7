/**
 * Working in the registers from the pane, over the Office adapter and the recording Excel
 * stand-in: forms that start with today and Aktiv, mark what a record needs as its values call for
 * it, catch a duplicate before it is saved and name the new id; hours for several volunteers at
 * once; editing a record writes only what changed and never over a row changed in the sheet;
 * ending keeps the row with its date and reason; deleting where the rules allow; merging moves the
 * hours to the kept id; an action's owner and deadline set in one go.
 */
import { itemLabel, sheetDef } from '../../../../src/core/content/content';
import { isoToSerial } from '../../../../src/core/model/dates';
import { loadWorkbook } from '../../../../src/core/model/loadWorkbook';
import { RowChanged } from '../../../../src/core/port';
import { RecordService, searchRecords } from '../../../../src/taskpane/services/recordService';
import { inputOf, RegisterService, type FormInput } from '../../../../src/taskpane/services/registerService';
import { TemplateService } from '../../../../src/taskpane/services/templateService';
import { ExcelStandIn } from '../../../support/excel';
import { fixedClock, officePane } from '../../../support/standInWorkbook';

const TODAY = '2026-11-23';

async function setUp() {
  const standIn = new ExcelStandIn();
  const workbook = officePane(standIn);
  await new TemplateService(workbook, fixedClock).addMissing('nb');
  const settings = (await loadWorkbook(workbook)).data.settings;
  const free = settings.lists.activityTypes.find((a) => !settings.policeActivities.includes(a))!;
  const forms = new RegisterService(workbook, fixedClock);
  const records = new RecordService(workbook);
  const volunteer = (name: string, more: FormInput = {}): FormInput => ({
    name,
    affiliation: settings.lists.affiliationForms[0],
    activity: free,
    start: TODAY,
    consentDate: TODAY,
    confidentialityDate: TODAY,
    status: settings.lists.volunteerStatuses[0],
    ...more,
  });
  return { standIn, workbook, settings, free, forms, records, volunteer };
}

const volunteersTable = sheetDef('volunteers').table!.nb;

describe('the form', () => {
  test('starts with today, Aktiv and one volunteer; an optional id comes last', async () => {
    const { forms } = await setUp();
    const volunteers = await forms.form('volunteers');
    expect(volunteers.defaults).toEqual({ start: TODAY, status: itemLabel('volunteerStatuses', 'active', 'nb') });
    expect(volunteers.fields.at(-1)!.column.key).toBe('id');
    expect((await forms.form('hours')).defaults).toEqual({ date: TODAY, volunteerCount: '1' });
  });

  test('marks the confidentiality date required as soon as the volunteer is active', async () => {
    const { forms, settings } = await setUp();
    const form = await forms.form('volunteers');
    const active = await forms.check('volunteers', { ...form.defaults, name: 'Kari' });
    expect(active.required).toContain('confidentialityDate');
    expect(active.required).not.toContain('id');
    const paused = await forms.check('volunteers', { ...form.defaults, status: settings.lists.volunteerStatuses[1] });
    expect(paused.required).not.toContain('confidentialityDate');
  });
});

describe('saving', () => {
  test('names the new id; a second Kari Nordmann is found before she is saved, and saved only when asked', async () => {
    const { forms, volunteer, standIn } = await setUp();
    const first = await forms.save('volunteers', volunteer('Kari Nordmann'));
    expect(first).toMatchObject({ kind: 'saved', titles: [expect.stringMatching(/^Kari Nordmann \(F[0-9A-Z]{6}\)$/)] });
    const title = first.kind === 'saved' ? first.titles[0] : '';
    expect((await forms.check('volunteers', { name: 'kari  nordmann' })).duplicates.map((d) => d.title)).toEqual([title]);
    const second = await forms.save('volunteers', volunteer('Kari Nordmann'));
    expect(second).toMatchObject({ kind: 'duplicate', matches: [{ title }] });
    expect(standIn.tableContent(volunteersTable).rows.filter((r) => r[1] === 'Kari Nordmann')).toHaveLength(1);
    const anyway = await forms.save('volunteers', volunteer('Kari Nordmann'), { allowDuplicate: true });
    expect(anyway).toMatchObject({ kind: 'saved', titles: [expect.stringMatching(/^Kari Nordmann \(F[0-9A-Z]{6}\)$/)] });
    expect(anyway.kind === 'saved' && anyway.titles[0]).not.toBe(title);
  });

  test('logs the same hours for several volunteers as one row each', async () => {
    const { forms, volunteer, free, standIn } = await setUp();
    await forms.save('volunteers', volunteer('Kari Nordmann', { id: 'F0001' }));
    await forms.save('volunteers', volunteer('Ola Hansen', { id: 'F0002' }));
    const result = await forms.save('hours', { date: TODAY, activity: free, volunteerId: 'F0001\nF0002', volunteerCount: '1', hours: '2' });
    expect(result).toMatchObject({ kind: 'saved', titles: [expect.stringContaining('Kari Nordmann (F0001)'), expect.stringContaining('Ola Hansen (F0002)')] });
    const rows = standIn.tableContent(sheetDef('hours').table!.nb).rows.filter((r) => r[6] === 2);
    expect(rows.map((r) => r[4])).toEqual(['F0001', 'F0002']);
  });

  test('an edit writes only the changed cell, and is refused when the row changed in the sheet', async () => {
    const { forms, records, volunteer, standIn } = await setUp();
    await forms.save('volunteers', volunteer('Kari Nordmann', { phone: '91234567' }));
    const list = await records.list('volunteers');
    const opened = (await records.open('volunteers', list.records[0].rowNumber))!;
    const result = await forms.save('volunteers', { ...inputOf('volunteers', opened.values), phone: '92345678' }, { editing: opened });
    expect(result).toMatchObject({ kind: 'saved', how: 'updated' });
    const row = standIn.tableContent(volunteersTable).rows.find((r) => r[1] === 'Kari Nordmann')!;
    expect(row[2]).toBe('92345678');
    // The sheet changes under the pane: the record as read is refused, nothing written.
    const again = (await records.open('volunteers', opened.rowNumber))!;
    standIn.sheet('Frivillige').cellForWrite(again.rowNumber, 4).value = 'kari@nytt.no';
    await expect(forms.save('volunteers', { ...inputOf('volunteers', again.values), phone: '93456789' }, { editing: again })).rejects.toBeInstanceOf(
      RowChanged,
    );
    expect(standIn.tableContent(volunteersTable).rows.find((r) => r[1] === 'Kari Nordmann')![2]).toBe('92345678');
  });
});

describe('records', () => {
  test('a list to search by any word in the record', async () => {
    const { forms, records, volunteer } = await setUp();
    await forms.save('volunteers', volunteer('Kari Nordmann', { id: 'F0001', phone: '91234567' }));
    await forms.save('volunteers', volunteer('Ola Hansen', { id: 'F0002' }));
    const list = await records.list('volunteers');
    expect(list.records.map((r) => r.title)).toEqual(['Kari Nordmann (F0001)', 'Ola Hansen (F0002)']);
    expect(searchRecords(list.records, 'ola').map((r) => r.title)).toEqual(['Ola Hansen (F0002)']);
    expect(searchRecords(list.records, '912 f0001').map((r) => r.title)).toEqual(['Kari Nordmann (F0001)']);
  });

  test('ending keeps the row, with status, date and reason', async () => {
    const { forms, records, volunteer } = await setUp();
    await forms.save('volunteers', volunteer('Kari Nordmann'));
    const opened = (await records.open('volunteers', (await records.list('volunteers')).records[0].rowNumber))!;
    expect(opened.mayEnd).toBe(true);
    await records.end(opened, isoToSerial(TODAY), 'Flyttet');
    const after = (await records.open('volunteers', opened.rowNumber))!;
    expect(after.values).toMatchObject({ status: 'Avsluttet', end: isoToSerial(TODAY), endReason: 'Flyttet' });
    expect(after.mayEnd).toBe(false);
  });

  test("a volunteer with hours is not deleted but merged: the other's hours move to the kept id, the other row goes", async () => {
    const { forms, records, volunteer, free, standIn } = await setUp();
    await forms.save('volunteers', volunteer('Kari Nordmann', { id: 'F0001' }));
    await forms.save('volunteers', volunteer('Kari Nordmann', { id: 'F0002', email: 'kari@example.no' }), { allowDuplicate: true });
    await forms.save('hours', { date: TODAY, activity: free, volunteerId: 'F0002', volunteerCount: '1', hours: '3' });
    const list = await records.list('volunteers');
    const [keep, other] = list.records;
    const second = (await records.open('volunteers', other.rowNumber))!;
    expect(second.mayDelete).toBe(false);
    expect(second.references).toEqual([{ register: 'hours', count: 1 }]);
    const kept = (await records.open('volunteers', keep.rowNumber))!;
    standIn.resetLog();
    expect(await records.merge(kept, other.rowNumber)).toEqual({ hoursMoved: 1 });
    const after = await loadWorkbook(officePane(standIn));
    expect(after.data.registers.volunteers.rows.map((r) => [r.values.id, r.values.email])).toEqual([['F0001', 'kari@example.no']]);
    expect(after.data.registers.hours.rows.map((r) => r.values.volunteerId)).toEqual(['F0001']);
  });

  test('hours are deleted; the rows below move up', async () => {
    const { forms, records, volunteer, free } = await setUp();
    await forms.save('volunteers', volunteer('Kari Nordmann', { id: 'F0001' }));
    for (const hours of ['1', '2', '3']) await forms.save('hours', { date: TODAY, activity: free, volunteerId: 'F0001', volunteerCount: '1', hours });
    const list = await records.list('hours');
    const middle = list.records.find((r) => r.detail.includes('2 t'))!;
    const opened = (await records.open('hours', middle.rowNumber))!;
    expect(opened.mayDelete).toBe(true);
    expect(await records.remove([opened])).toEqual({ deleted: 1 });
    expect((await records.list('hours')).records.map((r) => r.detail)).toEqual([expect.stringContaining('3 t'), expect.stringContaining('1 t')]);
  });
});

/**
 * The pane's services in browser mode's worker keep what a tab's service keeps in the page: the
 * volunteer form shows an id for a blank id field, and saving the form writes that id, however
 * many calls (each with the page's own clock) lie between.
 */
import { isoToSerial } from '../../../src/core/model/dates';
import { loadWorkbook } from '../../../src/core/model/loadWorkbook';
import { buildWorkbookPlan } from '../../../src/core/plan/buildWorkbookPlan';
import { newWorkbookInput } from '../../../src/core/plan/newWorkbookInput';
import { runService } from '../../../src/browser/worker/workerServices';
import { WorkerWorkbook } from '../../../src/browser/worker/workerWorkbook';
import type { RecordList } from '../../../src/taskpane/services/recordService';
import type { LiveCheck, RecordForm, SaveResult } from '../../../src/taskpane/services/registerService';
import { writePlanToBuffer } from '../../../src/workbook/xlsx';

/** An active volunteer as the form would send her, with the workbook's own list values. */
async function kariNordmann(workbook: WorkerWorkbook) {
  const settings = (await loadWorkbook(workbook)).data.settings;
  return {
    name: 'Kari Nordmann',
    phone: '+47 912 34 567',
    affiliation: settings.lists.affiliationForms[0],
    activity: settings.lists.activityTypes.find((a) => !settings.policeActivities.includes(a))!,
    start: '2026-11-23',
    consentDate: '2026-11-23',
    confidentialityDate: '2026-11-23',
    status: settings.lists.volunteerStatuses[0],
  };
}

test('a blank id is saved as the id the form showed, across separate service calls', async () => {
  const empty = await writePlanToBuffer(buildWorkbookPlan(newWorkbookInput('nb', isoToSerial('2026-11-23'))));
  const workbook = await WorkerWorkbook.open(empty, () => undefined);
  const form = (await runService(workbook, 'register', 'form', ['volunteers'], new Date(2026, 10, 23, 10, 0))) as RecordForm;
  expect(form.nextId).toMatch(/^F[0-9A-Z]{6}$/);
  const input = await kariNordmann(workbook);
  // A minute later by the page's clock, as when a coordinator fills the form in.
  const appended = (await runService(workbook, 'register', 'append', ['volunteers', input], new Date(2026, 10, 23, 10, 1))) as SaveResult;
  expect(appended).toMatchObject({ kind: 'saved', how: 'appended' });
  const volunteers = (await loadWorkbook(workbook)).data.registers.volunteers.rows;
  expect(volunteers.map((row) => row.values.id)).toEqual([form.nextId]);
});

test('a form crosses without the registers; its live check and the record list are answered by the worker', async () => {
  const empty = await writePlanToBuffer(buildWorkbookPlan(newWorkbookInput('nb', isoToSerial('2026-11-23'))));
  const workbook = await WorkerWorkbook.open(empty, () => undefined);
  const now = new Date(2026, 10, 23, 10, 0);
  const kari = await kariNordmann(workbook);
  await runService(workbook, 'register', 'append', ['volunteers', kari], now);
  const form = (await runService(workbook, 'register', 'form', ['hours'], now)) as RecordForm;
  // What crosses to the page: no workbook data, only the choices (with each volunteer's activity, for the hours form).
  expect(Object.keys(form)).not.toContain('data');
  expect(form.volunteers).toEqual([expect.objectContaining({ label: expect.stringMatching(/^Kari Nordmann/), activity: kari.activity })]);
  const live = (await runService(workbook, 'register', 'check', ['volunteers', { name: 'kari  nordmann' }], now)) as LiveCheck;
  expect(live.duplicates.map((d) => d.title)).toEqual([expect.stringMatching(/^Kari Nordmann \(F/)]);
  expect(structuredClone(live)).toEqual(live);
  const list = (await runService(workbook, 'record', 'list', ['volunteers', 'kari', 1], now)) as RecordList;
  expect([list.total, list.found, list.records.length]).toEqual([1, 1, 1]);
  expect(((await runService(workbook, 'record', 'list', ['volunteers', 'ola', 30], now)) as RecordList).found).toBe(0);
});

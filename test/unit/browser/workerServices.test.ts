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
import type { AppendResult, RecordForm } from '../../../src/taskpane/services/registerService';
import { writePlanToBuffer } from '../../../src/workbook/xlsx';

test('a blank id is saved as the id the form showed, across separate service calls', async () => {
  const empty = await writePlanToBuffer(buildWorkbookPlan(newWorkbookInput('nb', isoToSerial('2026-11-23'))));
  const workbook = await WorkerWorkbook.open(empty, () => undefined);
  const form = (await runService(workbook, 'register', 'form', ['volunteers'], new Date(2026, 10, 23, 10, 0))) as RecordForm;
  expect(form.nextId).toMatch(/^F[0-9A-Z]{6}$/);
  const settings = (await loadWorkbook(workbook)).data.settings;
  const input = {
    name: 'Kari Nordmann',
    phone: '+47 912 34 567',
    affiliation: settings.lists.affiliationForms[0],
    activity: settings.lists.activityTypes.find((a) => !settings.policeActivities.includes(a))!,
    start: '2026-11-23',
    consentDate: '2026-11-23',
    confidentialityDate: '2026-11-23',
    status: settings.lists.volunteerStatuses[0],
  };
  // A minute later by the page's clock, as when a coordinator fills the form in.
  const appended = (await runService(workbook, 'register', 'append', ['volunteers', input], new Date(2026, 10, 23, 10, 1))) as AppendResult;
  expect(appended.kind).toBe('appended');
  const volunteers = (await loadWorkbook(workbook)).data.registers.volunteers.rows;
  expect(volunteers.map((row) => row.values.id)).toEqual([form.nextId]);
});

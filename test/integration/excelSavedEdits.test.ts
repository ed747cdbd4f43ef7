/**
 * The browser mode's edits (a form's new row, the settings, an evaluation round rated, the summary
 * refreshed, templates added) on a workbook as Excel leaves it after saving — with the calculation
 * chain Excel writes and its own form of the name formulas — and on a new empty one: every file
 * handed back must pass the strict check (schemas and Excel's cross-part rules).
 */
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { newWorkbookInput } from '../../src/core/plan/newWorkbookInput';
import { WorkerWorkbook } from '../../src/browser/worker/workerWorkbook';
import { EvaluationService } from '../../src/taskpane/services/evaluationService';
import { RegisterService } from '../../src/taskpane/services/registerService';
import { SettingsService } from '../../src/taskpane/services/settingsService';
import { SummaryService } from '../../src/taskpane/services/summaryService';
import { writePlanToBuffer } from '../../src/workbook/xlsx';
import { asExcelSaved } from '../support/excelSaved';
import { expectStrict } from '../support/strictCheck';

const TODAY = '2026-11-23';
const clock = () => new Date(2026, 10, 23, 10, 15);

async function editInBrowserMode(original: Uint8Array): Promise<Uint8Array> {
  // Browser mode's services run in its worker, over the worker's workbook: the same edits as the page asks for.
  const workbook = await WorkerWorkbook.open(original, () => undefined);
  const appended = await new RegisterService(workbook, clock).append('volunteers', {
    name: 'Kari Nordmann',
    phone: '912 34 567',
    affiliation: 'Gjennom en organisasjon',
    activity: 'Besøksvenn',
    start: TODAY,
    consentDate: TODAY,
    confidentialityDate: TODAY,
    policeCertificateDate: TODAY,
    status: 'Aktiv',
  });
  expect(appended.kind === 'refused' ? appended : 'appended').toBe('appended');
  await new SettingsService(workbook).write({ hoursPerFte: 1700 });
  const evaluation = new EvaluationService(workbook, clock);
  const draft = await evaluation.draft(isoToSerial(TODAY));
  const answers = Object.fromEntries(
    draft.factors.flatMap((f) => f.statements).map((s, i) => [s.id, { rating: i % 2 ? 'agree' : 'partly', evidence: ' med mellomrom ' }]),
  );
  await evaluation.save(isoToSerial(TODAY), answers as never, 'Hele kommunen', '');
  // The summary's computed cells are rewritten although Excel gave the kpi names back in its own form.
  expect((await new SummaryService(workbook, clock).refresh()).summaryWritten).toBe(true);
  return workbook.data();
}

describe('browser-mode edits give files Excel opens without repair', () => {
  test("on the demo as Excel saved it (calculation chain, names in Excel's form)", async () => {
    const demo = demoWorkbook({ lang: 'nb', seed: 8, today: isoToSerial(TODAY), volunteers: 30 });
    const saved = asExcelSaved(await writePlanToBuffer(buildWorkbookPlan(demo.input)));
    expectStrict(await editInBrowserMode(saved), saved);
  });

  test('on a new empty workbook', async () => {
    const empty = await writePlanToBuffer(buildWorkbookPlan(newWorkbookInput('nb', isoToSerial(TODAY))));
    expectStrict(await editInBrowserMode(empty), empty);
  });
});

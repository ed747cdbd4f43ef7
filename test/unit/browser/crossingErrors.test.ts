/**
 * Errors crossing from browser mode's worker to the page: after structured cloning, the ones the
 * pane tells apart by class are of that class again, and every one says the same sentence in
 * each language, so the pane shows the same message as when the work ran in the page.
 */
import { LANGUAGES } from '../../../src/core/content/language';
import { WorkbookActionError } from '../../../src/core/port';
import { crossingError, revivedError, WorkerFailure } from '../../../src/browser/worker/crossingErrors';
import { paneError } from '../../../src/taskpane/paneErrors';
import { CellWritesUnavailable } from '../../../src/taskpane/services/cellWriter';
import { SettingsRefusal } from '../../../src/taskpane/services/settingsRefusal';
import { TemplateRefusal } from '../../../src/taskpane/services/templateRefusal';
import { tooLarge } from '../../../src/workbook/xlsx/reading/readLimits';

const cases: [string, Error, new (...args: never[]) => Error][] = [
  ['a template refusal', new TemplateRefusal('columnOccupied', { sheet: 'Evaluering', cell: 'L4', header: 'Deltakere' }), TemplateRefusal],
  ['cell writes unavailable', new CellWritesUnavailable('no cell writes'), CellWritesUnavailable],
  ['a settings refusal', new SettingsRefusal([{ key: 'hoursPerFte', problem: 'belowMin', min: 1 }]), SettingsRefusal],
  ['a refused action', new WorkbookActionError('protected', 'AccessDenied', 'Timer', 'AccessDenied'), WorkbookActionError],
  ['a zip bomb', tooLarge('bombe.xlsx', 'ratio', { part: 'xl/worksheets/sheet1.xml' }), WorkerFailure],
  ['a plain error', new Error('the worker broke'), WorkerFailure],
];

describe('an error from the worker', () => {
  test.each(cases)('%s comes back of its class, saying the same in each language', (_name, error, kind) => {
    const revived = revivedError(structuredClone(crossingError(error)));
    expect(revived).toBeInstanceOf(kind);
    for (const lang of LANGUAGES) expect(paneError(revived, lang)).toEqual(paneError(error, lang));
  });

  test('a settings refusal keeps the problems the settings tab marks', () => {
    const revived = revivedError(structuredClone(crossingError(new SettingsRefusal([{ key: 'retentionMonths', problem: 'aboveMax', max: 120 }]))));
    expect((revived as SettingsRefusal).problems).toEqual([{ key: 'retentionMonths', problem: 'aboveMax', max: 120 }]);
  });

  test('a zip bomb says its sentence in each language, naming the file and part', () => {
    const revived = revivedError(structuredClone(crossingError(tooLarge('bombe.xlsx', 'ratio', { part: 'xl/worksheets/sheet1.xml' }))));
    expect((revived as WorkerFailure).say('nb')).toMatch(/bombe\.xlsx.*xl\/worksheets\/sheet1\.xml.*zip-bombe/);
    expect((revived as WorkerFailure).say('en')).toMatch(/bombe\.xlsx.*xl\/worksheets\/sheet1\.xml.*zip bomb/);
  });
});

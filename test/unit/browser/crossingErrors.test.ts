/**
 * Errors crossing from browser mode's worker to the page: after structured cloning, the ones the
 * pane tells apart by class are of that class again, and every one says the same sentence in
 * each language, so the pane shows the same message as when the work ran in the page.
 */
import { LANGUAGES } from '../../../src/core/content/language';
import { RowChanged, RowsNotDeleted, WorkbookActionError } from '../../../src/core/port';
import { crossingError, revivedError, WorkerFailure } from '../../../src/browser/worker/crossingErrors';
import { paneError } from '../../../src/taskpane/paneErrors';
import { CellWritesUnavailable } from '../../../src/taskpane/services/cellWriter';
import { ListRefusal, SettingsChanged, SettingsRefusal } from '../../../src/taskpane/services/settingsRefusal';
import { TemplateRefusal } from '../../../src/taskpane/services/templateRefusal';
import { tooLarge } from '../../../src/workbook/xlsx/reading/readLimits';

const cases: [string, Error, new (...args: never[]) => Error][] = [
  ['a template refusal', new TemplateRefusal('columnOccupied', { sheet: 'Evaluering', cell: 'L4', header: 'Deltakere' }), TemplateRefusal],
  ['cell writes unavailable', new CellWritesUnavailable('no cell writes'), CellWritesUnavailable],
  ['a settings refusal', new SettingsRefusal([{ key: 'hoursPerFte', problem: 'belowMin', min: 1 }]), SettingsRefusal],
  ['a row changed in the sheet', new RowChanged('Frivillige', 5, ['C5', 'F5']), RowChanged],
  ['rows not deleted', new RowsNotDeleted('tblTimer', 'H12'), RowsNotDeleted],
  ['settings changed in the sheet', new SettingsChanged(['municipality', 'hoursPerFte']), SettingsChanged],
  ['a refused list', new ListRefusal([{ index: 2, problem: 'repeated' }]), ListRefusal],
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

  test('a changed row keeps the sheet, row and cells a record view reads again from', () => {
    const revived = revivedError(structuredClone(crossingError(new RowChanged('Frivillige', 5, ['C5', 'F5'])))) as RowChanged;
    expect([revived.sheetName, revived.rowNumber, revived.cells]).toEqual(['Frivillige', 5, ['C5', 'F5']]);
    expect(paneError(revived, 'nb').body).toMatch(/Frivillige, rad 5: C5, F5/);
  });

  test('settings changed and a refused list keep what the settings tab marks', () => {
    expect((revivedError(structuredClone(crossingError(new SettingsChanged(['municipality'])))) as SettingsChanged).keys).toEqual(['municipality']);
    const problems = [{ index: -1 as const, problem: 'tooMany' as const, max: 40 }];
    expect((revivedError(structuredClone(crossingError(new ListRefusal(problems)))) as ListRefusal).problems).toEqual(problems);
  });

  test('a zip bomb says its sentence in each language, naming the file and part', () => {
    const revived = revivedError(structuredClone(crossingError(tooLarge('bombe.xlsx', 'ratio', { part: 'xl/worksheets/sheet1.xml' }))));
    expect((revived as WorkerFailure).say('nb')).toMatch(/bombe\.xlsx.*xl\/worksheets\/sheet1\.xml.*zip-bombe/);
    expect((revived as WorkerFailure).say('en')).toMatch(/bombe\.xlsx.*xl\/worksheets\/sheet1\.xml.*zip bomb/);
  });
});

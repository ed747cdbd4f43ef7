/**
 * One error family. Every error class in src extends SamspillError under its own name; every
 * code of an error a person reads has a sentence in nb, nn and en; and each edge — the command
 * line's cliFailure, the pane's paneError, the browser page — says each one in its reader's
 * language, never a two-language message inside an already translated sentence.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import errorsJson from '../../templates/ui/errors.json';
import readErrorsJson from '../../templates/ui/readErrors.json';
import { LANGUAGES, type Lang } from '../../src/core/content/language';
import { ContentError } from '../../src/core/content/content';
import { MappingError } from '../../src/core/import/importMapping';
import { TableColumnOccupied, WorkbookActionError, type WorkbookActionErrorCode } from '../../src/core/port';
import { phraseOf, SamspillError } from '../../src/core/samspillError';
import { browserStrings } from '../../src/browser/browserText';
import { cliFailure, cliStrings, UserFacingError } from '../../src/cli/cliText';
import { SummaryLayoutChanged } from '../../src/cli/summaryWriteBack';
import { paneError } from '../../src/taskpane/paneErrors';
import { CellWritesUnavailable } from '../../src/taskpane/services/cellWriter';
import { SettingsRefusal } from '../../src/taskpane/services/settingsService';
import { TemplateRefusal, type TemplateRefusalCode } from '../../src/taskpane/services/templateRefusal';
import { CellEditError } from '../../src/workbook/xlsx/editing/cellEdit';
import { NameConflictError } from '../../src/workbook/xlsx/editing/packageMerge';
import { PackageRefusal } from '../../src/workbook/xlsx/editing/packageSafety';
import { MergeVerificationError } from '../../src/workbook/xlsx/editing/packageVerify';
import { UnsupportedZipError } from '../../src/workbook/xlsx/editing/packageZip';
import { TableAppendError } from '../../src/workbook/xlsx/editing/tableAppend';
import { TableColumnAppendError } from '../../src/workbook/xlsx/editing/tableColumnAppend';
import { XmlEditError } from '../../src/workbook/xlsx/editing/xmlEdit';
import {
  damagedWorkbook,
  encryptedWorkbook,
  fileNotFound,
  legacyXls,
  noSuchSheet,
  notAWorkbook,
  readDetail,
  WorkbookReadError,
  type ReadDetailKey,
  type WorkbookReadErrorCode,
} from '../../src/workbook/xlsx/reading/workbookReadError';
import { tooLarge } from '../../src/workbook/xlsx/reading/readLimits';
import { PartSyntaxError } from '../../src/workbook/xlsx/reading/workbookStructure';
import { XmlSyntaxError } from '../../src/workbook/xlsx/reading/xmlScanner';
import { LimitExceeded } from '../../src/workbook/xlsx/reading/xmlBytes';
import { WorkerFailure } from '../../src/browser/worker/crossingErrors';
import { REPO } from '../support/sharedFiles';
import { ExportReadError, type ExportReadErrorCode } from '../../src/core/import/exportReadError';
import { ImportDefaultError } from '../../src/core/import/importDefaults';
import { FileProblem, type FileProblemCode } from '../../src/cli/fileProblem';
import { ExportNotReadable } from '../../src/taskpane/services/importService';

/** Each detail a read error can name, with the values its sentence needs. */
const DETAILS: Record<ReadDetailKey, Record<string, string | number>> = {
  noPart: { part: 'xl/workbook.xml' },
  notSpreadsheet: {},
  notZip: {},
  folder: {},
  cannotUnpack: { part: 'xl/styles.xml' },
  unknownMethod: { part: 'xl/styles.xml', method: 12 },
  truncated: {},
  sheetMissing: { sheet: 'Timer' },
  sheetPartMissing: { sheet: 'Timer', part: 'xl/worksheets/sheet3.xml' },
  notRegular: {},
  notWellFormed: { part: 'xl/worksheets/sheet1.xml', reason: 'unexpected end of document' },
  structureNotWellFormed: { part: 'xl/workbook.xml', reason: 'unclosed tag' },
  sizeMismatch: { part: 'xl/worksheets/sheet1.xml' },
  'limit.partSize': { part: 'xl/worksheets/sheet1.xml', limit: '2 GB' },
  'limit.ratio': { part: 'xl/worksheets/sheet1.xml', limit: 400 },
  'limit.rows': { sheet: 'Timer', part: 'xl/worksheets/sheet1.xml', limit: '1 048 576' },
  'limit.columns': { sheet: 'Timer', part: 'xl/worksheets/sheet1.xml', limit: '16 384 (XFD)' },
  'limit.cells': { sheet: 'Timer', part: 'xl/worksheets/sheet1.xml', limit: '33 554 432' },
  'limit.cellText': { cell: 'B7', sheet: 'Timer', part: 'xl/worksheets/sheet1.xml', limit: '32 767' },
  'limit.sharedText': { part: 'xl/sharedStrings.xml', limit: '32 767' },
  'limit.element': { part: 'xl/worksheets/sheet1.xml', limit: '16 MB' },
};

/** One of each code a person reads: the compiler refuses these records when a code is added without a case. */
const READ: Record<WorkbookReadErrorCode, WorkbookReadError> = {
  notFound: fileNotFound('budsjett.xlsx', 'ENOENT'),
  notXlsx: notAWorkbook('budsjett.xlsx', readDetail('notZip')),
  legacyXls: legacyXls(),
  encrypted: encryptedWorkbook('budsjett.xlsx'),
  damaged: damagedWorkbook(undefined, readDetail('truncated')),
  noSheet: noSuchSheet('Timer'),
  tooLarge: tooLarge('bombe.xlsx', 'ratio', { part: 'xl/worksheets/sheet1.xml' }),
};
const ACTION: Record<WorkbookActionErrorCode, WorkbookActionError> = {
  sheetBeingEdited: new WorkbookActionError('sheetBeingEdited', 'InvalidOperationInCellEditMode'),
  protected: new WorkbookActionError('protected', 'AccessDenied', 'Timer'),
  notSupported: new WorkbookActionError('notSupported', 'ApiNotFound'),
  notFound: new WorkbookActionError('notFound', 'ItemNotFound', 'Timer'),
  alreadyExists: new WorkbookActionError('alreadyExists', 'ItemAlreadyExists', 'Timer'),
  tooLarge: new WorkbookActionError('tooLarge', 'RequestPayloadSizeLimitExceeded'),
  insertDeleteConflict: new WorkbookActionError('insertDeleteConflict', 'InsertDeleteConflict', 'Frivillige'),
  mergedRangeConflict: new WorkbookActionError('mergedRangeConflict', 'MergedRangeConflict', 'Frivillige'),
  conflict: new WorkbookActionError('conflict', 'Conflict'),
  requestAborted: new WorkbookActionError('requestAborted', 'RequestAborted'),
  inactiveWorkbook: new WorkbookActionError('inactiveWorkbook', 'InactiveWorkbook'),
  passwordProtected: new WorkbookActionError('passwordProtected', 'AccessDenied', 'Oppsummering'),
  unknown: new WorkbookActionError('unknown', 'GeneralException'),
};
const TEMPLATE: Record<TemplateRefusalCode, TemplateRefusal> = {
  newerSchema: new TemplateRefusal('newerSchema', { found: 3, supported: 2 }),
  upgradeNotAvailable: new TemplateRefusal('upgradeNotAvailable', { from: 1, to: 2 }),
  columnOccupied: new TemplateRefusal('columnOccupied', { sheet: 'Evaluering', cell: 'L4', header: 'Deltakere' }),
};
const EXPORT: Record<ExportReadErrorCode, ExportReadError> = {
  recordTooLong: new ExportReadError('recordTooLong', { line: 2, limit: 1_048_576 }),
  tooManyColumns: new ExportReadError('tooManyColumns', { line: 1, limit: 16_384 }),
  tooManyRows: new ExportReadError('tooManyRows', { limit: 1_048_576 }),
  unterminatedQuote: new ExportReadError('unterminatedQuote', { line: 7 }),
  tooLarge: new ExportReadError('tooLarge', { limit: 64 }),
  noRows: new ExportReadError('noRows'),
  noSheet: new ExportReadError('noSheet', { sheet: 'Data', sheets: 'Svar, Kodebok' }),
  notText: new ExportReadError('notText'),
};
const DEFAULT: Record<ImportDefaultError['code'], ImportDefaultError> = {
  syntax: new ImportDefaultError('syntax', { entry: 'activity' }),
  unknownField: new ImportDefaultError('unknownField', { entry: 'shoe=42', field: 'shoe' }),
  notSettable: new ImportDefaultError('notSettable', { entry: 'name=Ola', field: 'name' }),
  notInList: new ImportDefaultError('notInList', { entry: 'activity=Dykking', field: 'activity', value: 'Dykking', choices: 'Besøksvenn, Handlehjelp' }),
  notDate: new ImportDefaultError('notDate', { entry: 'start=i morgen', field: 'start', value: 'i morgen' }),
};
const FILE: Record<FileProblemCode, FileProblem> = Object.fromEntries(
  (
    [
      'notFound',
      'folderMissing',
      'isFolder',
      'notFolder',
      'notRegular',
      'noPermission',
      'readOnly',
      'readOnlyFileSystem',
      'diskFull',
      'nameTooLong',
      'busy',
      'tooManyLinks',
      'other',
    ] as FileProblemCode[]
  ).map((code) => [code, new FileProblem(code, 'mappe/budsjett.xlsx')]),
) as Record<FileProblemCode, FileProblem>;
const SAID: SamspillError[] = [
  ...Object.values(EXPORT),
  ...Object.values(DEFAULT),
  ...Object.values(FILE),
  ...Object.values(READ),
  ...Object.values(ACTION),
  ...Object.values(TEMPLATE),
  new CellWritesUnavailable('This workbook adapter cannot write single cells yet.'),
  new SettingsRefusal([{ key: 'hoursPerFte', problem: 'belowMin', min: 1 }]),
  new UserFacingError(cliStrings.phrase('cli.error.lang', { value: 'xx' })),
];

/** One instance of every class in the family, by class name. */
const FAMILY: Record<string, SamspillError> = {
  WorkbookReadError: READ.notXlsx,
  WorkbookActionError: ACTION.protected,
  TemplateRefusal: TEMPLATE.newerSchema,
  CellWritesUnavailable: new CellWritesUnavailable('x'),
  SettingsRefusal: new SettingsRefusal([]),
  UserFacingError: new UserFacingError(READ.notFound),
  SummaryLayoutChanged: new SummaryLayoutChanged(new NameConflictError('kpi_hours_year')),
  PartSyntaxError: new PartSyntaxError('xl/workbook.xml', readDetail('structureNotWellFormed', DETAILS.structureNotWellFormed)),
  XmlSyntaxError: new XmlSyntaxError('unexpected end of document'),
  LimitExceeded: new LimitExceeded('cellText', 'B7'),
  WorkerFailure: new WorkerFailure({
    name: 'WorkbookReadError',
    code: 'tooLarge',
    values: {},
    said: { nb: 'Filen er for stor.', nn: 'Fila er for stor.', en: 'The file is too large.' },
  }),
  PackageRefusal: new PackageRefusal('signed'),
  UnsupportedZipError: new UnsupportedZipError('zip64 packages are not rewritten'),
  NameConflictError: new NameConflictError('kpi_hours_year'),
  TableAppendError: new TableAppendError('rowsBelow', '12'),
  TableColumnAppendError: new TableColumnAppendError('occupied', 'L4'),
  MergeVerificationError: new MergeVerificationError('xl/styles.xml changed'),
  CellEditError: new CellEditError('badAddress', 'B'),
  XmlEditError: new XmlEditError('unterminated tag'),
  ContentError: new ContentError('noList', 'no value list shoeSizes'),
  TableColumnOccupied: new TableColumnOccupied('Timer', 'L4'),
  MappingError: new MappingError('syntax', 'nope'),
  ExportReadError: EXPORT.noRows,
  ImportDefaultError: DEFAULT.syntax,
  FileProblem: FILE.notRegular,
  ExportNotReadable: new ExportNotReadable(),
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the family', () => {
  const sources = sourceFiles(join(REPO, 'src')).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  it('is every error class in src: none extends Error but the base (and the streaming head-read signal, which is no error)', () => {
    const direct = sources.flatMap(({ path, text }) =>
      [...text.matchAll(/class (\w+)(?:<[^>]*>)? extends Error\b/g)].map((m) => `${path.slice(REPO.length + 1)}:${m[1]}`),
    );
    expect(direct.sort()).toEqual(['src/cli/streamingLoad.ts:HeadRead', 'src/core/samspillError.ts:SamspillError']);
    const members = sources.flatMap(({ text }) => [...text.matchAll(/class (\w+)(?:<[^>]*>)? extends SamspillError\b/g)].map((m) => m[1]));
    expect(members.sort()).toEqual(Object.keys(FAMILY).sort());
  });

  it.each(Object.entries(FAMILY))('%s is a SamspillError named for its class, with a code and values', (name, error) => {
    expect(error).toBeInstanceOf(SamspillError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.constructor.name).toBe(name);
    expect(typeof error.code).toBe('string');
    expect(error.code.length).toBeGreaterThan(0);
    expect(typeof error.values).toBe('object');
    expect(error.message).toBe(error.say('nb') === error.say('en') ? error.say('nb') : `${error.say('nb')} / ${error.say('en')}`);
  });
});

describe('every code a person reads has its sentence', () => {
  it.each(SAID.map((e) => [`${e.name} ${e.code}`, e] as const))('%s in nb, nn and en, each in one language, every placeholder filled', (_, error) => {
    const said = LANGUAGES.map((lang) => error.say(lang));
    for (const text of said) {
      expect(text.trim().length).toBeGreaterThan(10);
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).not.toContain(' / ');
    }
    expect(said[0]).not.toBe(said[2]);
  });

  it.each(Object.entries(DETAILS))('the read detail %s is said in nb, nn and en', (key, values) => {
    const detail = readDetail(key as ReadDetailKey, values);
    for (const lang of LANGUAGES) expect(detail.say(lang)).not.toMatch(/\{\w+\}|^\s*$/);
    expect(detail.say('nb')).not.toBe(detail.say('en'));
  });

  it('templates/ui/errors.json and readErrors.json hold no sentence that no error uses', () => {
    const read = [
      'read.subject',
      'read.subject.named',
      ...Object.keys(READ).map((code) => `read.${code}`),
      ...Object.keys(DETAILS).map((key) => `read.detail.${key}`),
    ];
    expect(Object.keys(readErrorsJson).sort()).toEqual(read.sort());
    expect(Object.keys(errorsJson).sort()).toEqual(
      [
        ...Object.keys(ACTION).map((code) => `action.${code}`),
        ...Object.keys(EXPORT).map((code) => `export.${code}`),
        ...Object.keys(DEFAULT).map((code) => `importDefault.${code}`),
      ].sort(),
    );
  });

  it('names the file when it knows it, and says "the file" when it does not', () => {
    expect(READ.notFound.say('nn')).toMatch(/^Fila «budsjett\.xlsx» finst ikkje/);
    expect(READ.damaged.say('en')).toMatch(/^The file is damaged or incomplete \(the zip package is truncated\)/);
  });
});

describe('the command line says each error in bokmål and English (cliFailure)', () => {
  it.each(SAID.map((e) => [`${e.name} ${e.code}`, e] as const))('%s, wrapped as the commands do, is its sentence in nb / en with exit code 2', (_, error) => {
    const failure = cliFailure(error instanceof UserFacingError ? error : new UserFacingError(error));
    expect(failure).toEqual({ message: `${error.say('nb')} / ${error.say('en')}`, exitCode: 2, unexpected: false });
  });

  it.each(Object.entries(FAMILY).filter(([name]) => name !== 'UserFacingError'))(
    '%s, not wrapped, is an unexpected error whose reason is said in each half',
    (_, error) => {
      const failure = cliFailure(error);
      expect(failure).toMatchObject({ exitCode: 2, unexpected: true });
      expect(failure.message).toBe(cliStrings.both('cli.error.unexpected', { reason: error }));
      const [nb, en] = failure.message.split(/ \/ (?=Unexpected error)/);
      expect(nb).toContain(error.say('nb'));
      expect(en).toContain(error.say('en'));
      if (error.say('nb') !== error.say('en')) expect(nb).not.toContain(error.say('en'));
    },
  );

  it('a reason inside a command sentence is said in each half, not as "nb / en" twice', () => {
    const refused = new UserFacingError(cliStrings.phrase('cli.error.unexpected', { reason: READ.legacyXls }));
    expect(refused.message).toBe(
      `Uventet feil: ${READ.legacyXls.say('nb')}. Filene du oppga, er enten uendret eller ferdig skrevet og kontrollert (Samspill bytter aldri inn en halvskrevet fil). Meld gjerne feilen med kommandoen du kjørte. / Unexpected error: ${READ.legacyXls.say('en')}. The files you named are either unchanged or completely written and checked (Samspill never swaps in a half-written file). Please report it with the command you ran.`,
    );
  });
});

describe('the pane says each error in its language (paneError)', () => {
  it.each(LANGUAGES)('a refusal it knows has its own title and its sentence as the body (%s)', (lang: Lang) => {
    for (const error of [...Object.values(ACTION), ...Object.values(TEMPLATE), FAMILY.CellWritesUnavailable]) {
      const shown = paneError(error, lang);
      expect(shown.body).toBe(error.say(lang));
      expect(shown.title).not.toBe(paneError(new Error('x'), lang).title);
    }
    expect(paneError(ACTION.protected, lang).detail).toBe('AccessDenied');
  });

  it.each(LANGUAGES)('any other error of ours is "something went wrong", its sentence in the pane language as the detail (%s)', (lang: Lang) => {
    for (const error of [...Object.values(READ), FAMILY.XmlEditError, FAMILY.TableColumnOccupied]) {
      const shown = paneError(error, lang);
      expect(shown.detail).toBe(error.say(lang));
      expect(shown.detail).not.toContain(' / ');
    }
  });

  it('the browser page names a file it cannot open in its own language only', () => {
    const said = browserStrings.text('file.notXlsx', 'en', { file: 'notes.xlsx', reason: phraseOf(READ.notXlsx) });
    expect(said).toBe(`“notes.xlsx” could not be opened as an Excel workbook (.xlsx): ${READ.notXlsx.say('en')}`);
    expect(said).not.toMatch(/Filen|ikke/);
  });
});

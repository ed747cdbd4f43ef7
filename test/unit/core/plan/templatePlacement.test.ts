/**
 * The rules for placing templates into an existing workbook: what counts as present, what is
 * added under which free sheet and table names, and what the schema version asks for.
 */
import { META_SHEET_NAME, type MetaRecord } from '../../../../src/core/model/metaSheet';
import {
  freeSheetName,
  freeTableName,
  isValidTableName,
  metaSheetWith,
  placedMeta,
  placeTemplates,
  sanitizeSheetName,
  schemaStatus,
  SHEET_NAME_MAX,
  withDependencies,
  type ExistingWorkbook,
  type PlacementRequest,
} from '../../../../src/core/plan/templatePlacement';
import { REGISTER_KEYS, SHEET_KEYS, type RegisterKey, type SheetKey } from '../../../../src/core/content/templateSchema';
import type { PlannedSheet } from '../../../../src/core/plan/workbookPlan';

// Hand-picked names for the templates the tests talk about; any other key gets a name of its own.
const KNOWN_SHEETS: Partial<Record<SheetKey, string>> = {
  settings: 'Innstillinger',
  partners: 'Samarbeidspartnere',
  agreements: 'Avtaler',
  agreement: 'Samarbeidsavtale',
  volunteers: 'Frivillige',
  hours: 'Timer',
  checklist: 'Evaluering',
  summary: 'Oppsummering',
  _meta: META_SHEET_NAME,
};
const KNOWN_TABLES: Partial<Record<RegisterKey, string>> = {
  partners: 'Partnere',
  agreements: 'Avtaler',
  volunteers: 'Frivillige',
  hours: 'Timelogg',
  checklist: 'Evaluering',
};
const SHEETS = Object.fromEntries(SHEET_KEYS.map((k) => [k, KNOWN_SHEETS[k] ?? `Ark ${k}`])) as Record<SheetKey, string>;
const TABLES = Object.fromEntries(REGISTER_KEYS.map((k) => [k, KNOWN_TABLES[k] ?? `Tabell_${k}`])) as Record<RegisterKey, string>;
const ALL = SHEET_KEYS.filter((k) => k !== '_meta');

function request(overrides: Partial<PlacementRequest> = {}): PlacementRequest {
  return { keys: ALL, lang: 'nb', defaultSheetNames: SHEETS, defaultTableNames: TABLES, schemaVersion: 1, ...overrides };
}

function workbook(overrides: Partial<ExistingWorkbook> = {}): ExistingWorkbook {
  return { sheetNames: ['Budsjett'], tableNames: [], definedNames: [], meta: null, ...overrides };
}

function meta(overrides: Partial<MetaRecord> = {}): MetaRecord {
  return { schemaVersion: 1, lang: 'nb', generator: 'samspill test', sheets: {}, tables: {}, ...overrides };
}

describe('sheet names', () => {
  test('a free name is kept; a taken one (in any case) gets the first free number', () => {
    expect(freeSheetName('Frivillige', new Set(['budsjett']))).toBe('Frivillige');
    expect(freeSheetName('Frivillige', new Set(['frivillige']))).toBe('Frivillige (2)');
    expect(freeSheetName('Frivillige', new Set(['frivillige', 'frivillige (2)']))).toBe('Frivillige (3)');
  });

  test("Excel's forbidden characters, edge apostrophes and reserved names are avoided", () => {
    expect(sanitizeSheetName("'Timer [2025]: a/b\\c*?'")).toBe('Timer _2025__ a_b_c__');
    expect(freeSheetName('History', new Set())).toBe('History (2)');
  });

  test('names stay within 31 characters, also with a number added', () => {
    const long = 'Samarbeidspartnere og kontaktpersoner i kommunen';
    const first = freeSheetName(long, new Set());
    expect(first).toHaveLength(SHEET_NAME_MAX);
    const second = freeSheetName(long, new Set([first.toLowerCase()]));
    expect(second).toHaveLength(SHEET_NAME_MAX);
    expect(second.endsWith(' (2)')).toBe(true);
  });
});

describe('table names', () => {
  test('valid names are accepted; cell-like ones and spaces are not', () => {
    expect(isValidTableName('Frivillige')).toBe(true);
    expect(isValidTableName('Timelogg_2')).toBe(true);
    expect(isValidTableName('Særheim')).toBe(true);
    expect(isValidTableName('AB12')).toBe(false);
    expect(isValidTableName('R1C1')).toBe(false);
    expect(isValidTableName('C')).toBe(false);
    expect(isValidTableName('To ord')).toBe(false);
  });

  test('a taken table or defined name gets a numbered free name', () => {
    expect(freeTableName('Frivillige', new Set(['budsjett']))).toBe('Frivillige');
    expect(freeTableName('Frivillige', new Set(['frivillige']))).toBe('Frivillige_2');
    expect(freeTableName('Frivillige', new Set(['frivillige', 'frivillige_2']))).toBe('Frivillige_3');
  });
});

describe('placement', () => {
  test('an ordinary workbook gets every template under its own name, and the metadata sheet', () => {
    const placement = placeTemplates(workbook(), request());
    expect(placement.toAdd).toEqual(ALL);
    expect(placement.metaAction).toBe('add');
    expect(placement.sheetNames).toEqual(SHEETS);
    expect(placement.tableNames).toEqual(TABLES);
    expect(placement.renamed).toEqual([]);
    expect(placement.schema).toEqual({ kind: 'none' });
  });

  test("a user's own sheet named like a template keeps its name; the template takes a free one", () => {
    const placement = placeTemplates(workbook({ sheetNames: ['frivillige', 'Timer', 'Timer (2)'] }), request());
    expect(placement.sheetNames.volunteers).toBe('Frivillige (2)');
    expect(placement.sheetNames.hours).toBe('Timer (3)');
    expect(placement.renamed).toEqual([
      { key: 'volunteers', wanted: 'Frivillige', name: 'Frivillige (2)' },
      { key: 'hours', wanted: 'Timer', name: 'Timer (3)' },
    ]);
    expect(placement.toAdd).toContain('volunteers');
  });

  test('table names avoid existing tables and defined names', () => {
    const placement = placeTemplates(workbook({ tableNames: ['Frivillige'], definedNames: ['timelogg'] }), request());
    expect(placement.tableNames.volunteers).toBe('Frivillige_2');
    expect(placement.tableNames.hours).toBe('Timelogg_2');
    expect(placement.tableNames.partners).toBe('Partnere');
  });

  test('templates recorded in the metadata are present even when the sheet was renamed', () => {
    const existing = workbook({
      sheetNames: ['Budsjett', 'Våre frivillige', 'Innstillinger', META_SHEET_NAME],
      tableNames: ['FrivTab'],
      meta: meta({ sheets: { volunteers: 'Våre frivillige', settings: 'Innstillinger', _meta: META_SHEET_NAME }, tables: { volunteers: 'FrivTab' } }),
    });
    const placement = placeTemplates(existing, request({ keys: ['volunteers'] }));
    expect(placement.present).toEqual({ volunteers: 'Våre frivillige', settings: 'Innstillinger', _meta: META_SHEET_NAME });
    // Volunteers need the partner catalogue and the hours log; those are the ones added.
    expect(placement.toAdd).toEqual(['partners', 'hours']);
    expect(placement.metaAction).toBe('update');
    expect(placement.tableNames.volunteers).toBe('FrivTab');
    expect(placement.sheetNames._meta).toBe(META_SHEET_NAME);
  });

  test('a register recognised by its headers counts as present, with the table found on its sheet', () => {
    const existing = workbook({
      sheetNames: ['Budsjett', 'Mine frivillige'],
      tableNames: ['Tabell1'],
      tablesBySheet: { 'Mine frivillige': ['Tabell1'] },
      recognised: { volunteers: 'Mine frivillige' },
    });
    const placement = placeTemplates(existing, request());
    expect(placement.present.volunteers).toBe('Mine frivillige');
    expect(placement.toAdd).not.toContain('volunteers');
    expect(placement.tableNames.volunteers).toBe('Tabell1');
    expect(placement.metaAction).toBe('add');
  });

  test('when everything is present nothing is added and the metadata is left alone', () => {
    const sheets = Object.fromEntries(SHEET_KEYS.map((k) => [k, SHEETS[k]]));
    const existing = workbook({ sheetNames: Object.values(SHEETS), tableNames: Object.values(TABLES), meta: meta({ sheets, tables: TABLES }) });
    const placement = placeTemplates(existing, request());
    expect(placement.toAdd).toEqual([]);
    expect(placement.metaAction).toBe('none');
    expect(placement.renamed).toEqual([]);
  });

  test("the workbook's recorded language wins over the requested one", () => {
    const existing = workbook({ sheetNames: ['Budsjett', META_SHEET_NAME], meta: meta({ lang: 'nn', sheets: { _meta: META_SHEET_NAME } }) });
    expect(placeTemplates(existing, request({ lang: 'en' })).lang).toBe('nn');
    expect(placeTemplates(workbook(), request({ lang: 'en' })).lang).toBe('en');
  });

  test('a template asked for brings the templates it needs', () => {
    expect(withDependencies(['checklist'])).toEqual(['settings', 'checklist']);
    expect(withDependencies(['agreement'])).toEqual(['settings', 'partners', 'agreements', 'agreement']);
    const summaryNeeds = new Set<SheetKey>(['settings', ...REGISTER_KEYS, 'summary']);
    expect(withDependencies(['summary'])).toEqual(SHEET_KEYS.filter((k) => summaryNeeds.has(k)));
  });
});

describe('schema version', () => {
  test('an older metadata record asks for an upgrade, a newer one is flagged, none means a new workbook', () => {
    expect(schemaStatus(null, 1)).toEqual({ kind: 'none' });
    expect(schemaStatus(meta({ schemaVersion: 1 }), 1)).toEqual({ kind: 'current', version: 1 });
    expect(schemaStatus(meta({ schemaVersion: 1 }), 2)).toEqual({ kind: 'upgrade', from: 1, to: 2 });
    expect(schemaStatus(meta({ schemaVersion: 3 }), 2)).toEqual({ kind: 'newer', found: 3, supported: 2 });
  });

  test('placement reports the upgrade of a fake older workbook', () => {
    const existing = workbook({
      sheetNames: ['Frivillige', META_SHEET_NAME],
      meta: meta({ schemaVersion: 0, sheets: { volunteers: 'Frivillige', _meta: META_SHEET_NAME } }),
    });
    const placement = placeTemplates(existing, request());
    expect(placement.schema).toEqual({ kind: 'upgrade', from: 0, to: 1 });
    // No migration is declared from version 0: nothing to apply, so the caller refuses.
    expect(placement.upgrade).toBeNull();
  });
});

describe('upgrading a version-1 workbook to version 2', () => {
  const V1_KEYS = ALL.filter((k) => k !== 'actions');
  const v1Meta = (keys: SheetKey[]) => meta({ schemaVersion: 1, sheets: Object.fromEntries([...keys, '_meta'].map((k) => [k, SHEETS[k as SheetKey]])) });
  const v1Workbook = (keys: SheetKey[], checklistColumns = ['round', 'scope', 'statementId', 'rating']) =>
    workbook({
      sheetNames: [...keys.map((k) => SHEETS[k]), META_SHEET_NAME],
      meta: v1Meta(keys),
      registerColumns: keys.includes('checklist') ? { checklist: checklistColumns } : {},
    });

  test('a complete version-1 workbook gains the action plan and the participants column, and its metadata is rewritten', () => {
    const placement = placeTemplates(v1Workbook(V1_KEYS), request({ schemaVersion: 2 }));
    expect(placement.upgrade).toEqual({ from: 1, to: 2, addSheets: ['actions'], addColumns: [{ register: 'checklist', column: 'participants' }] });
    expect(placement.toAdd).toEqual(['actions']);
    expect(placement.metaAction).toBe('update');
    expect(placement.sheetNames.actions).toBe(SHEETS.actions);
  });

  test('asking for one template still brings the upgrade the workbook needs', () => {
    const placement = placeTemplates(v1Workbook(V1_KEYS), request({ schemaVersion: 2, keys: ['partners'] }));
    expect(placement.toAdd).toEqual(['actions']);
  });

  test('a workbook with only a partner catalogue gains no action plan, only the new version in its metadata', () => {
    const placement = placeTemplates(v1Workbook(['settings', 'partners']), request({ schemaVersion: 2, keys: ['partners'] }));
    expect(placement.upgrade).toEqual({ from: 1, to: 2, addSheets: [], addColumns: [] });
    expect(placement.toAdd).toEqual([]);
    expect(placement.metaAction).toBe('update');
  });

  test('an evaluation without a summary still gains the action plan that follows it', () => {
    const placement = placeTemplates(v1Workbook(['settings', 'checklist']), request({ schemaVersion: 2, keys: ['checklist'] }));
    expect(placement.toAdd).toEqual(['actions']);
  });

  test('a participants column the user already made is not added again', () => {
    const placement = placeTemplates(v1Workbook(V1_KEYS, ['round', 'participants']), request({ schemaVersion: 2 }));
    expect(placement.upgrade?.addColumns).toEqual([]);
  });

  test('a newer workbook has no upgrade', () => {
    const existing = workbook({ sheetNames: [META_SHEET_NAME], meta: meta({ schemaVersion: 3, sheets: { _meta: META_SHEET_NAME } }) });
    const placement = placeTemplates(existing, request({ schemaVersion: 2 }));
    expect(placement.schema.kind).toBe('newer');
    expect(placement.upgrade).toBeNull();
  });
});

describe('metadata after placement', () => {
  test('records present and added templates together, keeping the refresh stamp', () => {
    const previous = meta({
      sheets: { volunteers: 'Våre frivillige', _meta: META_SHEET_NAME },
      tables: { volunteers: 'FrivTab' },
      summaryRefreshed: '2026-01-02T03:04:05Z',
    });
    const existing = workbook({ sheetNames: ['Våre frivillige', META_SHEET_NAME, 'Timer'], tableNames: ['FrivTab'], meta: previous });
    const placement = placeTemplates(existing, request({ keys: ['volunteers'] }));
    const record = placedMeta(placement, previous, 1, 'samspill test');
    expect(record.sheets).toEqual({
      settings: 'Innstillinger',
      partners: 'Samarbeidspartnere',
      volunteers: 'Våre frivillige',
      hours: 'Timer (2)',
      _meta: META_SHEET_NAME,
    });
    expect(record.tables).toEqual({ partners: 'Partnere', volunteers: 'FrivTab', hours: 'Timelogg' });
    expect(record.summaryRefreshed).toBe('2026-01-02T03:04:05Z');
  });

  test('the metadata sheet keeps its note row and gets the new key/value rows', () => {
    const sheet: PlannedSheet = {
      key: '_meta',
      name: 'x',
      visibility: 'veryHidden',
      columnWidths: [],
      cells: [
        { row: 1, col: 1, value: 'note' },
        { row: 2, col: 1, value: 'old' },
      ],
      tables: [],
      validations: [],
      merges: [],
      dataBars: [],
    };
    const rewritten = metaSheetWith(
      sheet,
      [
        ['schemaVersion', 1],
        ['lang', 'nb'],
      ],
      META_SHEET_NAME,
    );
    expect(rewritten.name).toBe(META_SHEET_NAME);
    expect(rewritten.cells).toEqual([
      { row: 1, col: 1, value: 'note' },
      { row: 2, col: 1, value: 'schemaVersion' },
      { row: 2, col: 2, value: 1 },
      { row: 3, col: 1, value: 'lang' },
      { row: 3, col: 2, value: 'nb' },
    ]);
  });
});

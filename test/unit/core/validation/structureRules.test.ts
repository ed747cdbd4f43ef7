import { emptyRegister } from '../../../../src/core/model/registerRows';
import { sheetDef } from '../../../../src/core/content/content';
import { META_SHEET_NAME } from '../../../../src/core/model/metaSheet';
import { found, validate, workbook } from './fixtures';

const known = 3;
const structure = (change: Partial<{ missingSheets: never[]; schemaVersion: number | null }> = {}) => ({
  missingSheets: [],
  schemaVersion: known,
  knownSchemaVersion: known,
  ...change,
});

describe('structure rules', () => {
  it('finds nothing when the structure is complete and current', () => {
    expect(found(validate(workbook(), { structure: structure() }))).toEqual([]);
  });

  it('structure.sheet.missing: names each missing sheet in the workbook language', () => {
    const data = workbook();
    data.registers.hours = emptyRegister('hours');
    const issues = validate(data, { structure: structure({ missingSheets: ['hours', 'summary'] as never[] }) });
    expect(issues.map((i) => [i.rule, i.sheetKey, i.sheet, i.cell])).toEqual([
      ['structure.sheet.missing', 'hours', sheetDef('hours').name.nb, null],
      ['structure.sheet.missing', 'summary', sheetDef('summary').name.nb, null],
    ]);
  });

  it('structure.sheet.missing: not for a sheet a later version added, which the older-version warning asks to add; near miss: the same sheet missing from a current workbook', () => {
    const older = validate(workbook(), { structure: structure({ missingSheets: ['volunteerPapers'] as never[], schemaVersion: 2 }) });
    expect(older.map((i) => i.rule)).toEqual(['structure.schema.older']);
    const current = validate(workbook(), { structure: structure({ missingSheets: ['volunteerPapers'] as never[] }) });
    expect(current.map((i) => [i.rule, i.sheetKey])).toEqual([['structure.sheet.missing', 'volunteerPapers']]);
  });

  it('structure.sheet.missing without the reader’s account: a register never found', () => {
    const data = workbook();
    data.registers.checklist = emptyRegister('checklist');
    expect(found(validate(data))).toEqual(['structure.sheet.missing@null']);
  });

  it('structure.header.notFound: a sheet whose header row is gone; near miss: the sheet found with its header', () => {
    const data = workbook();
    data.registers.partners = { ...emptyRegister('partners', 'Samarbeidspartnere'), sheetName: 'Samarbeidspartnere' };
    expect(found(validate(data, { structure: structure() }))).toContain('structure.header.notFound@null');
  });

  it('structure.column.missing and .optionalMissing: a required or calculated column is an error, an optional one a hint', () => {
    const data = workbook();
    const v = data.registers.volunteers;
    for (const key of ['consentDate', 'status', 'hoursLast12Months']) v.columns.delete(key);
    v.missingColumns = sheetDef('volunteers').columns!.filter((c) => !v.columns.has(c.key));
    const issues = validate(data, { structure: structure() }).filter((i) => i.rule.startsWith('structure.'));
    expect(issues.map((i) => [i.rule, i.severity, i.sheet])).toEqual([
      ['structure.column.optionalMissing', 'info', 'Frivillige'],
      ['structure.column.missing', 'error', 'Frivillige'],
      ['structure.column.missing', 'error', 'Frivillige'],
    ]);
    expect(issues[1].message).toContain(sheetDef('volunteers').columns!.find((c) => c.key === 'status')!.label.nb);
  });

  it('does not report blanks in a column the sheet does not have', () => {
    const data = workbook();
    const v = data.registers.volunteers;
    v.columns.delete('consentDate');
    v.missingColumns = sheetDef('volunteers').columns!.filter((c) => !v.columns.has(c.key));
    for (const row of v.rows) delete row.values.consentDate;
    expect(found(validate(data))).toEqual(['structure.column.optionalMissing@null']);
  });

  it('structure.schema.older (warning), .newer (error), .missing; near miss: the same version', () => {
    const run = (schemaVersion: number | null) => validate(workbook(), { structure: structure({ schemaVersion }) }).map((i) => [i.rule, i.severity, i.sheet]);
    expect(run(known - 1)).toEqual([['structure.schema.older', 'warning', META_SHEET_NAME]]);
    expect(run(known + 1)).toEqual([['structure.schema.newer', 'error', META_SHEET_NAME]]);
    expect(run(null)).toEqual([['structure.schema.missing', 'warning', META_SHEET_NAME]]);
    expect(run(known)).toEqual([]);
  });

  it('says nothing about the version when the metadata sheet itself is missing', () => {
    const issues = validate(workbook(), { structure: { missingSheets: ['_meta'], schemaVersion: null, knownSchemaVersion: known } });
    expect(issues.map((i) => i.rule)).toEqual(['structure.sheet.missing']);
  });
});

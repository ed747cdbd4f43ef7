import { valueList } from '../../../../src/core/content/content';
import { DATE_MAX, DATE_MIN } from '../../../../src/core/plan/columnValidation';
import type { PlainValue } from '../../../../src/core/plan/workbookPlan';
import { COLUMN_PROBLEMS, ruleCatalog, type ColumnProblem } from '../../../../src/core/validation/ruleCatalog';
import { sheetDef } from '../../../../src/core/content/content';
import type { ColumnDef, RegisterKey } from '../../../../src/core/content/templateSchema';
import { cellOf, cleanRecords, day, labels, ofRule, PARTNER, validate, withFirst, workbook } from './fixtures';

interface Case {
  id: string;
  register: RegisterKey;
  column: ColumnDef;
  problem: ColumnProblem;
}

const cases: Case[] = ruleCatalog()
  .filter((r) => r.message.startsWith('column.'))
  .map((r) => {
    const [register, columnKey] = r.id.split('.');
    const column = sheetDef(register as RegisterKey).columns!.find((c) => c.key === columnKey)!;
    return { id: r.id, register: register as RegisterKey, column, problem: r.message.slice('column.'.length) as ColumnProblem };
  });

function allowedLabel(column: ColumnDef): string {
  if (column.list === 'partners') return PARTNER;
  const list = valueList(column.list!);
  return list.editable ? labels().settings.lists[list.key as 'units'][0] : list.items[0].label.nb;
}

/** A value that has the problem, and a near miss that must pass. */
function values(c: Case): [bad: PlainValue, good: PlainValue] {
  const { column } = c;
  const current = cleanRecords()[c.register][0][column.key] as PlainValue;
  switch (c.problem) {
    case 'required':
      return [null, current];
    case 'dateAsText':
      return ['31.12.2024', day('2024-12-31')];
    case 'notDate':
      return ['snart', day('2024-12-31')];
    case 'dateOutOfRange':
      return [45, DATE_MIN];
    case 'notNumber':
      return ['12', 12];
    case 'notWhole':
      return [1.5, 2];
    case 'belowMin':
      return [column.min! - 1, column.min!];
    case 'aboveMax':
      return [column.max! + 1, column.max!];
    case 'notInFixedList':
    case 'notInEditableList':
    case 'notInCatalogue':
      return ['Finnes ikke', `  ${allowedLabel(column).toUpperCase()} `];
    case 'surroundingSpaces':
      return [`${allowedLabel(column)} `, allowedLabel(column)];
    case 'tooLong':
      return ['x'.repeat(column.maxLength! + 1), 'x'.repeat(column.maxLength!)];
    case 'emailInvalid':
      return ['ola@example', 'Ola.Hansen@Example.no'];
    case 'phoneInvalid':
      return ['912 34 56', '0047 91 23 45 67'];
    case 'orgNumberFormat':
      return ['92360901', '923 609 016'];
    case 'orgNumberCheckDigit':
      return ['923609017', '923609016'];
  }
}

describe('column rules, for every rule the column definitions give', () => {
  it('has cases for every kind of column problem', () => {
    expect(new Set(cases.map((c) => c.problem))).toEqual(new Set(Object.keys(COLUMN_PROBLEMS)));
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s: catches the problem at the exact cell', (id, c) => {
    const [bad] = values(c);
    const issues = ofRule(validate(withFirst(c.register, { [c.column.key]: bad })), id);
    expect(issues.map((i) => i.cell)).toEqual([cellOf(c.register, c.column.key)]);
    expect(issues[0].message).toContain(c.column.label.nb);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s: lets the near miss pass', (id, c) => {
    const [, good] = values(c);
    expect(ofRule(validate(withFirst(c.register, { [c.column.key]: good })), id)).toEqual([]);
  });
});

describe('column rules in detail', () => {
  it('tells the user to type a text date as a date, quoting it', () => {
    const [issue] = ofRule(validate(withFirst('hours', { date: ' 1.6.2025' })), 'hours.date.dateAsText');
    expect(issue.message).toContain('1.6.2025');
    expect(issue.severity).toBe('error');
  });

  it('accepts a date with a time of day, up to the last day allowed', () => {
    expect(ofRule(validate(withFirst('hours', { date: DATE_MAX + 0.5 })), 'hours.date.dateOutOfRange')).toEqual([]);
    expect(ofRule(validate(withFirst('hours', { date: DATE_MIN - 1 })), 'hours.date.dateOutOfRange')).toHaveLength(1);
  });

  it('treats a cell of spaces as blank', () => {
    expect(ofRule(validate(withFirst('volunteers', { name: '   ' })), 'volunteers.name.required')).toHaveLength(1);
  });

  it('reads a phone typed into a number cell, where Excel dropped the "+"', () => {
    expect(ofRule(validate(withFirst('volunteers', { phone: 4791234567 })), 'volunteers.phone.invalid')).toEqual([]);
    expect(ofRule(validate(withFirst('volunteers', { phone: 91234567 })), 'volunteers.phone.invalid')).toEqual([]);
    expect(ofRule(validate(withFirst('volunteers', { phone: 4691234567 })), 'volunteers.phone.invalid')).toHaveLength(1);
  });

  it('compares fixed lists with the labels of the workbook language, not another language', () => {
    const en = labels('en');
    const nbWorkbook = withFirst('volunteers', { status: en.volunteerActive === labels('nb').volunteerActive ? 'Activ' : en.volunteerActive });
    expect(ofRule(validate(nbWorkbook), 'volunteers.status.notInList')).toHaveLength(1);
  });

  it("uses the municipality's own list from the settings, not the template's", () => {
    const data = withFirst('agreements', { unit: 'Fjellheimen bo- og servicesenter' });
    expect(ofRule(validate(data), 'agreements.unit.notInList')).toHaveLength(1);
    data.settings.lists.units = [...data.settings.lists.units, 'Fjellheimen bo- og servicesenter'];
    expect(ofRule(validate(data), 'agreements.unit.notInList')).toEqual([]);
  });

  it('checks partner names against the partner register', () => {
    const clean = cleanRecords();
    const data = workbook({ partners: [{ ...clean.partners[0], name: 'Frivilligsentralen' }] });
    const issues = validate(data);
    expect(ofRule(issues, 'agreements.partner.notInCatalogue').map((i) => i.cell)).toEqual([cellOf('agreements', 'partner')]);
    expect(ofRule(issues, 'volunteers.partner.notInCatalogue')).toHaveLength(1);
    expect(ofRule(issues, 'hours.partner.notInCatalogue')).toHaveLength(1);
  });

  it('never validates formula columns as input', () => {
    const data = withFirst('volunteers', { policeCertificateRequired: 'tull', hoursLast12Months: { error: '#REF!' } as never });
    const cells = validate(data).map((i) => i.cell);
    expect(cells).not.toContain(cellOf('volunteers', 'policeCertificateRequired'));
    expect(cells).not.toContain(cellOf('volunteers', 'hoursLast12Months'));
  });

  it('reports only rows that have the problem, each at its own row', () => {
    const clean = cleanRecords();
    const rows = [0, 1, 2, 3].map((i) => ({ ...clean.hours[0], hours: i % 2 ? 'tre' : 2 }));
    const issues = ofRule(validate(workbook({ hours: rows })), 'hours.hours.notNumber');
    expect(issues.map((i) => i.cell)).toEqual([cellOf('hours', 'hours', 3), cellOf('hours', 'hours', 5)]);
  });

  it('reports negative hours once, as not positive, not also as below the minimum', () => {
    const issues = validate(withFirst('hours', { hours: -2 })).filter((i) => i.cell === cellOf('hours', 'hours'));
    expect(issues.map((i) => i.rule)).toEqual(['hours.hours.notPositive']);
  });
});

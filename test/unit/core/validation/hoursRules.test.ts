import { cellOf, cleanRecords, day, found, labels, ofRule, TODAY, validate, withFirst, workbook } from './fixtures';

const l = labels();
const clean = cleanRecords();
const h = clean.hours[0];
const at = (rule: string, column: string, row = 2) => `${rule}@${cellOf('hours', column, row)}`;
const only = (change: Record<string, unknown>) => found(validate(withFirst('hours', change as never)));

describe('hours rules', () => {
  it('hours.volunteerId.unknown: catches an id not in the register; near miss: the id in another case, or blank for a group', () => {
    expect(only({ volunteerId: 'F-999' })).toEqual([at('hours.volunteerId.unknown', 'volunteerId')]);
    expect(only({ volunteerId: ' f-001 ' })).toEqual([]);
    expect(only({ volunteerId: null, volunteerCount: 6, hours: 12 })).toEqual([]);
  });

  it('hours.date.future: catches tomorrow; near miss: today, even with a time of day', () => {
    expect(only({ date: TODAY + 1 })).toEqual([at('hours.date.future', 'date')]);
    expect(only({ date: TODAY + 0.75 })).toEqual([]);
  });

  it("hours.date.beforeStart: catches a day before the volunteer's start; near miss: the start day", () => {
    const start = clean.volunteers[0].start as number;
    expect(only({ date: start - 1 })).toEqual([at('hours.date.beforeStart', 'date')]);
    expect(only({ date: start })).toEqual([]);
  });

  it("hours.date.afterEnd: catches a day after the volunteer's end; near miss: the end day", () => {
    const end = day('2025-03-31');
    const volunteers = [{ ...clean.volunteers[0], status: l.volunteerEnded, end }];
    expect(found(validate(workbook({ volunteers, hours: [{ ...h, date: end + 1 }] })))).toEqual([at('hours.date.afterEnd', 'date')]);
    expect(found(validate(workbook({ volunteers, hours: [{ ...h, date: end }] })))).toEqual([]);
  });

  it('hours.hours.notPositive: catches zero and negative hours; near miss: a quarter of an hour', () => {
    expect(only({ hours: 0 })).toEqual([at('hours.hours.notPositive', 'hours')]);
    expect(only({ hours: -1 })).toEqual([at('hours.hours.notPositive', 'hours')]);
    expect(only({ hours: 0.25 })).toEqual([]);
  });

  it('hours.hours.over24: sums one volunteer-day over rows and reports each row of it', () => {
    const hours = [
      { ...h, hours: 10 },
      { ...h, hours: 8, date: TODAY - 1 },
      { ...h, hours: 10, volunteerId: 'f-001' },
      { ...h, hours: 4.5, date: day('2025-06-01') + 0.5 },
    ];
    const issues = ofRule(validate(workbook({ hours })), 'hours.hours.over24');
    expect(issues.map((i) => i.cell)).toEqual([cellOf('hours', 'hours', 2), cellOf('hours', 'hours', 4), cellOf('hours', 'hours', 5)]);
    expect(issues[0].message).toContain('24,5');
  });

  it('hours.hours.over24: near misses, exactly 24 hours, other volunteers the same day, or group rows', () => {
    const volunteers = [clean.volunteers[0], { ...clean.volunteers[0], id: 'F-002', name: 'Siri Dahl', phone: null, email: null }];
    const hours = [
      { ...h, hours: 12 },
      { ...h, hours: 12 },
      { ...h, hours: 20, volunteerId: 'F-002' },
      { ...h, hours: 30, volunteerId: null, volunteerCount: 5 },
      { ...h, hours: 40, volunteerId: null, volunteerCount: 5 },
    ];
    expect(found(validate(workbook({ volunteers, hours })))).toEqual([]);
  });

  it('checks activity, unit and partner against the lists', () => {
    const issues = found(validate(withFirst('hours', { activity: 'Strikking', unit: 'Månen', partner: 'Ukjent lag' })));
    expect(issues).toEqual([at('hours.activity.notInList', 'activity'), at('hours.unit.notInList', 'unit'), at('hours.partner.notInCatalogue', 'partner')]);
  });
});

import { mayDelete, recordReferences } from '../../../../src/core/model/recordLinks';
import { mergePlan } from '../../../../src/core/model/volunteerMerge';
import { cleanRecords, workbook } from '../validation/fixtures';

const clean = cleanRecords();

describe('what refers to a record', () => {
  it("a volunteer's hours, by id without case", () => {
    const data = workbook({ hours: [{ ...clean.hours[0], volunteerId: 'f-001' }] });
    const [ref] = recordReferences(data, 'volunteers', data.registers.volunteers.rows[0]);
    expect([ref.register, ref.rows.map((r) => r.rowNumber)]).toEqual(['hours', [2]]);
    expect(mayDelete(data, 'volunteers', data.registers.volunteers.rows[0])).toBe(false);
  });

  it('a partner named by agreements, volunteers and hours; an unused one may be deleted as a mistaken row', () => {
    const data = workbook({ partners: [...clean.partners, { ...clean.partners[0], name: 'Feilregistrert lag', orgNumber: null }] });
    expect(recordReferences(data, 'partners', data.registers.partners.rows[0]).map((r) => r.register)).toEqual(['agreements', 'volunteers', 'hours']);
    expect(mayDelete(data, 'partners', data.registers.partners.rows[1])).toBe(true);
  });

  it('hours and actions may always be deleted', () => {
    const data = workbook();
    expect(mayDelete(data, 'hours', data.registers.hours.rows[0])).toBe(true);
    expect(mayDelete(data, 'actions', data.registers.actions.rows[0])).toBe(true);
  });
});

describe('merging two volunteers', () => {
  it("fills the kept row's blanks from the other and moves the other's hours", () => {
    const twin = { ...clean.volunteers[0], id: 'F-002', email: null, notes: 'Kom via lag', phone: '99 88 77 66' };
    const data = workbook({
      volunteers: [{ ...clean.volunteers[0], notes: null }, twin],
      hours: [clean.hours[0], { ...clean.hours[0], volunteerId: 'F-002' }, { ...clean.hours[0], volunteerId: 'f-002' }],
    });
    const [keep, drop] = data.registers.volunteers.rows;
    const plan = mergePlan(data, keep, drop);
    expect(plan.fill).toEqual({ notes: 'Kom via lag' });
    expect(plan.hours.map((r) => r.rowNumber)).toEqual([3, 4]);
    expect(plan.keepId).toBe('F-001');
  });
});

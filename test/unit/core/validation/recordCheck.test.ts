import { checkRecord, requiredFields } from '../../../../src/core/validation/recordCheck';
import { possibleDuplicates } from '../../../../src/core/validation/possibleDuplicates';
import { cleanRecords, labels, TODAY, workbook } from './fixtures';

const l = labels();
const [volunteer] = cleanRecords().volunteers;

describe('checkRecord', () => {
  it("finds a new record's own issues as validation would, on the row it would get", () => {
    const issues = checkRecord(workbook(), 'volunteers', { ...volunteer, id: 'F-002', name: 'Kari Holm', consentDate: null, phone: '12' } as never, TODAY);
    expect(issues.map((i) => i.rule).sort()).toEqual(['volunteers.consentDate.missing', 'volunteers.phone.invalid']);
    expect(issues.every((i) => i.cell?.endsWith('3'))).toBe(true);
  });

  it('checks an edited row in place: its own old values do not count as a duplicate', () => {
    expect(checkRecord(workbook(), 'volunteers', { ...volunteer, phone: '+47 912 34 567' } as never, TODAY, 2)).toEqual([]);
    expect(checkRecord(workbook(), 'volunteers', { ...volunteer } as never, TODAY).map((i) => i.rule)).toContain('volunteers.id.duplicate');
  });
});

describe('requiredFields', () => {
  const base = { name: 'Kari', affiliation: l.affiliation, start: TODAY } as never;
  it('an active volunteer needs consent and confidentiality dates; a paused one does not', () => {
    const active = requiredFields(workbook(), 'volunteers', { ...(base as object), status: l.volunteerActive, activity: l.freeActivity } as never, TODAY);
    expect([...active].sort()).toEqual(['activity', 'affiliation', 'confidentialityDate', 'consentDate', 'id', 'name', 'start', 'status']);
    const paused = requiredFields(workbook(), 'volunteers', { ...(base as object), status: l.volunteerPaused, activity: l.freeActivity } as never, TODAY);
    expect(paused.has('consentDate')).toBe(false);
  });

  it('an activity that requires a police certificate asks for its date, and it stays asked for once filled', () => {
    const values = { ...(base as object), status: l.volunteerActive, activity: l.policeActivity, policeCertificateDate: TODAY } as never;
    expect(requiredFields(workbook(), 'volunteers', values, TODAY).has('policeCertificateDate')).toBe(true);
    const free = { ...(base as object), status: l.volunteerActive, activity: l.freeActivity } as never;
    expect(requiredFields(workbook(), 'volunteers', free, TODAY).has('policeCertificateDate')).toBe(false);
  });
});

describe('possibleDuplicates', () => {
  it('finds a volunteer by name whatever the case and spacing, stronger with the same phone', () => {
    const data = workbook();
    expect(possibleDuplicates(data, 'volunteers', { name: ' ola   HANSEN ' }).map((d) => [d.rowNumber, d.strength])).toEqual([[2, 'name']]);
    expect(possibleDuplicates(data, 'volunteers', { name: 'Ola Hansen', phone: '912 34 567' }).map((d) => d.strength)).toEqual(['nameAndContact']);
    expect(possibleDuplicates(data, 'volunteers', { name: 'Ola Hansen' }, 2)).toEqual([]);
    expect(possibleDuplicates(data, 'volunteers', { name: 'Ola Hansrud' })).toEqual([]);
  });

  it('finds a partner by organisasjonsnummer or name', () => {
    const data = workbook();
    expect(possibleDuplicates(data, 'partners', { name: 'Noe annet', orgNumber: '923 609 016' }).map((d) => d.strength)).toEqual(['orgNumber']);
    expect(possibleDuplicates(data, 'partners', { name: 'sanitetslaget nord' }).map((d) => d.strength)).toEqual(['name']);
  });
});

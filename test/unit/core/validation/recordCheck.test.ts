import { itemLabel } from '../../../../src/core/content/content';
import { checkRecord, requiredFields } from '../../../../src/core/validation/recordCheck';
import { possibleDuplicates } from '../../../../src/core/validation/possibleDuplicates';
import { cleanRecords, labels, TODAY, workbook } from './fixtures';

const l = labels();
const [volunteer] = cleanRecords().volunteers;

describe('checkRecord', () => {
  it("finds a new record's own issues as validation would, on the row it would get", () => {
    const issues = checkRecord(
      workbook(),
      'volunteers',
      { ...volunteer, id: 'F-002', name: 'Kari Holm', confidentialityDate: null, phone: '12' } as never,
      TODAY,
    );
    expect(issues.map((i) => i.rule).sort()).toEqual(['volunteers.confidentialityDate.missing', 'volunteers.phone.invalid']);
    expect(issues.every((i) => i.cell?.endsWith('3'))).toBe(true);
  });

  it('checks an edited row in place: its own old values do not count as a duplicate', () => {
    expect(checkRecord(workbook(), 'volunteers', { ...volunteer, phone: '+47 912 34 567' } as never, TODAY, 2)).toEqual([]);
    expect(checkRecord(workbook(), 'volunteers', { ...volunteer } as never, TODAY).map((i) => i.rule)).toContain('volunteers.id.duplicate');
  });
});

describe('requiredFields', () => {
  const base = { name: 'Kari', affiliation: l.affiliation, start: TODAY } as never;
  it('an active volunteer needs a confidentiality date, and a consent date only where consent is the basis; a paused one needs neither', () => {
    const active = requiredFields(workbook(), 'volunteers', { ...(base as object), status: l.volunteerActive, activity: l.freeActivity } as never, TODAY);
    expect([...active].sort()).toEqual(['activity', 'affiliation', 'confidentialityDate', 'id', 'name', 'start', 'status']);
    const byConsent = workbook({}, { settings: { personalDataBasis: itemLabel('personalDataBases', 'consent', 'nb') } });
    expect(
      requiredFields(byConsent, 'volunteers', { ...(base as object), status: l.volunteerActive, activity: l.freeActivity } as never, TODAY).has('consentDate'),
    ).toBe(true);
    const paused = requiredFields(workbook(), 'volunteers', { ...(base as object), status: l.volunteerPaused, activity: l.freeActivity } as never, TODAY);
    expect(paused.has('confidentialityDate') || paused.has('consentDate')).toBe(false);
  });

  it('an assignment whose legal basis asks for a police certificate asks for its date, and it stays asked for once filled; the activity alone does not', () => {
    const basis = itemLabel('policeBases', 'hol54', 'nb');
    const values = { ...(base as object), status: l.volunteerActive, activity: l.policeActivity, policeBasis: basis, policeCertificateDate: TODAY } as never;
    expect(requiredFields(workbook(), 'volunteers', values, TODAY).has('policeCertificateDate')).toBe(true);
    const activityOnly = { ...(base as object), status: l.volunteerActive, activity: l.policeActivity } as never;
    expect(requiredFields(workbook(), 'volunteers', activityOnly, TODAY).has('policeCertificateDate')).toBe(false);
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

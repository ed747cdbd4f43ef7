import { addMonths } from '../../../../src/core/model/dates';
import { itemLabel } from '../../../../src/core/content/content';
import { cellOf, cleanRecords, day, found, labels, ofRule, TODAY, validate, withFirst, workbook } from './fixtures';

const l = labels();
const clean = cleanRecords();
const v = clean.volunteers[0];
/** The volunteer changed, with no hours logged, so that only the volunteer register speaks. */
const only = (change: Record<string, unknown>) => found(validate(workbook({ volunteers: [{ ...v, ...change } as never], hours: [] })));
const at = (rule: string, column: string, row = 2) => `${rule}@${cellOf('volunteers', column, row)}`;

describe('volunteer rules', () => {
  it('volunteers.id.duplicate: catches a reused id in another case; near miss: distinct ids', () => {
    const other = { ...v, name: 'Siri Dahl', phone: null, email: null };
    expect(found(validate(workbook({ volunteers: [v, { ...other, id: 'f-001' }] })))).toEqual([at('volunteers.id.duplicate', 'id', 3)]);
    expect(found(validate(workbook({ volunteers: [v, { ...other, id: 'F-002' }] })))).toEqual([]);
  });

  it('volunteers.name.duplicate: catches the same name with the same phone (typed differently) or email', () => {
    const samePhone = { ...v, id: 'F-002', name: 'ola  hansen', phone: '+47 912 34 567', email: null };
    const sameEmail = { ...v, id: 'F-003', phone: null, email: 'OLA@example.no' };
    expect(found(validate(workbook({ volunteers: [v, samePhone, sameEmail] })))).toEqual([
      at('volunteers.name.duplicate', 'name', 3),
      at('volunteers.name.duplicate', 'name', 4),
    ]);
  });

  it('volunteers.name.duplicate: near misses, the same name with other contact details, or the same phone with another name', () => {
    const namesake = { ...v, id: 'F-002', phone: '98765432', email: 'ola.h@example.no' };
    const household = { ...v, id: 'F-003', name: 'Eva Hansen', email: null };
    expect(found(validate(workbook({ volunteers: [v, namesake, household] })))).toEqual([]);
  });

  it('volunteers.consentDate.missing: asked only when the register rests on consent; near misses: paused, or another legal basis', () => {
    const consent = { personalDataBasis: itemLabel('personalDataBases', 'consent', 'nb') };
    const underConsent = (change: Record<string, unknown>) =>
      found(validate(workbook({ volunteers: [{ ...v, ...change } as never], hours: [] }, { settings: consent })));
    expect(underConsent({ consentDate: null })).toEqual([at('volunteers.consentDate.missing', 'consentDate')]);
    expect(underConsent({ consentDate: null, status: l.volunteerPaused })).toEqual([]);
    // The default basis is the agreement with the volunteer (Datatilsynet advises public bodies against consent).
    expect(only({ consentDate: null })).toEqual([]);
    const publicTask = { personalDataBasis: itemLabel('personalDataBases', 'publicTask', 'nn') };
    expect(found(validate(workbook({ volunteers: [{ ...v, consentDate: null } as never], hours: [] }, { settings: publicTask })))).toEqual([]);
  });

  it('volunteers.confidentialityDate.missing: catches an active volunteer without a declaration; near miss: ended', () => {
    const issues = validate(withFirst('volunteers', { confidentialityDate: null }));
    expect(ofRule(issues, 'volunteers.confidentialityDate.missing').map((i) => i.cell)).toEqual([cellOf('volunteers', 'confidentialityDate')]);
    expect(
      ofRule(
        validate(withFirst('volunteers', { confidentialityDate: null, status: l.volunteerEnded, end: TODAY - 10 })),
        'volunteers.confidentialityDate.missing',
      ),
    ).toEqual([]);
  });

  it('volunteers.policeCertificate.missingForBasis: an assignment under § 5-4 without a certificate shown is an error; near miss: shown', () => {
    const hol54 = itemLabel('policeBases', 'hol54', 'nb');
    const [issue] = validate(withFirst('volunteers', { policeBasis: hol54 }));
    expect(`${issue.rule}@${issue.cell}`).toBe(at('volunteers.policeCertificate.missingForBasis', 'policeCertificateDate'));
    expect(issue.severity).toBe('error');
    expect(issue.message).toContain('§ 5-4');
    expect(only({ policeBasis: hol54, policeCertificateDate: day('2024-01-10'), policeCertificateShownBy: 'Kari Leder' })).toEqual([]);
    // The child care certificate is a basis too.
    expect(only({ policeBasis: itemLabel('policeBases', 'childCare', 'nb') })).toEqual([
      at('volunteers.policeCertificate.missingForBasis', 'policeCertificateDate'),
    ]);
  });

  it("an organisation's own activity (basis: none) is not asked for a certificate, whatever the activity or the partner's agreement", () => {
    const none = itemLabel('policeBases', 'none', 'nb');
    expect(only({ policeBasis: none, activity: l.policeActivity })).toEqual([]);
    const agreement = {
      ...clean.agreements[0],
      policeBasis: itemLabel('policeBases', 'hol54', 'nb'),
      requiresPoliceCertificate: l.yes,
      requiresConfidentiality: l.no,
    };
    const issues = validate(workbook({ agreements: [agreement], volunteers: [{ ...v, policeBasis: none } as never] }));
    expect(issues.filter((i) => i.rule.includes('police'))).toEqual([]);
  });

  it('volunteers.policeBasis.suggested: the activity only suggests a certificate, as a warning; near miss: a basis is chosen', () => {
    const [issue] = validate(withFirst('volunteers', { activity: l.policeActivity }));
    expect(`${issue.rule}@${issue.cell}`).toBe(at('volunteers.policeBasis.suggested', 'policeBasis'));
    expect(issue.severity).toBe('warning');
    expect(issue.message).toContain(l.policeActivity);
    expect(only({ activity: l.policeActivity, policeBasis: itemLabel('policeBases', 'none', 'nb') })).toEqual([]);
  });

  it('volunteers.policeCertificate.tooOld: shown more than three months after it was issued; near miss: exactly three months', () => {
    const shown = day('2024-05-10');
    const base = { policeBasis: itemLabel('policeBases', 'hol54', 'nb'), policeCertificateDate: shown, policeCertificateShownBy: 'Kari Leder' };
    expect(only({ ...base, policeCertificateIssued: addMonths(shown, -3) - 1 })).toEqual([
      at('volunteers.policeCertificate.tooOld', 'policeCertificateIssued'),
    ]);
    expect(only({ ...base, policeCertificateIssued: addMonths(shown, -3) })).toEqual([]);
  });

  it('volunteers.policeCertificate.shownByMissing: shown, but not to whom', () => {
    expect(only({ policeCertificateDate: day('2024-05-10') })).toEqual([at('volunteers.policeCertificate.shownByMissing', 'policeCertificateShownBy')]);
  });

  it('an informal helper is not asked for what a volunteer on assignment must have; the others are', () => {
    // Informal help lies outside the municipality's facilitation and management (003_5b756f3ba21c4f06.txt:179-182).
    // Under consent as the register's basis and an assignment under § 5-4, a volunteer on assignment is asked for all three.
    const consent = { personalDataBasis: itemLabel('personalDataBases', 'consent', 'nb') };
    const underConsent = (change: Record<string, unknown>) =>
      found(validate(workbook({ volunteers: [{ ...v, ...change } as never], hours: [] }, { settings: consent })));
    const bare = {
      consentDate: null,
      confidentialityDate: null,
      policeCertificateDate: null,
      policeBasis: itemLabel('policeBases', 'hol54', 'nb'),
      activity: l.policeActivity,
      partner: null,
    };
    expect(underConsent({ ...bare, affiliation: itemLabel('affiliationForms', 'informalHelper', 'nb') })).toEqual([]);
    // Recognised in any of the three languages (the list rule still asks for the workbook's own label).
    expect(underConsent({ ...bare, affiliation: itemLabel('affiliationForms', 'informalHelper', 'en') })).toEqual([
      at('volunteers.affiliation.notInList', 'affiliation'),
    ]);
    // Nor does an informal helper get the suggestion to choose a basis for a certificate.
    expect(only({ ...bare, policeBasis: null, affiliation: itemLabel('affiliationForms', 'informalHelper', 'nb') })).toEqual([]);
    const duties = [
      at('volunteers.consentDate.missing', 'consentDate'),
      at('volunteers.confidentialityDate.missing', 'confidentialityDate'),
      at('volunteers.policeCertificate.missingForBasis', 'policeCertificateDate'),
    ].sort();
    // Unorganised volunteers still work in the service and relate to it (003_5b756f3ba21c4f06.txt:66-68); double-active ones too.
    for (const key of ['unorganised', 'organisation', 'frivilligsentral', 'doubleActive']) {
      expect([key, underConsent({ ...bare, affiliation: itemLabel('affiliationForms', key, 'nb') }).sort()]).toEqual([key, duties]);
    }
    expect(underConsent({ ...bare, affiliation: null }).sort()).toEqual([at('volunteers.affiliation.required', 'affiliation'), ...duties].sort());
  });

  it("volunteers.policeCertificate.missingForAgreement: the partner's active agreement requires it; near miss: the agreement has ended", () => {
    const agreement = { ...clean.agreements[0], requiresPoliceCertificate: l.yes, requiresConfidentiality: l.no };
    const rule = 'volunteers.policeCertificate.missingForAgreement';
    expect(ofRule(validate(workbook({ agreements: [agreement] })), rule).map((i) => i.cell)).toEqual([cellOf('volunteers', 'policeCertificateDate')]);
    expect(ofRule(validate(workbook({ agreements: [{ ...agreement, status: l.agreementEnded, end: TODAY - 1 }] })), rule)).toEqual([]);
    expect(ofRule(validate(workbook({ agreements: [agreement], volunteers: [{ ...v, partner: null }] })), rule)).toEqual([]);
  });

  it('volunteers.retention.expired: catches an end longer ago than the retention period; near miss: exactly the period', () => {
    const months = l.settings.retentionMonths;
    const expired = addMonths(TODAY, -months) - 1;
    const ended = { status: l.volunteerEnded, start: expired - 400 };
    expect(only({ ...ended, end: expired })).toEqual([at('volunteers.retention.expired', 'name')]);
    expect(only({ ...ended, end: addMonths(TODAY, -months) })).toEqual([]);
    expect(only({ status: l.volunteerActive, end: null, start: expired - 400 })).toEqual([]);
  });

  it('volunteers.retention.expired: a paused volunteer is judged by the last logged hours', () => {
    const months = l.settings.retentionMonths;
    const longAgo = addMonths(TODAY, -months) - 30;
    const paused = { ...v, status: l.volunteerPaused, start: longAgo - 100 };
    const hours = (date: number) => [{ ...clean.hours[0], date }];
    expect(found(validate(workbook({ volunteers: [paused], hours: hours(longAgo) })))).toEqual([at('volunteers.retention.expired', 'name')]);
    expect(found(validate(workbook({ volunteers: [paused], hours: hours(TODAY - 30) })))).toEqual([]);
  });

  it('uses the retention period from the settings', () => {
    const data = workbook({ volunteers: [{ ...v, status: l.volunteerEnded, end: addMonths(TODAY, -7) }], hours: [] });
    expect(ofRule(validate(data), 'volunteers.retention.expired')).toEqual([]);
    data.settings.retentionMonths = 6;
    expect(ofRule(validate(data), 'volunteers.retention.expired')).toHaveLength(1);
  });

  it('volunteers.end.beforeStart: catches an end before the start; near miss: the same day', () => {
    const ended = { status: l.volunteerEnded, start: TODAY - 30 };
    expect(only({ ...ended, end: TODAY - 31 })).toEqual([at('volunteers.end.beforeStart', 'end')]);
    expect(only({ ...ended, end: TODAY - 30 })).toEqual([]);
  });

  it('volunteers.end.missing: catches ended without an end date; near miss: paused without one', () => {
    expect(only({ status: l.volunteerEnded })).toEqual([at('volunteers.end.missing', 'end')]);
    expect(only({ status: l.volunteerPaused })).toEqual([]);
  });

  it('volunteers.status.activeAfterEnd: catches an active volunteer whose end has passed; near miss: ending today', () => {
    expect(only({ end: TODAY - 1 })).toEqual([at('volunteers.status.activeAfterEnd', 'status')]);
    expect(only({ end: TODAY })).toEqual([]);
  });

  it('volunteers.status.activeBeforeStart: catches an active volunteer who has not started yet; near miss: starting today', () => {
    expect(only({ start: TODAY + 1 })).toEqual([at('volunteers.status.activeBeforeStart', 'status')]);
    expect(only({ start: TODAY })).toEqual([]);
  });

  it('volunteers.status.spaces: a status with a space after it is another text to the summary; near miss: the exact status', () => {
    const issues = ofRule(validate(withFirst('volunteers', { status: `${l.volunteerActive} ` })), 'volunteers.status.spaces');
    expect(issues.map((i) => `${i.cell} ${i.severity}`)).toEqual([`${cellOf('volunteers', 'status')} warning`]);
    expect(issues[0].message).toContain(`«${l.volunteerActive} »`);
    expect(ofRule(validate(withFirst('volunteers', { status: l.volunteerActive })), 'volunteers.status.spaces')).toEqual([]);
  });

  it('volunteers.retention.expired: marked active with an end date past the retention period counts as ended, as the summary counts it', () => {
    const expired = addMonths(TODAY, -l.settings.retentionMonths) - 1;
    expect(only({ status: l.volunteerActive, start: expired - 400, end: expired })).toEqual([
      at('volunteers.retention.expired', 'name'),
      at('volunteers.status.activeAfterEnd', 'status'),
    ]);
  });
});

import { itemLabel } from '../../../../src/core/content/content';
import { cellOf, cleanRecords, day, found, labels, ofRule, TODAY, validate, withFirst, workbook } from './fixtures';

const l = labels();
const only = (change: Record<string, unknown>) => found(validate(withFirst('agreements', change as never)));
const at = (rule: string, column: string, row = 2) => `${rule}@${cellOf('agreements', column, row)}`;

describe('agreement rules', () => {
  it('agreements.id.duplicate: catches a reused id (case ignored); near miss: a different id', () => {
    const a = cleanRecords().agreements[0];
    expect(found(validate(workbook({ agreements: [a, { ...a, id: 'a-001 ' }] })))).toEqual([at('agreements.id.duplicate', 'id', 3)]);
    expect(found(validate(workbook({ agreements: [a, { ...a, id: 'A-002' }] })))).toEqual([]);
  });

  it('agreements.end.beforeStart: catches an end before the start; near miss: ending the day it starts', () => {
    expect(only({ start: day('2024-06-01'), end: day('2024-05-31'), status: l.agreementEnded })).toEqual([at('agreements.end.beforeStart', 'end')]);
    expect(only({ start: day('2024-06-01'), end: day('2024-06-01'), status: l.agreementEnded })).toEqual([]);
  });

  it('agreements.end.passed: catches an active agreement past its end; near miss: ending today, or ended status', () => {
    expect(only({ end: TODAY - 1 })).toEqual([at('agreements.end.passed', 'end')]);
    expect(only({ end: TODAY - 1, status: l.agreementEnded })).toEqual([]);
    expect(only({ end: TODAY + 200 })).toEqual([]);
  });

  it('agreements.end.soon: catches an end within the warning window, including today; near miss: one day beyond', () => {
    const days = l.settings.expiryWarningDays;
    expect(only({ end: TODAY + days })).toEqual([at('agreements.end.soon', 'end')]);
    expect(only({ end: TODAY })).toEqual([at('agreements.end.soon', 'end')]);
    expect(only({ end: TODAY + days + 1 })).toEqual([]);
    const [issue] = validate(withFirst('agreements', { end: TODAY + 10 }));
    expect(issue.severity).toBe('warning');
    expect(issue.message).toContain('10');
  });

  it('agreements.nextReview.overdue and .soon: within the review window or past; near miss: beyond the window', () => {
    const days = l.settings.reviewWarningDays;
    expect(only({ nextReview: TODAY - 1 })).toEqual([at('agreements.nextReview.overdue', 'nextReview')]);
    expect(only({ nextReview: TODAY + days })).toEqual([at('agreements.nextReview.soon', 'nextReview')]);
    expect(only({ nextReview: TODAY + days + 1 })).toEqual([]);
    expect(only({ nextReview: TODAY - 1, status: l.agreementEnded })).toEqual([]);
  });

  it('agreements.nextReview.missing: a hint for an active agreement; near miss: a draft', () => {
    expect(only({ nextReview: null })).toEqual([at('agreements.nextReview.missing', 'nextReview')]);
    expect(only({ nextReview: null, status: l.agreementDraft })).toEqual([]);
  });

  it('agreements.signedDate.missing: catches an active unsigned agreement; near miss: an unsigned draft', () => {
    expect(only({ signedDate: null })).toEqual([at('agreements.signedDate.missing', 'signedDate')]);
    expect(only({ signedDate: null, status: l.agreementDraft })).toEqual([]);
  });

  it('agreements.signedDate.missing: asks only where the form of cooperation is signed; a committee or informal contact has nothing to sign', () => {
    const form = (key: string) => itemLabel('cooperationForms', key, 'nb');
    expect(only({ signedDate: null, cooperationForm: form('writtenAgreement') })).toEqual([at('agreements.signedDate.missing', 'signedDate')]);
    expect(only({ signedDate: null, cooperationForm: form('partnership') })).toEqual([at('agreements.signedDate.missing', 'signedDate')]);
    expect(only({ signedDate: null, cooperationForm: null })).toContain(at('agreements.signedDate.missing', 'signedDate'));
    for (const key of ['cooperationCommittee', 'regularMeetings', 'informalContact'])
      expect([key, only({ signedDate: null, cooperationForm: form(key) })]).toEqual([key, []]);
  });

  it('uses the warning windows from the settings', () => {
    const data = withFirst('agreements', { end: TODAY + 20 });
    data.settings.expiryWarningDays = 10;
    expect(found(validate(data))).toEqual([]);
  });
});

describe('agreement requirements its volunteers do not meet', () => {
  const clean = cleanRecords();
  const volunteer = clean.volunteers[0];
  const agreement = clean.agreements[0];

  it('agreements.requirements.confidentiality: counts linked active volunteers without a declaration', () => {
    const volunteers = [
      { ...volunteer, confidentialityDate: null },
      { ...volunteer, id: 'F-002', name: 'Siri Dahl', phone: null, email: null, confidentialityDate: null, unit: null },
    ];
    const issues = ofRule(validate(workbook({ volunteers })), 'agreements.requirements.confidentiality');
    expect(issues.map((i) => i.cell)).toEqual([cellOf('agreements', 'requiresConfidentiality')]);
    expect(issues[0].message).toContain('2');
    expect(issues[0].message).toContain('F-001, F-002');
  });

  it('an informal helper linked to the partner is not counted as lacking a declaration', () => {
    const helper = { ...volunteer, confidentialityDate: null, affiliation: itemLabel('affiliationForms', 'informalHelper', 'nb') };
    expect(ofRule(validate(workbook({ volunteers: [helper] })), 'agreements.requirements.confidentiality')).toEqual([]);
    expect(ofRule(validate(workbook({ volunteers: [{ ...helper, affiliation: l.affiliation }] })), 'agreements.requirements.confidentiality')).toHaveLength(1);
  });

  it('near misses: another unit, another partner, an inactive volunteer, or an agreement that does not require it', () => {
    const lacking = { ...volunteer, confidentialityDate: null };
    const rule = 'agreements.requirements.confidentiality';
    expect(ofRule(validate(workbook({ volunteers: [{ ...lacking, unit: l.otherUnit }] })), rule)).toHaveLength(l.unit === l.otherUnit ? 1 : 0);
    expect(ofRule(validate(workbook({ volunteers: [{ ...lacking, partner: 'Nabohjelpa' }] })), rule)).toEqual([]);
    expect(ofRule(validate(workbook({ volunteers: [{ ...lacking, status: l.volunteerPaused }] })), rule)).toEqual([]);
    expect(ofRule(validate(workbook({ volunteers: [lacking], agreements: [{ ...agreement, requiresConfidentiality: l.no }] })), rule)).toEqual([]);
    expect(ofRule(validate(workbook({ volunteers: [lacking], agreements: [{ ...agreement, status: l.agreementEnded, end: TODAY - 5 }] })), rule)).toEqual([]);
  });

  it('links a volunteer to an agreement without a unit whatever the unit', () => {
    const data = workbook({ volunteers: [{ ...volunteer, confidentialityDate: null, unit: l.otherUnit }], agreements: [{ ...agreement, unit: null }] });
    expect(ofRule(validate(data), 'agreements.requirements.confidentiality')).toHaveLength(1);
  });

  it('agreements.requirements.policeCertificate: catches linked volunteers without a certificate; near miss: one recorded', () => {
    const agreements = [{ ...agreement, requiresPoliceCertificate: l.yes }];
    const rule = 'agreements.requirements.policeCertificate';
    expect(ofRule(validate(workbook({ agreements })), rule).map((i) => i.cell)).toEqual([cellOf('agreements', 'requiresPoliceCertificate')]);
    expect(ofRule(validate(workbook({ agreements, volunteers: [{ ...volunteer, policeCertificateDate: day('2024-01-20') }] })), rule)).toEqual([]);
  });

  it('names at most five volunteers and counts the rest', () => {
    const volunteers = Array.from({ length: 8 }, (_, i) => ({
      ...volunteer,
      id: `F-${i + 1}`,
      name: `Person ${i}`,
      phone: null,
      email: null,
      confidentialityDate: null,
    }));
    const [issue] = ofRule(validate(workbook({ volunteers })), 'agreements.requirements.confidentiality');
    expect(issue.message).toContain('F-1, F-2, F-3, F-4, F-5');
    expect(issue.message).toContain('3');
    expect(issue.message).not.toContain('F-6');
  });

  it('agreements.policeBasis.missing: requires a certificate without naming the basis; near miss: the basis named', () => {
    const police = { requiresPoliceCertificate: l.yes, requiresConfidentiality: l.no };
    const volunteer = { ...cleanRecords().volunteers[0], policeCertificateDate: day('2024-01-20'), policeCertificateShownBy: 'Kari Leder' };
    const check = (change: Record<string, unknown>) =>
      found(validate(workbook({ agreements: [{ ...cleanRecords().agreements[0], ...police, ...change } as never], volunteers: [volunteer] })));
    expect(check({})).toEqual([at('agreements.policeBasis.missing', 'policeBasis')]);
    expect(check({ policeBasis: itemLabel('policeBases', 'hol54', 'nb') })).toEqual([]);
  });

  it('a basis of none on the agreement means no certificate, whatever the older yes/no column says', () => {
    const agreements = [{ ...cleanRecords().agreements[0], requiresPoliceCertificate: l.yes, policeBasis: itemLabel('policeBases', 'none', 'nb') }];
    expect(ofRule(validate(workbook({ agreements })), 'agreements.requirements.policeCertificate')).toEqual([]);
    expect(ofRule(validate(workbook({ agreements })), 'volunteers.policeCertificate.missingForAgreement')).toEqual([]);
  });

  it('agreements.paymentKind.missing: a payment per activity must say grant or purchase; near misses: said, or no payment', () => {
    expect(only({ paymentPerActivity: 500 })).toEqual([at('agreements.paymentKind.missing', 'paymentKind')]);
    expect(only({ paymentPerActivity: 500, paymentKind: itemLabel('paymentKinds', 'purchase', 'nb') })).toEqual([]);
    expect(only({ paymentPerActivity: null })).toEqual([]);
  });

  it('agreements.status.activeBeforeStart: catches an active agreement that has not started yet; near miss: starting today', () => {
    expect(only({ start: TODAY + 1, signedDate: TODAY - 10 })).toEqual([at('agreements.status.activeBeforeStart', 'status')]);
    expect(only({ start: TODAY })).toEqual([]);
  });

  it('a police certificate is required only by an agreement the summary counts as active: not one that starts later', () => {
    const clean = cleanRecords();
    const agreement = { ...clean.agreements[0], requiresPoliceCertificate: l.yes, requiresConfidentiality: l.no };
    const rule = 'volunteers.policeCertificate.missingForAgreement';
    expect(ofRule(validate(workbook({ agreements: [agreement] })), rule)).toHaveLength(1);
    expect(ofRule(validate(workbook({ agreements: [{ ...agreement, start: TODAY + 30 }] })), rule)).toEqual([]);
    expect(ofRule(validate(workbook({ agreements: [{ ...agreement, end: TODAY - 1 }] })), rule)).toEqual([]);
  });
});

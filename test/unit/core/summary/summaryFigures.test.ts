/**
 * Each summary figure computed by the core on small hand-made registers whose answers are worked
 * out by hand in the comments. The LibreOffice oracle test checks the formulas against the same core.
 */
import { itemLabel } from '../../../../src/core/content/content';
import { isoToSerial as d } from '../../../../src/core/model/dates';
import type { Lang } from '../../../../src/core/content/language';
import { defaultSettings } from '../../../../src/core/model/settingsModel';
import { REGISTER_KEYS, type RegisterKey } from '../../../../src/core/content/templateSchema';
import { effectiveReportDate, figureValues, summarySections } from '../../../../src/core/summary/summaryFigures';
import { defaultTableNames, registerFromRecords, type RegisterRecord, type WorkbookData } from '../../../../src/core/model/workbookData';

const lang: Lang = 'nb';
const L = (list: string, item: string) => itemLabel(list, item, lang);

function workbook(records: Partial<Record<RegisterKey, RegisterRecord[]>>): WorkbookData {
  const settings = {
    ...defaultSettings(lang),
    reportDate: d('2026-06-30'),
    hoursPerFte: 1000,
    valuePerHour: 400,
    expiryWarningDays: 90,
    coreHoursPerMonth: 10,
  };
  settings.lists.activityTypes = ['Besøk', 'Kafé', 'Tur'];
  settings.policeActivities = ['Besøk'];
  const reg = (key: RegisterKey) => registerFromRecords(key, key, records[key] ?? []);
  return {
    lang,
    settings,
    tables: defaultTableNames(lang),
    registers: Object.fromEntries(REGISTER_KEYS.map((k) => [k, reg(k)])) as WorkbookData['registers'],
  };
}

const active = () => L('agreementStatuses', 'active');
const agreements: RegisterRecord[] = [
  // Active, ends in 30 days: active, expiring, grant counted.
  { id: 'A1', status: active(), end: d('2026-07-30'), grantPerYear: 10000 },
  // Active, open-ended: active, not expiring.
  { id: 'A2', status: active(), end: null, grantPerYear: 5000 },
  // Active but ended before the report date: not active, grant not counted.
  { id: 'A3', status: active(), end: d('2026-06-01'), grantPerYear: 7000 },
  // Ends beyond the 90-day window: active, not expiring.
  { id: 'A4', status: active(), end: d('2026-12-31'), grantPerYear: 1000 },
  // A draft: nothing.
  { id: 'A5', status: L('agreementStatuses', 'draft'), end: d('2026-07-01'), grantPerYear: 99999 },
];

const vActive = () => L('volunteerStatuses', 'active');
const volunteers: RegisterRecord[] = [
  {
    id: 'F1',
    status: vActive(),
    activity: 'Besøk',
    // The assignment is to provide services under the Health and Care Services Act: the basis, not the activity, requires the certificate.
    policeBasis: L('policeBases', 'hol54'),
    affiliation: L('affiliationForms', 'organisation'),
    ageGroup: null,
    confidentialityDate: d('2025-01-01'),
    policeCertificateDate: null,
  },
  {
    id: 'F2',
    status: vActive(),
    activity: 'Kafé',
    affiliation: L('affiliationForms', 'organisation'),
    ageGroup: null,
    confidentialityDate: null,
    policeCertificateDate: null,
  },
  {
    id: 'F3',
    status: L('volunteerStatuses', 'ended'),
    activity: 'Besøk',
    affiliation: L('affiliationForms', 'informalHelper'),
    ageGroup: null,
    confidentialityDate: null,
    policeCertificateDate: null,
  },
  {
    id: 'f4',
    status: vActive(),
    activity: 'Besøk',
    affiliation: L('affiliationForms', 'frivilligsentral'),
    ageGroup: null,
    confidentialityDate: d('2025-01-01'),
    policeCertificateDate: d('2025-01-01'),
  },
];

const hours: RegisterRecord[] = [
  // F1: 100 h in Jan 2026 and 30 h in Aug 2025 → 130 h in the last twelve months (core: ≥ 120).
  { date: d('2026-01-15'), volunteerId: 'F1', activity: 'Besøk', hours: 100, usersReached: 3 },
  { date: d('2025-08-01'), volunteerId: 'F1', activity: 'Besøk', hours: 30, usersReached: 1 },
  // F2: 50 h in June 2026, plus 200 h exactly twelve months back (2025-06-30, excluded: "> EDATE(-12)").
  { date: d('2026-06-30'), volunteerId: 'F2', activity: 'Kafé', hours: 50, usersReached: 10 },
  { date: d('2025-06-30'), volunteerId: 'F2', activity: 'Kafé', hours: 200, usersReached: 5 },
  // f4 logged as "F4" (ids compare case-insensitively): 120 h in March → core.
  { date: d('2026-03-03'), volunteerId: 'F4', activity: 'Tur', hours: 120, usersReached: 0 },
  // After the report date: never counted.
  { date: d('2026-07-01'), volunteerId: 'F1', activity: 'Besøk', hours: 1000, usersReached: 100 },
  // Text in the hours column is not a number, as SUMIFS sees it.
  { date: d('2026-02-01'), volunteerId: 'F2', activity: 'Kafé', hours: 'fem', usersReached: 2 },
];

describe('summary figures on hand-made registers', () => {
  const values = figureValues(summarySections(workbook({ agreements, volunteers, hours }), d('2026-06-30')));

  it('counts agreements, expiring ones and grants', () => {
    expect(values.get('kpi_active_agreements')).toBe(3); // A1, A2, A4
    expect(values.get('kpi_expiring_agreements')).toBe(1); // A1
    expect(values.get('kpi_grants_total')).toBe(16000); // 10000 + 5000 + 1000
  });

  it('counts volunteers and core volunteers', () => {
    expect(values.get('kpi_active_volunteers')).toBe(3); // F1, F2, f4
    expect(values.get('kpi_core_volunteers')).toBe(2); // F1 (130 h), f4 (120 h); F2 has 50 h
  });

  it('sums hours of the report year up to the report date, and derives årsverk and value', () => {
    // 2026 up to 30 June: 100 + 50 + 120 = 270 ("fem" is text and the July row is after the date).
    expect(values.get('kpi_hours_year')).toBe(270);
    expect(values.get('kpi_fte')).toBeCloseTo(0.27);
    expect(values.get('kpi_value')).toBe(270 * 400);
    expect(values.get('kpi_users_reached')).toBe(3 + 10 + 0 + 2);
  });

  it('finds missing confidentiality declarations and police certificates among active volunteers', () => {
    expect(values.get('kpi_missing_confidentiality')).toBe(1); // F2
    expect(values.get('kpi_missing_police_certificate')).toBe(1); // F1's assignment has § 5-4 as its basis and no certificate shown
  });

  it('breaks active volunteers down by affiliation', () => {
    expect(values.get('kpi_volunteers_affiliation_organisation')).toBe(2);
    expect(values.get('kpi_volunteers_affiliation_frivilligsentral')).toBe(1);
    expect(values.get('kpi_volunteers_affiliation_informalHelper')).toBe(0); // F3 has ended
  });

  it('spreads the year by month and by activity', () => {
    expect(values.get('kpi_hours_month_01')).toBe(100);
    expect(values.get('kpi_hours_month_03')).toBe(120);
    expect(values.get('kpi_hours_month_06')).toBe(50);
    expect(values.get('kpi_hours_month_07')).toBe(0);
    expect(values.get('kpi_hours_activity_01')).toBe(100); // Besøk
    expect(values.get('kpi_hours_activity_02')).toBe(50); // Kafé
    expect(values.get('kpi_hours_activity_03')).toBe(120); // Tur
    // The rows follow the list (three activities); what they leave of the year's hours is "other".
    expect(values.get('kpi_hours_activity_04')).toBeUndefined();
    expect(values.get('kpi_hours_activity_other')).toBe(0);
  });

  it('gives zeros, not errors, for an empty workbook, and blanks where there is no evaluation to show', () => {
    const empty = figureValues(summarySections(workbook({}), d('2026-06-30')));
    for (const [name, value] of empty) {
      if (name === 'kpi_report_date' || name.startsWith('kpi_hours_activity_') || name.startsWith('kpi_hours_unit_')) continue;
      const blank = name.startsWith('kpi_eval_') && name !== 'kpi_eval_statements_rated' && name !== 'kpi_eval_statements_not_assessed';
      expect([name, value]).toEqual([name, blank ? '' : 0]);
    }
  });

  it('uses today when the settings leave the report date blank', () => {
    const data = workbook({ hours });
    data.settings.reportDate = null;
    const v = figureValues(summarySections(data, effectiveReportDate(data, d('2026-01-31'))));
    expect(v.get('kpi_hours_year')).toBe(100);
  });
});

describe('the figures of the evaluation and action plan issue, on hand-made registers', () => {
  const status = (k: string) => L('volunteerStatuses', k);
  const form = (k: string) => L('cooperationForms', k);
  const data = workbook({
    agreements: [
      { id: 'A1', status: active(), end: null, cooperationForm: form('writtenAgreement') },
      { id: 'A2', status: active(), end: d('2026-12-31'), cooperationForm: form('writtenAgreement') },
      // Ended before the report date, though still marked active: not counted.
      { id: 'A3', status: active(), end: d('2026-05-01'), cooperationForm: form('writtenAgreement') },
      { id: 'A4', status: active(), end: null, cooperationForm: form('partnership') },
      { id: 'A5', status: L('agreementStatuses', 'draft'), end: null, cooperationForm: form('informalContact') },
    ],
    volunteers: [
      // New this year (2026 up to 30 June): V1 and V2; V3 starts after the report date.
      { id: 'V1', status: status('active'), start: d('2026-01-01'), consentDate: null },
      { id: 'V2', status: status('ended'), start: d('2026-02-01'), end: d('2026-04-01'), consentDate: d('2026-02-01') },
      { id: 'V3', status: status('active'), start: d('2026-07-01'), consentDate: d('2026-07-01') },
      // Ended last year: not "ended this year". Retention 24 months back from 30 June 2026 = 30 June 2024.
      { id: 'V4', status: status('ended'), start: d('2020-01-01'), end: d('2025-12-31'), consentDate: d('2020-01-01') },
      // Due for deletion: paused, end before the cut-off.
      { id: 'V5', status: status('paused'), start: d('2020-01-01'), end: d('2024-06-29'), consentDate: d('2020-01-01') },
      // Ended exactly on the cut-off: not yet due (EDATE's day, "<").
      { id: 'V6', status: status('ended'), start: d('2020-01-01'), end: d('2024-06-30'), consentDate: d('2020-01-01') },
      // Ended long ago: due. Marked active with an old end date: ended (activeRule.ts), and due.
      { id: 'V7', status: status('ended'), start: d('2018-01-01'), end: d('2019-01-31'), consentDate: d('2018-01-01') },
      { id: 'V8', status: status('active'), start: d('2018-01-01'), end: d('2019-01-31'), consentDate: null },
    ],
    hours: [
      { date: d('2026-03-01'), unit: 'Sykehjem', hours: 10 },
      { date: d('2026-04-01'), unit: 'sykehjem', hours: 5 },
      { date: d('2026-05-01'), unit: 'Hjemmetjenesten', hours: 7 },
      { date: d('2025-12-31'), unit: 'Hjemmetjenesten', hours: 100 },
    ],
    checklist: [
      { round: d('2025-05-01'), statementId: 'econSupport', rating: L('ratingScale', 'disagree'), participants: 'Ansatte' },
      { round: d('2025-05-01'), statementId: 'econUnpredictable', rating: L('ratingScale', 'agree') },
      { round: d('2026-05-01'), statementId: 'econSupport', rating: L('ratingScale', 'partly'), participants: 'Ansatte; Brukere' },
      { round: d('2026-05-01'), statementId: 'econUnpredictable', rating: L('ratingScale', 'partly') },
      { round: d('2026-05-01'), statementId: 'recHard', rating: L('ratingScale', 'agree') },
    ],
    actions: [
      { statementId: 'econUnpredictable', instrument: 'Flerårig tilskudd i avtalen', status: L('actionStatuses', 'done') },
      { statementId: 'econUnpredictable', instrument: 'Skriftlig samarbeidsavtale', status: L('actionStatuses', 'inProgress') },
      { statementId: 'recHard', instrument: 'Annonsering etter frivillige', status: null },
      { statementId: 'recHard', instrument: 'Bred rekruttering', status: L('actionStatuses', 'dropped') },
    ],
  });
  data.settings.lists.units = ['Sykehjem', 'Hjemmetjenesten'];
  const values = figureValues(summarySections(data, d('2026-06-30')));

  it('counts active agreements by form of cooperation', () => {
    expect(values.get('kpi_agreements_form_writtenAgreement')).toBe(2); // A1, A2
    expect(values.get('kpi_agreements_form_partnership')).toBe(1);
    expect(values.get('kpi_agreements_form_informalContact')).toBe(0); // a draft
  });

  it('counts volunteers new and ended this year', () => {
    expect(values.get('kpi_volunteers_new_year')).toBe(2); // V1, V2
    expect(values.get('kpi_volunteers_ended_year')).toBe(1); // V2
  });

  it('finds active volunteers without consent (when the register rests on consent), and ended or paused ones past the retention period', () => {
    // The default legal basis is the agreement: no consent to date, so none is missing.
    expect(values.get('kpi_missing_consent')).toBe(0);
    const underConsent = { ...data, settings: { ...data.settings, personalDataBasis: L('personalDataBases', 'consent') } };
    // V1; V8 has ended (end date passed) and V3 has not started.
    expect(figureValues(summarySections(underConsent, d('2026-06-30'))).get('kpi_missing_consent')).toBe(1);
    expect(values.get('kpi_due_for_deletion')).toBe(3); // V5, V7, V8
  });

  it('sums hours this year by unit, following the settings list', () => {
    expect(values.get('kpi_hours_unit_01')).toBe(15);
    expect(values.get('kpi_hours_unit_02')).toBe(7); // last year's 100 h left out
    expect(values.get('kpi_hours_unit_03')).toBeUndefined();
    expect(values.get('kpi_hours_unit_other')).toBe(0);
  });

  it("shows the latest round's profile, who took part, the change and the top barriers", () => {
    // 2026: economy promoter partly (50 %), barrier partly (50 %); recruitment barrier agree (100 %).
    expect(values.get('kpi_eval_round_date')).toBe(d('2026-05-01'));
    expect(values.get('kpi_eval_previous_round_date')).toBe(d('2025-05-01'));
    expect(values.get('kpi_eval_participants')).toBe('Ansatte, Brukere');
    expect(values.get('kpi_eval_economy_promoters')).toBe(50);
    expect(values.get('kpi_eval_economy_barriers')).toBe(50);
    expect(values.get('kpi_eval_recruitment_promoters')).toBe('');
    expect(values.get('kpi_eval_recruitment_barriers')).toBe(100);
    // Overall: promoters 0.5 of 1; barriers 1.5 of 2.
    expect(values.get('kpi_eval_overall_promoters')).toBe(50);
    expect(values.get('kpi_eval_overall_barriers')).toBe(75);
    // 2025: economy promoter 0 %, barrier 100 % → +50 and −50 points.
    expect(values.get('kpi_eval_economy_promoters_change')).toBe(50);
    expect(values.get('kpi_eval_economy_barriers_change')).toBe(-50);
    expect(values.get('kpi_eval_recruitment_barriers_change')).toBe('');
    expect(values.get('kpi_eval_statements_rated')).toBe(3);
    expect(values.get('kpi_eval_statements_not_assessed')).toBe(0);
    // Each top barrier's name holds the barrier; its recommendation is a name of its own.
    expect(values.get('kpi_eval_top_barrier_1')).toBe('1. Rekruttering: Det er vanskelig å rekruttere nye frivillige.');
    expect(values.get('kpi_eval_top_barrier_1_recommended')).toMatch(/^Stemmer · foreslått: Annonsering etter frivillige/);
    expect(values.get('kpi_eval_top_barrier_2')).toMatch(/^2\. Økonomi: /);
    expect(values.get('kpi_eval_top_barrier_2_recommended')).toMatch(
      /^Stemmer delvis · foreslått: Flerårig tilskudd i avtalen, Skriftlig samarbeidsavtale, Hjelp til å søke eksterne midler$/,
    );
    expect(values.get('kpi_eval_top_barrier_3')).toBe('');
  });

  it('counts open actions: not done, not dropped, blank status open', () => {
    expect(values.get('kpi_open_actions')).toBe(2);
  });
});

describe('informal helpers in the compliance figures', () => {
  // An informal helper is registered without the duties of an assignment (003_5b756f3ba21c4f06.txt:179-182):
  // H1 lacks every date yet adds to no "missing" figure; A1, on assignment, adds to each. Both have an assignment under
  // § 5-4 and the register rests on consent, so that the legal basis asks for the certificate and the consent.
  const bare = {
    status: vActive(),
    activity: 'Besøk',
    policeBasis: L('policeBases', 'hol54'),
    confidentialityDate: null,
    policeCertificateDate: null,
    consentDate: null,
  };
  const helpers: RegisterRecord[] = [
    { ...bare, id: 'H1', affiliation: L('affiliationForms', 'informalHelper') },
    { ...bare, id: 'A1', affiliation: L('affiliationForms', 'unorganised') },
  ];
  const underConsent = (data: WorkbookData): WorkbookData => ({
    ...data,
    settings: { ...data.settings, personalDataBasis: L('personalDataBases', 'consent') },
  });
  const values = figureValues(summarySections(underConsent(workbook({ volunteers: helpers })), d('2026-06-30')));

  it('counts only the volunteer on assignment as missing a declaration, a certificate and consent', () => {
    expect(values.get('kpi_missing_confidentiality')).toBe(1);
    expect(values.get('kpi_missing_police_certificate')).toBe(1);
    expect(values.get('kpi_missing_consent')).toBe(1);
    expect(values.get('kpi_active_volunteers')).toBe(2);
  });

  it('excludes the helper in the formulas too', () => {
    const figures = summarySections(underConsent(workbook({ volunteers: helpers })), d('2026-06-30')).flatMap((s) => s.figures);
    const formula = (name: string) => figures.find((f) => f.name === name)!.formula!;
    for (const name of ['kpi_missing_confidentiality', 'kpi_missing_consent']) expect(formula(name)).toContain('Frivillige[Tilknytning],"<>Uformell hjelper"');
  });
});

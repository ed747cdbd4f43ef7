/**
 * Small registers whose key figures are worked out by hand (issue 15, "Figures a leader can trust").
 * Each case is a workbook input and the figures a person counts from its rows, by the definitions
 * the summary sheet states. The unit test checks the core against these answers; the oracle test
 * has LibreOffice recalculate the written workbook and checks its figures against the same answers.
 *
 * Report date 30 June 2026 throughout: the year so far is 1 January – 30 June 2026, the last twelve
 * months are 1 July 2025 – 30 June 2026, the retention cut-off (24 months) is 30 June 2024.
 */
import { itemLabel } from '../../src/core/content/content';
import { isoToSerial } from '../../src/core/model/dates';
import { newWorkbookInput } from '../../src/core/plan/newWorkbookInput';
import type { WorkbookInput } from '../../src/core/plan/buildWorkbookPlan';
import type { RegisterRecord } from '../../src/core/model/workbookData';

export const REPORT_DATE = isoToSerial('2026-06-30');
export const d = (iso: string): number => isoToSerial(iso);
const L = (list: string, item: string) => itemLabel(list, item, 'nb');
export const status = {
  active: L('volunteerStatuses', 'active'),
  paused: L('volunteerStatuses', 'paused'),
  ended: L('volunteerStatuses', 'ended'),
  agreementActive: L('agreementStatuses', 'active'),
};
const YES = L('yesNo', 'yes');

export interface FigureCase {
  /** The point of the issue the case shows. */
  point: string;
  title: string;
  input: WorkbookInput;
  /** kpi_* name → the value counted by hand. */
  expected: Record<string, number | string>;
  /** Rule id → how many times validation (on the report date) reports it: where it must flag what the figures count. */
  rules?: Record<string, number>;
}

function input(records: Partial<WorkbookInput['records']>, edit: (i: WorkbookInput) => void = () => undefined): WorkbookInput {
  const i = newWorkbookInput('nb', REPORT_DATE);
  i.settings.reportDate = REPORT_DATE;
  i.records = { ...i.records, checklist: [], ...records };
  edit(i);
  return i;
}

/** A volunteer with everything an active volunteer needs on record, and what the case changes. */
function volunteer(id: string, fields: RegisterRecord): RegisterRecord {
  return {
    id,
    name: `Frivillig ${id}`,
    affiliation: L('affiliationForms', 'organisation'),
    ageGroup: L('ageGroups', 'age30to54'),
    activity: 'Kulturaktiviteter og underholdning',
    start: d('2020-01-01'),
    confidentialityDate: d('2020-01-01'),
    consentDate: d('2020-01-01'),
    status: status.active,
    ...fields,
  };
}

function hours(date: string, fields: RegisterRecord): RegisterRecord {
  return { date: d(date), volunteerCount: 1, usersReached: 0, ...fields };
}

export function figureCases(): FigureCase[] {
  return [
    {
      point: '1',
      title: 'due for deletion: ended or paused, last activity (end date, or without one the last logged hours) before the cut-off',
      input: input({
        volunteers: [
          // Paused, no end date, last hours March 2024: before 30 June 2024 → due.
          volunteer('P1', { status: status.paused }),
          // Paused, no end date, hours in January 2025 too → not due.
          volunteer('P2', { status: status.paused }),
          // Paused with nothing to go by (no end date, no hours) → not counted.
          volunteer('P3', { status: status.paused }),
          // Ended January 2024 → due.
          volunteer('E1', { status: status.ended, end: d('2024-01-01') }),
          // Ended January 2024 but hours logged September 2024: the last activity is after the cut-off → not due.
          volunteer('E2', { status: status.ended, end: d('2024-01-01') }),
          // Ended on the cut-off day itself → not yet due; the day before → due.
          volunteer('E3', { status: status.ended, end: d('2024-06-30') }),
          volunteer('E4', { status: status.ended, end: d('2024-06-29') }),
          // Marked active, but ended in February 2024: ended, and due.
          volunteer('A1', { status: status.active, end: d('2024-02-01') }),
        ],
        hours: [
          hours('2024-03-01', { volunteerId: 'P1', hours: 2 }),
          hours('2024-03-01', { volunteerId: 'P2', hours: 2 }),
          hours('2025-01-01', { volunteerId: 'P2', hours: 2 }),
          hours('2024-09-01', { volunteerId: 'E2', hours: 2 }),
        ],
      }),
      expected: { kpi_due_for_deletion: 4 }, // P1, E1, E4, A1
      rules: { 'volunteers.retention.expired': 4 },
    },
    {
      point: '2',
      title: 'text in a date cell is not a date: the declaration, certificate or consent is still missing',
      input: input(
        {
          volunteers: [
            volunteer('T1', { confidentialityDate: '01.02.2026', policeBasis: L('policeBases', 'hol54'), policeCertificateDate: 'vist' }),
            volunteer('T2', { confidentialityDate: 'mangler', consentDate: 'mangler' }),
            volunteer('T3', { consentDate: '01.02.2026' }),
            volunteer('T4', {}),
            volunteer('T5', { confidentialityDate: null, consentDate: null }),
          ],
        },
        // Consent dates are asked for only when the register rests on consent (issue 16).
        (i) => (i.settings.personalDataBasis = L('personalDataBases', 'consent')),
      ),
      // Confidentiality: T1, T2, T5. Consent: T2, T3, T5. Police certificate (T1's assignment rests on § 5-4): T1.
      expected: { kpi_missing_confidentiality: 3, kpi_missing_consent: 3, kpi_missing_police_certificate: 1, kpi_active_volunteers: 5 },
    },
    {
      point: '3',
      title: 'police certificate required follows only agreements the summary counts as active',
      input: input({
        partners: [{ name: 'Røde Kors' }, { name: 'Sanitetsforeningen' }, { name: 'Besøkslaget' }],
        agreements: [
          // Marked active but ended in January: not active.
          { id: 'G1', partner: 'Røde Kors', status: status.agreementActive, end: d('2026-01-01'), requiresPoliceCertificate: YES },
          // Marked active but starts next year: not active.
          { id: 'G2', partner: 'Sanitetsforeningen', status: status.agreementActive, start: d('2027-01-01'), requiresPoliceCertificate: YES },
          // Active, no dates: requires a certificate.
          { id: 'G3', partner: 'Besøkslaget', status: status.agreementActive, requiresPoliceCertificate: YES },
        ],
        volunteers: [
          volunteer('R1', { partner: 'Røde Kors' }),
          volunteer('R2', { partner: 'Sanitetsforeningen' }),
          volunteer('R3', { partner: 'Besøkslaget' }),
          volunteer('R4', { partner: 'Besøkslaget', policeCertificateDate: d('2025-01-01') }),
        ],
      }),
      // Only Besøkslaget's agreement counts: R3 lacks the certificate, R4 has it.
      expected: { kpi_missing_police_certificate: 1, kpi_active_agreements: 1 },
    },
    {
      point: '3b',
      title: "police certificate by legal basis (issue 16): the assignment's own basis, else the basis of the partner's agreement active on the report date",
      input: input({
        partners: [{ name: 'Aktivitetshuset' }, { name: 'Bydelslaget' }, { name: 'Cafélaget' }, { name: 'Dagsenteret' }, { name: 'Eldresenteret' }],
        agreements: [
          // Active, its basis § 5-4 (the yes/no column left blank): requires a certificate.
          { id: 'H1', partner: 'Aktivitetshuset', status: status.agreementActive, policeBasis: L('policeBases', 'hol54') },
          // Basis none overrides the older "yes": no certificate.
          { id: 'H2', partner: 'Bydelslaget', status: status.agreementActive, policeBasis: L('policeBases', 'none'), requiresPoliceCertificate: YES },
          // A basis, but ended in January: not active.
          { id: 'H3', partner: 'Cafélaget', status: status.agreementActive, end: d('2026-01-01'), policeBasis: L('policeBases', 'hol54') },
          // A basis, but starts next year: not active.
          { id: 'H4', partner: 'Dagsenteret', status: status.agreementActive, start: d('2027-01-01'), policeBasis: L('policeBases', 'childCare') },
          // Basis none in other letters: compared as COUNTIFS compares, still none.
          {
            id: 'H5',
            partner: 'Eldresenteret',
            status: status.agreementActive,
            policeBasis: L('policeBases', 'none').toUpperCase(),
            requiresPoliceCertificate: YES,
          },
        ],
        volunteers: [
          volunteer('B1', { partner: 'Aktivitetshuset' }),
          // Own basis none: not required, whatever the agreement says.
          volunteer('B2', { partner: 'Aktivitetshuset', policeBasis: L('policeBases', 'none') }),
          volunteer('B3', { partner: 'Bydelslaget' }),
          // Own basis § 39 under an agreement that requires none: required.
          volunteer('B4', { partner: 'Bydelslaget', policeBasis: L('policeBases', 'childCare') }),
          volunteer('B5', { partner: 'Cafélaget' }),
          volunteer('B6', { partner: 'Dagsenteret' }),
          // Own basis, certificate shown: required and on record.
          volunteer('B7', { policeBasis: L('policeBases', 'otherBasis'), policeCertificateDate: d('2026-03-01') }),
          volunteer('B8', { partner: 'Eldresenteret' }),
          // The partner's name in other letters still finds the agreement, as COUNTIFS finds it.
          volunteer('B9', { partner: 'aktivitetshuset' }),
        ],
      }),
      // Required and missing: B1 and B9 (H1), B4 (own basis). Active agreements: H1, H2, H5.
      expected: { kpi_missing_police_certificate: 3, kpi_active_agreements: 3 },
      rules: { 'volunteers.policeCertificate.missingForAgreement': 2, 'volunteers.policeCertificate.missingForBasis': 1 },
    },
    {
      point: '4',
      title: 'a status with a space after it is not the status: counted as COUNTIFS counts it',
      input: input({
        volunteers: [
          volunteer('S1', {}),
          volunteer('S2', {}),
          volunteer('S3', { status: `${status.active} ` }),
          volunteer('S4', { status: status.active.toLowerCase() }),
        ],
      }),
      // "Aktiv", "Aktiv" and "aktiv" (case is ignored); "Aktiv " is another text.
      expected: { kpi_active_volunteers: 3 },
      rules: { 'volunteers.status.spaces': 1 },
    },
    {
      point: '4',
      title: 'an action status with a space after it is not "done": open, as COUNTIFS counts it (found by the property test)',
      input: input({
        actions: [
          { round: d('2026-05-01'), statementId: 'recHard', problem: 'x', instrument: 'a', status: L('actionStatuses', 'done') },
          { round: d('2026-05-01'), statementId: 'recHard', problem: 'x', instrument: 'b', status: `${L('actionStatuses', 'done')} ` },
          { round: d('2026-05-01'), statementId: 'recHard', problem: 'x', instrument: 'c', status: L('actionStatuses', 'done').toLowerCase() },
          { round: d('2026-05-01'), statementId: 'recHard', problem: 'x', instrument: 'd', status: null },
          { round: d('2026-05-01'), statementId: 'recHard', problem: 'x', instrument: 'e', status: L('actionStatuses', 'dropped') },
        ],
      }),
      // Open: "Fullført " (another text than "Fullført") and the blank status.
      expected: { kpi_open_actions: 2 },
      rules: { 'actions.status.spaces': 1 },
    },
    {
      point: '6',
      title: 'breakdowns follow the lists to their length, with an "other / not given" row, and add up',
      input: input(
        {
          volunteers: [
            volunteer('B1', {}),
            volunteer('B2', { affiliation: null, ageGroup: 'ukjent' }),
            volunteer('B3', { affiliation: L('affiliationForms', 'informalHelper') }),
          ],
          agreements: [
            { id: 'C1', partner: 'Lag', status: status.agreementActive, cooperationForm: L('cooperationForms', 'partnership') },
            { id: 'C2', partner: 'Lag', status: status.agreementActive, cooperationForm: null },
          ],
          hours: [
            hours('2026-02-01', { activity: 'Aktivitet 21', unit: 'Enhet 13', hours: 10 }),
            hours('2026-02-02', { activity: 'Aktivitet 25', unit: 'Enhet 01', hours: 5 }),
            hours('2026-02-03', { activity: null, unit: null, hours: 3 }),
            hours('2026-02-04', { activity: 'Ukjent aktivitet', unit: 'Ukjent enhet', hours: 2 }),
            hours('2026-02-05', { activity: 'Aktivitet 01', unit: 'Enhet 14', hours: 1 }),
          ],
        },
        (i) => {
          i.settings.lists.activityTypes = Array.from({ length: 25 }, (_, n) => `Aktivitet ${String(n + 1).padStart(2, '0')}`);
          i.settings.lists.units = Array.from({ length: 14 }, (_, n) => `Enhet ${String(n + 1).padStart(2, '0')}`);
          i.settings.policeActivities = [];
        },
      ),
      expected: {
        kpi_hours_year: 21,
        kpi_hours_activity_21: 10,
        kpi_hours_activity_25: 5,
        kpi_hours_activity_01: 1,
        kpi_hours_activity_other: 5, // blank 3 + unknown 2
        kpi_hours_unit_13: 10,
        kpi_hours_unit_14: 1,
        kpi_hours_unit_01: 5,
        kpi_hours_unit_other: 5,
        kpi_volunteers_affiliation_organisation: 1,
        kpi_volunteers_affiliation_informalHelper: 1,
        kpi_volunteers_affiliation_other: 1, // B2 has none
        kpi_volunteers_age_age30to54: 2,
        kpi_volunteers_age_other: 1, // "ukjent" is not an age group
        kpi_agreements_form_partnership: 1,
        kpi_agreements_form_other: 1,
      },
    },
    {
      point: '7',
      title: 'wildcards in a label match only that label',
      input: input(
        {
          hours: [
            hours('2026-03-01', { activity: 'Sorg- og støttegruppe', hours: 270 }),
            hours('2026-03-02', { activity: 'abc', hours: 4 }),
            hours('2026-03-03', { activity: '~x', hours: 6 }),
          ],
        },
        (i) => {
          i.settings.lists.activityTypes = ['Sorg*', 'Sorg- og støttegruppe', 'a?c', 'abc', '~x'];
          i.settings.policeActivities = [];
        },
      ),
      expected: {
        kpi_hours_activity_01: 0, // "Sorg*": nobody logged it
        kpi_hours_activity_02: 270,
        kpi_hours_activity_03: 0, // "a?c" is not "abc"
        kpi_hours_activity_04: 4,
        kpi_hours_activity_05: 6,
        kpi_hours_activity_other: 0,
      },
    },
    {
      point: '9',
      title: 'active means active on the report date: status Aktiv, started, not ended — for agreements and volunteers alike',
      input: input({
        agreements: [
          {
            id: 'F1',
            partner: 'Lag',
            status: status.agreementActive,
            start: d('2027-01-01'),
            grantPerYear: 50000,
            cooperationForm: L('cooperationForms', 'writtenAgreement'),
          },
          { id: 'F2', partner: 'Lag', status: status.agreementActive, grantPerYear: 1000, cooperationForm: L('cooperationForms', 'writtenAgreement') },
          // Starts on the report date itself: active. Ends on it: still active that day.
          { id: 'F3', partner: 'Lag', status: status.agreementActive, start: REPORT_DATE, end: REPORT_DATE, grantPerYear: 100 },
        ],
        volunteers: [
          // Marked active, ended 1 March: not active; ended this year.
          volunteer('W1', { end: d('2026-03-01') }),
          // Marked active, starts 1 September: not active yet.
          volunteer('W2', { start: d('2026-09-01') }),
          volunteer('W3', {}),
          // Ended this year as recorded.
          volunteer('W4', { status: status.ended, end: d('2026-05-01') }),
          // Marked active and ending on the report date: active, not ended.
          volunteer('W5', { end: REPORT_DATE }),
        ],
      }),
      expected: {
        kpi_active_agreements: 2, // F2, F3
        kpi_grants_total: 1100,
        kpi_expiring_agreements: 1, // F3 ends today, within the warning window
        kpi_agreements_form_writtenAgreement: 1,
        kpi_active_volunteers: 2, // W3, W5
        kpi_volunteers_ended_year: 2, // W1, W4
      },
      rules: { 'agreements.status.activeBeforeStart': 1, 'volunteers.status.activeAfterEnd': 1, 'volunteers.status.activeBeforeStart': 1 },
    },
    {
      point: '11',
      title: 'core volunteers: on average at least 10 hours a month over the last 12 months (120 hours)',
      input: input({
        volunteers: [volunteer('K1', {}), volunteer('K2', {}), volunteer('K3', {})],
        hours: [
          // K1: 120 hours in one month → on average 10 a month → core.
          hours('2026-01-10', { volunteerId: 'K1', hours: 120 }),
          // K2: 119.5 hours over the year → not core.
          hours('2025-07-01', { volunteerId: 'K2', hours: 60 }),
          hours('2026-06-30', { volunteerId: 'K2', hours: 59.5 }),
          // K3: 200 hours, but on 30 June 2025: exactly twelve months back, outside the window.
          hours('2025-06-30', { volunteerId: 'K3', hours: 200 }),
        ],
      }),
      expected: { kpi_core_volunteers: 1 },
    },
  ];
}

/**
 * The problems planted in the demo for validation to find, each recorded with the rule that must
 * report it and where. They are placed so they leave the case's own figures alone (an extra
 * agreement row rather than a changed one, a certificate cleared where the activity already asks
 * for one), and only where the case has room for them: a municipality without signed agreements
 * gets no unsigned agreement. Tests compare what validation finds with this list, whatever the case.
 */
import { workbookStrings } from '../content/content';
import { addMonths } from '../model/dates';
import { hasAssignmentDuties } from '../model/assignmentDuties';
import type { RegisterRecord } from '../model/workbookData';
import type { RegisterKey } from '../content/templateSchema';
import type { CellValue } from '../port';
import { demoBirthNumber } from './demoPeople';
import { isSignedForm, label, type DemoContext } from './demoRegisters';

function plant(c: DemoContext, rows: RegisterRecord[], sheetKey: RegisterKey, index: number, column: string, rule: string, change: Partial<RegisterRecord>): void {
  Object.assign(rows[index], change);
  c.problems.push({ rule, sheetKey, index, column });
}

export function plantPartnerProblems(c: DemoContext, partners: RegisterRecord[]): void {
  const index = partners.findIndex((p) => p.orgNumber !== null);
  if (index < 0) return;
  const org = String(partners[index].orgNumber);
  plant(c, partners, 'partners', index, 'orgNumber', 'partners.orgNumber.checkDigit', { orgNumber: `${org.slice(0, 8)}${(Number(org[8]) + 1) % 10}` });
}

/**
 * Two extra rows for the first agreement's partner — the previous period, left marked active
 * after it ended, and a renewal drafted with its dates the wrong way round — and dates coming up
 * on the case's own agreements: none of it changes what is in force.
 */
export function plantAgreementProblems(c: DemoContext, agreements: RegisterRecord[]): void {
  const base = agreements[0];
  const next = (n: number) => `AVT-${String(agreements.length + n).padStart(3, '0')}`;
  const previousStart = addMonths(c.today, -48);
  agreements.push({ ...base, id: next(1), start: previousStart, end: c.today - 20, nextReview: c.today + 150, signedDate: base.signedDate === null ? null : previousStart - 10 });
  c.problems.push({ rule: 'agreements.end.passed', sheetKey: 'agreements', index: agreements.length - 1, column: 'end' });
  const draftStart = c.today + 30;
  agreements.push({ ...base, id: next(1), start: draftStart, end: draftStart - 30, signedDate: null, status: label(c, 'agreementStatuses', 'draft') });
  c.problems.push({ rule: 'agreements.end.beforeStart', sheetKey: 'agreements', index: agreements.length - 1, column: 'end' });

  const own = c.profile.agreements.length;
  plant(c, agreements, 'agreements', own - 1, 'end', 'agreements.end.soon', { end: c.today + 45 });
  plant(c, agreements, 'agreements', 0, 'nextReview', 'agreements.nextReview.soon', { nextReview: c.today + 20 });
  const signed = c.profile.agreements.findIndex((a) => isSignedForm(a.form));
  if (signed >= 0) plant(c, agreements, 'agreements', signed, 'signedDate', 'agreements.signedDate.missing', { signedDate: null });
}

/** Whether an active agreement of the volunteer's partner, for the volunteer's unit, sets a requirement. */
function agreementRequires(c: DemoContext, agreements: RegisterRecord[], volunteer: RegisterRecord, column: string): boolean {
  const active = label(c, 'agreementStatuses', 'active');
  const yes = label(c, 'yesNo', 'yes');
  return agreements.some(
    (a) =>
      a.status === active &&
      a[column] === yes &&
      volunteer.partner !== null &&
      a.partner === volunteer.partner &&
      (a.unit === null || volunteer.unit === null || a.unit === volunteer.unit),
  );
}

export function plantVolunteerProblems(c: DemoContext, volunteers: RegisterRecord[], agreements: RegisterRecord[]): void {
  const active = label(c, 'volunteerStatuses', 'active');
  const old = volunteers.length - 1;
  const candidates = volunteers.map((v, i) => ({ v, i })).filter(({ v, i }) => i !== old && v.status === active && hasAssignmentDuties(v.affiliation as CellValue));
  const taken = new Set<number>();
  const take = (test: (v: RegisterRecord) => boolean = () => true): number | null => {
    const found = candidates.find(({ v, i }) => !taken.has(i) && test(v));
    if (!found) return null;
    taken.add(found.i);
    return found.i;
  };
  const at = (index: number | null, column: string, rule: string, change: Partial<RegisterRecord>) => {
    if (index !== null) plant(c, volunteers, 'volunteers', index, column, rule, change);
  };
  at(take(), 'phone', 'volunteers.phone.invalid', { phone: '12 34 5' });
  at(take(), 'email', 'volunteers.email.invalid', { email: 'ikke-en-adresse' });
  // A certificate shown more than three months after it was issued (the register rests on the agreement by default, so a
  // missing consent date is no problem to plant). On a certificate already shown where possible: only its issue date changes.
  const shownAt = take((v) => v.policeCertificateDate !== null) ?? take();
  if (shownAt !== null) {
    const shown = (volunteers[shownAt].policeCertificateDate as number | null) ?? (volunteers[shownAt].start as number);
    at(shownAt, 'policeCertificateIssued', 'volunteers.policeCertificate.tooOld', {
      policeBasis: volunteers[shownAt].policeCertificateDate === null ? label(c, 'policeBases', 'hol54') : volunteers[shownAt].policeBasis,
      policeCertificateDate: shown,
      policeCertificateIssued: addMonths(shown, -4),
      policeCertificateShownBy: workbookStrings.text('demo.shownBy', c.lang),
    });
  }
  // Where no agreement of the partner asks for the declaration too (it would then report the agreement as well).
  at(
    take((v) => !agreementRequires(c, agreements, v, 'requiresConfidentiality')),
    'confidentialityDate',
    'volunteers.confidentialityDate.missing',
    { confidentialityDate: null },
  );
  // An assignment under § 5-4 without a certificate shown: preferably a volunteer whose activity suggests one, so the case's
  // activities stay as they are; never one whose partner's agreement requires one (it would report the agreement as well).
  const noAgreement = (v: RegisterRecord) => !agreementRequires(c, agreements, v, 'requiresPoliceCertificate');
  at(
    take((v) => c.settings.policeActivities.includes(String(v.activity)) && noAgreement(v)) ?? take(noAgreement),
    'policeCertificateDate',
    'volunteers.policeCertificate.missingForBasis',
    { policeBasis: label(c, 'policeBases', 'hol54'), policeCertificateDate: null, policeCertificateIssued: null, policeCertificateShownBy: null },
  );
  // A fødselsnummer typed into a note: the register must never hold one. Made valid by construction.
  at(take(), 'notes', 'privacy.fodselsnummer.found', { notes: `${workbookStrings.text('demo.noteWithId', c.lang)} ${demoBirthNumber()}` });
  plant(c, volunteers, 'volunteers', old, 'name', 'volunteers.retention.expired', {
    status: label(c, 'volunteerStatuses', 'ended'),
    start: addMonths(c.today, -(c.settings.retentionMonths + 30)),
    end: addMonths(c.today, -(c.settings.retentionMonths + 6)),
  });
}

export function plantHoursProblems(c: DemoContext, hours: RegisterRecord[], volunteers: RegisterRecord[]): void {
  const active = label(c, 'volunteerStatuses', 'active');
  const day = c.today - 3;
  // Someone with nothing logged on the planted days, so only the planted rows add up past 24 hours.
  const busy = new Set(hours.filter((h) => (h.date as number) >= day - 2 && (h.date as number) <= day).map((h) => h.volunteerId));
  const v = volunteers.find((x) => x.status === active && !busy.has(x.id))!;
  const base = { activity: v.activity, unit: v.unit, partner: v.partner, volunteerCount: 1, usersReached: 1, notes: null };
  const add = (record: RegisterRecord, rule: string, column: string) => {
    hours.push(record);
    c.problems.push({ rule, sheetKey: 'hours', index: hours.length - 1, column });
  };
  add({ ...base, date: day, volunteerId: 'F9999', hours: 2 }, 'hours.volunteerId.unknown', 'volunteerId');
  add({ ...base, date: day - 1, volunteerId: v.id, hours: 14 }, 'hours.hours.over24', 'hours');
  add({ ...base, date: day - 1, volunteerId: v.id, hours: 12 }, 'hours.hours.over24', 'hours');
  add({ ...base, date: day - 2, volunteerId: v.id, hours: 0 }, 'hours.hours.notPositive', 'hours');
}

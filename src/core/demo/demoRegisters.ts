/**
 * The demo's registers built from one case profile (templates/demoCases.json): its partners, the
 * agreements it has (only the forms it uses; a form that is signed only with a partner that can
 * sign), its volunteers activity by activity — each activity at the unit it belongs to, the ages
 * in the case's mix — and fifteen months of hours at the pace each activity keeps.
 */
import { itemLabel, workbookStrings } from '../content/content';
import type { Lang } from '../content/language';
import type { DemoCase, DemoCaseActivity, DemoCasePartner } from '../content/demoCaseSchema';
import { addMonths } from '../model/dates';
import type { SettingsValues } from '../model/settingsModel';
import type { RegisterRecord } from '../model/workbookData';
import { hasAssignmentDuties } from '../model/assignmentDuties';
import type { Dice } from './demoDice';
import { emailFor, organisationNumber, personName, phone } from './demoPeople';
import type { DemoProblem } from './demoWorkbook';

export interface DemoContext {
  lang: Lang;
  dice: Dice;
  today: number;
  settings: SettingsValues;
  profile: DemoCase;
  /** Volunteers per profile volunteer (1 unless a size was asked for). */
  scale: number;
  /**
   * The dice for what schema 3 added (signatories, the legal basis, a certificate's issue date),
   * thrown apart from the others so the case's people, dates and hours stay as they were.
   */
  paperDice: Dice;
  problems: DemoProblem[];
}

export const label = (c: DemoContext, list: string, key: string): string => itemLabel(list, key, c.lang);
const yes = (c: DemoContext) => label(c, 'yesNo', 'yes');
const no = (c: DemoContext) => label(c, 'yesNo', 'no');

/** A legal entity with an organisation number: what can sign an agreement or receive a grant. */
export function canSign(partner: DemoCasePartner): boolean {
  return partner.type !== 'unorganisedGroup' && !partner.municipal;
}

function partnerOf(c: DemoContext, key: string | null): DemoCasePartner | null {
  return key === null ? null : c.profile.partners.find((p) => p.key === key)!;
}

/** What a partner does and where: its first activity (or agreement) in the profile. */
function partnerWork(c: DemoContext, key: string): { activity: string; unit: string } {
  const own = c.profile.activities.find((a) => a.partner === key) ?? c.profile.agreements.find((a) => a.partner === key);
  if (!own) return { activity: c.profile.activities[0].activity, unit: c.profile.activities[0].unit };
  return 'activity' in own ? { activity: own.activity, unit: own.unit } : { activity: own.measure, unit: own.unit };
}

export function partnerRecords(c: DemoContext): RegisterRecord[] {
  return c.profile.partners.map((p, i) => {
    const contact = personName(c.dice);
    const work = partnerWork(c, p.key);
    return {
      name: p.name,
      orgNumber: canSign(p) ? organisationNumber(c.dice) : null,
      type: label(c, 'partnerTypes', p.type),
      contactPerson: contact,
      phone: phone(c.dice),
      email: emailFor(contact, i + 1),
      services: label(c, 'activityTypes', work.activity),
      units: label(c, 'units', work.unit),
      notes: null,
      // Frivillighetsregisteret registers organisations with an organisation number (templates/legal.json frivreg).
      volunteerRegistry: canSign(p) && p.type !== 'frivilligsentral' ? yes(c) : no(c),
      volunteerRegistryDate: canSign(p) && p.type !== 'frivilligsentral' ? c.today - c.paperDice.int(400, 3000) : null,
    };
  });
}

/** Whether the profile's form of cooperation is one the parties sign. */
export function isSignedForm(formKey: string): boolean {
  return formKey === 'writtenAgreement' || formKey === 'partnership';
}

export function agreementRecords(c: DemoContext, partners: RegisterRecord[]): RegisterRecord[] {
  return c.profile.agreements.map((a, i) => {
    const partner = partnerOf(c, a.partner)!;
    const partnerRow = partners.find((p) => p.name === partner.name);
    const signed = isSignedForm(a.form);
    const start = c.today - c.dice.int(300, 1500);
    const record: RegisterRecord = {
      id: `AVT-${String(i + 1).padStart(3, '0')}`,
      partner: partner.name,
      unit: label(c, 'units', a.unit),
      measure: label(c, 'activityTypes', a.measure),
      userGroup: label(c, 'userGroups', a.userGroup),
      cooperationForm: label(c, 'cooperationForms', a.form),
      start,
      // A signed agreement runs for some years from now; informal cooperation has no end date.
      end: signed ? Math.max(addMonths(start, 12 * c.dice.int(3, 5)), c.today + 200 + c.dice.int(0, 400)) : null,
      nextReview: c.today + c.dice.int(100, 300),
      grantPerYear: a.grantPerYear > 0 ? a.grantPerYear : null,
      paymentPerActivity: a.paymentPerActivity,
      contactMunicipality: personName(c.dice),
      contactPartner: partnerRow?.contactPerson ?? null,
      // Group events need no confidentiality; work on the wards does (000_816c9c010d52404f.txt:2142-2144).
      requiresConfidentiality: signed ? yes(c) : no(c),
      requiresPoliceCertificate: a.requiresPoliceCertificate ? yes(c) : no(c),
      signedDate: signed ? start - c.dice.int(5, 30) : null,
      status: label(c, 'agreementStatuses', 'active'),
      notes: a.note ? a.note[c.lang] : null,
    };
    return { ...record, ...agreementPapers(c, a.requiresPoliceCertificate, signed, record, partnerRow) };
  });
}

/**
 * Schema 3's columns of an agreement: whether a payment per activity is a grant (what the cases
 * describe: support, not a purchase), the legal basis of its police certificate and of
 * confidentiality — § 5-4 and the act's duty where the volunteers provide services under
 * helse- og omsorgstjenesteloven, else the organisation's own activity — and who signs, only where
 * the form is one the parties sign.
 */
function agreementPapers(c: DemoContext, police: boolean, signed: boolean, record: RegisterRecord, partner: RegisterRecord | undefined): RegisterRecord {
  return {
    paymentKind: record.paymentPerActivity === null ? null : label(c, 'paymentKinds', 'grant'),
    policeBasis: label(c, 'policeBases', police ? 'hol54' : 'none'),
    confidentialityBasis: label(c, 'confidentialityBases', police ? 'healthServices' : 'promise'),
    signerMunicipality: signed ? personName(c.paperDice) : null,
    signerMunicipalityRole: signed ? workbookStrings.text('demo.signerMunicipalityRole', c.lang) : null,
    signerPartner: signed ? (partner?.contactPerson ?? null) : null,
    signerPartnerRole: signed ? workbookStrings.text('demo.signerPartnerRole', c.lang) : null,
  };
}

/** Ages for `count` volunteers in the case's mix, exactly (largest remainders), in random order. */
function ageQuota(c: DemoContext, count: number): string[] {
  const mix = Object.entries(c.profile.ages);
  const exact = mix.map(([key, share]) => ({ key, n: (share * count) / 100 }));
  const out = exact.flatMap(({ key, n }) => Array<string>(Math.floor(n)).fill(key));
  const rest = [...exact].sort((a, b) => (b.n % 1) - (a.n % 1));
  for (let i = 0; out.length < count; i++) out.push(rest[i % rest.length].key);
  return c.dice.shuffle(out);
}

/** How many volunteers an activity has in this demo: the profile's number, scaled when a size was asked for. */
export function scaledCount(c: DemoContext, activity: DemoCaseActivity): number {
  return Math.max(1, Math.round(activity.volunteers * c.scale));
}

export function volunteerRecords(c: DemoContext, agreements: RegisterRecord[]): RegisterRecord[] {
  const policePartners = new Set(agreements.filter((a) => a.requiresPoliceCertificate === yes(c)).map((a) => a.partner));
  const counts = c.profile.activities.map((a) => scaledCount(c, a));
  const ages = ageQuota(
    c,
    c.profile.activities.reduce((n, a, i) => n + (a.ageGroup ? 0 : counts[i]), 0),
  );
  const records: RegisterRecord[] = [];
  c.profile.activities.forEach((a, i) => {
    for (let k = 0; k < counts[i]; k++) records.push(volunteer(c, a, records.length, a.ageGroup ?? ages.pop()!, policePartners));
  });
  return records;
}

function volunteer(c: DemoContext, a: DemoCaseActivity, index: number, ageGroup: string, policePartners: Set<unknown>): RegisterRecord {
  const name = personName(c.dice);
  const partner = partnerOf(c, a.partner);
  const activity = label(c, 'activityTypes', a.activity);
  const affiliation = label(c, 'affiliationForms', a.affiliation);
  const duties = hasAssignmentDuties(affiliation);
  const start = c.today - c.dice.int(30, 2000);
  const ended = c.dice.chance(0.06);
  const paused = !ended && c.dice.chance(0.04);
  const suggested = c.settings.policeActivities.includes(activity);
  const byAgreement = partner !== null && policePartners.has(partner.name);
  const trained = a.training && c.dice.chance(0.7) ? label(c, 'trainingTypes', a.training) : null;
  const record: RegisterRecord = {
    id: `F${String(index + 1).padStart(4, '0')}`,
    name,
    phone: phone(c.dice),
    email: c.dice.chance(0.8) ? emailFor(name, index + 1) : null,
    ageGroup: label(c, 'ageGroups', ageGroup),
    affiliation,
    partner: partner?.name ?? null,
    activity,
    unit: label(c, 'units', a.unit),
    start,
    // An informal helper is not asked for what a volunteer on assignment signs (model/assignmentDuties.ts).
    confidentialityDate: duties ? start + c.dice.int(0, 14) : null,
    // Thrown where the activity or the agreement calls for one, as before schema 3, so later dice fall as they did.
    policeCertificateDate: duties && (suggested || byAgreement) ? start - c.dice.int(0, 20) : null,
    training: trained,
    consentDate: duties || c.dice.chance(0.5) ? start : null,
    status: label(c, 'volunteerStatuses', ended ? 'ended' : paused ? 'paused' : 'active'),
    // Ended within the last ten months: a register that deletes on time holds no older ones.
    end: ended ? Math.max(start + 30, c.today - c.dice.int(1, 300)) : null,
    notes: null,
  };
  return { ...record, ...volunteerPapers(c, duties, suggested, byAgreement, a.affiliation, record) };
}

/**
 * Schema 3's columns of a volunteer. The basis of the police certificate is the assignment's
 * (templates/legal.json hol-5-4-volunteers): the partner's agreement decides where it requires
 * one; where the activity only suggests one, a volunteer in an organisation's own activity needs
 * none and one working directly in the services works under § 5-4. A certificate is recorded as
 * shown only where one is required: its issue date, and to whom it was shown.
 */
function volunteerPapers(c: DemoContext, duties: boolean, suggested: boolean, byAgreement: boolean, affiliation: string, record: RegisterRecord): RegisterRecord {
  const ownBasis = !duties || byAgreement || !suggested ? null : affiliation === 'organisation' ? 'none' : 'hol54';
  const shown = duties && (byAgreement || ownBasis === 'hol54') ? (record.policeCertificateDate as number | null) : null;
  const confidentiality = !duties || record.partner !== null ? null : ownBasis === 'hol54' ? 'healthServices' : 'municipalWork';
  return {
    contactPerson: personName(c.paperDice),
    policeBasis: ownBasis === null ? null : label(c, 'policeBases', ownBasis),
    confidentialityBasis: confidentiality === null ? null : label(c, 'confidentialityBases', confidentiality),
    policeCertificateDate: shown,
    policeCertificateIssued: shown === null ? null : shown - c.paperDice.int(5, 60),
    policeCertificateShownBy: shown === null ? null : workbookStrings.text('demo.shownBy', c.lang),
  };
}

/** The activity each volunteer was made for, by position: the same order as volunteerRecords. */
function activityOfVolunteers(c: DemoContext): DemoCaseActivity[] {
  return c.profile.activities.flatMap((a) => Array<DemoCaseActivity>(scaledCount(c, a)).fill(a));
}

export function hoursRecords(c: DemoContext, volunteers: RegisterRecord[]): RegisterRecord[] {
  const from = addMonths(c.today, -15);
  const rows: RegisterRecord[] = [];
  const activities = activityOfVolunteers(c);
  volunteers.forEach((v, i) => {
    const a = activities[i];
    const step = Math.max(2, Math.round(365 / a.sessionsPerYear));
    const first = Math.max(v.start as number, from);
    const last = Math.min((v.end as number | null) ?? c.today, c.today);
    for (let day = first + c.dice.int(0, step); day <= last; day += step + c.dice.int(-1, 1)) {
      rows.push({
        date: day,
        activity: v.activity,
        unit: v.unit,
        partner: v.partner,
        volunteerId: v.id,
        volunteerCount: 1,
        hours: Math.max(0.5, a.hoursPerSession + c.dice.int(-1, 1) / 2),
        usersReached: Math.max(1, a.usersPerSession + c.dice.int(-1, 1)),
        notes: null,
      });
    }
  });
  for (const g of c.profile.groupEntries) {
    const step = Math.round(365 / g.perYear);
    for (let day = from + c.dice.int(0, step); day <= c.today; day += step) {
      rows.push({
        date: day,
        activity: label(c, 'activityTypes', g.activity),
        unit: label(c, 'units', g.unit),
        partner: partnerOf(c, g.partner)?.name ?? null,
        volunteerId: null,
        volunteerCount: g.volunteers,
        hours: g.volunteers * g.hours,
        usersReached: g.users,
        notes: null,
      });
    }
  }
  rows.sort((x, y) => (x.date as number) - (y.date as number));
  return rows;
}

/**
 * A demo workbook of one invented municipality: partners, agreements, a few hundred volunteers,
 * fifteen months of hours, two yearly evaluation rounds and the action plan they gave, drawn from
 * a seeded generator so the same seed always gives the same workbook. A handful of deliberate problems are planted, each recorded with
 * the rule that must find it, so validation can be shown to find exactly these.
 */
import prand from 'pure-rand';
import { checklistRound } from '../evaluation/checklistRows';
import { content, itemLabel, workbookStrings } from '../content/content';
import { addMonths } from '../model/dates';
import type { Lang } from '../content/language';
import { mod11CheckDigit } from '../validation/norwegianIds';
import { defaultSheetNames, type WorkbookInput } from '../plan/buildWorkbookPlan';
import { defaultSettings, type SettingsValues } from '../model/settingsModel';
import type { RegisterKey } from '../content/templateSchema';
import { defaultTableNames, registerFromRecords, type RegisterRecord } from '../model/workbookData';
import { proposedActions, refreshActions } from '../evaluation/actionPlan';
import { evaluationRounds } from '../evaluation/evaluationRounds';
import { CASE_MUNICIPALITIES, FIRST_NAMES, PARTNER_NAMES, SURNAMES } from './demoPeople';

export interface DemoOptions {
  lang: Lang;
  seed: number;
  /** Serial day the demo is made on: hours run up to it. */
  today: number;
  volunteers?: number;
}

/** A planted problem: the rule that must report it, and where (record index in its register). */
export interface DemoProblem {
  rule: string;
  sheetKey: RegisterKey;
  index: number;
  column: string;
}

export interface DemoWorkbook {
  input: WorkbookInput;
  problems: DemoProblem[];
}

class Dice {
  private readonly rng: prand.RandomGenerator;
  constructor(seed: number) {
    this.rng = prand.xoroshiro128plus(seed);
  }
  int(min: number, max: number): number {
    return prand.unsafeUniformIntDistribution(min, max, this.rng);
  }
  chance(p: number): boolean {
    return this.int(0, 9999) < p * 10000;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
}

interface Context {
  lang: Lang;
  dice: Dice;
  today: number;
  settings: SettingsValues;
  municipality: string;
  problems: DemoProblem[];
}

const yes = (c: Context) => itemLabel('yesNo', 'yes', c.lang);
const no = (c: Context) => itemLabel('yesNo', 'no', c.lang);

function phone(dice: Dice): string {
  const digits = `${dice.pick(['4', '9'])}${String(dice.int(0, 9_999_999)).padStart(7, '0')}`;
  const style = dice.int(0, 2);
  if (style === 0) return digits;
  if (style === 1) return `${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`;
  return `+47 ${digits}`;
}

function emailFor(name: string, n: number): string {
  const ascii = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
  return `${ascii}${n}@example.no`;
}

function organisationNumber(dice: Dice): string {
  for (;;) {
    const body = `9${String(dice.int(0, 9_999_999)).padStart(7, '0')}`;
    const check = mod11CheckDigit(body, [3, 2, 7, 6, 5, 4, 3, 2]);
    if (check !== null) return `${body}${check}`;
  }
}

function partnerRecords(c: Context): RegisterRecord[] {
  const units = c.settings.lists.units;
  return PARTNER_NAMES.map((p, i) => {
    const contact = `${c.dice.pick(FIRST_NAMES)} ${c.dice.pick(SURNAMES)}`;
    return {
      name: p.name.replace('{m}', c.municipality),
      orgNumber: p.type === 'unorganisedGroup' ? null : organisationNumber(c.dice),
      type: itemLabel('partnerTypes', p.type, c.lang),
      contactPerson: contact,
      phone: phone(c.dice),
      email: emailFor(contact, i + 1),
      services: c.dice.pick(c.settings.lists.activityTypes),
      units: units[i % units.length],
      notes: null,
    };
  });
}

function agreementRecords(c: Context, partners: RegisterRecord[]): RegisterRecord[] {
  const { lists } = c.settings;
  const status = (key: string) => itemLabel('agreementStatuses', key, c.lang);
  const forms = content().lists.find((l) => l.key === 'cooperationForms')!.items;
  return partners.map((partner, i) => {
    const start = c.today - c.dice.int(200, 1500);
    const end = addMonths(start, 12 * c.dice.int(3, 5));
    const activity = c.dice.pick(lists.activityTypes);
    const police = c.settings.policeActivities.includes(activity);
    const record: RegisterRecord = {
      id: `AVT-${String(i + 1).padStart(3, '0')}`,
      partner: partner.name,
      unit: lists.units[i % lists.units.length],
      measure: activity,
      userGroup: c.dice.pick(lists.userGroups),
      cooperationForm: forms[i % forms.length].label[c.lang],
      start,
      end,
      nextReview: c.today + c.dice.int(100, 300),
      grantPerYear: c.dice.int(1, 20) * 5000,
      paymentPerActivity: c.dice.chance(0.3) ? c.dice.int(2, 10) * 100 : null,
      contactMunicipality: `${c.dice.pick(FIRST_NAMES)} ${c.dice.pick(SURNAMES)}`,
      contactPartner: partner.contactPerson,
      requiresConfidentiality: yes(c),
      requiresPoliceCertificate: police ? yes(c) : no(c),
      signedDate: start - c.dice.int(5, 30),
      status: status('active'),
      notes: null,
    };
    // Schema 3's columns draw their dice last, so the demo's earlier columns (and its planted problems) stay as they were.
    return {
      ...record,
      paymentKind: record.paymentPerActivity === null ? null : itemLabel('paymentKinds', 'grant', c.lang),
      // Where the volunteers provide services under the act, § 5-4 and the act's confidentiality; else the organisation's own activity.
      policeBasis: itemLabel('policeBases', police ? 'hol54' : 'none', c.lang),
      confidentialityBasis: itemLabel('confidentialityBases', police ? 'healthServices' : 'promise', c.lang),
      signerMunicipality: `${c.dice.pick(FIRST_NAMES)} ${c.dice.pick(SURNAMES)}`,
      signerMunicipalityRole: workbookStrings.text('demo.signerMunicipalityRole', c.lang),
      signerPartner: partner.contactPerson,
      signerPartnerRole: workbookStrings.text('demo.signerPartnerRole', c.lang),
    };
  });
}

/** Plants the agreement problems on fixed rows, so each is found once and nothing else is. */
function plantAgreementProblems(c: Context, agreements: RegisterRecord[]): void {
  const plant = (index: number, column: string, rule: string, change: Partial<RegisterRecord>) => {
    Object.assign(agreements[index], change);
    c.problems.push({ rule, sheetKey: 'agreements', index, column });
  };
  const a = agreements;
  plant(1, 'end', 'agreements.end.beforeStart', { end: (a[1].start as number) - 30, status: itemLabel('agreementStatuses', 'draft', c.lang), signedDate: null });
  plant(2, 'end', 'agreements.end.passed', { end: c.today - 20 });
  plant(3, 'end', 'agreements.end.soon', { end: c.today + 45 });
  plant(4, 'signedDate', 'agreements.signedDate.missing', { signedDate: null });
  plant(5, 'nextReview', 'agreements.nextReview.soon', { nextReview: c.today + 20 });
}

function volunteerRecords(c: Context, partners: RegisterRecord[], agreements: RegisterRecord[], count: number): RegisterRecord[] {
  const { lists, policeActivities } = c.settings;
  const status = (key: string) => itemLabel('volunteerStatuses', key, c.lang);
  const affiliations = content().lists.find((l) => l.key === 'affiliationForms')!.items;
  const ageGroups = content().lists.find((l) => l.key === 'ageGroups')!.items;
  const organisations = partners.filter((p) => p.type !== itemLabel('partnerTypes', 'frivilligsentral', c.lang));
  const centre = partners.find((p) => p.type === itemLabel('partnerTypes', 'frivilligsentral', c.lang))!;
  const policeByAgreement = new Set(agreements.filter((a) => a.requiresPoliceCertificate === yes(c) && a.status === itemLabel('agreementStatuses', 'active', c.lang)).map((a) => a.partner));
  const records: RegisterRecord[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${c.dice.pick(FIRST_NAMES)} ${c.dice.pick(SURNAMES)}`;
    const affiliation = c.dice.pick(affiliations);
    const partner = affiliation.key === 'organisation' ? c.dice.pick(organisations).name : affiliation.key === 'frivilligsentral' ? centre.name : null;
    const activity = c.dice.pick(lists.activityTypes);
    const start = c.today - c.dice.int(30, 2000);
    const ended = c.dice.chance(0.12);
    const paused = !ended && c.dice.chance(0.06);
    // Ended within the last ten months: a register that deletes on time holds no older ones.
    const endDay = ended ? Math.max(start + 30, c.today - c.dice.int(1, 300)) : null;
    const byAgreement = partner !== null && policeByAgreement.has(partner);
    const suggested = policeActivities.includes(activity);
    // The basis of the assignment: the partner's agreement decides when it requires a certificate; an organisation's own
    // activity needs none; a volunteer working directly in the services gets § 5-4 where the activity suggests it.
    const ownBasis = byAgreement || !suggested ? null : affiliation.key === 'organisation' ? 'none' : 'hol54';
    const needsPolice = byAgreement || ownBasis === 'hol54';
    const record: RegisterRecord = {
      id: `F${String(i + 1).padStart(4, '0')}`,
      name,
      phone: phone(c.dice),
      email: c.dice.chance(0.8) ? emailFor(name, i + 1) : null,
      ageGroup: c.dice.pick(ageGroups).label[c.lang],
      affiliation: affiliation.label[c.lang],
      partner,
      activity,
      unit: c.dice.pick(lists.units),
      start,
      confidentialityDate: start + c.dice.int(0, 14),
      // Drawn as before schema 3 (when the activity or the agreement called for it), so later dice fall as they did.
      policeCertificateDate: suggested || byAgreement ? start - c.dice.int(0, 20) : null,
      training: c.dice.chance(0.5) ? c.dice.pick(lists.trainingTypes) : null,
      consentDate: start,
      status: ended ? status('ended') : paused ? status('paused') : status('active'),
      end: endDay,
      notes: null,
    };
    // Schema 3's columns draw their dice after the earlier ones, so the demo's other values stay as they were.
    if (!needsPolice) record.policeCertificateDate = null;
    const shown = record.policeCertificateDate as number | null;
    records.push({
      ...record,
      contactPerson: `${c.dice.pick(FIRST_NAMES)} ${c.dice.pick(SURNAMES)}`,
      policeBasis: ownBasis === null ? null : itemLabel('policeBases', ownBasis, c.lang),
      policeCertificateIssued: shown === null ? null : shown - c.dice.int(5, 60),
      policeCertificateShownBy: shown === null ? null : workbookStrings.text('demo.shownBy', c.lang),
    });
  }
  return records;
}

function plantVolunteerProblems(c: Context, volunteers: RegisterRecord[]): void {
  const active = itemLabel('volunteerStatuses', 'active', c.lang);
  const activeIndexes = volunteers.map((v, i) => (v.status === active && v.partner === null ? i : -1)).filter((i) => i >= 0);
  const [p1, p2, p3, p4, p5, p6] = activeIndexes;
  const plant = (index: number, column: string, rule: string, change: Partial<RegisterRecord>) => {
    Object.assign(volunteers[index], change);
    c.problems.push({ rule, sheetKey: 'volunteers', index, column });
  };
  plant(p1, 'phone', 'volunteers.phone.invalid', { phone: '12 34 5' });
  plant(p2, 'email', 'volunteers.email.invalid', { email: 'ikke-en-adresse' });
  const hol54 = itemLabel('policeBases', 'hol54', c.lang);
  const shownBy = workbookStrings.text('demo.shownBy', c.lang);
  const p3Start = volunteers[p3].start as number;
  plant(p3, 'policeCertificateIssued', 'volunteers.policeCertificate.tooOld', {
    policeBasis: hol54,
    policeCertificateDate: p3Start,
    policeCertificateIssued: addMonths(p3Start, -4),
    policeCertificateShownBy: shownBy,
  });
  plant(p4, 'confidentialityDate', 'volunteers.confidentialityDate.missing', { confidentialityDate: null });
  const police = c.settings.policeActivities[0];
  plant(p5, 'policeCertificateDate', 'volunteers.policeCertificate.missingForBasis', {
    activity: police,
    policeBasis: hol54,
    policeCertificateDate: null,
    policeCertificateIssued: null,
    policeCertificateShownBy: null,
  });
  // A fødselsnummer typed into a note: the register must never hold one. Made valid by construction.
  plant(p6, 'notes', 'privacy.fodselsnummer.found', { notes: `${workbookStrings.text('demo.noteWithId', c.lang)} ${demoBirthNumber()}` });
  const old = volunteers.length - 1;
  plant(old, 'name', 'volunteers.retention.expired', {
    status: itemLabel('volunteerStatuses', 'ended', c.lang),
    start: addMonths(c.today, -(c.settings.retentionMonths + 30)),
    end: addMonths(c.today, -(c.settings.retentionMonths + 6)),
  });
}

/** A made-up person born 01.01.1980, with both control digits computed so the check accepts it. */
function demoBirthNumber(): string {
  for (let individual = 100; ; individual++) {
    const base = `010180${individual}`;
    const c1 = mod11CheckDigit(base, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
    if (c1 === null) continue;
    const c2 = mod11CheckDigit(`${base}${c1}`, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    if (c2 !== null) return `${base}${c1}${c2}`;
  }
}

function hoursRecords(c: Context, volunteers: RegisterRecord[]): RegisterRecord[] {
  const from = addMonths(c.today, -15);
  const rows: RegisterRecord[] = [];
  for (const v of volunteers) {
    if (v.id === null) continue;
    const core = c.dice.chance(0.2);
    const step = core ? 7 : c.dice.int(14, 35);
    const first = Math.max(v.start as number, from);
    const last = Math.min((v.end as number | null) ?? c.today, c.today);
    for (let day = first + c.dice.int(0, step); day <= last; day += step + c.dice.int(-2, 2)) {
      rows.push({
        date: day,
        activity: v.activity,
        unit: v.unit,
        partner: v.partner,
        volunteerId: v.id,
        volunteerCount: 1,
        hours: core ? c.dice.int(4, 8) / 2 : c.dice.int(2, 6) / 2,
        usersReached: c.dice.int(1, 4),
        notes: null,
      });
    }
  }
  // Group entries: an activity run by several volunteers, logged once without a volunteer id.
  for (let day = from + 3; day <= c.today; day += 14) {
    rows.push({
      date: day,
      activity: c.dice.pick(c.settings.lists.activityTypes),
      unit: c.dice.pick(c.settings.lists.units),
      partner: null,
      volunteerId: null,
      volunteerCount: c.dice.int(3, 8),
      hours: c.dice.int(6, 20),
      usersReached: c.dice.int(8, 30),
      notes: null,
    });
  }
  rows.sort((a, b) => (a.date as number) - (b.date as number));
  return rows;
}

function plantHoursProblems(c: Context, hours: RegisterRecord[], volunteers: RegisterRecord[]): void {
  const active = itemLabel('volunteerStatuses', 'active', c.lang);
  const v = volunteers.find((x) => x.status === active && x.partner !== null)!;
  const day = c.today - 3;
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

const ROLES = ['demo.role.unitHead', 'demo.role.coordinator', 'demo.role.director', 'demo.role.homeCare'] as const;

/** Who follows up: a role, as municipalities usually write it, never a volunteer's name. */
function role(c: Context): string {
  return workbookStrings.text(c.dice.pick(ROLES), c.lang);
}

function participants(c: Context, keys: string[]): string {
  return keys.map((k) => itemLabel('participantGroups', k, c.lang)).join(', ');
}

/**
 * One rated round. `better` shifts the ratings the way a year of work would: barriers present
 * less often, promoters in place more often, so the demo's trend has something to show.
 */
function ratedRound(c: Context, date: number, who: string, better: boolean): RegisterRecord[] {
  const statements = content().checklist.statements;
  const rows = checklistRound(c.lang, date, workbookStrings.text('checklist.scope.whole', c.lang), who);
  const rating = (key: string) => itemLabel('ratingScale', key, c.lang);
  const instruments = new Map(content().checklist.instruments.map((i) => [i.key, i.label[c.lang]]));
  const barrierScale = better ? ['agree', 'partly', 'disagree', 'disagree', 'notRelevant', 'dontKnow'] : ['agree', 'agree', 'partly', 'disagree', 'notRelevant', 'dontKnow'];
  const promoterScale = better ? ['agree', 'agree', 'partly', 'disagree', 'notRelevant', 'dontKnow'] : ['agree', 'partly', 'disagree', 'disagree', 'notRelevant', 'dontKnow'];
  rows.forEach((row, i) => {
    const s = statements[i];
    const r = c.dice.pick(s.kind === 'barrier' ? barrierScale : promoterScale);
    row.rating = rating(r);
    if (s.kind === 'barrier' && (r === 'agree' || r === 'partly')) {
      row.instrument = instruments.get(s.instruments[0]) ?? null;
      row.responsible = role(c);
      row.deadline = date + c.dice.int(90, 300);
    }
  });
  return rows;
}

/** Two rounds a year apart, the older first, as a municipality that evaluates yearly would have them. */
function checklistRecords(c: Context): RegisterRecord[] {
  const latestDate = c.today - 60;
  const previous = ratedRound(c, addMonths(latestDate, -12), participants(c, ['staff', 'volunteers']), false);
  const latest = ratedRound(c, latestDate, participants(c, ['staff', 'volunteers', 'partners', 'users']), true);
  // Planted: a barrier present both years, followed up last year, left without a measure this year.
  const barrier = content().checklist.statements.findIndex((s) => s.kind === 'barrier');
  const statement = content().checklist.statements[barrier];
  const rating = itemLabel('ratingScale', 'agree', c.lang);
  const instrument = content().checklist.instruments.find((i) => i.key === statement.instruments[0])!.label[c.lang];
  Object.assign(previous[barrier], { rating, instrument, responsible: role(c), deadline: previous[barrier].round as number + 120 });
  Object.assign(latest[barrier], { rating, instrument: null, responsible: null, deadline: null });
  for (const column of ['instrument', 'responsible', 'deadline']) {
    c.problems.push({ rule: `checklist.${column}.missing`, sheetKey: 'checklist', index: previous.length + barrier, column });
  }
  return [...previous, ...latest];
}

/**
 * The action plan as the program makes it: last year's round brought actions that have since been
 * followed up (some done, some under way, one or two dropped); this year's round adds only the
 * (statement, instrument) pairs not already planned.
 */
function actionRecords(c: Context, checklist: RegisterRecord[], sheetName: string): RegisterRecord[] {
  const rounds = evaluationRounds(registerFromRecords('checklist', 'checklist', checklist), c.lang);
  const status = (key: string) => itemLabel('actionStatuses', key, c.lang);
  const fill = (action: RegisterRecord, round: number) => {
    action.responsible ??= role(c);
    action.deadline ??= round + c.dice.int(90, 300);
  };
  let plan = refreshActions(registerFromRecords('actions', sheetName, []), proposedActions(rounds[0], c.lang)).rows;
  for (const action of plan) {
    fill(action, rounds[0].date);
    const key = c.dice.pick(['done', 'done', 'inProgress', 'inProgress', 'planned', 'dropped']);
    action.status = status(key);
    // Still open a year on: the deadline was moved, as a coordinator following up would.
    if (key === 'inProgress' || key === 'planned') action.deadline = c.today + c.dice.int(30, 200);
  }
  const overdue = plan.findIndex((a) => a.status === status('inProgress'));
  if (overdue >= 0) {
    plan[overdue].deadline = c.today - 30;
    c.problems.push({ rule: 'actions.deadline.overdue', sheetKey: 'actions', index: overdue, column: 'deadline' });
  }
  const refreshed = refreshActions(registerFromRecords('actions', sheetName, plan), proposedActions(rounds[1], c.lang));
  plan = refreshed.rows;
  for (const action of refreshed.added) fill(action, rounds[1].date);
  return plan;
}

export function demoWorkbook(options: DemoOptions): DemoWorkbook {
  const dice = new Dice(options.seed);
  const municipality = CASE_MUNICIPALITIES[Math.abs(options.seed) % CASE_MUNICIPALITIES.length];
  const settings = { ...defaultSettings(options.lang), municipality };
  const c: Context = { lang: options.lang, dice, today: options.today, settings, municipality, problems: [] };
  const partners = partnerRecords(c);
  c.problems.push({ rule: 'partners.orgNumber.checkDigit', sheetKey: 'partners', index: 2, column: 'orgNumber' });
  const org = String(partners[2].orgNumber);
  partners[2].orgNumber = `${org.slice(0, 8)}${(Number(org[8]) + 1) % 10}`;
  const agreements = agreementRecords(c, partners);
  plantAgreementProblems(c, agreements);
  const volunteers = volunteerRecords(c, partners, agreements, options.volunteers ?? 240);
  plantVolunteerProblems(c, volunteers);
  const hours = hoursRecords(c, volunteers);
  plantHoursProblems(c, hours, volunteers);
  const checklist = checklistRecords(c);
  const sheetNames = defaultSheetNames(options.lang);
  const actions = actionRecords(c, checklist, sheetNames.actions);
  return {
    input: {
      lang: options.lang,
      settings,
      records: { partners, agreements, volunteers, hours, checklist, actions },
      sheetNames,
      tables: defaultTableNames(options.lang),
      today: options.today,
      chosenAgreementId: String(agreements[0].id),
      chosenVolunteerId: String(volunteers[0].id),
    },
    problems: c.problems,
  };
}

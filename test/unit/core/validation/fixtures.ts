/**
 * Small hand-made workbooks for the rule tests: one clean row per register that passes every
 * rule, so each test changes one thing and sees exactly the issue it causes.
 */
import { content, itemLabel, sheetDef } from '../../../../src/core/content/content';
import { isoToSerial } from '../../../../src/core/model/dates';
import type { Lang } from '../../../../src/core/content/language';
import type { RegisterRows } from '../../../../src/core/model/registerRows';
import { defaultSettings, type SettingsValues } from '../../../../src/core/model/settingsModel';
import { REGISTER_KEYS, type RegisterKey } from '../../../../src/core/content/templateSchema';
import type { Issue } from '../../../../src/core/validation/issue';
import { validateWorkbook, type ValidationInput } from '../../../../src/core/validation/validateWorkbook';
import { defaultTableNames, registerFromRecords, type RegisterRecord, type WorkbookData } from '../../../../src/core/model/workbookData';

export const day = isoToSerial;
export const TODAY = day('2025-06-15');

export type Records = Partial<Record<RegisterKey, RegisterRecord[]>>;

export function labels(lang: Lang = 'nb') {
  const settings = defaultSettings(lang);
  const policeActivity = settings.policeActivities[0];
  const freeActivity = settings.lists.activityTypes.find((a) => !settings.policeActivities.includes(a));
  if (!policeActivity || !freeActivity) throw new Error('the tests need one activity with and one without a police certificate');
  const barrier = content().checklist.statements.find((s) => s.kind === 'barrier')!;
  const promoter = content().checklist.statements.find((s) => s.kind === 'promoter')!;
  return {
    settings,
    unit: settings.lists.units[0],
    otherUnit: settings.lists.units[1] ?? settings.lists.units[0],
    policeActivity,
    freeActivity,
    yes: itemLabel('yesNo', 'yes', lang),
    no: itemLabel('yesNo', 'no', lang),
    agreementActive: itemLabel('agreementStatuses', 'active', lang),
    agreementEnded: itemLabel('agreementStatuses', 'ended', lang),
    agreementDraft: itemLabel('agreementStatuses', 'draft', lang),
    volunteerActive: itemLabel('volunteerStatuses', 'active', lang),
    volunteerPaused: itemLabel('volunteerStatuses', 'paused', lang),
    volunteerEnded: itemLabel('volunteerStatuses', 'ended', lang),
    agree: itemLabel('ratingScale', 'agree', lang),
    partly: itemLabel('ratingScale', 'partly', lang),
    disagree: itemLabel('ratingScale', 'disagree', lang),
    actionPlanned: itemLabel('actionStatuses', 'planned', lang),
    actionDone: itemLabel('actionStatuses', 'done', lang),
    barrier,
    promoter,
    partnerType: settings.lists.partnerTypes[0],
    cooperationForm: settings.lists.cooperationForms[0],
    affiliation: settings.lists.affiliationForms[0],
    ageGroup: settings.lists.ageGroups[0],
  };
}

export const PARTNER = 'Sanitetslaget Nord';

/** One row per register that breaks no rule on TODAY. */
export function cleanRecords(lang: Lang = 'nb'): Required<Records> {
  const l = labels(lang);
  const kindText = (kind: 'promoter' | 'barrier') => content().strings[`checklist.kind.${kind}`][lang];
  return {
    partners: [
      {
        name: PARTNER,
        orgNumber: '923609016',
        type: l.partnerType,
        contactPerson: 'Kari Nordmann',
        phone: '+47 912 34 567',
        email: 'kari@sanitet.no',
        services: 'Besøk',
        units: l.unit,
        notes: null,
      },
    ],
    agreements: [
      {
        id: 'A-001',
        partner: PARTNER,
        unit: l.unit,
        measure: l.freeActivity,
        userGroup: null,
        cooperationForm: l.cooperationForm,
        start: day('2024-01-01'),
        end: day('2026-12-31'),
        nextReview: day('2026-01-15'),
        grantPerYear: 10000,
        paymentPerActivity: null,
        contactMunicipality: 'Per',
        contactPartner: 'Kari',
        requiresConfidentiality: l.yes,
        requiresPoliceCertificate: l.no,
        signedDate: day('2023-12-15'),
        status: l.agreementActive,
        notes: null,
      },
    ],
    volunteers: [
      {
        id: 'F-001',
        name: 'Ola Hansen',
        phone: '91234567',
        email: 'ola@example.no',
        ageGroup: l.ageGroup,
        affiliation: l.affiliation,
        partner: PARTNER,
        activity: l.freeActivity,
        unit: l.unit,
        start: day('2024-02-01'),
        confidentialityDate: day('2024-02-01'),
        policeCertificateDate: null,
        training: null,
        consentDate: day('2024-02-01'),
        status: l.volunteerActive,
        end: null,
        policeCertificateRequired: l.no,
        hoursLast12Months: 3,
        notes: null,
      },
    ],
    hours: [
      {
        date: day('2025-06-01'),
        activity: l.freeActivity,
        unit: l.unit,
        partner: PARTNER,
        volunteerId: 'F-001',
        volunteerCount: 1,
        hours: 3,
        usersReached: 4,
        notes: null,
      },
    ],
    checklist: [
      {
        round: day('2025-05-01'),
        scope: 'Hele kommunen',
        statementId: l.barrier.key,
        factor: l.barrier.factor,
        kind: kindText('barrier'),
        statement: l.barrier.text[lang],
        rating: l.agree,
        evidence: null,
        instrument: 'Koordinator',
        responsible: 'Enhetsleder',
        deadline: day('2025-12-31'),
      },
      {
        round: day('2025-05-01'),
        scope: 'Hele kommunen',
        statementId: l.promoter.key,
        factor: l.promoter.factor,
        kind: kindText('promoter'),
        statement: l.promoter.text[lang],
        rating: l.agree,
        evidence: null,
        instrument: null,
        responsible: null,
        deadline: null,
      },
    ],
    actions: [
      {
        round: day('2025-05-01'),
        statementId: l.barrier.key,
        factor: l.barrier.factor,
        problem: l.barrier.text[lang],
        instrument: 'Koordinator',
        instrumentType: l.settings.lists.instrumentTypes[0],
        responsible: 'Enhetsleder',
        deadline: day('2025-12-31'),
        status: l.actionPlanned,
        notes: null,
      },
    ],
  };
}

export function sheetName(key: RegisterKey, lang: Lang = 'nb'): string {
  return sheetDef(key).name[lang];
}

/** A workbook from records; registers not given are taken from the clean workbook. */
export function workbook(records: Records = {}, options: { lang?: Lang; settings?: Partial<SettingsValues> } = {}): WorkbookData {
  const lang = options.lang ?? 'nb';
  const clean = cleanRecords(lang);
  const registers = {} as Record<RegisterKey, RegisterRows>;
  for (const key of REGISTER_KEYS) registers[key] = registerFromRecords(key, sheetName(key, lang), records[key] ?? clean[key]);
  return { lang, settings: { ...defaultSettings(lang), ...options.settings }, tables: defaultTableNames(lang), registers };
}

/** The clean workbook with one register's first row changed. */
export function withFirst(key: RegisterKey, change: RegisterRecord, options: { lang?: Lang } = {}): WorkbookData {
  const clean = cleanRecords(options.lang);
  return workbook({ [key]: [{ ...clean[key][0], ...change }, ...clean[key].slice(1)] }, options);
}

export function validate(data: WorkbookData, extra: Partial<ValidationInput> = {}): Issue[] {
  return validateWorkbook({ data, today: TODAY, ...extra });
}

export function ofRule(issues: Issue[], rule: string): Issue[] {
  return issues.filter((i) => i.rule === rule);
}

/** "rule@cell" for every issue: compact to compare exactly. */
export function found(issues: Issue[]): string[] {
  return issues.map((i) => `${i.rule}@${i.cell}`);
}

/** The column letter a register column has in the template layout (registerFromRecords). */
export function cellOf(key: RegisterKey, columnKey: string, row = 2): string {
  const index = sheetDef(key).columns!.findIndex((c) => c.key === columnKey);
  if (index < 0) throw new Error(`no column ${columnKey}`);
  let n = index + 1;
  let letters = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

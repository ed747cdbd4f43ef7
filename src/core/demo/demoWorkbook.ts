/**
 * A demo workbook of one of the report's seven case municipalities (templates/demoCases.json):
 * its partners and forms of cooperation, its volunteers activity by activity at the units they
 * belong to, fifteen months of hours, two yearly evaluation rounds and the action plan they gave,
 * drawn from a seeded generator so the same case and seed always give the same workbook. A
 * handful of deliberate problems are planted, each recorded with the rule that must find it, so
 * validation can be shown to find exactly these.
 */
import type { Lang } from '../content/language';
import type { CaseKey, DemoCase } from '../content/demoCaseSchema';
import { defaultSheetNames, type WorkbookInput } from '../plan/buildWorkbookPlan';
import { defaultSettings } from '../model/settingsModel';
import type { RegisterKey } from '../content/templateSchema';
import { defaultTableNames } from '../model/workbookData';
import { hasAssignmentDuties } from '../model/assignmentDuties';
import type { CellValue } from '../port';
import { caseForSeed, demoCase } from './demoCases';
import { Dice } from './demoDice';
import { actionRecords, checklistRecords } from './demoEvaluation';
import { plantAgreementProblems, plantHoursProblems, plantPartnerProblems, plantVolunteerProblems } from './demoProblems';
import { agreementRecords, hoursRecords, isSignedForm, partnerRecords, volunteerRecords, type DemoContext } from './demoRegisters';

export interface DemoOptions {
  lang: Lang;
  seed: number;
  /** Serial day the demo is made on: hours run up to it. */
  today: number;
  /** Which case; without it the seed picks one (`caseForSeed`). */
  case?: CaseKey;
  /**
   * About this many volunteers instead of the case's own number, each activity scaled alike: for
   * tests and benchmarks that need a size. The case's own demo leaves it out.
   */
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
  /** The case profile the demo was built from. */
  profile: DemoCase;
}

export function demoWorkbook(options: DemoOptions): DemoWorkbook {
  const profile = demoCase(options.case ?? caseForSeed(options.seed));
  const ownSize = profile.activities.reduce((n, a) => n + a.volunteers, 0);
  const settings = { ...defaultSettings(options.lang), municipality: profile.municipality };
  const c: DemoContext = {
    lang: options.lang,
    dice: new Dice(options.seed),
    today: options.today,
    settings,
    profile,
    scale: options.volunteers === undefined ? 1 : options.volunteers / ownSize,
    paperDice: new Dice(options.seed + 0x5c3),
    problems: [],
  };
  const partners = partnerRecords(c);
  plantPartnerProblems(c, partners);
  const agreements = agreementRecords(c, partners);
  const volunteers = volunteerRecords(c, agreements);
  plantAgreementProblems(c, agreements);
  plantVolunteerProblems(c, volunteers, agreements);
  const hours = hoursRecords(c, volunteers);
  plantHoursProblems(c, hours, volunteers);
  const checklist = checklistRecords(c);
  const sheetNames = defaultSheetNames(options.lang);
  const actions = actionRecords(c, checklist, sheetNames.actions);
  const printable = profile.agreements.findIndex((a) => isSignedForm(a.form));
  return {
    input: {
      lang: options.lang,
      settings,
      records: { partners, agreements, volunteers, hours, checklist, actions },
      sheetNames,
      tables: defaultTableNames(options.lang),
      today: options.today,
      chosenAgreementId: String(agreements[Math.max(0, printable)].id),
      chosenVolunteerId: String((volunteers.find((v) => hasAssignmentDuties(v.affiliation as CellValue)) ?? volunteers[0]).id),
    },
    problems: c.problems,
    profile,
  };
}

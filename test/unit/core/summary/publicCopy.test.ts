/**
 * Issue 15, points 16 and 17: the copy for leaders and the public hides small counts of people
 * (the totals stay right), and finds names of people in any shape — either order, initials, the
 * municipality's own staff named as action owners — in every text it keeps. The full workbook's
 * summary scrubs its evaluation texts the same way, so that it may say it shows no names.
 */
import { itemLabel, workbookStrings } from '../../../../src/core/content/content';
import { refreshSummary } from '../../../../src/core/evaluation/summaryRefresh';
import { buildWorkbookPlan, workbookData } from '../../../../src/core/plan/buildWorkbookPlan';
import { isFormula, type PlannedSheet, type WorkbookPlan } from '../../../../src/core/plan/workbookPlan';
import { publicWorkbookPlan } from '../../../../src/core/summary/publicCopy';
import { parseCellReference, parseCell } from '../../../../src/core/model/a1';
import { d, REPORT_DATE } from '../../../support/figureTrustCases';
import { newWorkbookInput } from '../../../../src/core/plan/newWorkbookInput';
import type { RegisterRecord } from '../../../../src/core/model/workbookData';

const L = (list: string, item: string) => itemLabel(list, item, 'nb');
const REMOVED = workbookStrings.text('public.removed', 'nb');

function volunteer(id: string, name: string, affiliation: string): RegisterRecord {
  return {
    id,
    name,
    status: L('volunteerStatuses', 'active'),
    start: d('2024-01-01'),
    affiliation: L('affiliationForms', affiliation),
    ageGroup: L('ageGroups', 'age30to54'),
  };
}

function input() {
  const i = newWorkbookInput('nb', REPORT_DATE);
  i.settings.reportDate = REPORT_DATE;
  // Affiliation: 1 through an organisation, 3 through the volunteer centre, 7 unorganised, 0 informal; 11 in all.
  i.records.volunteers = [
    volunteer('V01', 'Svein Pettersen', 'organisation'),
    ...['Ingrid Dahl', 'Ola Nordmann', 'Kari Lie'].map((n, k) => volunteer(`V1${k}`, n, 'frivilligsentral')),
    ...Array.from({ length: 7 }, (_, k) => volunteer(`V2${k}`, `Frivillig Nummer${k}`, 'unorganised')),
  ];
  i.records.partners = [{ name: 'Sanitetslaget', contactPerson: 'Marte Kirkerud', phone: '91234567' }];
  const first = i.records.checklist[0];
  i.records.checklist = i.records.checklist.map((r, k) =>
    k === 0 ? { ...r, rating: L('ratingScale', 'agree'), participants: 'Ansatte; Svein Pettersen' } : r,
  );
  i.records.actions = [
    {
      round: d('2026-05-01'),
      statementId: first.statementId,
      factor: first.factor,
      problem: 'Avklar med Pettersen, Svein og Dahl Ingrid',
      instrument: 'Møte med S. Pettersen',
      responsible: 'Tone Hauge',
      status: L('actionStatuses', 'planned'),
    },
    {
      round: d('2026-05-01'),
      statementId: first.statementId,
      factor: first.factor,
      problem: 'Tone Hauge følger opp; ring 912 34 567',
      instrument: 'Plan',
      responsible: 'Enhetsleder',
      status: L('actionStatuses', 'planned'),
    },
  ];
  return i;
}

function texts(sheet: PlannedSheet): string[] {
  const cellTexts = sheet.cells.flatMap((c) =>
    typeof c.value === 'string' ? [c.value] : isFormula(c.value) && typeof c.value.result === 'string' ? [c.value.result] : [],
  );
  const tableTexts = sheet.tables.flatMap((t) => [...t.headers, ...t.rows.flat().filter((v): v is string => typeof v === 'string')]);
  return [...cellTexts, ...tableTexts];
}

function named(plan: WorkbookPlan, name: string) {
  const ref = parseCellReference(plan.names.find((n) => n.name === name)!.refersTo)!;
  const at = parseCell(ref.address)!;
  return plan.sheets.find((s) => s.name === ref.sheet)!.cells.find((c) => c.row === at.row && c.col === at.col)?.value;
}

describe('the public copy', () => {
  const refresh = refreshSummary(workbookData(input()), REPORT_DATE, '2026-06-30 12:00');
  const plan = publicWorkbookPlan(refresh);
  const all = plan.sheets.flatMap(texts);

  it('16: shows counts of 1–4 in a breakdown of people as "<5", hides the next smallest when only one is hidden, and keeps the totals', () => {
    expect(named(plan, 'kpi_active_volunteers')).toBe(11);
    expect(named(plan, 'kpi_volunteers_affiliation_organisation')).toBe('<5');
    expect(named(plan, 'kpi_volunteers_affiliation_frivilligsentral')).toBe('<5');
    expect(named(plan, 'kpi_volunteers_affiliation_unorganised')).toBe(7);
    expect(named(plan, 'kpi_volunteers_affiliation_informalHelper')).toBe(0);
    // Age: 11 in one group, nothing small: nothing hidden.
    expect(named(plan, 'kpi_volunteers_age_age30to54')).toBe(11);
    // One volunteer of 80 or more, the rest 30–54: the one small count is hidden, and the next smallest with it.
    const one = input();
    one.records.volunteers = one.records.volunteers.map((v, k) => (k === 0 ? { ...v, ageGroup: L('ageGroups', 'age80plus') } : v));
    const copy = publicWorkbookPlan(refreshSummary(workbookData(one), REPORT_DATE, 'x'));
    expect(named(copy, 'kpi_volunteers_age_age80plus')).toBe('<5');
    expect(named(copy, 'kpi_volunteers_age_age30to54')).toBe('skjult');
    expect(named(copy, 'kpi_active_volunteers')).toBe(11);
  });

  it('takes the threshold from the settings', () => {
    const three = input();
    three.settings.publicMinCount = 3;
    const copy = publicWorkbookPlan(refreshSummary(workbookData(three), REPORT_DATE, 'x'));
    expect(named(copy, 'kpi_volunteers_affiliation_organisation')).toBe('<3');
    // The only small count: the next smallest (3) is hidden with it, so 11 − 7 − 0 does not give it away.
    expect(named(copy, 'kpi_volunteers_affiliation_frivilligsentral')).toBe('skjult');
    expect(named(copy, 'kpi_volunteers_affiliation_unorganised')).toBe(7);
  });

  it('17: finds names in any order and with initials, and action owners, and leaves no phone number', () => {
    for (const shape of ['Svein Pettersen', 'Pettersen, Svein', 'Dahl Ingrid', 'S. Pettersen', 'Tone Hauge', '912 34 567']) {
      expect([shape, all.filter((t) => t.includes(shape))]).toEqual([shape, []]);
    }
    expect(all).toContain(`Avklar med ${REMOVED} og ${REMOVED}`);
    expect(all).toContain(`Møte med ${REMOVED}`);
  });

  it('17: an owner that is a role, not a name, is not hunted for in other texts', () => {
    const roles = input();
    roles.records.actions = roles.records.actions.map((a) => ({ ...a, responsible: 'Kommunalsjef helse og omsorg' }));
    const texts = publicWorkbookPlan(refreshSummary(workbookData(roles), REPORT_DATE, 'x')).sheets.flatMap((s) => s.cells.map((c) => String(c.value)));
    expect(texts).toContain('Særlig for pleie og omsorg');
  });

  it('17: leaves out the action owners column, the notes and the statement code', () => {
    const actions = plan.sheets.find((s) => s.key === 'actions')!;
    expect(actions.tables[0].headers).not.toContain('Ansvarlig');
    expect(actions.tables[0].headers).not.toContain('Nr');
    expect(all).not.toContain('Enhetsleder');
  });
});

describe("17: the full workbook's summary scrubs the evaluation's texts", () => {
  it('participants and statements name no one from the registers', () => {
    const plan = buildWorkbookPlan(input());
    const summary = plan.sheets.find((s) => s.key === 'summary')!;
    expect(texts(summary).filter((t) => t.includes('Pettersen'))).toEqual([]);
    expect(named(plan, 'kpi_eval_participants')).toBe(`Ansatte, ${REMOVED}`);
  });
});

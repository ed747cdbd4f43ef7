/**
 * The demo's evaluation: two rounds a year apart with participants, and an action plan that is
 * exactly what the action-plan core gives — refreshing it adds nothing — and that validation
 * finds no fault with beyond the problems planted on purpose.
 */
import { isoToSerial } from '../../../../src/core/model/dates';
import { demoWorkbook } from '../../../../src/core/demo/demoWorkbook';
import { proposedActions, refreshActions } from '../../../../src/core/evaluation/actionPlan';
import { evaluationRounds, latestAndPrevious } from '../../../../src/core/evaluation/evaluationRounds';
import { LANGUAGES } from '../../../../src/core/content/language';
import { workbookData } from '../../../../src/core/plan/buildWorkbookPlan';
import { validateWorkbook } from '../../../../src/core/validation/validateWorkbook';

const TODAY = isoToSerial('2026-11-23');

describe.each(LANGUAGES)('the %s demo', (lang) => {
  const demo = demoWorkbook({ lang, seed: 1, today: TODAY, volunteers: 60 });
  const data = workbookData(demo.input);
  const rounds = evaluationRounds(data.registers.checklist, lang);

  it('has two rated rounds a year apart, users taking part only in the latest', () => {
    const { latest, previous } = latestAndPrevious(rounds);
    expect(rounds).toHaveLength(2);
    expect(latest!.date - previous!.date).toBeGreaterThanOrEqual(365);
    expect(previous!.participants.groups).toEqual(['staff', 'volunteers']);
    expect(latest!.participants.groups).toContain('users');
  });

  it('has an action plan the core would keep as it is, with statuses followed up', () => {
    const again = refreshActions(data.registers.actions, proposedActions(rounds[1], lang));
    expect(again.added).toEqual([]);
    const statuses = new Set(demo.input.records.actions.map((a) => a.status));
    expect(statuses.size).toBeGreaterThanOrEqual(3);
    expect(demo.input.records.actions.every((a) => a.responsible !== null && a.deadline !== null)).toBe(true);
  });

  it('breaks no rule on the checklist or the action plan beyond the planted problems', () => {
    const issues = validateWorkbook({ data, today: TODAY }).filter((i) => i.sheetKey === 'checklist' || i.sheetKey === 'actions');
    const planted = demo.problems.filter((p) => p.sheetKey === 'checklist' || p.sheetKey === 'actions').map((p) => p.rule);
    expect(planted).toContain('actions.deadline.overdue');
    expect(issues.map((i) => i.rule).sort()).toEqual(planted.sort());
  });
});

/**
 * The demo's evaluation: two yearly rounds of the checklist, the older first, and the action plan
 * they gave, made the way the program makes it. One problem is planted: a barrier present both
 * years, followed up last year and left without a measure this year.
 */
import { checklistRound } from '../evaluation/checklistRows';
import { content, itemLabel, workbookStrings } from '../content/content';
import { addMonths } from '../model/dates';
import { registerFromRecords, type RegisterRecord } from '../model/workbookData';
import { proposedActions, refreshActions } from '../evaluation/actionPlan';
import { evaluationRounds } from '../evaluation/evaluationRounds';
import type { DemoContext } from './demoRegisters';

const ROLES = ['demo.role.unitHead', 'demo.role.coordinator', 'demo.role.director', 'demo.role.homeCare'] as const;

/** Who follows up: a role, as municipalities usually write it, never a volunteer's name. */
function role(c: DemoContext): string {
  return workbookStrings.text(c.dice.pick(ROLES), c.lang);
}

function participants(c: DemoContext, keys: string[]): string {
  return keys.map((k) => itemLabel('participantGroups', k, c.lang)).join(', ');
}

/**
 * One rated round. `better` shifts the ratings the way a year of work would: barriers present
 * less often, promoters in place more often, so the demo's trend has something to show.
 */
function ratedRound(c: DemoContext, date: number, who: string, better: boolean): RegisterRecord[] {
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
export function checklistRecords(c: DemoContext): RegisterRecord[] {
  const latestDate = c.today - 60;
  const previous = ratedRound(c, addMonths(latestDate, -12), participants(c, ['staff', 'volunteers']), false);
  const latest = ratedRound(c, latestDate, participants(c, ['staff', 'volunteers', 'partners', 'users']), true);
  // Planted: a barrier present both years, followed up last year, left without a measure this year.
  const barrier = content().checklist.statements.findIndex((s) => s.kind === 'barrier');
  const statement = content().checklist.statements[barrier];
  const rating = itemLabel('ratingScale', 'agree', c.lang);
  const instrument = content().checklist.instruments.find((i) => i.key === statement.instruments[0])!.label[c.lang];
  Object.assign(previous[barrier], { rating, instrument, responsible: role(c), deadline: (previous[barrier].round as number) + 120 });
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
export function actionRecords(c: DemoContext, checklist: RegisterRecord[], sheetName: string): RegisterRecord[] {
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

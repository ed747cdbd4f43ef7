/**
 * The action plan from hand-made rounds: which ratings bring actions, with which instruments,
 * and a refresh that keeps every existing row as the user left it and never adds a pair twice.
 */
import { itemLabel } from '../../../../src/core/content/content';
import { isoToSerial as d } from '../../../../src/core/model/dates';
import { actionKey, isOpenAction, proposedActions, refreshActions } from '../../../../src/core/evaluation/actionPlan';
import { evaluationRounds } from '../../../../src/core/evaluation/evaluationRounds';
import { actions, checklist, rated } from './helpers';

const R1 = d('2025-05-01');
const R2 = d('2026-05-01');
const done = itemLabel('actionStatuses', 'done', 'nb');
const planned = itemLabel('actionStatuses', 'planned', 'nb');

const round1 = [
  // Barrier present, with the follow-up typed in the checklist: carried into its actions.
  rated(R1, 'econUnpredictable', 'agree', 'nb', { instrument: 'Skriftlig samarbeidsavtale', responsible: 'Enhetsleder', deadline: d('2025-12-31') }),
  // Barrier partly present, with an instrument of the municipality's own: an extra action.
  rated(R1, 'recHard', 'partly', 'nb', { instrument: 'Rekruttering via ungdomsklubben' }),
  // Promoter missing.
  rated(R1, 'recNetworks', 'disagree'),
  // No action: barrier absent, promoter in place, not relevant, don't know, unrated.
  rated(R1, 'econExpenses', 'disagree'),
  rated(R1, 'econSupport', 'agree'),
  rated(R1, 'proTraining', 'notRelevant'),
  rated(R1, 'recAgeing', 'dontKnow'),
  rated(R1, 'recMotives', null),
];

function proposals(rows = round1, lang: 'nb' | 'en' = 'nb') {
  const rounds = evaluationRounds(checklist(rows), lang);
  return proposedActions(rounds.at(-1)!, lang);
}

describe('proposed actions', () => {
  const plan = proposals();

  it('gives one action per recommended instrument for each barrier present and each promoter missing', () => {
    expect(plan.map((a) => [a.statementId, a.instrument])).toEqual([
      ['econUnpredictable', 'Flerårig tilskudd i avtalen'],
      ['econUnpredictable', 'Skriftlig samarbeidsavtale'],
      ['econUnpredictable', 'Hjelp til å søke eksterne midler'],
      ['recHard', 'Annonsering etter frivillige'],
      ['recHard', 'Bred rekruttering'],
      ['recHard', 'Samarbeid med skoler om unge frivillige'],
      ['recHard', 'Rekruttering via ungdomsklubben'],
      ['recNetworks', 'Anerkjennelse og ivaretakelse'],
      ['recNetworks', 'Tiltak i nærmiljøet'],
    ]);
  });

  it('fills round, factor, problem, instrument type and status, and carries the checklist row’s follow-up', () => {
    expect(plan[0]).toMatchObject({
      round: R1,
      factor: 'Økonomi',
      instrumentType: 'Økonomisk',
      status: planned,
      responsible: 'Enhetsleder',
      deadline: d('2025-12-31'),
    });
    expect(plan[0].problem).toBe('Tilskuddene til frivillige er uforutsigbare fra år til år.');
    expect(plan[1]).toMatchObject({ instrumentType: 'Juridisk', responsible: 'Enhetsleder' });
    expect(plan[6]).toMatchObject({ instrumentType: null, responsible: null, deadline: null });
    expect(plan[7].problem).toMatch(/^Fremmer mangler: /);
  });

  it('writes the labels of the workbook’s language', () => {
    const en = proposals(
      round1.map((r) => ({ ...r, instrument: null })),
      'en',
    );
    expect(en[0]).toMatchObject({ factor: 'Funding', instrument: 'Multi-year grant in the agreement', instrumentType: 'Economic', status: 'Planned' });
  });
});

describe('refreshing the plan', () => {
  const existing = [
    // Planned last year, typed in English, since finished: must stay exactly so.
    {
      round: d('2024-05-01'),
      statementId: 'econUnpredictable',
      factor: 'Økonomi',
      problem: 'Uforutsigbart',
      instrument: 'Multi-year grant in the agreement',
      instrumentType: 'Økonomisk',
      responsible: 'Kommunalsjef',
      deadline: d('2024-12-31'),
      status: done,
      notes: 'Vedtatt i budsjettet',
    },
    // The user's own action, not from the checklist: kept.
    {
      round: null,
      statementId: 'egen',
      factor: null,
      problem: 'Lite kjent tilbud',
      instrument: 'Brosjyre',
      instrumentType: null,
      responsible: 'Koordinator',
      deadline: null,
      status: null,
      notes: null,
    },
  ];

  it('keeps every existing row unchanged and adds only the pairs not yet planned', () => {
    const result = refreshActions(actions(existing), proposals());
    expect(result.kept).toBe(2);
    expect(result.rows.slice(0, 2)).toEqual(existing);
    expect(result.added).toHaveLength(8); // 9 proposed, one (econUnpredictable + multi-year grant) already there
    expect(result.added.some((a) => a.statementId === 'econUnpredictable' && a.instrument === 'Flerårig tilskudd i avtalen')).toBe(false);
    expect(result.rows).toHaveLength(10);
  });

  it('adds nothing when refreshed again, and never duplicates', () => {
    const once = refreshActions(actions(existing), proposals());
    const twice = refreshActions(actions(once.rows), proposals());
    expect(twice.added).toEqual([]);
    expect(twice.rows).toEqual(once.rows);
    const keys = twice.rows.map((r) => actionKey(r.statementId as string, r.instrument as string));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('adds the actions of a new barrier in a later round, and keeps last year’s', () => {
    const first = refreshActions(actions([]), proposals());
    const round2 = [
      rated(R2, 'econUnpredictable', 'partly'), // still present: its actions exist
      rated(R2, 'recHard', 'disagree'), // gone: its actions stay as they are
      rated(R2, 'recAgeing', 'agree'), // new: youthSchools and broadRecruitment
    ];
    const second = refreshActions(actions(first.rows), proposals(round2));
    expect(second.added.map((a) => [a.statementId, a.instrument, a.round])).toEqual([
      ['recAgeing', 'Samarbeid med skoler om unge frivillige', R2],
      ['recAgeing', 'Bred rekruttering', R2],
    ]);
    expect(second.rows.slice(0, first.rows.length)).toEqual(first.rows);
  });
});

describe('open actions', () => {
  it('counts rows naming a statement whose status is not done or dropped; a blank status is open', () => {
    const status = (k: string) => itemLabel('actionStatuses', k, 'nb');
    const rows = [
      { statementId: 'a', status: status('planned') },
      { statementId: 'b', status: status('inProgress') },
      { statementId: 'c', status: null },
      { statementId: 'd', status: status('done').toUpperCase() },
      { statementId: 'e', status: status('dropped') },
      { statementId: null, status: status('planned') },
    ];
    expect(rows.filter((r) => isOpenAction(r, 'nb')).map((r) => r.statementId)).toEqual(['a', 'b', 'c']);
  });
});

import { content } from '../../../../src/core/content/content';
import { cellOf, cleanRecords, found, labels, validate, workbook } from './fixtures';

const l = labels();
const [barrier, promoter] = cleanRecords().checklist;
/** The checklist alone, with an empty action plan, so that only the ratings' own cells count. */
const only = (rows: Record<string, unknown>[]) => found(validate(workbook({ checklist: rows as never, actions: [] })));
const at = (rule: string, column: string, row = 2) => `${rule}@${cellOf('checklist', column, row)}`;

describe('checklist rules', () => {
  it('checklist.rating.missing: one progress item per round, at its first unrated statement; near miss: every statement rated', () => {
    const issues = validate(
      workbook({ checklist: [{ ...promoter }, { ...barrier, rating: null }, { ...promoter, statementId: 'x', rating: ' ' }] as never, actions: [] }),
    );
    expect(found(issues)).toEqual([at('checklist.rating.missing', 'rating', 3)]);
    expect(issues[0]).toMatchObject({ severity: 'info' });
    expect(issues[0].message).toMatch(/^1 av 3 påstander er vurdert i evalueringen \d\d\.\d\d\.\d{4}\./);
    expect(only([{ ...barrier, rating: l.disagree, instrument: null, responsible: null, deadline: null }, promoter])).toEqual([]);
  });

  it('checklist.rating.missing: two rounds with unrated statements give two items', () => {
    const next = (barrier.round as number) + 365;
    expect(
      only([
        { ...barrier, rating: null },
        { ...promoter, round: next, rating: null },
        { ...barrier, round: next, rating: null },
      ]),
    ).toEqual([at('checklist.rating.missing', 'rating', 2), at('checklist.rating.missing', 'rating', 3)]);
  });

  it('checklist.instrument/responsible/deadline.missing: a barrier rated present without a measure, each missing cell', () => {
    expect(only([{ ...barrier, rating: l.partly, instrument: null, responsible: null, deadline: null }])).toEqual([
      at('checklist.instrument.missing', 'instrument'),
      at('checklist.responsible.missing', 'responsible'),
      at('checklist.deadline.missing', 'deadline'),
    ]);
    expect(only([{ ...barrier, responsible: '' }])).toEqual([at('checklist.responsible.missing', 'responsible')]);
  });

  it('near misses: a promoter rated present, or a barrier rated absent, needs no measure', () => {
    expect(only([{ ...promoter, rating: l.agree, instrument: null, responsible: null, deadline: null }])).toEqual([]);
    expect(only([{ ...barrier, rating: l.disagree, instrument: null, responsible: null, deadline: null }])).toEqual([]);
  });

  it('knows a barrier by the kind in any language, or by the statement id when the kind is unknown', () => {
    const english = content().strings['checklist.kind.barrier'].en;
    const noMeasure = { instrument: null, responsible: null, deadline: null };
    expect(only([{ ...barrier, ...noMeasure, kind: english.toUpperCase() }])).toHaveLength(3);
    expect(only([{ ...barrier, ...noMeasure, kind: '?' }])).toHaveLength(3);
    expect(only([{ ...promoter, ...noMeasure, kind: '?' }])).toEqual([]);
  });

  it('finds nothing in an empty checklist', () => {
    expect(only([])).toEqual([]);
  });
});

describe('checklist duplicates', () => {
  it('checklist.statementId.duplicate: catches a statement twice in one round; near miss: the same statement in the next round', () => {
    expect(only([barrier, promoter, { ...barrier }])).toEqual([at('checklist.statementId.duplicate', 'statementId', 4)]);
    expect(only([barrier, promoter, { ...barrier, round: (barrier.round as number) + 365 }])).toEqual([]);
  });
});

describe('barrier measures written in the action plan', () => {
  const noMeasure = { instrument: null, responsible: null, deadline: null };
  const action = cleanRecords().actions[0];

  it('counts a measure in the action plan for the same round and statement', () => {
    expect(found(validate(workbook({ checklist: [{ ...barrier, ...noMeasure }], actions: [action] })))).toEqual([]);
  });

  it('near misses: an action for another round, or one without a deadline, leaves the gap reported', () => {
    const otherRound = { ...action, round: (action.round as number) - 365 };
    expect(found(validate(workbook({ checklist: [{ ...barrier, ...noMeasure }], actions: [otherRound] })))).toHaveLength(3);
    const noDeadline = { ...action, deadline: null };
    expect(found(validate(workbook({ checklist: [{ ...barrier, ...noMeasure }], actions: [noDeadline] })))).toEqual([
      at('checklist.deadline.missing', 'deadline'),
    ]);
  });
});

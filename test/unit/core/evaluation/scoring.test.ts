/**
 * Scoring on hand-made rounds whose answers are worked out in the comments: agree counts 1,
 * partly 0.5, disagree 0; not relevant, don't know and blank count in neither part nor whole.
 */
import { isoToSerial as d } from '../../../../src/core/model/dates';
import { evaluationRounds, latestAndPrevious, parseParticipants, participantLabels } from '../../../../src/core/evaluation/evaluationRounds';
import { barrierPercent, changeSince, promoterPercent, scoreRound, topBarriers } from '../../../../src/core/evaluation/scoring';
import { checklist, rated } from './helpers';

const R1 = d('2025-05-01');
const R2 = d('2026-05-01');

const rows = [
  // The newer round first: rounds are ordered by their date, not by where the rows stand.
  rated(R2, 'econSupport', 'agree', 'nb', { participants: 'Ansatte, Frivillige, Brukere' }),
  rated(R2, 'econPerActivity', 'agree'),
  rated(R2, 'econUnpredictable', 'partly'),
  rated(R2, 'econExpenses', 'disagree'),
  rated(R2, 'recNetworks', 'agree'),
  rated(R2, 'recHard', 'disagree', 'nb', { participants: 'Pårørende' }),
  rated(R1, 'econSupport', 'agree', 'nb', { participants: 'Ansatte' }),
  rated(R1, 'econPerActivity', 'partly'),
  rated(R1, 'econRecognition', 'notRelevant'),
  rated(R1, 'econUnpredictable', 'agree'),
  rated(R1, 'econExpenses', 'disagree'),
  rated(R1, 'econUnwilling', 'dontKnow'),
  rated(R1, 'recNetworks', 'disagree'),
  // Rated in English in a Norwegian workbook: still understood.
  rated(R1, 'recHard', 'partly', 'en'),
  rated(R1, 'recAgeing', null),
];

describe('evaluation rounds', () => {
  const rounds = evaluationRounds(checklist(rows), 'nb');

  it('groups rows by date, oldest first, and collects who took part from every row of the round', () => {
    expect(rounds.map((r) => r.date)).toEqual([R1, R2]);
    expect(rounds[0].statements).toHaveLength(9);
    expect(rounds[1].participants.groups).toEqual(['staff', 'volunteers', 'users', 'relatives']);
    expect(participantLabels(rounds[0].participants, 'en')).toEqual(['Staff']);
  });

  it('reads participants separated by commas or semicolons, in any language, keeping unknown groups as typed', () => {
    const p = parseParticipants('Ansatte; frivillige,Users ,  Naboer; naboer');
    expect(p.groups).toEqual(['staff', 'volunteers', 'users']);
    expect(p.other).toEqual(['Naboer']);
    expect(parseParticipants(null)).toEqual({ groups: [], other: [] });
  });

  it('skips an unrated round when finding the latest', () => {
    const withBlank = evaluationRounds(checklist([...rows, rated(d('2027-01-01'), 'econSupport', null)]), 'nb');
    const { latest, previous } = latestAndPrevious(withBlank);
    expect([latest?.date, previous?.date]).toEqual([R2, R1]);
  });
});

describe('scoring', () => {
  const [first, second] = evaluationRounds(checklist(rows), 'nb').map(scoreRound);
  const economy = (s: typeof first) => s.factors.find((f) => f.factor === 'economy')!;
  const recruitment = (s: typeof first) => s.factors.find((f) => f.factor === 'recruitment')!;

  it('counts promoters in place and barriers present per factor, ignoring not relevant and don’t know', () => {
    // Economy, round 1: promoters agree 1 + partly 0.5 of 2 rated (notRelevant left out); barriers agree 1 + disagree 0 of 2.
    expect(economy(first)).toEqual({ factor: 'economy', promotersInPlace: 1.5, promotersRated: 2, barriersPresent: 1, barriersRated: 2 });
    expect([promoterPercent(economy(first)), barrierPercent(economy(first))]).toEqual([75, 50]);
    // Recruitment, round 1: the promoter is missing (0 of 1); recHard partly (0.5 of 1); recAgeing unrated.
    expect([promoterPercent(recruitment(first)), barrierPercent(recruitment(first))]).toEqual([0, 50]);
  });

  it('gives no share, rather than zero, for a factor with nothing rated', () => {
    const care = first.factors.find((f) => f.factor === 'careSpecific')!;
    expect([promoterPercent(care), barrierPercent(care)]).toEqual([null, null]);
    expect(first.factors).toHaveLength(8);
  });

  it('sums an overall profile over all factors', () => {
    // Round 1: promoters 1.5 of 3, barriers 1.5 of 3. Round 2: promoters 3 of 3, barriers 0.5 of 3 (17 %).
    expect([promoterPercent(first.overall), barrierPercent(first.overall)]).toEqual([50, 50]);
    expect([promoterPercent(second.overall), barrierPercent(second.overall)]).toEqual([100, 17]);
  });

  it('measures the change since the previous round in percentage points', () => {
    const change = changeSince(second, first);
    expect(change.find((c) => c.factor === 'economy')).toEqual({ factor: 'economy', promoters: 25, barriers: -25 });
    expect(change.find((c) => c.factor === 'recruitment')).toEqual({ factor: 'recruitment', promoters: 100, barriers: -50 });
    expect(change.at(-1)).toEqual({ factor: 'overall', promoters: 50, barriers: -33 });
    expect(change.find((c) => c.factor === 'communication')).toEqual({ factor: 'communication', promoters: null, barriers: null });
  });

  it('ranks the barriers most present: agree before partly, then in checklist order', () => {
    const [round1] = evaluationRounds(checklist(rows), 'nb');
    expect(topBarriers(round1).map((s) => [s.statementId, s.rating])).toEqual([
      ['econUnpredictable', 'agree'],
      ['recHard', 'partly'],
    ]);
    expect(topBarriers(round1, 1)).toHaveLength(1);
  });
});

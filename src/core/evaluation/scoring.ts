/**
 * Scoring an evaluation round, the same in the add-in, the command line and the summary sheet.
 *
 * For each factor:
 * - promoters in place: each promoter rated "agree" counts 1, "partly" 0.5, "disagree" 0, out of
 *   the promoters rated (agree, partly or disagree);
 * - barriers present: each barrier rated "agree" counts 1, "partly" 0.5, "disagree" 0, out of the
 *   barriers rated.
 * "Not relevant", "don't know" and blank ratings count in neither part nor whole: a statement
 * nobody could judge says nothing about the municipality. The overall profile sums the parts and
 * wholes over all factors, so a factor with more rated statements counts more in it. That is
 * Samspill's choice: the report gives the factors no weights (000_816c9c010d52404f.txt:3565-3619
 * lists them side by side; 3777-3781 names the people involved as what matters most).
 * The shares are shown as whole percentages; the change since the previous round is the
 * difference of the shares in percentage points, null where either round rated nothing.
 */
import { FACTOR_KEYS, type FactorKey } from '../content/contentSchema';
import type { EvaluationRound, RatedStatement, RatingKey } from './evaluationRounds';

/** How much of "in place" (promoter) or "present" (barrier) a rating means; absent: not counted. */
export const RATING_WEIGHT: Partial<Record<RatingKey, number>> = { agree: 1, partly: 0.5, disagree: 0 };

export interface FactorScore {
  factor: FactorKey | 'overall';
  promotersInPlace: number;
  promotersRated: number;
  barriersPresent: number;
  barriersRated: number;
}

export interface RoundScore {
  date: number;
  factors: FactorScore[];
  overall: FactorScore;
}

export interface FactorChange {
  factor: FactorKey | 'overall';
  /** Percentage points; null when either round has nothing rated for the factor. */
  promoters: number | null;
  barriers: number | null;
}

function emptyScore(factor: FactorKey | 'overall'): FactorScore {
  return { factor, promotersInPlace: 0, promotersRated: 0, barriersPresent: 0, barriersRated: 0 };
}

function add(score: FactorScore, statement: RatedStatement): void {
  const weight = statement.rating === null ? undefined : RATING_WEIGHT[statement.rating];
  if (weight === undefined) return;
  if (statement.kind === 'promoter') {
    score.promotersInPlace += weight;
    score.promotersRated++;
  } else {
    score.barriersPresent += weight;
    score.barriersRated++;
  }
}

export function scoreRound(round: EvaluationRound): RoundScore {
  const factors = FACTOR_KEYS.map(emptyScore);
  const overall = emptyScore('overall');
  for (const statement of round.statements) {
    add(factors[FACTOR_KEYS.indexOf(statement.factor)], statement);
    add(overall, statement);
  }
  return { date: round.date, factors, overall };
}

/** A share as a whole percentage; null when nothing was rated. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((100 * part) / whole) : null;
}

export function promoterPercent(score: FactorScore): number | null {
  return percent(score.promotersInPlace, score.promotersRated);
}

export function barrierPercent(score: FactorScore): number | null {
  return percent(score.barriersPresent, score.barriersRated);
}

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

/** Change from the previous round to the latest, per factor and overall (last). */
export function changeSince(latest: RoundScore, previous: RoundScore): FactorChange[] {
  const pairs: [FactorScore, FactorScore][] = [
    ...latest.factors.map((f, i) => [f, previous.factors[i]] as [FactorScore, FactorScore]),
    [latest.overall, previous.overall],
  ];
  return pairs.map(([now, before]) => ({
    factor: now.factor,
    promoters: difference(promoterPercent(now), promoterPercent(before)),
    barriers: difference(barrierPercent(now), barrierPercent(before)),
  }));
}

/**
 * The barriers most present in a round: rated "agree" before "partly", then in the order of the
 * checklist (which follows the report's own order within each factor).
 */
export function topBarriers(round: EvaluationRound, limit = 5): RatedStatement[] {
  return round.statements
    .map((s, order) => ({ s, order, weight: s.kind === 'barrier' && s.rating ? (RATING_WEIGHT[s.rating] ?? 0) : 0 }))
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .slice(0, limit)
    .map((x) => x.s);
}

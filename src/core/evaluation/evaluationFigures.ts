/**
 * The evaluation's part of the summary sheet. Scoring seventy statements per round, by factor,
 * with a trend against the round before, is too costly and too brittle as a worksheet formula, so
 * the program computes it and writes plain values, stamped with the time they were refreshed.
 * Their defined names (kpi_eval_<factor>_promoters, …) exist all the same, so a reader finds them
 * whatever the layout. The open-actions count stays a live formula over the action plan.
 */
import { factorLabel } from './checklistRows';
import { content, itemLabel, workbookStrings, type WorkbookStringKey } from '../content/content';
import type { FactorKey } from '../content/contentSchema';
import { FormulaRefs } from '../plan/formulaRefs';
import { escapeWildcards, textLiteral } from '../plan/structuredRefs';
import type { Figure, FigureSection } from '../summary/summaryFigures';
import type { WorkbookData } from '../model/workbookData';
import type { StyleKey } from '../plan/workbookPlan';
import { figureStrings } from '../summary/figureDefinitions';
import { isOpenAction } from './actionPlan';
import { evaluationRounds, latestAndPrevious, participantLabels, type EvaluationRound, type RatingKey } from './evaluationRounds';
import { barrierPercent, changeSince, promoterPercent, RATING_WEIGHT, scoreRound, topBarriers, type FactorChange, type FactorScore } from './scoring';

export const TOP_BARRIERS = 5;

function blankIfNull(value: number | null): number | string {
  return value === null ? '' : value;
}

function profileRow(score: FactorScore, label: string): Figure {
  const key = score.factor;
  return {
    name: `kpi_eval_${key}_promoters`,
    label,
    formula: null,
    value: blankIfNull(promoterPercent(score)),
    style: 'bar',
    second: { name: `kpi_eval_${key}_barriers`, formula: null, value: blankIfNull(barrierPercent(score)), style: 'bar' },
    definition: 'evalProfile',
  };
}

/**
 * A change drawn in the colour of what it means: more promoters or fewer barriers is better
 * (green), the opposite worse (red), no change or nothing to compare neither.
 */
export function changeStyle(points: number | null, moreIsBetter: boolean): StyleKey {
  if (points === null || points === 0) return 'change';
  return points > 0 === moreIsBetter ? 'changeBetter' : 'changeWorse';
}

function changeRow(change: FactorChange | null, key: FactorKey | 'overall', label: string): Figure {
  const promoters = change?.promoters ?? null;
  const barriers = change?.barriers ?? null;
  return {
    name: `kpi_eval_${key}_promoters_change`,
    label,
    formula: null,
    value: blankIfNull(promoters),
    style: changeStyle(promoters, true),
    second: { name: `kpi_eval_${key}_barriers_change`, formula: null, value: blankIfNull(barriers), style: changeStyle(barriers, false) },
    definition: 'evalChange',
  };
}

/** Rated: agree, partly or disagree — what the percentages are shares of. */
function isRatedStatement(rating: RatingKey | null): boolean {
  return rating !== null && RATING_WEIGHT[rating] !== undefined;
}

function roundFigures(data: WorkbookData, latest: EvaluationRound | null, previous: EvaluationRound | null, scrub: TextScrubber): Figure[] {
  const t = (key: WorkbookStringKey) => workbookStrings.text(key, data.lang);
  const rated = latest ? latest.statements.filter((s) => isRatedStatement(s.rating)).length : 0;
  return [
    { name: 'kpi_eval_round_date', label: t('summary.eval.roundDate'), formula: null, value: latest?.date ?? '', style: 'date', definition: 'evalRoundDate' },
    {
      name: 'kpi_eval_previous_round_date',
      label: t('summary.eval.previousDate'),
      formula: null,
      value: previous?.date ?? '',
      style: 'date',
      definition: 'evalPreviousDate',
    },
    {
      name: 'kpi_eval_participants',
      label: t('summary.eval.participants'),
      formula: null,
      value: latest ? participantLabels(latest.participants, data.lang).map(scrub).join(', ') : '',
      style: 'text',
      definition: 'evalParticipants',
    },
    { name: 'kpi_eval_statements_rated', label: t('summary.eval.rated'), formula: null, value: rated, style: 'kpi', definition: 'evalRated' },
    {
      name: 'kpi_eval_statements_not_assessed',
      label: figureStrings.text('label.notAssessed', data.lang),
      formula: null,
      value: latest ? latest.statements.length - rated : 0,
      style: 'kpi',
      definition: 'evalNotAssessed',
    },
  ];
}

/**
 * The barriers most present, each as two lines: the barrier (its factor and statement) under
 * kpi_eval_top_barrier_N, then its rating and the instruments Samspill suggests against it under
 * kpi_eval_top_barrier_N_recommended. Statements the municipality wrote itself are scrubbed of
 * names from the registers.
 */
function topBarrierFigures(data: WorkbookData, latest: EvaluationRound | null, scrub: TextScrubber): Figure[] {
  const instruments = new Map(content().checklist.instruments.map((i) => [i.key, i.label[data.lang]]));
  const statements = new Map(content().checklist.statements.map((s) => [s.key, s]));
  const top = latest ? topBarriers(latest, TOP_BARRIERS) : [];
  return Array.from({ length: TOP_BARRIERS }, (_, i) => {
    const barrier = top[i];
    const recommended = barrier ? (statements.get(barrier.statementId)?.instruments ?? []).flatMap((k) => instruments.get(k) ?? []) : [];
    const rating = barrier?.rating ? itemLabel('ratingScale', barrier.rating, data.lang) : '';
    const advice = recommended.length ? ` · ${workbookStrings.text('summary.topBarriers.recommended', data.lang)}: ${recommended.join(', ')}` : '';
    return {
      name: `kpi_eval_top_barrier_${i + 1}`,
      label: '',
      labelStyle: 'label',
      formula: null,
      value: barrier ? `${i + 1}. ${factorLabel(barrier.factor, data.lang)}: ${scrub(barrier.text)}` : '',
      style: 'label',
      second: { name: `kpi_eval_top_barrier_${i + 1}_recommended`, formula: null, value: barrier ? `${rating}${advice}` : '', style: 'text' },
      definition: 'topBarriers',
    };
  });
}

/** The live count of open actions, and its value from the same rows. */
export function openActionsFigure(data: WorkbookData): Figure {
  const f = FormulaRefs.of(data);
  const T = (k: string) => f.col('actions', k);
  const notStatus = (key: string) => textLiteral(`<>${escapeWildcards(f.label('actionStatuses', key))}`);
  return {
    name: 'kpi_open_actions',
    label: workbookStrings.text('summary.openActions', data.lang),
    formula: `COUNTIFS(${T('statementId')},"<>",${T('status')},${notStatus('done')},${T('status')},${notStatus('dropped')})`,
    value: data.registers.actions.rows.filter((r) => isOpenAction(r.values, data.lang)).length,
    style: 'kpi',
    definition: 'openActions',
  };
}

/** Makes a text fit for the leaders' sheet: names of people from the registers removed (publicCopy.ts). */
export type TextScrubber = (text: string) => string;

export function evaluationSections(data: WorkbookData, refreshedAt: string, scrub: TextScrubber = (text) => text): FigureSection[] {
  const t = (key: WorkbookStringKey) => workbookStrings.text(key, data.lang);
  const { latest, previous } = latestAndPrevious(evaluationRounds(data.registers.checklist, data.lang));
  const latestScore = latest ? scoreRound(latest) : null;
  const previousScore = previous ? scoreRound(previous) : null;
  const changes = latestScore && previousScore ? changeSince(latestScore, previousScore) : null;
  const stamp = latest ? workbookStrings.text('summary.eval.stamp', data.lang, { time: refreshedAt }) : t('summary.eval.none');
  const headings: [string, string] = [t('summary.eval.headPromoters'), t('summary.eval.headBarriers')];
  const factors = content().checklist.factors.map((f) => f.key);
  const emptyScore = (factor: FactorKey | 'overall'): FactorScore => ({ factor, promotersInPlace: 0, promotersRated: 0, barriersPresent: 0, barriersRated: 0 });

  const profile: Figure[] = [
    ...factors.map((factor, i) => profileRow(latestScore?.factors[i] ?? emptyScore(factor), factorLabel(factor, data.lang))),
    profileRow(latestScore?.overall ?? emptyScore('overall'), t('summary.eval.overall')),
  ];
  const trend: Figure[] = [
    ...factors.map((factor, i) => changeRow(changes?.[i] ?? null, factor, factorLabel(factor, data.lang))),
    changeRow(changes?.at(-1) ?? null, 'overall', t('summary.eval.overall')),
  ];
  return [
    { key: 'evaluation', title: t('summary.section.evaluation'), figures: roundFigures(data, latest, previous, scrub), bars: false, note: stamp },
    { key: 'evaluationProfile', title: t('summary.section.profile'), figures: profile, bars: true, headings },
    { key: 'evaluationTrend', title: t('summary.section.trend'), figures: trend, bars: false, headings, note: figureStrings.text('note.change', data.lang) },
    {
      key: 'topBarriers',
      title: t('summary.section.topBarriers'),
      figures: topBarrierFigures(data, latest, scrub),
      bars: false,
      layout: 'lines',
    },
    { key: 'actions', title: t('summary.section.actions'), figures: [openActionsFigure(data)], bars: false },
  ];
}

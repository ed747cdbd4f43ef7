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
import type { Figure, FigureSection } from '../summary/summaryFigures';
import type { WorkbookData } from '../model/workbookData';
import { isOpenAction } from './actionPlan';
import { evaluationRounds, latestAndPrevious, participantLabels, type EvaluationRound } from './evaluationRounds';
import { barrierPercent, changeSince, promoterPercent, scoreRound, topBarriers, type FactorChange, type FactorScore } from './scoring';

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
  };
}

function changeRow(change: FactorChange | null, key: FactorKey | 'overall', label: string): Figure {
  return {
    name: `kpi_eval_${key}_promoters_change`,
    label,
    formula: null,
    value: blankIfNull(change?.promoters ?? null),
    style: 'bar',
    second: { name: `kpi_eval_${key}_barriers_change`, formula: null, value: blankIfNull(change?.barriers ?? null), style: 'bar' },
  };
}

function roundFigures(data: WorkbookData, latest: EvaluationRound | null, previous: EvaluationRound | null): Figure[] {
  const t = (key: WorkbookStringKey) => workbookStrings.text(key, data.lang);
  return [
    { name: 'kpi_eval_round_date', label: t('summary.eval.roundDate'), formula: null, value: latest?.date ?? '', style: 'date' },
    { name: 'kpi_eval_previous_round_date', label: t('summary.eval.previousDate'), formula: null, value: previous?.date ?? '', style: 'date' },
    {
      name: 'kpi_eval_participants',
      label: t('summary.eval.participants'),
      formula: null,
      value: latest ? participantLabels(latest.participants, data.lang).join(', ') : '',
      style: 'text',
    },
    {
      name: 'kpi_eval_statements_rated',
      label: t('summary.eval.rated'),
      formula: null,
      value: latest ? latest.statements.filter((s) => s.rating !== null).length : 0,
      style: 'kpi',
    },
  ];
}

function topBarrierFigures(data: WorkbookData, latest: EvaluationRound | null): Figure[] {
  const instruments = new Map(content().checklist.instruments.map((i) => [i.key, i.label[data.lang]]));
  const statements = new Map(content().checklist.statements.map((s) => [s.key, s]));
  const top = latest ? topBarriers(latest, TOP_BARRIERS) : [];
  return Array.from({ length: TOP_BARRIERS }, (_, i) => {
    const barrier = top[i];
    const recommended = barrier ? (statements.get(barrier.statementId)?.instruments ?? []).map((k) => instruments.get(k) ?? k) : [];
    const rating = barrier?.rating ? itemLabel('ratingScale', barrier.rating, data.lang) : '';
    return {
      name: `kpi_eval_top_barrier_${i + 1}`,
      label: barrier ? `${i + 1}. ${factorLabel(barrier.factor, data.lang)}: ${barrier.text}` : '',
      labelStyle: 'text',
      formula: null,
      value: barrier ? `${rating} · ${workbookStrings.text('summary.topBarriers.recommended', data.lang)}: ${recommended.join(', ')}` : '',
      style: 'text',
    };
  });
}

/** The live count of open actions, and its value from the same rows. */
export function openActionsFigure(data: WorkbookData): Figure {
  const f = new FormulaRefs(data.lang, data.tables);
  const T = (k: string) => f.col('actions', k);
  return {
    name: 'kpi_open_actions',
    label: workbookStrings.text('summary.openActions', data.lang),
    formula: `COUNTIFS(${T('statementId')},"<>",${T('status')},"<>"&${f.item('actionStatuses', 'done')},${T('status')},"<>"&${f.item('actionStatuses', 'dropped')})`,
    value: data.registers.actions.rows.filter((r) => isOpenAction(r.values, data.lang)).length,
    style: 'kpi',
  };
}

export function evaluationSections(data: WorkbookData, refreshedAt: string): FigureSection[] {
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
    { key: 'evaluation', title: t('summary.section.evaluation'), figures: roundFigures(data, latest, previous), bars: false, note: stamp },
    { key: 'evaluationProfile', title: t('summary.section.profile'), figures: profile, bars: true, headings },
    { key: 'evaluationTrend', title: t('summary.section.trend'), figures: trend, bars: true, headings },
    {
      key: 'topBarriers',
      title: t('summary.section.topBarriers'),
      figures: topBarrierFigures(data, latest),
      bars: false,
      layout: 'lines',
    },
    { key: 'actions', title: t('summary.section.actions'), figures: [openActionsFigure(data)], bars: false },
  ];
}

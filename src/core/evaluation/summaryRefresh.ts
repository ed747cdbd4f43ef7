/**
 * What "refresh the summary" computes, once, for the command line, the add-in and the public
 * copy alike: the action plan brought up to date with the latest rated round, and the summary's
 * figures over the workbook with that plan in it.
 */
import { effectiveReportDate, summarySections, type FigureSection } from '../summary/summaryFigures';
import { registerFromRecords, type WorkbookData } from '../model/workbookData';
import { proposedActions, refreshActions, type ActionRefresh } from './actionPlan';
import { evaluationRounds, latestAndPrevious, type EvaluationRound } from './evaluationRounds';

export interface SummaryRefresh {
  /** The workbook as it reads after the refresh: its action plan holds the added actions. */
  data: WorkbookData;
  reportDate: number;
  refreshedAt: string;
  actions: ActionRefresh;
  latest: EvaluationRound | null;
  previous: EvaluationRound | null;
  sections: FigureSection[];
}

export function refreshSummary(data: WorkbookData, today: number, refreshedAt: string): SummaryRefresh {
  const reportDate = effectiveReportDate(data, today);
  const { latest, previous } = latestAndPrevious(evaluationRounds(data.registers.checklist, data.lang));
  const current = data.registers.actions;
  const actions = refreshActions(current, latest ? proposedActions(latest, data.lang) : []);
  const refreshed: WorkbookData = {
    ...data,
    registers: { ...data.registers, actions: registerFromRecords('actions', current.sheetName, actions.rows) },
  };
  return { data: refreshed, reportDate, refreshedAt, actions, latest, previous, sections: summarySections(refreshed, reportDate, { refreshedAt }) };
}

/**
 * The Oppsummering tab's work. The summary's key figures are live formulas, so Excel keeps them
 * current; what a refresh adds is the part too costly for a formula: the evaluation's profile and
 * the action plan brought up to date with the latest rated round (computed by the core's
 * refreshSummary, as `samspill summary` does). New actions are appended to the action plan's
 * table and the refresh time is recorded in the metadata when the adapter can write cells.
 */
import { loadWorkbook } from '../../core/loadWorkbook';
import { metaEntries } from '../../core/metaSheet';
import { refreshSummary } from '../../core/evaluation/summaryRefresh';
import type { FigureSection } from '../../core/summaryFigures';
import { cellAddress } from '../../core/workbookPlan';
import type { Lang } from '../../core/language';
import { canWriteCells, type CellEdit } from './cellWriter';
import { localMinute, systemClock, todayOf, type Clock } from './paneClock';
import type { PaneWorkbook } from './paneWorkbook';
import { tableRow } from './tableRow';

export interface SummaryReport {
  lang: Lang;
  /** False when the workbook has no summary sheet (add the templates first). */
  hasSummary: boolean;
  reportDate: number;
  refreshedAt: string;
  /** The refresh before this one, as the metadata recorded it. */
  previousRefresh: string | null;
  sections: FigureSection[];
  actionsAdded: number;
  /** Whether the refresh time could be recorded in the workbook. */
  stamped: boolean;
}

export class SummaryService {
  constructor(
    private readonly workbook: PaneWorkbook,
    private readonly clock: Clock = systemClock,
  ) {}

  async refresh(): Promise<SummaryReport> {
    const now = this.clock();
    const loaded = await loadWorkbook(this.workbook);
    const refreshedAt = localMinute(now);
    const refresh = refreshSummary(loaded.data, todayOf(() => now), refreshedAt);
    const actions = loaded.data.registers.actions;
    const canAppend = !!loaded.sheetNames.actions && actions.headerRow > 0;
    if (canAppend && refresh.actions.added.length > 0) {
      await this.workbook.appendRows(loaded.data.tables.actions, refresh.actions.added.map((record) => tableRow(actions, record)));
    }
    const metaSheet = loaded.meta ? loaded.sheets.find((s) => s.name === (loaded.meta!.sheets._meta ?? '_samspill'))?.name : undefined;
    let stamped = false;
    if (loaded.meta && metaSheet && canWriteCells(this.workbook)) {
      const entries = metaEntries({ ...loaded.meta, summaryRefreshed: refreshedAt });
      const edits: CellEdit[] = entries.flatMap(([key, value], i) => [
        { address: cellAddress(i + 2, 1), value: key },
        { address: cellAddress(i + 2, 2), value },
      ]);
      await this.workbook.writeCells(metaSheet, edits);
      stamped = true;
    }
    return {
      lang: loaded.data.lang,
      hasSummary: !!loaded.sheetNames.summary,
      reportDate: refresh.reportDate,
      refreshedAt,
      previousRefresh: loaded.meta?.summaryRefreshed ?? null,
      sections: refresh.sections,
      actionsAdded: canAppend ? refresh.actions.added.length : 0,
      stamped,
    };
  }
}

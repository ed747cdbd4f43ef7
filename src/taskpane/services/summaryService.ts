/**
 * The Oppsummering tab's work. The summary's key figures are live formulas, so Excel keeps them
 * current; what a refresh adds is the part too costly for a formula: the evaluation's profile and
 * the action plan brought up to date with the latest rated round (computed by the core's
 * refreshSummary, as `samspill summary` does). New actions are appended to the action plan's
 * table and the refresh time is recorded in the metadata when the adapter can write cells.
 */
import { loadWorkbook } from '../../core/model/loadWorkbook';
import { metaEntries } from '../../core/model/metaSheet';
import { refreshSummary } from '../../core/evaluation/summaryRefresh';
import type { FigureSection } from '../../core/summary/summaryFigures';
import { publicWorkbookPlan } from '../../core/summary/publicCopy';
import { summarySheet } from '../../core/plan/summarySheet';
import { isFormula } from '../../core/plan/workbookPlan';
import type { Lang } from '../../core/content/language';
import { canWriteCells, type CellEdit } from './cellWriter';
import { localMinute } from '../../core/model/dates';
import { systemClock, todayOf, type Clock } from './paneClock';
import type { PaneWorkbook } from './paneWorkbook';
import { tableRow } from './tableRow';
import { cellAddress, sameReference } from '../../core/model/a1';

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
  /** Whether the summary sheet's computed cells (the evaluation) were rewritten. */
  summaryWritten: boolean;
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
    const refresh = refreshSummary(
      loaded.data,
      todayOf(() => now),
      refreshedAt,
    );
    const actions = loaded.data.registers.actions;
    const canAppend = !!loaded.sheetNames.actions && actions.headerRow > 0;
    if (canAppend && refresh.actions.added.length > 0) {
      await this.workbook.appendRows(
        loaded.data.tables.actions,
        refresh.actions.added.map((record) => tableRow(actions, record)),
      );
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
    const summaryWritten =
      loaded.sheetNames.summary && canWriteCells(this.workbook)
        ? await this.rewriteComputedCells(loaded.sheetNames.summary, loaded.data.lang, refresh.sections)
        : false;
    return {
      summaryWritten,
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

  /**
   * The program-computed cells of the summary (the evaluation block and its stamp) written as the
   * command line writes them. Only when every kpi_* name of the fresh layout points where the
   * workbook's names point: a summary of another layout is left alone rather than overwritten.
   */
  private async rewriteComputedCells(sheetName: string, lang: Lang, sections: FigureSection[]): Promise<boolean> {
    const fresh = summarySheet(sheetName, lang, sections);
    const existing = new Map((await this.workbook.definedNames()).map((n) => [n.name.toLowerCase(), n.refersTo]));
    if (fresh.names.some((n) => !sameReference(existing.get(n.name.toLowerCase()) ?? '', n.refersTo))) return false;
    const edits: CellEdit[] = fresh.sheet.cells.filter((c) => !isFormula(c.value)).map((c) => ({ address: cellAddress(c.row, c.col), value: c.value }));
    await this.workbook.writeCells!(sheetName, edits, { protectedSheet: true });
    return true;
  }

  /**
   * The copy for leaders without personal data (the summary and the action plan as values), handed
   * to the user as a new workbook through the port (the adapter renders the plan to a file); the
   * open workbook is not changed. Returns the copy's file name.
   */
  async publicCopy(): Promise<string> {
    if (!this.workbook.openCopy) throw new Error('This workbook adapter cannot hand over a new workbook.');
    const now = this.clock();
    const loaded = await loadWorkbook(this.workbook);
    const refresh = refreshSummary(
      loaded.data,
      todayOf(() => now),
      localMinute(now),
    );
    const fileName = `samspill-oppsummering-${localMinute(now).slice(0, 10)}.xlsx`;
    await this.workbook.openCopy(publicWorkbookPlan(refresh), fileName);
    return fileName;
  }
}

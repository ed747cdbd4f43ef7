/**
 * The Evaluering tab's work: the checklist as a round to rate factor by factor. A round is the
 * checklist rows sharing one evaluation date. Opening the tab offers the latest round that has no
 * rating yet (a new workbook has one dated the day it was made), or a new round dated today.
 * Saving writes the ratings and evidence into that round's rows when they are in the register,
 * or appends the round's rows (every statement, rated or not) when it is new.
 */
import { asNumber, asText } from '../../core/model/cellValues';
import { checklistRound, factorLabel, kindLabel } from '../../core/evaluation/checklistRows';
import { content, itemLabel, workbookStrings } from '../../core/content/content';
import type { FactorKey } from '../../core/content/contentSchema';
import { ratingKey, RATING_KEYS, type RatingKey, type StatementKind } from '../../core/evaluation/evaluationRounds';
import type { Lang } from '../../core/content/language';
import { loadWorkbook } from '../../core/model/loadWorkbook';
import type { RegisterRow } from '../../core/model/registerRows';
import { requireCellWriter, type CellEdit } from './cellWriter';
import { systemClock, todayOf, type Clock } from './paneClock';
import type { PaneWorkbook } from './paneWorkbook';
import { tableRow } from './tableRow';
import { cellAddress } from '../../core/model/a1';

export interface StatementAnswer {
  rating: RatingKey | null;
  evidence: string;
}

export interface DraftStatement extends StatementAnswer {
  id: string;
  kind: StatementKind;
  kindLabel: string;
  text: string;
}

export interface DraftFactor {
  key: FactorKey;
  label: string;
  statements: DraftStatement[];
}

export interface EvaluationDraft {
  lang: Lang;
  /** False when the workbook has no checklist (add the templates first). */
  hasChecklist: boolean;
  /** Serial day of the round. */
  date: number;
  /** Whether the round's rows are already in the checklist. */
  existing: boolean;
  scope: string;
  participants: string;
  factors: DraftFactor[];
  /** The rating scale's labels in the workbook's language, in scale order. */
  ratings: { key: RatingKey; label: string }[];
}

export interface SavedRound {
  date: number;
  rated: number;
  /** How the round reached the workbook: rows appended, or cells of existing rows written. */
  how: 'appended' | 'updated';
}

function roundRows(rows: RegisterRow[], date: number): RegisterRow[] {
  return rows.filter((r) => asNumber(r.values.round) === date);
}

export class EvaluationService {
  constructor(
    private readonly workbook: PaneWorkbook,
    private readonly clock: Clock = systemClock,
  ) {}

  async draft(date?: number): Promise<EvaluationDraft> {
    const loaded = await loadWorkbook(this.workbook);
    const lang = loaded.data.lang;
    const checklist = loaded.data.registers.checklist;
    const dates = [...new Set(checklist.rows.map((r) => asNumber(r.values.round)).filter((d): d is number => d !== null))].sort((a, b) => a - b);
    const unrated = dates.filter((d) => roundRows(checklist.rows, d).every((r) => ratingKey(r.values.rating) === null));
    const chosen = date ?? unrated.at(-1) ?? todayOf(this.clock);
    const rows = roundRows(checklist.rows, chosen);
    const byId = new Map(rows.map((r) => [asText(r.values.statementId), r]));
    const factors: DraftFactor[] = content().checklist.factors.map((factor) => ({
      key: factor.key as FactorKey,
      label: factorLabel(factor.key as FactorKey, lang),
      statements: content()
        .checklist.statements.filter((s) => s.factor === factor.key)
        .map((s) => {
          const row = byId.get(s.key);
          return {
            id: s.key,
            kind: s.kind,
            kindLabel: kindLabel(s.kind, lang),
            text: s.text[lang],
            rating: row ? ratingKey(row.values.rating) : null,
            evidence: row ? asText(row.values.evidence) : '',
          };
        }),
    }));
    return {
      lang,
      hasChecklist: !!loaded.sheetNames.checklist && checklist.headerRow > 0,
      date: chosen,
      existing: rows.length > 0,
      scope: rows.length > 0 ? asText(rows[0].values.scope) : workbookStrings.text('checklist.scope.whole', lang),
      participants: rows.length > 0 ? asText(rows[0].values.participants) : '',
      factors,
      ratings: RATING_KEYS.map((key) => ({ key, label: itemLabel('ratingScale', key, lang) })),
    };
  }

  async save(date: number, answers: Record<string, StatementAnswer>, scope: string, participants: string): Promise<SavedRound> {
    const loaded = await loadWorkbook(this.workbook);
    const lang = loaded.data.lang;
    const checklist = loaded.data.registers.checklist;
    const rated = Object.values(answers).filter((a) => a.rating !== null).length;
    const label = (answer: StatementAnswer | undefined) => (answer?.rating ? itemLabel('ratingScale', answer.rating, lang) : null);
    const evidence = (answer: StatementAnswer | undefined) => (answer?.evidence.trim() ? answer.evidence.trim() : null);
    const rows = roundRows(checklist.rows, date);

    if (rows.length === 0) {
      const records = checklistRound(lang, date, scope.trim(), participants.trim() || null).map((record) => {
        const answer = answers[String(record.statementId)];
        return { ...record, rating: label(answer), evidence: evidence(answer) };
      });
      await this.workbook.appendRows(
        loaded.data.tables.checklist,
        records.map((r) => tableRow(checklist, r)),
      );
      return { date, rated, how: 'appended' };
    }

    const writer = requireCellWriter(this.workbook);
    const ratingCol = checklist.columns.get('rating');
    const evidenceCol = checklist.columns.get('evidence');
    const edits: CellEdit[] = [];
    for (const row of rows) {
      const answer = answers[asText(row.values.statementId)];
      if (!answer) continue;
      if (ratingCol) edits.push({ address: cellAddress(row.rowNumber, ratingCol), value: label(answer) });
      if (evidenceCol) edits.push({ address: cellAddress(row.rowNumber, evidenceCol), value: evidence(answer) });
    }
    if (edits.length > 0) await writer.writeCells(checklist.sheetName, edits);
    return { date, rated, how: 'updated' };
  }
}

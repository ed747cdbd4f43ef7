/**
 * The Evaluering tab's work: the checklist as a round to rate factor by factor. A round is the
 * checklist rows sharing one evaluation date. Opening the tab offers the latest round that has no
 * rating yet (a new workbook has one dated the day it was made), or a new round dated today.
 * Saving writes the ratings and evidence into that round's rows when they are in the register
 * (with the round's scope and participants, which may change), or appends the round's rows (every
 * statement, rated or not) when it is new. A barrier rated present (or a promoter rated missing)
 * leads straight to its actions: who is responsible and by when go beside the rating, and the
 * round's actions are added to the action plan (or, when there already, given that owner and
 * deadline) in the same save — as the summary's refresh would add them.
 */
import { asNumber, asText } from '../../core/model/cellValues';
import { checklistRound, factorLabel, kindLabel } from '../../core/evaluation/checklistRows';
import { content, itemLabel, workbookStrings } from '../../core/content/content';
import type { FactorKey } from '../../core/content/contentSchema';
import { evaluationRounds, ratingKey, RATING_KEYS, type RatedStatement, type RatingKey, type StatementKind } from '../../core/evaluation/evaluationRounds';
import { needsAction, proposedActions, refreshActions } from '../../core/evaluation/actionPlan';
import { sameCellValue, type CellValue, type RowCellEdit, type RowUpdate } from '../../core/port';
import { rowSnapshot } from './registerService';
import type { Lang } from '../../core/content/language';
import { loadWorkbook } from '../../core/model/loadWorkbook';
import type { RegisterRow } from '../../core/model/registerRows';
import { systemClock, todayOf, type Clock } from './paneClock';
import type { PaneWorkbook } from './paneWorkbook';
import { tableRow } from './tableRow';

export interface StatementAnswer {
  rating: RatingKey | null;
  evidence: string;
}

/** Who follows up a statement that needs action, and by when (a serial day). */
export interface Assignment {
  responsible: string;
  deadline: number | null;
}

export interface DraftStatement extends StatementAnswer {
  id: string;
  kind: StatementKind;
  kindLabel: string;
  text: string;
  /** The instruments the report recommends against it, in the workbook's language. */
  instruments: string[];
  /** The owner and deadline already beside the rating. */
  assignment: Assignment;
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
  /** The round's rows as read: a save writes only what the pane changed, and only where the sheet still holds this. */
  rows: DraftRow[];
}

/** A checklist row of the round as the draft read it. */
export interface DraftRow {
  rowNumber: number;
  statementId: string;
  values: Record<(typeof WRITTEN)[number], CellValue>;
}

/** The checklist columns the evaluation writes. */
const WRITTEN = ['rating', 'evidence', 'responsible', 'deadline', 'scope', 'participants'] as const;

export interface SavedRound {
  date: number;
  rated: number;
  /** How the round reached the workbook: rows appended, or cells of existing rows written. */
  how: 'appended' | 'updated';
  /** Actions added to the action plan for the round's barriers. */
  actionsAdded: number;
}

/** Whether a rating calls for action: a barrier that is there, a promoter that is missing. */
export function callsForAction(kind: StatementKind, rating: RatingKey | null): boolean {
  return rating !== null && needsAction({ kind, rating } as RatedStatement);
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
            instruments: s.instruments.map((key) => instrumentLabel(key, lang)).filter((l) => l !== ''),
            assignment: { responsible: row ? asText(row.values.responsible) : '', deadline: row ? asNumber(row.values.deadline) : null },
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
      rows: draftRows(rows),
    };
  }

  async save(
    date: number,
    answers: Record<string, StatementAnswer>,
    scope: string,
    participants: string,
    assignments: Record<string, Assignment> = {},
    /** The draft the answers were given on; without it, the round as it is now. */
    base?: EvaluationDraft,
  ): Promise<SavedRound> {
    const loaded = await loadWorkbook(this.workbook);
    const lang = loaded.data.lang;
    const checklist = loaded.data.registers.checklist;
    const rated = Object.values(answers).filter((a) => a.rating !== null).length;
    const label = (answer: StatementAnswer | undefined) => (answer?.rating ? itemLabel('ratingScale', answer.rating, lang) : null);
    const evidence = (answer: StatementAnswer | undefined) => (answer?.evidence.trim() ? answer.evidence.trim() : null);
    const owner = (id: string) => assignments[id]?.responsible.trim() || null;
    const due = (id: string) => assignments[id]?.deadline ?? null;
    const rows = roundRows(checklist.rows, date);

    if (rows.length === 0) {
      const records = checklistRound(lang, date, scope.trim(), participants.trim() || null).map((record) => {
        const id = String(record.statementId);
        const answer = answers[id];
        return { ...record, rating: label(answer), evidence: evidence(answer), responsible: owner(id), deadline: due(id) };
      });
      await this.workbook.appendRows(
        loaded.data.tables.checklist,
        records.map((r) => tableRow(checklist, r)),
      );
      return { date, rated, how: 'appended', actionsAdded: await this.planActions(date, assignments) };
    }

    // Only what the pane changed is written, and only where the sheet still holds what the draft
    // read: a rating or a note typed in the sheet meanwhile is refused (RowChanged), never overwritten.
    const read = base?.date === date && base.existing ? base.rows : draftRows(rows);
    const updates: RowUpdate[] = [];
    for (const row of read) {
      const id = row.statementId;
      const answer = answers[id];
      const wanted: Partial<Record<(typeof WRITTEN)[number], string | number | null>> = {};
      if (answer && answer.rating !== ratingKey(row.values.rating)) wanted.rating = label(answer);
      if (answer && (evidence(answer) ?? '') !== asText(row.values.evidence)) wanted.evidence = evidence(answer);
      if (assignments[id] && (owner(id) ?? '') !== asText(row.values.responsible)) wanted.responsible = owner(id);
      if (assignments[id] && due(id) !== asNumber(row.values.deadline)) wanted.deadline = due(id);
      if (scope.trim() !== asText(row.values.scope)) wanted.scope = scope.trim() || null;
      if (participants.trim() !== asText(row.values.participants)) wanted.participants = participants.trim() || null;
      const columns = Object.keys(wanted).filter((c) => checklist.columns.has(c)) as (typeof WRITTEN)[number][];
      if (columns.length === 0) continue;
      updates.push({
        row: {
          sheetName: checklist.sheetName,
          rowNumber: row.rowNumber,
          cells: columns.map((c) => ({ column: checklist.columns.get(c)!, value: row.values[c] })),
        },
        edits: columns.map((c) => ({ column: checklist.columns.get(c)!, value: wanted[c] ?? null })),
      });
    }
    if (updates.length > 0) await this.workbook.updateRows(updates);
    return { date, rated, how: 'updated', actionsAdded: await this.planActions(date, assignments) };
  }

  /**
   * The round's actions in the action plan: those not there yet are added (with the owner and
   * deadline beside their rating); those already there take an owner and deadline given now.
   */
  private async planActions(date: number, assignments: Record<string, Assignment>): Promise<number> {
    const loaded = await loadWorkbook(this.workbook);
    const actions = loaded.data.registers.actions;
    if (!loaded.sheetNames.actions || actions.headerRow === 0) return 0;
    const round = evaluationRounds(loaded.data.registers.checklist, loaded.data.lang).find((r) => r.date === date);
    if (!round) return 0;
    const existing = actions.rows.filter((r) => Math.floor(asNumber(r.values.round) ?? -1) === Math.floor(date));
    const updates: RowUpdate[] = [];
    for (const row of existing) {
      const given = assignments[asText(row.values.statementId)];
      if (!given) continue;
      const edits: RowCellEdit[] = [];
      const put = (key: 'responsible' | 'deadline', value: string | number | null) => {
        const column = actions.columns.get(key);
        if (column !== undefined && !sameCellValue(row.values[key], value)) edits.push({ column, value });
      };
      put('responsible', given.responsible.trim() || null);
      put('deadline', given.deadline);
      if (edits.length > 0) updates.push({ row: rowSnapshot(actions, row), edits });
    }
    if (updates.length > 0) await this.workbook.updateRows(updates);
    const added = refreshActions(actions, proposedActions(round, loaded.data.lang)).added;
    if (added.length > 0)
      await this.workbook.appendRows(
        loaded.data.tables.actions,
        added.map((record) => tableRow(actions, record)),
      );
    return added.length;
  }
}

function draftRows(rows: RegisterRow[]): DraftRow[] {
  return rows.map((r) => ({
    rowNumber: r.rowNumber,
    statementId: asText(r.values.statementId),
    values: Object.fromEntries(WRITTEN.map((column) => [column, r.values[column] ?? null])) as DraftRow['values'],
  }));
}

function instrumentLabel(key: string, lang: Lang): string {
  return content().checklist.instruments.find((i) => i.key === key)?.label[lang] ?? '';
}

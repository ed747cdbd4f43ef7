/**
 * The evaluation checklist: every statement rated, and every barrier found present turned into a
 * measure with an instrument, someone responsible and a deadline.
 */
import { isBlank } from '../model/cellValues';
import { content, itemLabel, workbookStrings } from '../content/content';
import { LANGUAGES } from '../content/language';
import type { CellValue } from '../port';
import type { RegisterRow } from '../model/registerRows';
import { reportDuplicates } from './duplicates';
import { ratingKey } from '../evaluation/evaluationRounds';
import { foldText, hasColumn, textKey, type RuleContext } from './ruleContext';

/**
 * Whether a row is a barrier: by its kind column in any language, or, when the kind says neither,
 * by the statement id in the checklist content.
 */
function barrierTest(): (row: RegisterRow) => boolean {
  // The key itself counts too: "Promoter" is how earlier versions wrote the English label.
  const labels = (kind: 'promoter' | 'barrier') => new Set([kind, ...LANGUAGES.map((l) => foldText(workbookStrings.text(`checklist.kind.${kind}`, l)))]);
  const barrier = labels('barrier');
  const promoter = labels('promoter');
  const barrierIds = new Set(
    content()
      .checklist.statements.filter((s) => s.kind === 'barrier')
      .map((s) => foldText(s.key)),
  );
  return (row) => {
    const kind = textKey(row.values.kind);
    if (barrier.has(kind)) return true;
    if (promoter.has(kind)) return false;
    return barrierIds.has(textKey(row.values.statementId));
  };
}

const MEASURE_COLUMNS = [
  ['instrument', 'checklist.instrument.missing'],
  ['responsible', 'checklist.responsible.missing'],
  ['deadline', 'checklist.deadline.missing'],
] as const;
type MeasureColumn = (typeof MEASURE_COLUMNS)[number][0];

function filled(value: CellValue | undefined): boolean {
  return !isBlank(value) && textKey(value) !== '';
}

/** A round is a date: rows of one round match whatever time of day a cell carries. */
function roundKey(value: CellValue | undefined): string {
  return typeof value === 'number' ? String(Math.floor(value)) : textKey(value);
}

function statementKey(row: RegisterRow): string {
  return `${roundKey(row.values.round)}\u0000${textKey(row.values.statementId)}`;
}

/**
 * What the action plan already says for each statement of a round: a barrier's measure may be
 * written there instead of beside the rating.
 */
function plannedMeasures(ctx: RuleContext): Map<string, Set<MeasureColumn>> {
  const planned = new Map<string, Set<MeasureColumn>>();
  for (const row of ctx.data.registers.actions.rows) {
    const key = statementKey(row);
    let columns = planned.get(key);
    if (!columns) planned.set(key, (columns = new Set()));
    for (const [column] of MEASURE_COLUMNS) if (filled(row.values[column])) columns.add(column);
  }
  return planned;
}

export function checklistRules(ctx: RuleContext): void {
  const checklist = ctx.data.registers.checklist;
  if (checklist.rows.length === 0) return;
  reportDuplicates(ctx, checklist, 'statementId', 'checklist.statementId.duplicate', (r) => {
    const statement = textKey(r.values.statementId);
    return statement === '' ? null : `${roundKey(r.values.round)}\u0000${textKey(r.values.scope)}\u0000${statement}`;
  });
  if (!hasColumn(checklist, 'rating')) return;
  const isBarrier = barrierTest();
  // By key, in any language or as an earlier version wrote it ("Agree" is now "True").
  const present = new Set<string | null>(['agree', 'partly']);
  const dontKnow = itemLabel('ratingScale', 'dontKnow', ctx.lang);
  const measures = MEASURE_COLUMNS.filter(([column]) => hasColumn(checklist, column));
  const planned = plannedMeasures(ctx);

  for (const row of checklist.rows) {
    if (!filled(row.values.rating)) {
      ctx.issues.atCell('checklist.rating.missing', checklist, row.rowNumber, 'rating', { dontKnow });
      continue;
    }
    if (!present.has(ratingKey(row.values.rating)) || !isBarrier(row)) continue;
    const inPlan = planned.get(statementKey(row));
    for (const [column, ruleId] of measures) {
      if (!filled(row.values[column]) && !inPlan?.has(column)) ctx.issues.atCell(ruleId, checklist, row.rowNumber, column);
    }
  }
}

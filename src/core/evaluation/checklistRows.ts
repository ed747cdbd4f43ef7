/**
 * The evaluation checklist as register rows: one row per statement of templates/checklist.json for
 * each evaluation round, so a round is rated in the sheet (or the task pane) statement by statement.
 */
import { content, workbookStrings } from '../content/content';
import type { FactorKey } from '../content/contentSchema';
import type { Lang } from '../content/language';
import type { RegisterRecord } from '../model/workbookData';

export function factorLabel(factor: FactorKey, lang: Lang): string {
  const found = content().checklist.factors.find((f) => f.key === factor);
  return found ? found.label[lang] : factor;
}

export function kindLabel(kind: 'promoter' | 'barrier', lang: Lang): string {
  return workbookStrings.text(`checklist.kind.${kind}`, lang);
}

/** Unrated rows for one evaluation round: every statement, in the order of the content file. */
export function checklistRound(lang: Lang, round: number, scope: string, participants: string | null = null): RegisterRecord[] {
  return content().checklist.statements.map((s) => ({
    round,
    scope,
    participants,
    statementId: s.key,
    factor: factorLabel(s.factor, lang),
    kind: kindLabel(s.kind, lang),
    statement: s.text[lang],
    rating: null,
    evidence: null,
    instrument: null,
    responsible: null,
    deadline: null,
  }));
}

/**
 * From an evaluation round to an action plan. Each barrier rated present (agree or partly) and
 * each promoter rated missing (disagree) brings one action per instrument Samspill suggests for
 * that statement from the report (templates/checklist.json; the report itself does not map
 * barriers to instruments, so the links are Samspill's). A plan is refreshed, never rebuilt: every action
 * row already in the workbook stays exactly as the user left it (status, responsible, deadline),
 * and only (statement, instrument) pairs not yet in the plan are added — so an action planned
 * after last year's evaluation is not planned twice when the barrier is still there this year.
 */
import { matchesText } from '../model/criteria';
import type { CellValue } from '../port';
import { asText, isBlank, normaliseLabel } from '../model/cellValues';
import { content, itemLabel, workbookStrings } from '../content/content';
import { factorLabel } from './checklistRows';
import { LANGUAGES, type Lang } from '../content/language';
import type { RegisterRows } from '../model/registerRows';
import type { RegisterRecord } from '../model/workbookData';
import type { EvaluationRound, RatedStatement } from './evaluationRounds';

/** Instrument label (any language) or key → key; text that is no instrument of ours stays itself. */
function instrumentIndex(): Map<string, string> {
  const index = new Map<string, string>();
  for (const i of content().checklist.instruments) {
    index.set(normaliseLabel(i.key), i.key);
    for (const lang of LANGUAGES) index.set(normaliseLabel(i.label[lang]), i.key);
    for (const former of i.formerLabels ?? []) index.set(normaliseLabel(former), i.key);
  }
  return index;
}

/** The identity of an action: its statement and its instrument, however either is spelt. */
export function actionKey(statementId: CellValue | undefined, instrument: CellValue | undefined, index = instrumentIndex()): string {
  const label = normaliseLabel(asText(instrument));
  return `${normaliseLabel(asText(statementId))}\u0000${index.get(label) ?? label}`;
}

export function needsAction(statement: RatedStatement): boolean {
  if (statement.kind === 'barrier') return statement.rating === 'agree' || statement.rating === 'partly';
  return statement.rating === 'disagree';
}

function problemText(statement: RatedStatement, lang: Lang): string {
  return statement.kind === 'barrier' ? statement.text : `${workbookStrings.text('actions.missingPromoter', lang)}: ${statement.text}`;
}

/**
 * New actions for a round. The checklist row's own follow-up carries over: its responsible and
 * deadline go into each of the statement's actions, and an instrument typed there that is not
 * among the suggested ones becomes an action of its own.
 */
export function proposedActions(round: EvaluationRound, lang: Lang): RegisterRecord[] {
  const instruments = new Map(content().checklist.instruments.map((i) => [i.key, i]));
  const statements = new Map(content().checklist.statements.map((s) => [s.key, s]));
  const index = instrumentIndex();
  const planned = itemLabel('actionStatuses', 'planned', lang);
  const out: RegisterRecord[] = [];
  for (const statement of round.statements.filter(needsAction)) {
    const keys = [...(statements.get(statement.statementId)?.instruments ?? [])];
    const own = statement.instrument;
    const ownKey = own === '' ? null : (index.get(normaliseLabel(own)) ?? null);
    if (ownKey && !keys.includes(ownKey)) keys.push(ownKey);
    const base = {
      round: round.date,
      statementId: statement.statementId,
      factor: factorLabel(statement.factor, lang),
      problem: problemText(statement, lang),
      responsible: isBlank(statement.responsible) ? null : (statement.responsible as string | number),
      deadline: isBlank(statement.deadline) ? null : (statement.deadline as string | number),
      status: planned,
      notes: null,
    };
    for (const key of keys) {
      const instrument = instruments.get(key);
      if (!instrument) continue;
      out.push({ ...base, instrument: instrument.label[lang], instrumentType: itemLabel('instrumentTypes', instrument.type, lang) });
    }
    if (own !== '' && ownKey === null) out.push({ ...base, instrument: own, instrumentType: null });
  }
  return out;
}

export interface ActionRefresh {
  /** Existing rows first, unchanged, then the added ones. */
  rows: RegisterRecord[];
  added: RegisterRecord[];
  kept: number;
}

/** A register row back as a record, every value as the cell holds it. */
function recordOf(values: Record<string, CellValue>): RegisterRecord {
  const record: RegisterRecord = {};
  for (const [key, value] of Object.entries(values)) record[key] = typeof value === 'object' && value !== null ? value.error : value;
  return record;
}

export function refreshActions(existing: RegisterRows, proposals: RegisterRecord[]): ActionRefresh {
  const index = instrumentIndex();
  const seen = new Set(existing.rows.map((r) => actionKey(r.values.statementId, r.values.instrument, index)));
  const added: RegisterRecord[] = [];
  for (const proposal of proposals) {
    const key = actionKey(proposal.statementId as CellValue, proposal.instrument as CellValue, index);
    if (seen.has(key)) continue;
    seen.add(key);
    added.push(proposal);
  }
  const kept = existing.rows.map((r) => recordOf(r.values));
  return { rows: [...kept, ...added], added, kept: kept.length };
}

/**
 * Open actions as the summary's formula counts them: rows naming a statement whose status is
 * neither done nor dropped (a blank status is open). Compared in the workbook's language.
 */
export function isOpenAction(values: Record<string, unknown>, lang: Lang): boolean {
  if (isBlank(values.statementId as CellValue)) return false;
  // As COUNTIFS compares: case ignored, nothing trimmed ("Fullført " is not done; validation warns about it).
  const status = values.status as CellValue;
  return !matchesText(status, itemLabel('actionStatuses', 'done', lang)) && !matchesText(status, itemLabel('actionStatuses', 'dropped', lang));
}

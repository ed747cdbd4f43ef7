/**
 * The checklist register read as evaluation rounds. A round is identified by its date: every row
 * with the same evaluation date belongs to it, whatever unit or measure (scope) it names, so a
 * municipality that evaluates several units on one day gets one profile for that day. Labels are
 * recognised in any of the three languages, since a workbook may be shared across them.
 */
import type { CellValue } from '../port';
import { asNumber, asText, normaliseLabel } from '../model/cellValues';
import { content, workbookStrings, valueList } from '../content/content';
import { FACTOR_KEYS, type FactorKey } from '../content/contentSchema';
import { LANGUAGES, type Lang } from '../content/language';
import type { RegisterRows } from '../model/registerRows';

export const RATING_KEYS = ['agree', 'partly', 'disagree', 'notRelevant', 'dontKnow'] as const;
export type RatingKey = (typeof RATING_KEYS)[number];
export type StatementKind = 'promoter' | 'barrier';

export interface RatedStatement {
  rowNumber: number;
  /** The statement's code as the content file has it, or as typed when it is not one of ours. */
  statementId: string;
  factor: FactorKey;
  kind: StatementKind;
  /** The statement's text in the workbook's language (the content's, or the row's own). */
  text: string;
  rating: RatingKey | null;
  /** The row's own follow-up, carried into the action plan when filled. */
  instrument: string;
  responsible: CellValue;
  deadline: CellValue;
}

export interface Participants {
  /** Keys of list participantGroups, in list order. */
  groups: string[];
  /** Labels typed that are not in the list, kept as written. */
  other: string[];
}

export interface EvaluationRound {
  /** Serial day of the evaluation. */
  date: number;
  scopes: string[];
  participants: Participants;
  statements: RatedStatement[];
}

/** Label (any language, normalised) → key, for a fixed list. */
function labelIndex(listKey: string): Map<string, string> {
  const index = new Map<string, string>();
  for (const item of valueList(listKey).items) {
    index.set(normaliseLabel(item.key), item.key);
    for (const lang of LANGUAGES) index.set(normaliseLabel(item.label[lang]), item.key);
  }
  return index;
}

export function ratingKey(value: CellValue | undefined): RatingKey | null {
  const key = labelIndex('ratingScale').get(normaliseLabel(asText(value)));
  return (key as RatingKey | undefined) ?? null;
}

/** "Ansatte; Frivillige, brukere" → the groups' keys, plus whatever else was typed. */
export function parseParticipants(value: CellValue | undefined): Participants {
  const index = labelIndex('participantGroups');
  const groups = new Set<string>();
  const other: string[] = [];
  for (const part of asText(value).split(/[;,\n]/)) {
    const label = part.trim();
    if (label === '') continue;
    const key = index.get(normaliseLabel(label));
    if (key) groups.add(key);
    else if (!other.some((o) => normaliseLabel(o) === normaliseLabel(label))) other.push(label);
  }
  const order = valueList('participantGroups').items.map((i) => i.key);
  return { groups: order.filter((k) => groups.has(k)), other };
}

export function participantLabels(participants: Participants, lang: Lang): string[] {
  const items = valueList('participantGroups').items;
  return [...participants.groups.map((k) => items.find((i) => i.key === k)!.label[lang]), ...participants.other];
}

function mergeParticipants(a: Participants, b: Participants): Participants {
  return parseParticipants([...participantLabels(a, 'nb'), ...participantLabels(b, 'nb')].join(';'));
}

function kindFromLabel(value: CellValue | undefined): StatementKind | null {
  const label = normaliseLabel(asText(value));
  for (const kind of ['promoter', 'barrier'] as const) {
    // The key counts too: earlier versions wrote "Promoter" in English.
    if (label === kind || LANGUAGES.some((l) => normaliseLabel(workbookStrings.text(`checklist.kind.${kind}`, l)) === label)) return kind;
  }
  return null;
}

function factorFromLabel(value: CellValue | undefined): FactorKey | null {
  const label = normaliseLabel(asText(value));
  const found = content().checklist.factors.find((f) => normaliseLabel(f.key) === label || LANGUAGES.some((l) => normaliseLabel(f.label[l]) === label));
  return found && (FACTOR_KEYS as readonly string[]).includes(found.key) ? found.key : null;
}

/**
 * One row as a rated statement: by its code in the content file, or, for a statement the
 * municipality added itself, by its factor and kind columns. Rows that say neither are skipped.
 */
function ratedStatement(values: Record<string, CellValue>, rowNumber: number, lang: Lang): RatedStatement | null {
  const id = asText(values.statementId);
  const known = content().checklist.statements.find((s) => normaliseLabel(s.key) === normaliseLabel(id));
  const factor = known?.factor ?? factorFromLabel(values.factor);
  const kind = known?.kind ?? kindFromLabel(values.kind);
  if (!factor || !kind) return null;
  return {
    rowNumber,
    statementId: known?.key ?? id,
    factor,
    kind,
    text: known?.text[lang] ?? asText(values.statement),
    rating: ratingKey(values.rating),
    instrument: asText(values.instrument),
    responsible: values.responsible ?? null,
    deadline: values.deadline ?? null,
  };
}

/** Every round in the register, oldest first. Rows without a date belong to no round. */
export function evaluationRounds(checklist: RegisterRows, lang: Lang): EvaluationRound[] {
  const byDate = new Map<number, EvaluationRound>();
  for (const row of checklist.rows) {
    const date = asNumber(row.values.round);
    if (date === null) continue;
    const round = byDate.get(date) ?? { date, scopes: [], participants: { groups: [], other: [] }, statements: [] };
    byDate.set(date, round);
    const scope = asText(row.values.scope);
    if (scope !== '' && !round.scopes.includes(scope)) round.scopes.push(scope);
    round.participants = mergeParticipants(round.participants, parseParticipants(row.values.participants));
    const statement = ratedStatement(row.values, row.rowNumber, lang);
    if (statement) round.statements.push(statement);
  }
  return [...byDate.values()].sort((a, b) => a.date - b.date);
}

/** Whether any statement of the round has been rated: an unrated round has no result yet. */
export function isRated(round: EvaluationRound): boolean {
  return round.statements.some((s) => s.rating !== null);
}

/** The latest rated round and the one before it: what the summary and the trend compare. */
export function latestAndPrevious(rounds: EvaluationRound[]): { latest: EvaluationRound | null; previous: EvaluationRound | null } {
  const rated = rounds.filter(isRated);
  return { latest: rated.at(-1) ?? null, previous: rated.at(-2) ?? null };
}

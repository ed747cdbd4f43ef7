/** Hand-made checklist and action rows for the evaluation tests. */
import { itemLabel } from '../../../../src/core/content/content';
import type { Lang } from '../../../../src/core/content/language';
import { registerFromRecords, type RegisterRecord } from '../../../../src/core/model/workbookData';
import type { RegisterRows } from '../../../../src/core/model/registerRows';

export type Rating = 'agree' | 'partly' | 'disagree' | 'notRelevant' | 'dontKnow' | null;

/** One checklist row: the statement's code is enough, the rest comes from the content file. */
export function rated(round: number, statementId: string, rating: Rating, lang: Lang = 'nb', extra: RegisterRecord = {}): RegisterRecord {
  return { round, scope: 'Hele kommunen', statementId, rating: rating === null ? null : itemLabel('ratingScale', rating, lang), ...extra };
}

export function checklist(rows: RegisterRecord[]): RegisterRows {
  return registerFromRecords('checklist', 'Evaluering', rows);
}

export function actions(rows: RegisterRecord[]): RegisterRows {
  return registerFromRecords('actions', 'Tiltaksplan', rows);
}

/**
 * Ids a coordinator may leave blank: a new volunteer id (F0QK7MX) or agreement id (AVT-0QK7MX),
 * safe when several coordinators add records to the same workbook at once (see
 * core/model/recordIds.ts). Ids typed in other forms are left alone; none already in the register
 * is ever given again.
 */
import { asText } from '../../core/model/cellValues';
import type { RegisterRows } from '../../core/model/registerRows';
import type { RegisterKey } from '../../core/content/templateSchema';
import { ID_PREFIXES, newRecordIds, type RandomSource } from '../../core/model/recordIds';

export function generatesId(key: RegisterKey): boolean {
  return ID_PREFIXES[key] !== undefined;
}

export function newId(register: RegisterRows, now: Date, random?: RandomSource): string | null {
  const prefix = ID_PREFIXES[register.key];
  if (prefix === undefined) return null;
  return newRecordIds(
    prefix,
    1,
    now,
    register.rows.map((row) => asText(row.values.id)),
    random,
  )[0];
}

/**
 * What refers to a record from the other registers: hours logged by a volunteer's id; agreements,
 * volunteers and hours naming a partner. A record others refer to is not deleted (the figures and
 * links would break): a volunteer or an agreement is ended instead, a duplicate volunteer merged.
 * A record nobody refers to may be deleted as a mistaken row; hours and actions always may.
 */
import type { RegisterKey } from '../content/templateSchema';
import { asText } from './cellValues';
import type { RegisterRow } from './registerRows';
import type { WorkbookData } from './workbookData';

export interface RecordReference {
  register: RegisterKey;
  /** Sheet rows of that register that refer to the record. */
  rows: RegisterRow[];
}

const fold = (value: unknown): string =>
  asText((value ?? null) as never)
    .trim()
    .toLowerCase();

function rowsWhere(data: WorkbookData, register: RegisterKey, column: string, value: string): RecordReference | null {
  if (value === '') return null;
  const rows = data.registers[register].rows.filter((r) => fold(r.values[column]) === value);
  return rows.length > 0 ? { register, rows } : null;
}

/** The registers and rows that refer to the record, empty when none does. */
export function recordReferences(data: WorkbookData, key: RegisterKey, row: RegisterRow): RecordReference[] {
  const found: (RecordReference | null)[] = [];
  if (key === 'volunteers') found.push(rowsWhere(data, 'hours', 'volunteerId', fold(row.values.id)));
  if (key === 'partners') {
    const name = fold(row.values.name);
    found.push(rowsWhere(data, 'agreements', 'partner', name), rowsWhere(data, 'volunteers', 'partner', name), rowsWhere(data, 'hours', 'partner', name));
  }
  return found.filter((r): r is RecordReference => r !== null);
}

/** Hours and actions may always be deleted; any other record only while nothing refers to it. */
export function mayDelete(data: WorkbookData, key: RegisterKey, row: RegisterRow): boolean {
  if (key === 'hours' || key === 'actions') return true;
  return recordReferences(data, key, row).length === 0;
}

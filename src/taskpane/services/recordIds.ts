/**
 * Ids a coordinator may leave blank: the next free volunteer id (F0001, F0002, …) and agreement id
 * (AVT-001, …), one above the highest id of that form already in the register. Ids typed in other
 * forms are left alone and do not block the sequence.
 */
import { asText } from '../../core/model/cellValues';
import type { RegisterRows } from '../../core/model/registerRows';
import type { RegisterKey } from '../../core/content/templateSchema';

interface IdPattern {
  prefix: string;
  digits: number;
}

const ID_PATTERNS: Partial<Record<RegisterKey, IdPattern>> = {
  volunteers: { prefix: 'F', digits: 4 },
  agreements: { prefix: 'AVT-', digits: 3 },
};

export function generatesId(key: RegisterKey): boolean {
  return ID_PATTERNS[key] !== undefined;
}

export function nextFreeId(register: RegisterRows): string | null {
  const pattern = ID_PATTERNS[register.key];
  if (!pattern) return null;
  const shape = new RegExp(`^${pattern.prefix.replace(/[-]/g, '\\-')}(\\d+)$`, 'i');
  let highest = 0;
  for (const row of register.rows) {
    const match = shape.exec(asText(row.values.id));
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${pattern.prefix}${String(highest + 1).padStart(pattern.digits, '0')}`;
}

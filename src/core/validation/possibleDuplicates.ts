/**
 * Records already in a register that a new or edited one may repeat, found before it is saved so
 * the form can offer to open the one there instead: a volunteer by name (spacing and case ignored),
 * a partner by name or organisasjonsnummer. Looser than the duplicate rules of validation, which
 * report only what is almost surely the same person (name and phone or email): a form can ask.
 */
import { asText } from '../model/cellValues';
import type { RegisterRow } from '../model/registerRows';
import type { WorkbookData } from '../model/workbookData';
import type { CellValue } from '../port';
import type { RegisterKey } from '../content/templateSchema';
import { phoneKey } from './contactFormats';
import { textKey } from './ruleContext';

export interface PossibleDuplicate {
  rowNumber: number;
  /** How sure the match is: the same name only, or the name and a phone number or email too. */
  strength: 'name' | 'nameAndContact' | 'orgNumber';
  row: RegisterRow;
}

const nameKey = (value: CellValue | undefined): string => textKey(value).replace(/\s+/g, ' ');
const digits = (value: CellValue | undefined): string => asText(value ?? null).replace(/\D/g, '');

function sameContact(a: Record<string, CellValue>, b: Record<string, CellValue>): boolean {
  const phone = phoneKey(asText(a.phone ?? null));
  if (phone !== null && phone === phoneKey(asText(b.phone ?? null))) return true;
  const email = textKey(a.email);
  return email !== '' && email === textKey(b.email);
}

/** Rows of the register the record may repeat, strongest first; the row being edited is left out. */
export function possibleDuplicates(data: WorkbookData, key: RegisterKey, values: Record<string, CellValue>, editingRow?: number): PossibleDuplicate[] {
  const found: PossibleDuplicate[] = [];
  const others = data.registers[key].rows.filter((r) => r.rowNumber !== editingRow);
  if (key === 'volunteers') {
    const name = nameKey(values.name);
    if (name === '') return [];
    for (const row of others) {
      if (nameKey(row.values.name) !== name) continue;
      found.push({ rowNumber: row.rowNumber, strength: sameContact(values, row.values) ? 'nameAndContact' : 'name', row });
    }
  } else if (key === 'partners') {
    const name = nameKey(values.name);
    const org = digits(values.orgNumber);
    for (const row of others) {
      if (org.length === 9 && digits(row.values.orgNumber) === org) found.push({ rowNumber: row.rowNumber, strength: 'orgNumber', row });
      else if (name !== '' && nameKey(row.values.name) === name) found.push({ rowNumber: row.rowNumber, strength: 'name', row });
    }
  }
  const rank = { nameAndContact: 0, orgNumber: 0, name: 1 };
  return found.sort((a, b) => rank[a.strength] - rank[b.strength] || a.rowNumber - b.rowNumber);
}

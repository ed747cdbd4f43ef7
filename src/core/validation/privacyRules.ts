/**
 * Privacy: a fødselsnummer or D-number must not be anywhere in the workbook. Every cell of every
 * sheet is scanned, the user's own sheets and free-text notes included. Messages never repeat the
 * number itself.
 */
import type { CellValue } from '../port';
import { registerCell } from '../model/registerRows';
import { REGISTER_KEYS } from '../content/templateSchema';
import { numberIsFodselsnummer, textHasFodselsnummer } from './norwegianIds';
import type { RuleContext } from './ruleContext';
import type { ValidationCell } from './validationInput';

const RULE = 'privacy.fodselsnummer.found';

/**
 * The digits a cell must show to be worth checking: eleven in a text, nine or more in a number
 * (a fødselsnummer typed as a number loses its leading zero, and a D-number's day can start with 0).
 * A reader may skip building every other cell.
 */
export const FODSELSNUMMER_DIGITS = { text: 11, number: 9 } as const;

/** Whether a cell could hold a fødselsnummer at all: the cheap test before the checksum. */
export function mayHoldFodselsnummer(value: CellValue): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1e8 && value < 1e11;
  if (typeof value !== 'string' || value.length < FODSELSNUMMER_DIGITS.text) return false;
  let digits = 0;
  for (let i = 0; i < value.length && digits < FODSELSNUMMER_DIGITS.text; i++) if (value.charCodeAt(i) >= 48 && value.charCodeAt(i) <= 57) digits++;
  return digits >= FODSELSNUMMER_DIGITS.text;
}

export function cellHasFodselsnummer(value: CellValue): boolean {
  if (typeof value === 'string') return textHasFodselsnummer(value);
  if (typeof value === 'number') return numberIsFodselsnummer(value);
  return false;
}

/** Without a full cell scan, at least the registers' cells are checked. */
function scanRegisters(ctx: RuleContext): void {
  for (const key of REGISTER_KEYS) {
    const register = ctx.data.registers[key];
    const columns = [...register.columns.keys()];
    for (const row of register.rows) {
      for (const column of columns) {
        if (cellHasFodselsnummer(row.values[column] ?? null)) {
          ctx.issues.add(RULE, key, register.sheetName, registerCell(register, row.rowNumber, column));
        }
      }
    }
  }
}

export function privacyRules(ctx: RuleContext, allCells?: () => Iterable<ValidationCell>): void {
  if (!allCells) return scanRegisters(ctx);
  for (const cell of allCells()) {
    if (cellHasFodselsnummer(cell.value)) ctx.issues.add(RULE, cell.sheetKey, cell.sheet, cell.cell);
  }
}

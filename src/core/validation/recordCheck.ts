/**
 * One record checked by the workbook's own rules before it is written: the same rule engine as
 * `samspill validate`, run on the workbook with the record in its register (appended as the last
 * row, or in place of the row it edits), keeping the issues found on that row. A form and the
 * validation of the saved workbook therefore never disagree about what a record needs.
 *
 * The same run tells a form which fields a record needs as it stands: its required columns, and
 * those a rule asks for because of its other values (an active volunteer's consent date, a police
 * certificate for an activity that requires one), so they can be marked before anything is saved.
 */
import { sheetDef } from '../content/content';
import type { RegisterKey } from '../content/templateSchema';
import type { RegisterRow, RegisterRows } from '../model/registerRows';
import type { WorkbookData } from '../model/workbookData';
import type { CellValue } from '../port';
import type { Issue } from './issue';
import { parseAddress } from './issueCollector';
import { ruleCatalog, ruleDef } from './ruleCatalog';
import { validateWorkbook } from './validateWorkbook';

/**
 * Whether a rule says a blank cell must be filled: a required column, or a written rule named for
 * what is missing ("volunteers.consentDate.missing", "volunteers.policeCertificate.missingForBasis"),
 * as the catalogue names them. Only errors hold a record back; a warning (an unsigned agreement)
 * is said after saving.
 */
export function asksForValue(ruleId: string): boolean {
  return /\.(required|missing|missingFor\w+)$/.test(ruleId) && ruleDef(ruleId).severity === 'error';
}

/** Columns a rule may ask for once the record's other values call for them: optional dates, and columns with a rule of their own. */
function conditionalColumns(key: RegisterKey): string[] {
  const named = new Set(
    ruleCatalog()
      .filter((r) => r.sheetKey === key && asksForValue(r.id))
      .map((r) => r.id.split('.')[1]),
  );
  return (sheetDef(key).columns ?? []).filter((c) => !c.required && c.type !== 'formula' && (c.type === 'date' || named.has(c.key))).map((c) => c.key);
}

/** The register with the record in it: in place of rowNumber, or appended below the last row. */
function withRecord(register: RegisterRows, values: Record<string, CellValue>, rowNumber?: number): { register: RegisterRows; row: RegisterRow } {
  const last = register.rows.reduce((max, r) => Math.max(max, r.rowNumber), register.headerRow);
  const row: RegisterRow = { rowNumber: rowNumber ?? last + 1, values };
  const rows = rowNumber === undefined ? [...register.rows, row] : register.rows.map((r) => (r.rowNumber === rowNumber ? row : r));
  return { register: { ...register, rows }, row };
}

/** The issues the rules find on the record's own row, sorted as validation sorts them. */
export function checkRecord(data: WorkbookData, key: RegisterKey, values: Record<string, CellValue>, today: number, rowNumber?: number): Issue[] {
  const placed = withRecord(data.registers[key], values, rowNumber);
  const issues = validateWorkbook({ data: { ...data, registers: { ...data.registers, [key]: placed.register } }, today });
  return issues.filter((issue) => issue.sheetKey === key && issue.cell !== null && parseAddress(issue.cell).row === placed.row.rowNumber);
}

/** The column an issue on a register row stands in, by the register's current column positions. */
export function issueColumn(register: RegisterRows, issue: Issue): string | null {
  const col = parseAddress(issue.cell).col;
  for (const [key, at] of register.columns) if (at === col) return key;
  return null;
}

/**
 * The fields the record needs as it stands: its required columns, and every column a rule asks for
 * given the record's other values. Found by checking the record with those columns left blank, so
 * a field stays marked once the user has filled it.
 */
export function requiredFields(data: WorkbookData, key: RegisterKey, values: Record<string, CellValue>, today: number, rowNumber?: number): Set<string> {
  const required = new Set((sheetDef(key).columns ?? []).filter((c) => c.required && c.type !== 'formula').map((c) => c.key));
  const blanked = { ...values };
  for (const column of conditionalColumns(key)) blanked[column] = null;
  const register = data.registers[key];
  for (const issue of checkRecord(data, key, blanked, today, rowNumber)) {
    if (!asksForValue(issue.rule)) continue;
    const column = issueColumn(register, issue);
    if (column) required.add(column);
  }
  return required;
}

/**
 * A workbook plan as schema version 1 wrote it, for the upgrade tests of the command line and the
 * add-in: the demo's plan without the action plan, without the checklist's participants column,
 * with schemaVersion 1 in the metadata. The templates are now of a later version, so version 1 is
 * made from them by taking away exactly what the migrations since add (the 1→2 action plan and
 * participants; the 2→3 register columns).
 */
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { SHEET_KEYS } from '../../src/core/content/templateSchema';
import type { RegisterRecord } from '../../src/core/model/workbookData';
import { isFormula, type PlannedSheet, type WorkbookPlan } from '../../src/core/plan/workbookPlan';
import { SCHEMA_MIGRATIONS } from '../../src/core/model/schemaMigrations';
import { sheetDef } from '../../src/core/content/content';
import type { RegisterKey } from '../../src/core/content/templateSchema';
import { columnLetter } from '../../src/core/model/a1';

export const V1_TODAY = '2026-11-23';
/** Where participants sits in version 2's checklist (1-based): the column version 1 did not have. */
export const PARTICIPANTS_COL = 3;
/** The nb header of that column. */
export const PARTICIPANTS_NB = 'Deltakere';

/** The nb header of the end reason column that version 4 added to volunteers and agreements. */
export const END_REASON_NB = 'Sluttårsak';
/** The header of the column a user added to their own checklist table. */
export const USER_HEADER = 'Kommentar fra leder';

function shiftRange(range: string, removed: number): string | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) throw new Error(`unexpected validation range ${range}`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c = col(m[1]);
  if (c === removed) return null;
  const shifted = columnLetter(c > removed ? c - 1 : c);
  return `${shifted}${m[2]}:${shifted}${m[4]}`;
}

/** The checklist sheet as version 1 wrote it: no participants column, its validations moved left. */
export function withoutParticipants(sheet: PlannedSheet): PlannedSheet {
  const drop = <T>(list: T[]) => list.filter((_, i) => i !== PARTICIPANTS_COL - 1);
  const [table] = sheet.tables;
  // Guards the helper itself: if the template moves the column, version 1 must be remade.
  if (table.headers[PARTICIPANTS_COL - 1] !== PARTICIPANTS_NB)
    throw new Error(`column ${PARTICIPANTS_COL} of the checklist is ${table.headers[PARTICIPANTS_COL - 1]}, not ${PARTICIPANTS_NB}`);
  return {
    ...sheet,
    columnWidths: drop(sheet.columnWidths),
    tables: [{ ...table, headers: drop(table.headers), rows: table.rows.map(drop), columnStyles: drop(table.columnStyles) }],
    validations: sheet.validations.flatMap((v) => {
      const range = shiftRange(v.range, PARTICIPANTS_COL);
      return range ? [{ ...v, range }] : [];
    }),
  };
}

/** A register sheet without some of its columns (by key), its validations moved left; formula columns kept as their values. */
export function withoutColumns(sheet: PlannedSheet, register: RegisterKey, keys: string[]): PlannedSheet {
  const defs = sheetDef(register).columns!;
  const [table] = sheet.tables;
  const cols = keys.map((k) => table.headers.indexOf(defs.find((d) => d.key === k)!.label.nb) + 1).filter((c) => c > 0);
  let out: PlannedSheet = sheet;
  for (const removed of [...cols].sort((a, b) => b - a)) {
    const drop = <T>(list: T[]) => list.filter((_, i) => i !== removed - 1);
    const [t] = out.tables;
    out = {
      ...out,
      columnWidths: drop(out.columnWidths),
      tables: [{ ...t, headers: drop(t.headers), rows: t.rows.map(drop), columnStyles: drop(t.columnStyles) }],
      validations: out.validations.flatMap((v) => {
        const range = shiftRange(v.range, removed);
        return range ? [{ ...v, range }] : [];
      }),
    };
  }
  // The volunteers' formula columns of version 1 read columns that came later: keep what they showed.
  const [t] = out.tables;
  return { ...out, tables: [{ ...t, rows: t.rows.map((row) => row.map((v) => (isFormula(v) ? v.result : v))) }] };
}

/** A user's own changes: a column of their own at the end of the table, and the rows sorted by statement. */
export function withUserChanges(sheet: PlannedSheet): PlannedSheet {
  const [table] = sheet.tables;
  const statementCol = table.headers.indexOf('Påstand');
  const rows = table.rows.map((row, i) => [...row, `Notat ${i + 1}`]).sort((a, b) => String(b[statementCol]).localeCompare(String(a[statementCol])));
  return {
    ...sheet,
    columnWidths: [...sheet.columnWidths, 22],
    tables: [{ ...table, headers: [...table.headers, USER_HEADER], rows, columnStyles: [...table.columnStyles, undefined] }],
  };
}

export function withSchemaVersion(sheet: PlannedSheet, version: number): PlannedSheet {
  const keyCell = sheet.cells.find((c) => c.col === 1 && c.value === 'schemaVersion');
  if (!keyCell) throw new Error('no schemaVersion row in the metadata sheet');
  return { ...sheet, cells: sheet.cells.map((c) => (c.row === keyCell.row && c.col === 2 ? { ...c, value: version } : c)) };
}

/** The demo's records cycled (or cut) to n rows, so a test can choose a register's size. */
function sized(records: RegisterRecord[], n: number): RegisterRecord[] {
  return Array.from({ length: n }, (_, i) => ({ ...records[i % records.length] }));
}

export interface VersionOneOptions {
  /** A column of the user's at the end of the checklist, and its rows sorted. */
  userChanges?: boolean;
  /** Rows of the checklist (default: the demo's, one round). */
  checklistRows?: number;
  /** Volunteers in the demo (default 40: small and quick). */
  volunteers?: number;
}

/** The nb demo workbook's plan as schema version 1 wrote it. */
export function versionOnePlan(options: VersionOneOptions = {}): WorkbookPlan {
  const { input } = demoWorkbook({ lang: 'nb', seed: 7, today: isoToSerial(V1_TODAY), volunteers: options.volunteers ?? 40 });
  const checklist = options.checklistRows === undefined ? input.records.checklist : sized(input.records.checklist, options.checklistRows);
  const plan = buildWorkbookPlan(
    { ...input, records: { ...input.records, checklist, actions: [] } },
    SHEET_KEYS.filter((k) => k !== 'actions'),
  );
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) => {
      if (sheet.key === 'checklist') return options.userChanges ? withUserChanges(withoutParticipants(sheet)) : withoutParticipants(sheet);
      if (sheet.key === '_meta') return withSchemaVersion(sheet, 1);
      // Every column the migrations since version 2 added to this register (2→3 and 3→4 alike).
      const register = sheet.key as RegisterKey;
      const keys = SCHEMA_MIGRATIONS.filter((x) => x.from >= 2).flatMap((m) => m.addColumns.filter((a) => a.register === register).map((a) => a.column));
      return keys.length > 0 ? withoutColumns(sheet, register, keys) : sheet;
    }),
  };
}

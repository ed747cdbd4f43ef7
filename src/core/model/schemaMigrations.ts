/**
 * What changed in the templates from one schema version to the next, declared once, and what a
 * workbook of an older version needs to reach the current one. The command line and the add-in
 * both upgrade through these steps, so they add the same sheets and columns.
 *
 * A migration only ever adds (a sheet, a register column): nothing a user typed is moved, renamed
 * or removed, which is what lets an upgrade keep every row.
 */
import { sheetDef } from '../content/content';
import type { ValidationContext } from '../plan/columnValidation';
import { columnValidation } from '../plan/columnValidation';
import { SHEET_KEYS, type ColumnDef, type RegisterKey, type SheetKey } from '../content/templateSchema';
import type { PlannedValidation } from '../plan/workbookPlan';
import type { Lang } from '../content/language';
import { LISTS_SINCE_3 } from './settingsModel';

export interface ColumnAddition {
  register: RegisterKey;
  /** The column's key in templates/sheets.json. */
  column: string;
}

export interface SchemaMigration {
  from: number;
  to: number;
  /** Template sheets that did not exist before this version. */
  addSheets: SheetKey[];
  /** Register columns that did not exist before this version. */
  addColumns: ColumnAddition[];
}

export const SCHEMA_MIGRATIONS: readonly SchemaMigration[] = [
  // Version 2: the action plan that follows the evaluation, and who took part in an evaluation.
  { from: 1, to: 2, addSheets: ['actions'], addColumns: [{ register: 'checklist', column: 'participants' }] },
  // Version 3: the legal basis per agreement and per assignment (police certificate, confidentiality), who saw the
  // certificate and its date of issue, signatories and the kind of payment, the partner's entry in the non-profit register.
  {
    from: 2,
    to: 3,
    addSheets: ['volunteerPapers'],
    addColumns: [
      { register: 'partners', column: 'volunteerRegistry' },
      { register: 'partners', column: 'volunteerRegistryDate' },
      { register: 'agreements', column: 'paymentKind' },
      { register: 'agreements', column: 'signerMunicipality' },
      { register: 'agreements', column: 'signerMunicipalityRole' },
      { register: 'agreements', column: 'signerPartner' },
      { register: 'agreements', column: 'signerPartnerRole' },
      { register: 'agreements', column: 'policeBasis' },
      { register: 'agreements', column: 'confidentialityBasis' },
      { register: 'volunteers', column: 'contactPerson' },
      { register: 'volunteers', column: 'confidentialityBasis' },
      { register: 'volunteers', column: 'policeBasis' },
      { register: 'volunteers', column: 'policeCertificateIssued' },
      { register: 'volunteers', column: 'policeCertificateShownBy' },
    ],
  },
  // Version 4: why a volunteer or an agreement ended, kept for the statistics when the pane ends one.
  {
    from: 3,
    to: 4,
    addSheets: [],
    addColumns: [
      { register: 'volunteers', column: 'endReason' },
      { register: 'agreements', column: 'endReason' },
    ],
  },
];

/** The migrations leading from one version to another, in order; null when there is no such path. */
export function migrationPath(from: number, to: number, migrations: readonly SchemaMigration[] = SCHEMA_MIGRATIONS): SchemaMigration[] | null {
  const path: SchemaMigration[] = [];
  for (let version = from; version < to;) {
    const next = migrations.find((m) => m.from === version && m.to > version && m.to <= to);
    if (!next) return null;
    path.push(next);
    version = next.to;
  }
  return path;
}

/** What an older workbook holds, as far as an upgrade cares. */
export interface WorkbookSchemaState {
  version: number;
  /** Templates the workbook has. */
  present: readonly SheetKey[];
  /** Column keys each register has where it was found by its header; a register absent here is not touched. */
  columns: Partial<Record<RegisterKey, readonly string[]>>;
}

export interface UpgradeSteps {
  from: number;
  to: number;
  /** Sheets the newer versions introduced that the workbook lacks, in workbook order. */
  addSheets: SheetKey[];
  /** Columns to append to registers the workbook has, in migration order. */
  addColumns: ColumnAddition[];
}

/**
 * The steps an older workbook needs to reach `target`; null when no declared path leads there (the
 * workbook must then be refused, not guessed at). Steps already done — a column a user added
 * themselves, a sheet that is already there — are left out, so applying the steps twice is the
 * same as applying them once.
 */
export function upgradeSteps(state: WorkbookSchemaState, target: number, migrations: readonly SchemaMigration[] = SCHEMA_MIGRATIONS): UpgradeSteps | null {
  if (state.version >= target) return null;
  const path = migrationPath(state.version, target, migrations);
  if (!path) return null;
  const present = new Set(state.present);
  const sheets = new Set(path.flatMap((m) => m.addSheets).filter((key) => !present.has(key)));
  const addColumns: ColumnAddition[] = [];
  for (const addition of path.flatMap((m) => m.addColumns)) {
    const has = state.columns[addition.register];
    if (!present.has(addition.register) || !has || has.length === 0 || has.includes(addition.column)) continue;
    if (addColumns.some((a) => a.register === addition.register && a.column === addition.column)) continue;
    addColumns.push(addition);
  }
  return { from: state.version, to: target, addSheets: SHEET_KEYS.filter((key) => sheets.has(key)), addColumns };
}

/** What goes into a register for an added column: its header, width and native validation. */
export interface ColumnToAppend {
  register: RegisterKey;
  def: ColumnDef;
  header: string;
  width: number;
  /** Without its range: the adapter knows which rows the register's other validations cover. */
  validation: Omit<PlannedValidation, 'range'> | null;
}

export function columnToAppend(addition: ColumnAddition, lang: Lang, ctx: ValidationContext): ColumnToAppend {
  const def = (sheetDef(addition.register).columns ?? []).find((c) => c.key === addition.column);
  if (!def) throw new RangeError(`no column ${addition.column} in ${addition.register}`);
  // A list the older settings sheet does not hold would refuse every value: the rule engine checks those columns instead.
  const listMissing = def.list !== undefined && (LISTS_SINCE_3 as readonly string[]).includes(def.list);
  const planned = listMissing ? null : columnValidation(def, '', { ...ctx, lang });
  let validation: Omit<PlannedValidation, 'range'> | null = null;
  if (planned) {
    const { range: _range, ...rest } = planned;
    validation = rest;
  }
  return { register: addition.register, def, header: def.label[lang], width: def.width, validation };
}

/**
 * Where Samspill's templates go in a workbook that already exists: which templates it has (found
 * through the metadata sheet even when renamed, or recognised by their headers), which to add,
 * free sheet and table names for those (a user's own "Frivillige" is never overwritten), and
 * whether the workbook's schema is older or newer than ours. The command line and the add-in
 * both decide through this, so they add the same templates under the same names.
 */
import type { Lang } from '../content/language';
import { META_SHEET_NAME, type MetaRecord } from '../model/metaSheet';
import { upgradeSteps, type UpgradeSteps } from '../model/schemaMigrations';
import { REGISTER_KEYS, SHEET_KEYS, type RegisterKey, type SheetKey } from '../content/templateSchema';
import type { PlannedSheet } from './workbookPlan';

/** Excel's limit on a sheet name's length, and the characters it refuses in one. */
export const SHEET_NAME_MAX = 31;
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;
/** Excel keeps this name for its change-tracking sheet. */
const RESERVED_SHEET_NAMES = new Set(['history']);
const TABLE_NAME_MAX = 255;

/**
 * The templates each one needs beside it: registers draw their lists from the settings and the
 * partner catalogue, the volunteer register and the hours log count each other, the printable
 * agreement reads the agreement register, the action plan follows the evaluation, and the summary
 * reads everything.
 */
const DEPENDENCIES: Partial<Record<SheetKey, SheetKey[]>> = {
  partners: ['settings'],
  agreements: ['settings', 'partners'],
  agreement: ['settings', 'partners', 'agreements'],
  volunteers: ['settings', 'partners', 'hours'],
  hours: ['settings', 'partners', 'volunteers'],
  checklist: ['settings'],
  actions: ['settings', 'checklist'],
  summary: ['settings', ...REGISTER_KEYS],
};

/** The requested templates and every template they need, in workbook order. */
export function withDependencies(keys: readonly SheetKey[]): SheetKey[] {
  const wanted = new Set<SheetKey>();
  const visit = (key: SheetKey) => {
    if (wanted.has(key) || key === '_meta') return;
    wanted.add(key);
    for (const dep of DEPENDENCIES[key] ?? []) visit(dep);
  };
  keys.forEach(visit);
  return SHEET_KEYS.filter((key) => wanted.has(key));
}

export interface ExistingWorkbook {
  /** Sheet names in tab order. */
  sheetNames: string[];
  tableNames: string[];
  /** Defined names (table names share their namespace). */
  definedNames: string[];
  /** Tables by the sheet holding them, to find a recognised register's table without metadata. */
  tablesBySheet?: Record<string, string[]>;
  meta: MetaRecord | null;
  /** The sheet the metadata was read from. */
  metaSheetName?: string;
  /** Templates recognised without the metadata (by their header labels), key → sheet. */
  recognised?: Partial<Record<SheetKey, string>>;
  /** Column keys of each register found by its header labels: what an upgrade still has to add. */
  registerColumns?: Partial<Record<RegisterKey, readonly string[]>>;
}

export interface PlacementRequest {
  /** Templates wanted, their dependencies join them (the metadata sheet is managed here). */
  keys: readonly SheetKey[];
  lang: Lang;
  /** The templates' own names in the workbook's language. */
  defaultSheetNames: Record<SheetKey, string>;
  defaultTableNames: Record<RegisterKey, string>;
  schemaVersion: number;
}

export type SchemaStatus =
  { kind: 'none' } | { kind: 'current'; version: number } | { kind: 'upgrade'; from: number; to: number } | { kind: 'newer'; found: number; supported: number };

export interface Placement {
  /** The workbook's language: the metadata's when it has one, the requested one otherwise. */
  lang: Lang;
  present: Partial<Record<SheetKey, string>>;
  /** Templates to add, in workbook order (the metadata sheet is handled by metaAction). */
  toAdd: SheetKey[];
  metaAction: 'add' | 'update' | 'none';
  /** Every key's sheet: where it is, or the free name it gets. */
  sheetNames: Record<SheetKey, string>;
  tableNames: Record<RegisterKey, string>;
  /** Templates whose own name was taken, so they got another. */
  renamed: { key: SheetKey; wanted: string; name: string }[];
  schema: SchemaStatus;
  /**
   * For a workbook of an older schema: what brings it to the current one (its new sheets are
   * already in toAdd; its columns go into the registers the workbook has). Null when the schema is
   * current, or older with no declared way up, which must be refused.
   */
  upgrade: UpgradeSteps | null;
}

const lower = (name: string) => name.toLowerCase();

/** A name Excel accepts for a sheet: no forbidden characters, no edge apostrophes, at most 31 long. */
export function sanitizeSheetName(name: string): string {
  const cleaned = name
    .replace(FORBIDDEN_IN_SHEET_NAME, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  return truncate(cleaned || 'Samspill', SHEET_NAME_MAX);
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

/** The name itself when free (case-insensitively), else "Name (2)", "Name (3)", … within 31 chars. */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const base = sanitizeSheetName(wanted);
  const free = (name: string) => !taken.has(lower(name)) && !RESERVED_SHEET_NAMES.has(lower(name));
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${truncate(base, SHEET_NAME_MAX - suffix.length)}${suffix}`;
    if (free(name)) return name;
  }
}

/** Whether Excel accepts the text as a table name (it must not look like a cell reference). */
export function isValidTableName(name: string): boolean {
  if (name.length === 0 || name.length > TABLE_NAME_MAX) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return false;
  return true;
}

/** The name when free among tables and defined names, else Name_2, Name_3, … */
export function freeTableName(wanted: string, taken: ReadonlySet<string>): string {
  const base = isValidTableName(wanted) ? wanted : `T_${wanted.replace(/[^\p{L}\p{N}_.]/gu, '_')}`;
  if (!taken.has(lower(base))) return base;
  for (let n = 2; ; n++) {
    const name = `${base}_${n}`;
    if (!taken.has(lower(name))) return name;
  }
}

export function schemaStatus(meta: MetaRecord | null, current: number): SchemaStatus {
  if (!meta) return { kind: 'none' };
  if (meta.schemaVersion < current) return { kind: 'upgrade', from: meta.schemaVersion, to: current };
  if (meta.schemaVersion > current) return { kind: 'newer', found: meta.schemaVersion, supported: current };
  return { kind: 'current', version: current };
}

function findSheet(sheetNames: string[], name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  return sheetNames.find((s) => s === name) ?? sheetNames.find((s) => lower(s) === lower(name));
}

/** Which templates the workbook has, by metadata first (survives renaming), then by recognition. */
function presentTemplates(workbook: ExistingWorkbook): Partial<Record<SheetKey, string>> {
  const present: Partial<Record<SheetKey, string>> = {};
  for (const key of SHEET_KEYS) {
    if (key === '_meta') continue;
    const sheet = findSheet(workbook.sheetNames, workbook.meta?.sheets[key]) ?? findSheet(workbook.sheetNames, workbook.recognised?.[key]);
    if (sheet) present[key] = sheet;
  }
  if (workbook.meta) {
    const metaSheet = findSheet(workbook.sheetNames, workbook.metaSheetName ?? workbook.meta.sheets._meta ?? META_SHEET_NAME);
    if (metaSheet) present._meta = metaSheet;
  }
  return present;
}

function existingTableName(key: RegisterKey, sheet: string, workbook: ExistingWorkbook): string | undefined {
  const recorded = workbook.meta?.tables[key];
  if (recorded && workbook.tableNames.some((t) => lower(t) === lower(recorded))) return recorded;
  return workbook.tablesBySheet?.[sheet]?.[0];
}

/**
 * A sheet a newer schema introduced joins an upgraded workbook when it goes with what the workbook
 * has: a template there reads it (the summary reads every register), or everything it follows is
 * there (the action plan follows the evaluation). A workbook that holds only a partner catalogue
 * does not grow an action plan.
 */
function goesWith(key: SheetKey, present: ReadonlySet<SheetKey>): boolean {
  const readers = [...present].some((p) => p !== key && (DEPENDENCIES[p] ?? []).includes(key));
  const follows = (DEPENDENCIES[key] ?? []).filter((dep) => dep !== 'settings');
  return readers || (follows.length > 0 && follows.every((dep) => present.has(dep)));
}

function schemaUpgrade(workbook: ExistingWorkbook, present: Partial<Record<SheetKey, string>>, current: number): UpgradeSteps | null {
  if (!workbook.meta || workbook.meta.schemaVersion >= current) return null;
  const keys = SHEET_KEYS.filter((key) => present[key]);
  const steps = upgradeSteps({ version: workbook.meta.schemaVersion, present: keys, columns: workbook.registerColumns ?? {} }, current);
  if (!steps) return null;
  const has = new Set(keys);
  return { ...steps, addSheets: steps.addSheets.filter((key) => goesWith(key, has)) };
}

export function placeTemplates(workbook: ExistingWorkbook, request: PlacementRequest): Placement {
  const present = presentTemplates(workbook);
  const upgrade = schemaUpgrade(workbook, present, request.schemaVersion);
  const wanted = withDependencies([...request.keys, ...(upgrade?.addSheets ?? [])]);
  const toAdd = wanted.filter((key) => !present[key]);
  const hasTemplates = Object.keys(present).some((k) => k !== '_meta');
  const metaAction: Placement['metaAction'] = present._meta ? (toAdd.length || upgrade ? 'update' : 'none') : toAdd.length || hasTemplates ? 'add' : 'none';

  const takenSheets = new Set(workbook.sheetNames.map(lower));
  const sheetNames = {} as Record<SheetKey, string>;
  const renamed: Placement['renamed'] = [];
  for (const key of SHEET_KEYS) {
    const existing = present[key];
    if (existing) {
      sheetNames[key] = existing;
      continue;
    }
    const wanted = key === '_meta' ? META_SHEET_NAME : request.defaultSheetNames[key];
    const adding = key === '_meta' ? metaAction === 'add' : toAdd.includes(key);
    const name = adding ? freeSheetName(wanted, takenSheets) : wanted;
    if (adding) {
      takenSheets.add(lower(name));
      if (name !== wanted && key !== '_meta') renamed.push({ key, wanted, name });
    }
    sheetNames[key] = name;
  }

  const takenTables = new Set([...workbook.tableNames, ...workbook.definedNames].map(lower));
  const tableNames = {} as Record<RegisterKey, string>;
  for (const key of REGISTER_KEYS) {
    const sheet = present[key];
    const existing = sheet ? existingTableName(key, sheet, workbook) : undefined;
    if (existing) {
      tableNames[key] = existing;
      continue;
    }
    const name = toAdd.includes(key) ? freeTableName(request.defaultTableNames[key], takenTables) : request.defaultTableNames[key];
    takenTables.add(lower(name));
    tableNames[key] = name;
  }

  return {
    lang: workbook.meta?.lang ?? request.lang,
    present,
    toAdd,
    metaAction,
    sheetNames,
    tableNames,
    renamed,
    schema: schemaStatus(workbook.meta, request.schemaVersion),
    upgrade,
  };
}

/** Why a placement must not be carried out: the schema is newer than ours, or older with no declared way up. */
export type SchemaRefusal = { kind: 'newer'; found: number; supported: number } | { kind: 'upgradeNotAvailable'; from: number; to: number };

/** What the command line and the add-in both refuse, each saying it in its own words; null when the placement may go ahead. */
export function schemaRefusal(placement: Placement): SchemaRefusal | null {
  const schema = placement.schema;
  if (schema.kind === 'newer') return { kind: 'newer', found: schema.found, supported: schema.supported };
  // An older schema with a declared way up is upgraded; one without is refused, not guessed at.
  if (schema.kind === 'upgrade' && !placement.upgrade) return { kind: 'upgradeNotAvailable', from: schema.from, to: schema.to };
  return null;
}

/** The metadata after the placement: every template present or added, under its sheet and table. */
export function placedMeta(placement: Placement, previous: MetaRecord | null, schemaVersion: number, generator: string): MetaRecord {
  const keys = SHEET_KEYS.filter((key) => key === '_meta' || placement.present[key] || placement.toAdd.includes(key));
  const meta: MetaRecord = {
    schemaVersion,
    lang: placement.lang,
    generator,
    sheets: Object.fromEntries(keys.map((key) => [key, placement.sheetNames[key]])),
    tables: Object.fromEntries(REGISTER_KEYS.filter((key) => keys.includes(key)).map((key) => [key, placement.tableNames[key]])),
  };
  if (previous?.summaryRefreshed) meta.summaryRefreshed = previous.summaryRefreshed;
  return meta;
}

/**
 * The metadata sheet of a plan rewritten to hold the given record: the first row (its note) is
 * kept, the key/value rows below are replaced. The layout is the one readMeta reads back.
 */
export function metaSheetWith(sheet: PlannedSheet, entries: [string, string | number][], name: string): PlannedSheet {
  const note = sheet.cells.filter((cell) => cell.row === 1);
  const rows = entries.flatMap(([key, value], i) => [
    { row: i + 2, col: 1, value: key },
    { row: i + 2, col: 2, value },
  ]);
  return { ...sheet, name, cells: [...note, ...rows] };
}

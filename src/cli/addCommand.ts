/**
 * `samspill add IN.xlsx [-o OUT.xlsx] [--templates key,...] [--lang nb|nn|en]`: adds the missing
 * templates to a workbook people already use. The user's package is extended, never re-written:
 * the templates are rendered into a fresh workbook and transplanted (see packageMerge), the result
 * is verified, and only then renamed into place, with the original kept beside it as a backup.
 */
import path from 'node:path';
import { todaySerial } from '../core/model/dates';
import type { Lang } from '../core/content/language';
import { loadWorkbook, type LoadedWorkbook } from '../core/model/loadWorkbook';
import { additionPlan, placeInWorkbook, upgradeColumns } from '../core/plan/additionPlan';
import { schemaRefusal, type Placement } from '../core/plan/templatePlacement';
import { SHEET_KEYS, type SheetKey } from '../core/content/templateSchema';
import type { WorkbookPlan } from '../core/plan/workbookPlan';
import {
  appendTableColumn,
  inspectPackage,
  mergeFreshWorkbook,
  type MergeResult,
  NameConflictError,
  openXlsxBuffer,
  PackageRefusal,
  readStoredEntries,
  TableColumnAppendError,
  UnsupportedZipError,
  type UserPackage,
  verifyMergedPackage,
  verifyWrittenParts,
  WorkbookReadError,
  writePlanToBuffer,
  writeStoredEntries,
  type XlsxReader,
  XmlEditError,
} from '../workbook/xlsx';
import { phraseOf } from '../core/samspillError';
import { replaceableFile, writeFileAtomic } from './atomicWrite';
import { addStrings, cliStrings, UserFacingError } from './cliText';
import { parseLang } from './options';
import { checkOutput } from './outputFile';
import { realTarget } from './realTarget';
import { readRegularFile, type Fingerprint } from './regularFile';
import { withLocks } from './workbookLock';

export interface AddOptions {
  output?: string;
  templates?: string;
  lang?: string;
  force?: boolean;
}

/** Seams for tests: a fixed clock, and a fault injected after verification, before the rename. */
export interface AddHooks {
  now?: Date;
  beforeRename?: (tempPath: string) => Promise<void>;
}

const TEMPLATE_KEYS = SHEET_KEYS.filter((key) => key !== '_meta');

export async function addCommand(file: string, options: AddOptions, log: (line: string) => void): Promise<number> {
  return addTemplates(file, options, log);
}

function parseTemplates(value: string | undefined): SheetKey[] {
  if (value === undefined || value.trim() === '') return [...TEMPLATE_KEYS];
  const keys = value
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  for (const key of keys) {
    if (!(TEMPLATE_KEYS as string[]).includes(key))
      throw new UserFacingError(addStrings.phrase('cli.add.error.templates', { value: key, known: TEMPLATE_KEYS.join(', ') }));
  }
  return keys as SheetKey[];
}

async function readWorkbook(file: string): Promise<{ data: Uint8Array; fingerprint: Fingerprint; reader: XlsxReader; user: UserPackage }> {
  const { bytes: data, fingerprint } = await readRegularFile(file);
  try {
    const reader = openXlsxBuffer(data, file);
    return { data, fingerprint, reader, user: inspectPackage(data) };
  } catch (error) {
    if (error instanceof WorkbookReadError) throw new UserFacingError(error);
    if (error instanceof PackageRefusal) throw new UserFacingError(addStrings.phrase(`cli.add.refused.${error.code}`, { file }));
    if (error instanceof UnsupportedZipError || error instanceof XmlEditError)
      throw new UserFacingError(addStrings.phrase('cli.add.refused.package', { file, reason: error }));
    throw error;
  }
}

/** Placement by the names the package itself holds (sheets, tables, defined names). */
function place(loaded: LoadedWorkbook, user: UserPackage, keys: SheetKey[], lang: Lang): Placement {
  const taken = {
    sheetNames: user.sheets.map((s) => s.name),
    tableNames: user.tableNames,
    definedNames: user.definedNames.map((n) => n.name),
    tablesBySheet: Object.fromEntries(user.tablesBySheet),
  };
  return placeInWorkbook(loaded, taken, keys, lang);
}

function refuseSchema(placement: Placement, file: string): void {
  const refusal = schemaRefusal(placement);
  if (refusal?.kind === 'upgradeNotAvailable')
    throw new UserFacingError(addStrings.phrase('cli.add.refused.upgrade', { file, from: refusal.from, to: refusal.to }));
  if (refusal?.kind === 'newer')
    throw new UserFacingError(addStrings.phrase('cli.add.refused.newer', { file, found: refusal.found, supported: refusal.supported }));
}

async function merge(user: UserPackage, plan: WorkbookPlan, placement: Placement, file: string, now: Date): Promise<MergeResult> {
  const fresh = await writePlanToBuffer(plan);
  try {
    return mergeFreshWorkbook(user, fresh, { replaceSheets: placement.metaAction === 'update' ? [placement.sheetNames._meta] : [], now });
  } catch (error) {
    if (error instanceof NameConflictError) throw new UserFacingError(addStrings.phrase('cli.add.refused.nameConflict', { file, name: error.definedName }));
    if (error instanceof XmlEditError) throw new UserFacingError(addStrings.phrase('cli.add.refused.package', { file, reason: error }));
    throw error;
  }
}

/**
 * The upgrade's new register columns, appended to the user's own tables in the merged package.
 * The registers' rows are not rewritten, so every row keeps its cells exactly.
 */
function appendUpgradeColumns(merged: MergeResult, placement: Placement, loaded: LoadedWorkbook, file: string): MergeResult & { appended: AppendedColumn[] } {
  const columns = upgradeColumns(placement);
  if (columns.length === 0) return { ...merged, appended: [] };
  const appended: AppendedColumn[] = [];
  let data = merged.data;
  const changed = new Set(merged.changedParts);
  for (const { addition, column } of columns) {
    const register = loaded.data.registers[addition.register];
    try {
      const result = appendTableColumn(data, {
        sheetName: register.sheetName,
        tableName: placement.tableNames[addition.register],
        headerRow: register.headerRow,
        header: column.header,
        width: column.width,
        validation: column.validation,
      });
      data = result.data;
      for (const part of result.changedParts) changed.add(part);
      appended.push({ header: column.header, sheet: register.sheetName });
    } catch (error) {
      if (error instanceof TableColumnAppendError && error.code === 'occupied') {
        const table = placement.tableNames[addition.register];
        throw new UserFacingError(
          addStrings.phrase('cli.add.refused.columnOccupied', { file, sheet: register.sheetName, table, cell: error.detail, column: column.header }),
        );
      }
      if (error instanceof TableColumnAppendError || error instanceof XmlEditError)
        throw new UserFacingError(addStrings.phrase('cli.add.refused.package', { file, reason: error }));
      throw error;
    }
  }
  // Parts the merge added are new, not changed originals; the verification compares only originals.
  const added = new Set(merged.addedParts);
  return { ...merged, data, changedParts: [...changed].filter((part) => !added.has(part)), appended };
}

interface AppendedColumn {
  header: string;
  sheet: string;
}

/** The upgrade in one line: the versions, and each sheet and column it added, worded in each language. */
function upgradedLine(placement: Placement, appended: AppendedColumn[]): string | null {
  const upgrade = placement.upgrade;
  if (!upgrade) return null;
  const sheets = upgrade.addSheets.filter((key) => placement.toAdd.includes(key)).map((key) => placement.sheetNames[key]);
  const changes = {
    say: (lang: Lang) =>
      [
        ...sheets.map((sheet) => addStrings.text('cli.add.upgraded.sheet', lang, { sheet })),
        ...appended.map((c) => addStrings.text('cli.add.upgraded.column', lang, { column: c.header, sheet: c.sheet })),
      ].join(', ') || '—',
  };
  return addStrings.both('cli.add.upgraded', { from: upgrade.from, to: upgrade.to, changes });
}

/**
 * What the result is checked against. Samspill's own metadata sheet, when there is one to update,
 * is replaced whole rather than edited (see merge), so its new bytes stand in for the old ones:
 * an edit's "nothing lost" check does not apply to a sheet written anew. Every other part is
 * compared with the original as it was read.
 */
function baselineFor(original: Uint8Array, user: UserPackage, placement: Placement, result: MergeResult): Uint8Array {
  if (placement.metaAction !== 'update') return original;
  const metaPart = user.sheets.find((s) => s.name === placement.sheetNames._meta)?.partName;
  if (!metaPart) return original;
  const replaced = readStoredEntries(result.data).find((e) => e.name === metaPart);
  if (!replaced) return original;
  return writeStoredEntries(readStoredEntries(original).map((e) => (e.name === metaPart ? replaced : e)));
}

export async function addTemplates(file: string, options: AddOptions, log: (line: string) => void, hooks: AddHooks = {}): Promise<number> {
  if (!/\.xls[xm]$/i.test(file)) throw new UserFacingError(addStrings.phrase('cli.add.error.extension', { file }));
  const requestedLang = parseLang(options.lang);
  const keys = parseTemplates(options.templates);
  const inPlace = options.output === undefined || path.resolve(options.output) === path.resolve(file);
  if (!inPlace) await checkOutput(options.output!, { force: options.force, inputs: [file], macroEnabled: /\.xlsm$/i.test(file) });
  else await replaceableFile(file, await realTarget(file));
  const now = hooks.now ?? new Date();
  const target = inPlace ? file : options.output!;
  return withLocks([target], 'add', () => addUnderLock(file, target, inPlace, keys, requestedLang, options, log, hooks, now));
}

async function addUnderLock(
  file: string,
  target: string,
  inPlace: boolean,
  keys: SheetKey[],
  requestedLang: Lang,
  options: AddOptions,
  log: (line: string) => void,
  hooks: AddHooks,
  now: Date,
): Promise<number> {
  const { data, fingerprint, reader, user } = await readWorkbook(file);
  const loaded = await loadWorkbook(reader);
  const placement = place(loaded, user, keys, loaded.meta?.lang ?? requestedLang);
  refuseSchema(placement, file);
  if (placement.toAdd.length === 0 && placement.metaAction === 'none') {
    log(addStrings.both('cli.add.nothing', { file }));
    return 0;
  }
  if (options.lang !== undefined && loaded.meta && loaded.meta.lang !== requestedLang) log(addStrings.both('cli.add.langKept', { lang: loaded.meta.lang }));

  const merged = await merge(user, additionPlan(placement, loaded, todaySerial(now), placement.metaAction !== 'none'), placement, file, now);
  const result = appendUpgradeColumns(merged, placement, loaded, file);
  let backup: string | undefined;
  try {
    ({ backup } = await writeFileAtomic(target, result.data, {
      backupAt: now,
      ...(inPlace ? { expect: fingerprint } : {}),
      verify: async (temp) => {
        const written = (await readRegularFile(temp)).bytes;
        await verifyMergedPackage(baselineFor(data, user, placement, result), written, result);
        // The baseline already holds our rewritten metadata sheet, which the merge check thus takes as copied: every part written is parsed here.
        verifyWrittenParts(data, written);
        await hooks.beforeRename?.(temp);
      },
    }));
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError(addStrings.phrase('cli.add.error.write', { file: target, reason: phraseOf(error) }));
  }

  for (const r of placement.renamed) log(addStrings.both('cli.add.renamed', { wanted: r.wanted, name: r.name }));
  log(
    addStrings.both('cli.add.done', {
      file: target,
      count: placement.toAdd.length,
      sheets: placement.toAdd.map((k) => placement.sheetNames[k]).join(', ') || '—',
    }),
  );
  const upgraded = upgradedLine(placement, result.appended);
  if (upgraded) log(upgraded);
  log(addStrings.both('cli.add.kept', { kept: user.entries.length - result.changedParts.length, total: user.entries.length }));
  if (backup) log(inPlace ? addStrings.both('cli.add.backup', { backup }) : cliStrings.both('cli.output.replaced', { file: target, backup }));
  return 0;
}

/**
 * `samspill import FILE.xlsx EXPORT.csv|EXPORT.xlsx [--map column=field ...] [--set field=value ...]
 * [--sheet NAME] [--dry-run]`: volunteers from a sign-up form's export (Microsoft Forms, Nettskjema,
 * Google Forms) appended to the volunteer register.
 *
 * The export is read whole first, whatever it is (an .xlsx export, or CSV in any dialect Excel
 * reads; see core/import/exportTable), so a file that cannot be read leaves the workbook
 * untouched. Rows are checked as the register is (see importRows); accepted rows are added to
 * the table inside the user's own package (see tableAppend), verified, and renamed into place
 * with a backup beside it — all under the workbook's lock, and only if the file on disk is still
 * the one that was read.
 */
import { sheetDef, itemLabel } from '../core/content/content';
import { effectiveReportDate } from '../core/summary/summaryFigures';
import { FormulaRefs } from '../core/plan/formulaRefs';
import { isFormulaLike, mapColumns, MappingError, type ColumnMapping } from '../core/import/importMapping';
import { planImport, type ImportPlan, type SkipReason } from '../core/import/importRows';
import { defaultsInEffect, ImportDefaultError, parseDefaults, signUpStatus, type ImportDefaults } from '../core/import/importDefaults';
import { csvTable, exportKind, readCsv, sheetTable, type ExportTable } from '../core/import/exportTable';
import { ExportReadError } from '../core/import/exportReadError';
import { CSV_LIMITS } from '../core/import/csvRecords';
import type { Lang } from '../core/content/language';
import { serialToIso } from '../core/model/dates';
import { phraseOf } from '../core/samspillError';
import { loadWorkbook, type LoadedWorkbook } from '../core/model/loadWorkbook';
import type { RegisterRow } from '../core/model/registerRows';
import { hoursLast12, hoursLast12ById, policeRequired } from '../core/model/volunteerDerived';
import type { WorkbookData } from '../core/model/workbookData';
import type { CellValue } from '../core/port';
import {
  appendTableRows,
  type AppendValue,
  entryBytes,
  nextTableRow,
  officeDocumentPart,
  openXlsxBuffer,
  readStoredEntries,
  refusalReason,
  TableAppendError,
  UnsupportedZipError,
  verifyMergedPackage,
  WorkbookReadError,
  XmlEditError,
} from '../workbook/xlsx';
import { replaceableFile, writeFileAtomic } from './atomicWrite';
import { importStrings, UserFacingError } from './cliText';
import { parseToday } from './options';
import { realTarget } from './realTarget';
import { headOf, readRegularFile, regularFileChunks, type Fingerprint } from './regularFile';
import { withLocks } from './workbookLock';

export interface ImportOptions {
  map?: string[];
  set?: string[];
  sheet?: string;
  dryRun?: boolean;
  today?: string;
}

/** The export as a table: an .xlsx export by its first visible sheet (or --sheet), anything else as CSV; and how many sheets it has. */
export async function readExport(source: string, sheet: string | undefined): Promise<{ table: ExportTable; sheets: number }> {
  const { head, size } = await headOf(source);
  const kind = exportKind(head);
  try {
    if (kind === 'xlsx') return await readXlsxExport(source, sheet);
    if (sheet !== undefined) throw new UserFacingError(importStrings.phrase('error.sheetForCsv', { file: source }));
    if (kind === 'binary') throw new ExportReadError('notText');
    if (size > CSV_LIMITS.maxBytes) throw new ExportReadError('tooLarge', { limit: Math.round(CSV_LIMITS.maxBytes / (1 << 20)) });
    const { records, dialect } = await readCsv(regularFileChunks(source));
    return { table: csvTable(records, dialect), sheets: 0 };
  } catch (error) {
    if (error instanceof ExportReadError || error instanceof WorkbookReadError)
      throw new UserFacingError(importStrings.phrase(kind === 'xlsx' ? 'error.xlsxUnreadable' : 'error.csvUnreadable', { file: source, reason: error }));
    throw error;
  }
}

async function readXlsxExport(source: string, sheet: string | undefined): Promise<{ table: ExportTable; sheets: number }> {
  const { bytes } = await readRegularFile(source);
  const reader = openXlsxBuffer(bytes, source);
  const sheets = await reader.listSheets();
  const wanted = sheet === undefined ? sheets.find((s) => s.visibility === 'visible') : sheets.find((s) => s.name.toLowerCase() === sheet.trim().toLowerCase());
  if (!wanted) throw new ExportReadError('noSheet', { sheet: sheet ?? '', sheets: sheets.map((s) => s.name).join(', ') });
  return { table: sheetTable(await reader.readSheet(wanted.name)), sheets: sheets.length };
}

function dialectLine(table: ExportTable, lang: Lang, sheets: number): string {
  const source = table.source;
  if (source.kind === 'xlsx') return importStrings.text('dialect.xlsx', lang, { sheet: source.sheet, sheets });
  const d = source.dialect;
  const encodingKey = { 'utf-8': d.bom ? 'utf8Bom' : 'utf8', 'utf-16le': 'utf16le', 'utf-16be': 'utf16be', 'windows-1252': 'windows1252' } as const;
  const delimiterKey = { ';': 'semicolon', ',': 'comma', '\t': 'tab' } as const;
  const encoding = importStrings.text(`dialect.encoding.${encodingKey[d.encoding]}`, lang);
  const delimiter = importStrings.text(`dialect.delimiter.${delimiterKey[d.delimiter]}`, lang);
  const lineEnd = importStrings.text(
    d.lineEnd === '\r\n'
      ? 'dialect.lineEnd.crlf'
      : d.lineEnd === '\n'
        ? 'dialect.lineEnd.lf'
        : d.lineEnd === '\r'
          ? 'dialect.lineEnd.cr'
          : 'dialect.lineEnd.none',
    lang,
  );
  const line = importStrings.text('dialect.csv', lang, { encoding, delimiter, lineEnd });
  return d.sepLine ? importStrings.text('dialect.sepLine', lang, { dialect: line }) : line;
}

function loadedFrom(bytes: Uint8Array, file: string): Promise<LoadedWorkbook> {
  try {
    return loadWorkbook(openXlsxBuffer(bytes, file));
  } catch (error) {
    if (error instanceof WorkbookReadError) throw new UserFacingError(error);
    throw error;
  }
}

function refuseUnsafe(bytes: Uint8Array, file: string): void {
  try {
    const entries = readStoredEntries(bytes);
    const part = (name: string) => {
      const entry = entries.find((e) => e.name.toLowerCase() === name.toLowerCase());
      return entry ? entryBytes(entry) : undefined;
    };
    const rootRels = part('_rels/.rels');
    const rootRelsText = rootRels ? new TextDecoder().decode(rootRels) : undefined;
    const workbook = part(officeDocumentPart(rootRelsText) ?? 'xl/workbook.xml') ?? new Uint8Array();
    const reason = refusalReason(
      entries.map((e) => e.name),
      rootRelsText,
      workbook,
    );
    // Locked structure forbids new sheets, not new rows; the other reasons would damage the file.
    if (reason && reason !== 'structureProtected') throw new UserFacingError(importStrings.phrase('error.refused', { file, reason }));
  } catch (error) {
    if (error instanceof UnsupportedZipError || error instanceof XmlEditError)
      throw new UserFacingError(importStrings.phrase('error.refused', { file, reason: error }));
    throw error;
  }
}

function parseMapping(headers: string[], map: string[] | undefined, source: string): ColumnMapping {
  try {
    return mapColumns(headers, map ?? []);
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    const fields =
      'name, firstName, lastName, phone, email, ageGroup, age, affiliation, partner, activity, unit, start, confidentialityDate, policeCertificateDate, training, consent, consentDate, status, end, notes, submitted, ignore';
    throw new UserFacingError(importStrings.phrase(`error.map.${error.code}`, { value: error.value, file: source, fields }));
  }
}

function defaultsOf(set: string[] | undefined, data: WorkbookData): ImportDefaults {
  try {
    return parseDefaults(set ?? [], data);
  } catch (error) {
    if (error instanceof ImportDefaultError) throw new UserFacingError(importStrings.phrase('error.defaults', { reason: error }));
    throw error;
  }
}

/** The formula columns' cached results for the new rows, computed from the register with them in it. */
function formulaResults(data: WorkbookData, rows: RegisterRow[], today: number): Map<number, AppendValue>[] {
  const register = data.registers.volunteers;
  const withNew: WorkbookData = { ...data, registers: { ...data.registers, volunteers: { ...register, rows: [...register.rows, ...rows] } } };
  const f = FormulaRefs.of(data);
  const reportDate = effectiveReportDate(data, today);
  const totals = hoursLast12ById(withNew, reportDate);
  const police = register.columns.get('policeCertificateRequired');
  const hours = register.columns.get('hoursLast12Months');
  return rows.map((row) => {
    const results = new Map<number, AppendValue>();
    if (police) results.set(police, policeRequired(withNew, row, reportDate) ? f.label('yesNo', 'yes') : f.label('yesNo', 'no'));
    if (hours) results.set(hours, hoursLast12(totals, row));
    return results;
  });
}

const columnLabel = (key: string, lang: Lang) => sheetDef('volunteers').columns?.find((c) => c.key === key)?.label[lang] ?? key;

function skipLines(lang: Lang, row: number, reason: SkipReason): string[] {
  switch (reason.kind) {
    case 'duplicateOfVolunteer':
      return [importStrings.text('skip.duplicateOfVolunteer', lang, { row, id: reason.id, sheetRow: reason.sheetRow })];
    case 'duplicateInFile':
      return [importStrings.text('skip.duplicateInFile', lang, { row, first: reason.row })];
    case 'invalid':
      return [
        importStrings.text('skip.invalid', lang, { row }),
        ...reason.issues.map((i) => importStrings.text('reason', lang, { message: `${i.message} [${i.rule}]` })),
      ];
    default:
      return [importStrings.text(`skip.${reason.kind}`, lang, { row })];
  }
}

function reportLines(lang: Lang, plan: ImportPlan): string[] {
  const lines: { row: number; text: string[] }[] = [];
  for (const v of plan.imported) {
    const text = [importStrings.text('imported', lang, { row: v.sourceRow, id: v.id, name: String(v.values.name), sheetRow: v.sheetRow })];
    for (const issue of v.issues)
      text.push(importStrings.text(issue.severity === 'error' ? 'followUp' : 'warning', lang, { message: `${issue.message} [${issue.rule}]` }));
    for (const u of v.unusable)
      text.push(
        importStrings.text('keptInNotes', lang, { value: u.value, header: u.header, column: columnLabel(u.field === 'age' ? 'ageGroup' : u.field, lang) }),
      );
    if (v.extraChoices.length) text.push(importStrings.text('extra', lang, { choices: v.extraChoices.join(', ') }));
    lines.push({ row: v.sourceRow, text });
  }
  for (const s of plan.skipped) lines.push({ row: s.sourceRow, text: skipLines(lang, s.sourceRow, s.reason) });
  return lines.sort((a, b) => a.row - b.row).flatMap((l) => l.text);
}

function mappingLines(lang: Lang, headers: string[], mapping: ColumnMapping): string[] {
  const used = headers.map((h, i) => [h, mapping.fields[i]] as const).filter(([, f]) => f && f !== 'ignore' && f !== 'refused');
  const unused = headers.filter((_, i) => mapping.fields[i] === null || mapping.fields[i] === 'ignore');
  const refused = headers.filter((_, i) => mapping.fields[i] === 'refused');
  const lines = [importStrings.text('mapped', lang, { columns: used.map(([h, f]) => `${h} → ${f}`).join(', ') })];
  if (unused.length) lines.push(importStrings.text('notUsed', lang, { columns: unused.join(', ') }));
  if (refused.length) lines.push(importStrings.text('refusedColumns', lang, { columns: refused.join(', ') }));
  return lines;
}

function shownValue(value: CellValue | null, field: string): string {
  if (typeof value === 'number' && ['start', 'confidentialityDate', 'policeCertificateDate', 'consentDate'].includes(field)) return serialToIso(value);
  return String(value ?? '');
}

/** What the fields the form does not ask will hold, said once for the whole import. */
function defaultLines(lang: Lang, data: WorkbookData, defaults: ImportDefaults): string[] {
  const items = defaultsInEffect(data, defaults).map((d) => {
    const field = columnLabel(d.field, lang);
    if (d.source === 'submitted') return importStrings.text('default.submitted', lang, { field });
    if (d.source === 'partner')
      return importStrings.text('default.partner', lang, {
        field,
        organised: itemLabel('affiliationForms', 'organisation', data.lang),
        unorganised: itemLabel('affiliationForms', 'unorganised', data.lang),
      });
    return importStrings.text('default.value', lang, { field, value: shownValue(d.value, d.field) });
  });
  const lines = [importStrings.text('defaults', lang, { list: items.join('; ') })];
  if (defaults.status === undefined && signUpStatus(data) !== itemLabel('volunteerStatuses', 'interested', data.lang))
    lines.push(
      importStrings.text('default.activeStatus', lang, {
        interested: itemLabel('volunteerStatuses', 'interested', data.lang),
        active: itemLabel('volunteerStatuses', 'active', data.lang),
      }),
    );
  return lines;
}

interface PreparedImport {
  plan: ImportPlan;
  /** The package with the rows appended; null when there is nothing to import. */
  result: { data: Uint8Array; changedParts: string[] } | null;
  sheetName: string;
  lang: Lang;
}

/** Reads the workbook as it is now, plans the import and reports it; appends the rows in memory. */
async function prepare(
  file: string,
  bytes: Uint8Array,
  table: ExportTable,
  source: string,
  options: ImportOptions,
  today: number,
  log: (line: string) => void,
  sheets: number,
): Promise<PreparedImport> {
  const loaded = await loadedFrom(bytes, file);
  const register = loaded.data.registers.volunteers;
  if (!loaded.sheetNames.volunteers || register.headerRow === 0) throw new UserFacingError(importStrings.phrase('error.noRegister', { file }));
  refuseUnsafe(bytes, file);
  const mapping = parseMapping(table.headers, options.map, source);
  if (!mapping.fields.some((f) => f === 'name' || f === 'firstName' || f === 'lastName'))
    throw new UserFacingError(importStrings.phrase('error.noName', { file: source, headers: table.headers.join(', ') }));
  const defaults = defaultsOf(options.set, loaded.data);
  const lang = loaded.data.lang;
  log(dialectLine(table, lang, sheets));
  for (const line of mappingLines(lang, table.headers, mapping)) log(line);
  for (const line of defaultLines(lang, loaded.data, defaults)) log(line);

  let firstSheetRow: number;
  try {
    firstSheetRow = nextTableRow(bytes, register.sheetName, register.headerRow);
  } catch (error) {
    throw new UserFacingError(importStrings.phrase('error.refused', { file, reason: phraseOf(error) }));
  }
  const plan = planImport({ data: loaded.data, table, mapping, defaults, today, firstSheetRow });
  for (const line of reportLines(lang, plan)) log(line);
  if (plan.imported.length === 0 || options.dryRun) return { plan, result: null, sheetName: register.sheetName, lang };

  const keys = (sheetDef('volunteers').columns ?? []).map((c) => c.key);
  const rows = plan.imported.map((v) => {
    const cells = new Map<number, AppendValue>();
    for (const key of keys) {
      const col = register.columns.get(key);
      const value = v.values[key];
      if (col && value !== undefined && (value === null || typeof value === 'string' || typeof value === 'number')) cells.set(col, value);
    }
    return cells;
  });
  const newRows: RegisterRow[] = plan.imported.map((v) => ({ rowNumber: v.sheetRow, values: v.values }));
  try {
    const result = appendTableRows(bytes, {
      sheetName: register.sheetName,
      headerRow: register.headerRow,
      rows,
      formulaResults: formulaResults(loaded.data, newRows, today),
      keepAsText: isFormulaLike,
    });
    return { plan, result, sheetName: register.sheetName, lang };
  } catch (error) {
    if (error instanceof TableAppendError && error.code === 'rowsBelow')
      throw new UserFacingError(importStrings.phrase('error.rowsBelow', { file, row: error.detail }));
    if (error instanceof TableAppendError && error.code === 'blocked')
      throw new UserFacingError(importStrings.phrase('error.blocked', { file, what: error.detail ?? '' }));
    if (error instanceof TableAppendError || error instanceof XmlEditError || error instanceof UnsupportedZipError) {
      throw new UserFacingError(importStrings.phrase('error.refused', { file, reason: error }));
    }
    throw error;
  }
}

export async function importCommand(
  file: string,
  source: string,
  options: ImportOptions,
  log: (line: string) => void,
  now: Date = new Date(),
): Promise<number> {
  if (!/\.xls[xm]$/i.test(file)) throw new UserFacingError(importStrings.phrase('error.extension', { file }));
  const today = parseToday(options.today);
  const { table, sheets } = await readExport(source, options.sheet);
  const counts = (plan: ImportPlan) => ({
    imported: plan.imported.length,
    followUps: plan.imported.filter((v) => v.issues.some((i) => i.severity === 'error') || v.unusable.length > 0).length,
    skipped: plan.skipped.length,
    total: table.rows.length,
    source,
    file,
  });

  if (options.dryRun) {
    const { bytes } = await readRegularFile(file);
    const prepared = await prepare(file, bytes, table, source, options, today, log, sheets);
    log(importStrings.text('dryRun', prepared.lang, counts(prepared.plan)));
    return 0;
  }

  // Refused before any work when the workbook cannot be written (read-only, not a regular file).
  await replaceableFile(file, await realTarget(file));
  return withLocks([file], 'import', async () => {
    const { bytes, fingerprint } = await readRegularFile(file);
    const prepared = await prepare(file, bytes, table, source, options, today, log, sheets);
    const { plan, result, lang } = prepared;
    if (!result) {
      log(importStrings.text('nothing', lang, counts(plan)));
      return 0;
    }
    const backup = await write(file, bytes, fingerprint, result, prepared, now);
    log(importStrings.text('done', lang, counts(plan)));
    if (backup) log(importStrings.text('backup', lang, { backup }));
    return 0;
  });
}

async function write(
  file: string,
  original: Uint8Array,
  fingerprint: Fingerprint,
  result: { data: Uint8Array; changedParts: string[] },
  prepared: PreparedImport,
  now: Date,
): Promise<string | undefined> {
  try {
    const written = await writeFileAtomic(file, result.data, {
      expect: fingerprint,
      backupAt: now,
      verify: async (temp) => verifyImport(original, (await readRegularFile(temp)).bytes, result.changedParts, prepared.sheetName, prepared.plan),
    });
    return written.backup;
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError(importStrings.phrase('error.write', { file, reason: phraseOf(error) }));
  }
}

/** The written package keeps every other part as it was and reads back with the new volunteers where planned. */
async function verifyImport(original: Uint8Array, written: Uint8Array, changedParts: string[], sheetName: string, plan: ImportPlan): Promise<void> {
  await verifyMergedPackage(original, written, { changedParts, addedSheets: [] });
  const reread = await loadWorkbook(openXlsxBuffer(written));
  const volunteers = reread.data.registers.volunteers;
  if (volunteers.sheetName !== sheetName) throw new Error('the volunteer register is no longer found');
  const byRow = new Map(volunteers.rows.map((r) => [r.rowNumber, r]));
  for (const v of plan.imported) {
    const row = byRow.get(v.sheetRow);
    if (!row || String(row.values.id) !== v.id || String(row.values.name) !== String(v.values.name))
      throw new Error(`row ${v.sheetRow} does not read back as ${v.id}`);
  }
}

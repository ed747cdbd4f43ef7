/**
 * `samspill import FILE.xlsx VOLUNTEERS.csv [--map column=field ...]`: volunteers from a sign-up
 * form export (Microsoft Forms, Nettskjema, Google Forms) appended to the volunteer register.
 *
 * The CSV is read whole first (UTF-8 with or without BOM, Windows-1252 as older Excel saves it;
 * comma, semicolon or tab), so a file that cannot be read leaves the workbook untouched. Rows are
 * checked as the register is (see importRows); accepted rows are added to the table inside the
 * user's own package (see tableAppend), verified, and renamed into place with a backup beside it.
 */
import { constants as fsConstants } from 'node:fs';
import { copyFile, readFile, rm } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { sheetDef } from '../core/content/content';
import { effectiveReportDate } from '../core/summary/summaryFigures';
import { FormulaRefs } from '../core/plan/formulaRefs';
import { isFormulaLike, mapColumns, MappingError, type ColumnMapping } from '../core/import/importMapping';
import { planImport, type ImportPlan, type SkipReason } from '../core/import/importRows';
import type { Lang } from '../core/content/language';
import { phraseOf } from '../core/samspillError';
import { loadWorkbook, type LoadedWorkbook } from '../core/model/loadWorkbook';
import type { RegisterRow } from '../core/model/registerRows';
import { hoursLast12, hoursLast12ById, policeRequired } from '../core/model/volunteerDerived';
import type { WorkbookData } from '../core/model/workbookData';
import {
  appendTableRows,
  type AppendValue,
  entryBytes,
  fileNotFound,
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
import { backupPath } from './addCommand';
import { writeFileAtomic } from './atomicWrite';
import { importStrings, UserFacingError } from './cliText';
import { parseToday } from './options';

export interface ImportOptions {
  map?: string[];
  today?: string;
}

/** UTF-8 when it decodes as such (BOM or not); otherwise Windows-1252, as older Excel saves "CSV". */
function decodeCsv(bytes: Uint8Array): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

/** The separator of the header line: the one of ; , or tab that occurs most outside quotes. */
export function detectDelimiter(text: string): string {
  let quoted = false;
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

export function readCsvText(text: string): string[][] {
  return parse(text, { delimiter: detectDelimiter(text), bom: true, skip_empty_lines: true, relax_quotes: false, trim: false }) as string[][];
}

async function readCsv(csv: string): Promise<{ headers: string[]; rows: string[][] }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(csv);
  } catch (error) {
    throw new UserFacingError(importStrings.phrase('error.csvMissing', { file: csv, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  let records: string[][];
  try {
    records = readCsvText(decodeCsv(bytes));
  } catch (error) {
    throw new UserFacingError(importStrings.phrase('error.csvUnreadable', { file: csv, reason: phraseOf(error) }));
  }
  if (records.length < 2) throw new UserFacingError(importStrings.phrase('error.csvEmpty', { file: csv }));
  return { headers: records[0].map((h) => h.replace(/^\ufeff/, '').trim()), rows: records.slice(1) };
}

async function readWorkbook(file: string): Promise<{ bytes: Uint8Array; loaded: LoadedWorkbook }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new UserFacingError(fileNotFound(file, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  try {
    return { bytes, loaded: await loadWorkbook(openXlsxBuffer(bytes, file)) };
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

function parseMapping(headers: string[], map: string[] | undefined, csv: string): ColumnMapping {
  try {
    return mapColumns(headers, map ?? []);
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    const fields =
      'name, firstName, lastName, phone, email, ageGroup, age, affiliation, partner, activity, unit, start, confidentialityDate, policeCertificateDate, training, consent, consentDate, status, end, notes, submitted, ignore';
    throw new UserFacingError(importStrings.phrase(`error.map.${error.code}`, { value: error.value, file: csv, fields }));
  }
}

/** The formula columns' cached results for the new rows, computed from the register with them in it. */
function formulaResults(data: WorkbookData, rows: RegisterRow[], today: number): Map<number, AppendValue>[] {
  const register = data.registers.volunteers;
  const withNew: WorkbookData = { ...data, registers: { ...data.registers, volunteers: { ...register, rows: [...register.rows, ...rows] } } };
  const f = new FormulaRefs(data.lang, data.tables);
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

function skipLines(lang: Lang, row: number, reason: SkipReason): string[] {
  switch (reason.kind) {
    case 'duplicateOfVolunteer':
      return [importStrings.text('skip.duplicateOfVolunteer', lang, { row, id: reason.id, sheetRow: reason.sheetRow })];
    case 'duplicateInFile':
      return [importStrings.text('skip.duplicateInFile', lang, { row, first: reason.csvRow })];
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
    const text = [importStrings.text('imported', lang, { row: v.csvRow, id: v.id, name: String(v.values.name), sheetRow: v.sheetRow })];
    for (const issue of v.issues)
      text.push(importStrings.text(issue.severity === 'error' ? 'followUp' : 'warning', lang, { message: `${issue.message} [${issue.rule}]` }));
    if (v.extraChoices.length) text.push(importStrings.text('extra', lang, { choices: v.extraChoices.join(', ') }));
    lines.push({ row: v.csvRow, text });
  }
  for (const s of plan.skipped) lines.push({ row: s.csvRow, text: skipLines(lang, s.csvRow, s.reason) });
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

export async function importCommand(file: string, csv: string, options: ImportOptions, log: (line: string) => void, now: Date = new Date()): Promise<number> {
  if (!/\.xls[xm]$/i.test(file)) throw new UserFacingError(importStrings.phrase('error.extension', { file }));
  const today = parseToday(options.today);
  const table = await readCsv(csv);
  const { bytes, loaded } = await readWorkbook(file);
  const register = loaded.data.registers.volunteers;
  if (!loaded.sheetNames.volunteers || register.headerRow === 0) throw new UserFacingError(importStrings.phrase('error.noRegister', { file }));
  refuseUnsafe(bytes, file);
  const mapping = parseMapping(table.headers, options.map, csv);
  if (!mapping.fields.some((f) => f === 'name' || f === 'firstName' || f === 'lastName'))
    throw new UserFacingError(importStrings.phrase('error.noName', { file: csv, headers: table.headers.join(', ') }));
  const lang = loaded.data.lang;
  for (const line of mappingLines(lang, table.headers, mapping)) log(line);

  let firstSheetRow: number;
  try {
    firstSheetRow = nextTableRow(bytes, register.sheetName, register.headerRow);
  } catch (error) {
    throw new UserFacingError(importStrings.phrase('error.refused', { file, reason: phraseOf(error) }));
  }
  const plan = planImport({ data: loaded.data, table, mapping, today, firstSheetRow });
  for (const line of reportLines(lang, plan)) log(line);
  const counts = { imported: plan.imported.length, skipped: plan.skipped.length, total: table.rows.length, csv, file };
  if (plan.imported.length === 0) {
    log(importStrings.text('nothing', lang, counts));
    return 0;
  }

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
  let result;
  try {
    result = appendTableRows(bytes, {
      sheetName: register.sheetName,
      headerRow: register.headerRow,
      rows,
      formulaResults: formulaResults(loaded.data, newRows, today),
      keepAsText: isFormulaLike,
    });
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

  const backup = backupPath(file, now);
  let backupMade = false;
  try {
    await copyFile(file, backup, fsConstants.COPYFILE_EXCL);
    backupMade = true;
    await writeFileAtomic(file, result.data, async (temp) => verifyImport(bytes, await readFile(temp), result.changedParts, register.sheetName, plan));
  } catch (error) {
    if (backupMade) await rm(backup, { force: true });
    throw new UserFacingError(importStrings.phrase('error.write', { file, reason: phraseOf(error) }));
  }
  log(importStrings.text('done', lang, counts));
  log(importStrings.text('backup', lang, { backup }));
  return 0;
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

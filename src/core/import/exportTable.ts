/**
 * A sign-up form's export as a table of answers, whichever way it was saved: a CSV in any of the
 * dialects Excel reads (see csvDialect, csvRecords), or a sheet of an .xlsx export (Microsoft
 * Forms' "Open in Excel", Nettskjema's Excel download) as the workbook port reads it. The CSV is
 * decoded as it streams in, so the caller decides where the bytes come from (a file on disk, a
 * file dropped on the pane) and the limits hold whatever the source.
 */
import type { CellValue, SheetGrid } from '../port';
import { sniffEncoding, type CsvDialect, type CsvEncoding } from './csvDialect';
import { CSV_LIMITS, CsvRecordReader, type CsvLimits } from './csvRecords';
import { ExportReadError } from './exportReadError';

/** An answer as the export holds it: text from a CSV; text, a number (dates as serial days) or yes/no from a sheet. */
export type ExportCell = string | number | boolean | null;

export type ExportSource = { kind: 'csv'; dialect: CsvDialect } | { kind: 'xlsx'; sheet: string };

export interface ExportTable {
  headers: string[];
  rows: ExportCell[][];
  /** The row each answer row is in the export as a spreadsheet shows it (the header row is 1 in a CSV). */
  rowNumbers: number[];
  source: ExportSource;
}

/** What the first bytes say the file is: an .xlsx package, an old binary format, or text. */
export function exportKind(head: Uint8Array): 'xlsx' | 'binary' | 'text' {
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'binary';
  if (sniffEncoding(head)?.encoding.startsWith('utf-16')) return 'text';
  // Text has the odd control character (a NUL typed into a form); a binary file is full of them.
  let controls = 0;
  const n = Math.min(head.length, 4096);
  for (let i = 0; i < n; i++) if (head[i] < 9 || (head[i] > 13 && head[i] < 32)) controls++;
  return n > 0 && controls > n / 10 ? 'binary' : 'text';
}

/** A source of the file's bytes in pieces; called again to read the file a second time. */
export type ByteSource = () => AsyncIterable<Uint8Array>;

/** The bytes of an array as a source, in pieces of 1 MiB (a file dropped on the pane). */
export function bytesSource(bytes: Uint8Array, piece = 1 << 20): ByteSource {
  return async function* () {
    for (let at = 0; at < bytes.length; at += piece) yield bytes.subarray(at, at + piece);
  };
}

/**
 * The records as decoded from the encoding sniffed (or guessed); null when UTF-8 was only a guess
 * and the bytes turned out not to be UTF-8.
 */
async function decodeAs(source: ByteSource, guess: CsvEncoding | null, limits: CsvLimits): Promise<{ records: string[][]; dialect: CsvDialect } | null> {
  const reader = new CsvRecordReader(limits);
  let decoder: TextDecoder | undefined;
  let encoding: CsvEncoding = guess ?? 'utf-8';
  let bom = false;
  let bytes = 0;
  const decode = (piece: Uint8Array, stream: boolean): string | null => {
    try {
      return decoder!.decode(piece, { stream });
    } catch (error) {
      if (encoding === 'utf-8' && !bom && guess === null) return null;
      throw error;
    }
  };
  for await (const chunk of source()) {
    bytes += chunk.length;
    if (bytes > limits.maxBytes) throw new ExportReadError('tooLarge', { limit: Math.round(limits.maxBytes / (1 << 20)) });
    let piece = chunk;
    if (!decoder) {
      const sniffed = sniffEncoding(chunk);
      if (sniffed) {
        encoding = sniffed.encoding;
        bom = sniffed.bomLength > 0;
        piece = chunk.subarray(sniffed.bomLength);
      }
      decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' && guess === null && !bom });
    }
    const text = decode(piece, true);
    if (text === null) return null;
    reader.push(text);
  }
  if (decoder) {
    const rest = decode(new Uint8Array(), false);
    if (rest === null) return null;
    reader.push(rest);
  }
  return { records: reader.end(), dialect: { encoding, bom, ...reader.dialect } };
}

/**
 * The records of a CSV and how it was written. UTF-8 is tried first unless a mark says otherwise;
 * bytes that are not UTF-8 send the file round again as Windows-1252.
 */
export async function readCsv(source: ByteSource, limits: CsvLimits = CSV_LIMITS): Promise<{ records: string[][]; dialect: CsvDialect }> {
  return (await decodeAs(source, null, limits)) ?? (await decodeAs(source, 'windows-1252', limits))!;
}

/** The CSV's records as a table: the first record gives the headers. */
export function csvTable(records: string[][], dialect: CsvDialect): ExportTable {
  if (records.length < 2) throw new ExportReadError('noRows');
  return {
    headers: records[0].map((h) => h.replace(/^\ufeff/, '').trim()),
    rows: records.slice(1),
    rowNumbers: records.slice(1).map((_, i) => i + 2),
    source: { kind: 'csv', dialect },
  };
}

function exportCell(value: CellValue | undefined): ExportCell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return value.error;
  return value;
}

const isBlankCell = (v: ExportCell) => v === null || (typeof v === 'string' && v.trim() === '');

/**
 * A sheet of an .xlsx export as a table: its first row with anything in it holds the questions,
 * the rows below the answers (empty rows left out).
 */
export function sheetTable(grid: SheetGrid): ExportTable {
  const headerIndex = grid.rows.findIndex((row) => (row ?? []).some((v) => !isBlankCell(exportCell(v))));
  if (headerIndex < 0) throw new ExportReadError('noRows');
  const headers = Array.from(grid.rows[headerIndex] ?? [], (v) => {
    const cell = exportCell(v);
    return cell === null ? '' : String(cell).trim();
  });
  const rows: ExportCell[][] = [];
  const rowNumbers: number[] = [];
  for (let r = headerIndex + 1; r < grid.rows.length; r++) {
    const row = Array.from(grid.rows[r] ?? [], exportCell);
    if (row.every(isBlankCell)) continue;
    rows.push(row);
    rowNumbers.push(r + 1);
  }
  if (rows.length === 0) throw new ExportReadError('noRows');
  return { headers, rows, rowNumbers, source: { kind: 'xlsx', sheet: grid.name } };
}

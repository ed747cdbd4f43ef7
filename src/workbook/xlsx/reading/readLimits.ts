/**
 * How much a package may hold before the reader refuses it, so that a small file that unpacks to
 * gigabytes (a "zip bomb", made on purpose or by a broken program) ends in one clear sentence
 * within seconds instead of exhausting memory. The bounds are Excel's own where Excel has one (a
 * sheet's last row and column, a cell's longest text): a workbook beyond them is not one Excel
 * could have saved. Where Excel has none, the bound lies far beyond any workbook people keep.
 */
import { damagedWorkbook, readDetail, WorkbookReadError } from './workbookReadError';

/** Excel's last row (1,048,576) and last column (XFD, 16,384). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** The most characters Excel keeps in one cell. */
export const MAX_CELL_CHARS = 32_767;
/**
 * Cells with a value in one sheet: Excel's last row with 32 filled columns, more than a register
 * of Excel's full length has (the volunteer register has 19 columns, the hours log 9).
 */
export const MAX_SHEET_CELLS = 32 * MAX_ROWS;
/** Inflated bytes of one part: a sheet of Excel's full length with wide rows stays well below. */
export const MAX_PART_BYTES = 2 ** 31;
/**
 * Inflated bytes per compressed byte. Sheets that Excel and LibreOffice write (every cell with its
 * address) compress 8–15 times, a sheet of one value repeated without addresses at most about 500
 * times; deflate cannot exceed about 1,032, which whitespace reaches. Checked once a part has
 * unpacked past RATIO_GRACE_BYTES, so small parts of any ratio read as they are. A bomb of cells
 * below the ratio still meets the limits on rows, columns and cells within its first megabytes.
 */
export const MAX_RATIO = 600;
export const RATIO_GRACE_BYTES = 32 << 20;
/**
 * Bytes one cell element may span: Excel's longest text written with the longest escapes, a
 * formula and rich-text runs fit many times over. Beyond it the reader would hold it whole.
 */
export const MAX_ELEMENT_BYTES = 16 << 20;

export type LimitKind = 'partSize' | 'ratio' | 'rows' | 'columns' | 'cells' | 'cellText' | 'sharedText' | 'element';

/** Thousands grouped with spaces, as the SI and Norwegian write them: the same in every language. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ' ');
}

const LIMITS: Record<LimitKind, string> = {
  partSize: `${MAX_PART_BYTES / 2 ** 30} GB`,
  ratio: String(MAX_RATIO),
  rows: grouped(MAX_ROWS),
  columns: `${grouped(MAX_COLUMNS)} (XFD)`,
  cells: grouped(MAX_SHEET_CELLS),
  cellText: grouped(MAX_CELL_CHARS),
  sharedText: grouped(MAX_CELL_CHARS),
  element: `${MAX_ELEMENT_BYTES >> 20} MB`,
};

/** Refuses the file, saying what was too large in which part (and sheet, when one is being read). */
export function tooLarge(file: string | undefined, kind: LimitKind, where: { part: string; sheet?: string; cell?: string }): WorkbookReadError {
  const detail = readDetail(`limit.${kind}`, { part: where.part, sheet: where.sheet ?? where.part, cell: where.cell ?? '', limit: LIMITS[kind] });
  return new WorkbookReadError('tooLarge', { file, detail });
}

/** A part that unpacks to more than its entry in the zip directory says: the file is damaged. */
export function sizeMismatch(file: string | undefined, part: string): WorkbookReadError {
  return damagedWorkbook(file, readDetail('sizeMismatch', { part }));
}

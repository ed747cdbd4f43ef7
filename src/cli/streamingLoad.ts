/**
 * loadWorkbook without holding a large sheet as a grid. loadWorkbook reads each register's sheet
 * whole (a 500k-row hours log is a grid of arrays and then a second copy as register rows); here a
 * large sheet is only read as far as its header could be (the first rows), and its register rows
 * are then streamed straight into register rows, one row at a time. Small sheets read as before,
 * so the result is the same LoadedWorkbook loadWorkbook gives.
 */
import { isBlank } from '../core/model/cellValues';
import { loadWorkbook, type LoadedWorkbook } from '../core/model/loadWorkbook';
import type { RegisterRow, RegisterRows } from '../core/model/registerRows';
import { REGISTER_KEYS } from '../core/content/templateSchema';
import type { CellValue, SheetGrid, SheetInfo, WorkbookReader } from '../core/port';
import type { XlsxReader } from '../workbook/xlsx';

/** Sheets above this many bytes of XML are streamed (a few thousand rows stay on the simple path). */
const LARGE_SHEET_BYTES = 4 << 20;
/** locateRegister looks for the header in the first 30 rows. */
const HEAD_ROWS = 30;

class HeadRead extends Error {}

/** The first rows of a sheet, stopping the scan there instead of reading the rest. */
async function headOf(reader: XlsxReader, name: string): Promise<SheetGrid> {
  const rows: (CellValue[] | undefined)[] = [];
  try {
    await reader.readSheetRows(name, (rowNumber, cells) => {
      if (rowNumber > HEAD_ROWS) throw new HeadRead();
      rows[rowNumber - 1] = cells;
    });
  } catch (error) {
    if (!(error instanceof HeadRead)) throw error;
  }
  const info = (await reader.listSheets()).find((s) => s.name === name)!;
  return { name, visibility: info.visibility, rows };
}

/** A reader that hands loadWorkbook only the head of large sheets. */
function headOnlyReader(reader: XlsxReader, large: Set<string>): WorkbookReader {
  return {
    listSheets: (): Promise<SheetInfo[]> => reader.listSheets(),
    readSheet: (name: string) => (large.has(name) ? headOf(reader, name) : reader.readSheet(name)),
    definedNames: () => reader.definedNames(),
  };
}

/** The register's rows below its header, read as the file is scanned. */
async function streamRows(reader: XlsxReader, register: RegisterRows): Promise<RegisterRow[]> {
  const rows: RegisterRow[] = [];
  const columns = [...register.columns];
  await reader.readSheetRows(register.sheetName, (rowNumber, cells) => {
    if (rowNumber <= register.headerRow) return;
    const values: Record<string, CellValue> = {};
    let blank = true;
    for (const [key, col] of columns) {
      const value = cells[col - 1] ?? null;
      values[key] = value;
      if (blank && !isBlank(value)) blank = false;
    }
    if (!blank) rows.push({ rowNumber, values });
  });
  return rows;
}

export async function loadWorkbookStreaming(reader: XlsxReader): Promise<LoadedWorkbook> {
  const sheets = await reader.listSheets();
  const large = new Set(sheets.filter((s) => reader.sheetByteSize(s.name) > LARGE_SHEET_BYTES).map((s) => s.name));
  if (large.size === 0) return loadWorkbook(reader);
  const loaded = await loadWorkbook(headOnlyReader(reader, large));
  for (const key of REGISTER_KEYS) {
    const register = loaded.data.registers[key];
    if (register.headerRow > 0 && large.has(register.sheetName)) loaded.data.registers[key] = { ...register, rows: await streamRows(reader, register) };
  }
  return loaded;
}

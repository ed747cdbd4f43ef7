/**
 * loadWorkbook in one pass over the file, without holding a large sheet as a grid.
 *
 * loadWorkbook reads each register's sheet whole (a 500k-row hours log would be a grid of arrays
 * and then a second copy as register rows). Here every sheet is read at most once: a small sheet
 * whole, kept for as long as the load needs it; a large one only as far as its header could be
 * (the first rows), and then streamed once, straight into register rows, building only the
 * register's columns. The privacy scan (validate) rides on the same pass: cells outside the
 * registers' columns are built only when their text could hold a fødselsnummer, and sheets no
 * register lives on are streamed once for that alone. `summary` asks for no scan, so it reads
 * only the sheets that hold its figures.
 */
import { isBlank } from '../core/model/cellValues';
import { cellAddress } from '../core/model/a1';
import { loadWorkbook, type LoadedWorkbook } from '../core/model/loadWorkbook';
import { blankValues, type RegisterRow, type RegisterRows } from '../core/model/registerRows';
import { REGISTER_KEYS, type SheetKey } from '../core/content/templateSchema';
import type { CellValue, SheetGrid, SheetInfo, WorkbookReader } from '../core/port';
import { FODSELSNUMMER_DIGITS, mayHoldFodselsnummer } from '../core/validation/privacyRules';
import type { ValidationCell } from '../core/validation/validationInput';
import { columnMask, type CellSink, type DigitProbe, type XlsxReader } from '../workbook/xlsx';

/** Sheets above this many bytes of XML are streamed (a few thousand rows stay on the simple path). */
const LARGE_SHEET_BYTES = 4 << 20;
/** locateRegister looks for the header in the first 30 rows. */
const HEAD_ROWS = 30;

class HeadRead extends Error {}

export interface StreamingLoad {
  loaded: LoadedWorkbook;
  /** With `privacyScan`: every cell of every sheet but the metadata that could hold a fødselsnummer. */
  identityCandidates: ValidationCell[];
}

/** The first rows of a sheet, stopping the scan there instead of reading the rest. */
async function headOf(reader: XlsxReader, info: SheetInfo): Promise<SheetGrid> {
  const rows: (CellValue[] | undefined)[] = [];
  try {
    await reader.readSheetRows(info.name, (rowNumber, cells) => {
      if (rowNumber > HEAD_ROWS) throw new HeadRead();
      rows[rowNumber - 1] = cells;
    });
  } catch (error) {
    if (!(error instanceof HeadRead)) throw error;
  }
  return { name: info.name, visibility: info.visibility, rows };
}

/**
 * The reader loadWorkbook is given: small sheets read once and kept (loadWorkbook asks for some
 * more than once), large sheets as their head only.
 */
function onceReader(reader: XlsxReader, sheets: SheetInfo[], large: Set<string>, grids: Map<string, SheetGrid>): WorkbookReader {
  return {
    listSheets: async () => sheets,
    readSheet: async (name: string) => {
      if (large.has(name))
        return headOf(
          reader,
          sheets.find((s) => s.name === name)!,
        );
      let grid = grids.get(name);
      if (!grid) grids.set(name, (grid = await reader.readSheet(name)));
      return grid;
    },
    definedNames: () => reader.definedNames(),
  };
}

/**
 * Register rows below the header from the cells the scanner hands over, and (when asked) the
 * cells that could hold a fødselsnummer, from anywhere in the sheet.
 */
class RegisterSink implements CellSink {
  readonly columns: Uint8Array;
  readonly probe: DigitProbe;
  readonly rows: RegisterRow[] = [];
  private readonly keyOfColumn: (string | undefined)[] = [];
  private readonly blank: Record<string, CellValue>;
  private values: Record<string, CellValue> | undefined;
  private filled = false;

  constructor(
    private readonly register: RegisterRows | undefined,
    private readonly sheet: string,
    private readonly sheetKey: SheetKey | null,
    private readonly candidates: ValidationCell[] | undefined,
  ) {
    const columns = register ? [...register.columns] : [];
    for (const [key, column] of columns) this.keyOfColumn[column] = key;
    this.columns = columnMask(columns.map(([, column]) => column));
    this.blank = blankValues(columns.map(([key]) => key));
    this.probe = candidates ? FODSELSNUMMER_DIGITS : { text: 0, number: 0 };
  }

  cell(row: number, column: number, value: CellValue): void {
    if (this.candidates && mayHoldFodselsnummer(value))
      this.candidates.push({ sheetKey: this.sheetKey, sheet: this.sheet, cell: cellAddress(row, column), value });
    const key = this.keyOfColumn[column];
    if (key === undefined || !this.register || row <= this.register.headerRow) return;
    (this.values ??= { ...this.blank })[key] = value;
    if (!isBlank(value)) this.filled = true;
  }

  rowEnd(row: number): void {
    if (this.values && this.filled) this.rows.push({ rowNumber: row, values: this.values });
    this.values = undefined;
    this.filled = false;
  }
}

/** The fødselsnummer candidates among a grid already read. */
function gridCandidates(grid: SheetGrid, sheetKey: SheetKey | null, into: ValidationCell[]): void {
  grid.rows.forEach((cells, r) =>
    cells?.forEach((value, c) => {
      if (mayHoldFodselsnummer(value)) into.push({ sheetKey, sheet: grid.name, cell: cellAddress(r + 1, c + 1), value });
    }),
  );
}

export async function loadWorkbookStreaming(reader: XlsxReader, options: { privacyScan?: boolean } = {}): Promise<StreamingLoad> {
  const sheets = await reader.listSheets();
  const large = new Set(sheets.filter((s) => reader.sheetByteSize(s.name) > LARGE_SHEET_BYTES).map((s) => s.name));
  const grids = new Map<string, SheetGrid>();
  const loaded = await loadWorkbook(onceReader(reader, sheets, large, grids));
  // Gathered per sheet and joined in the workbook's order, as a scan sheet by sheet would list them.
  const candidates = options.privacyScan ? new Map<string, ValidationCell[]>(sheets.map((s) => [s.name, []])) : undefined;
  const keyOf = new Map<string, SheetKey>(Object.entries(loaded.sheetNames).map(([key, name]) => [name!, key as SheetKey]));

  const streamed = new Set<string>();
  for (const key of REGISTER_KEYS) {
    const register = loaded.data.registers[key];
    if (register.headerRow === 0 || !large.has(register.sheetName)) continue;
    const sink = new RegisterSink(register, register.sheetName, keyOf.get(register.sheetName) ?? null, candidates?.get(register.sheetName));
    await reader.readSheetCells(register.sheetName, sink);
    loaded.data.registers[key] = { ...register, rows: sink.rows };
    streamed.add(register.sheetName);
  }
  if (candidates) {
    for (const sheet of sheets) {
      const sheetKey = keyOf.get(sheet.name) ?? null;
      if (sheetKey === '_meta' || streamed.has(sheet.name)) continue;
      const grid = grids.get(sheet.name);
      if (grid) gridCandidates(grid, sheetKey, candidates.get(sheet.name)!);
      else await reader.readSheetCells(sheet.name, new RegisterSink(undefined, sheet.name, sheetKey, candidates.get(sheet.name)));
    }
  }
  return { loaded, identityCandidates: candidates ? [...candidates.values()].flat() : [] };
}

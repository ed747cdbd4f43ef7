/**
 * Reads the cells, sheets and names of an .xlsx/.xlsm package without exceljs: only the parts
 * asked for are inflated, a sheet is decoded and scanned in chunks, and the streaming variant
 * keeps no grid at all. This is what validate, summary and aggregate read with, so a 500k-row
 * hours log or a file exceljs cannot open (prefixed namespaces, Strict OOXML) reads quickly.
 */
import type { PlannedName } from '../../../core/plan/workbookPlan';
import type { CellValue, SheetGrid, SheetInfo, WorkbookReader } from '../../../core/port';
import { RowCollector, type CellSink, type RowCallback } from './cellSink';
import { tooLarge } from './readLimits';
import { SharedStrings, SharedStringsCollector } from './sharedStrings';
import { SheetScanner } from './sheetScanner';
import { damagedWorkbook, noSuchSheet, notAWorkbook, readDetail } from './workbookReadError';
import { officeDocumentPart, PartSyntaxError, readWorkbookStructure, relsPartOf, type SheetEntry, type WorkbookStructure } from './workbookStructure';
import { LimitExceeded, XmlSyntaxError } from './xmlBytes';
import { XmlScanner } from './xmlScanner';
import { ZipArchive, type StreamInflater } from './zipArchive';

export { WorkbookReadError } from './workbookReadError';
export type { WorkbookReadErrorCode } from './workbookReadError';

const DEFAULT_WORKBOOK_PART = 'xl/workbook.xml';

/** How far a sheet has been read: compressed bytes of its part consumed, and in all. */
export interface ReadProgress {
  sheet: string;
  done: number;
  total: number;
}

/** What scans a part: the sheet scanner or the general one, each with write() and close(). */
interface PartScanner {
  write(bytes: Uint8Array): void;
  close(): void;
}

export class XlsxReader implements WorkbookReader {
  private sharedStrings: SharedStrings | undefined;
  /** Told as each sheet is read, a piece at a time (browser mode shows it). */
  onProgress: ((progress: ReadProgress) => void) | undefined;

  /** Use openXlsxFile or openXlsxBuffer. */
  constructor(
    private readonly zip: ZipArchive,
    private readonly structure: WorkbookStructure,
    private readonly file?: string,
  ) {}

  async listSheets(): Promise<SheetInfo[]> {
    return this.structure.sheets.map(({ name, visibility }) => ({ name, visibility }));
  }

  async readSheet(name: string): Promise<SheetGrid> {
    const sheet = this.sheet(name);
    const rows: (CellValue[] | undefined)[] = [];
    await this.scanSheet(
      sheet,
      new RowCollector((rowNumber, cells) => {
        rows[rowNumber - 1] = cells;
      }),
    );
    return { name: sheet.name, visibility: sheet.visibility, rows };
  }

  /**
   * Calls onRow for each row holding at least one value, in the order the file stores them
   * (ascending in files from Excel), without keeping the rows. `cells[c - 1]` is column c.
   */
  async readSheetRows(name: string, onRow: RowCallback): Promise<void> {
    await this.scanSheet(this.sheet(name), new RowCollector(onRow));
  }

  /**
   * Streams the sheet's cells into the sink, building only the values it asks for (its columns,
   * and cells its digit probe finds): the fastest way through a large sheet.
   */
  async readSheetCells(name: string, sink: CellSink): Promise<void> {
    await this.scanSheet(this.sheet(name), sink);
  }

  /** The size of the sheet's XML in bytes: lets a caller pick the largest sheet or show progress. */
  sheetByteSize(name: string): number {
    const part = this.sheet(name).partName;
    return part === undefined ? 0 : this.zip.size(part);
  }

  async definedNames(): Promise<PlannedName[]> {
    return this.structure.definedNames.map((name) => ({ ...name }));
  }

  private sheet(name: string): SheetEntry {
    const sheet = this.structure.sheets.find((entry) => entry.name === name);
    if (!sheet) throw noSuchSheet(name);
    return sheet;
  }

  private async scanSheet(sheet: SheetEntry, sink: CellSink): Promise<void> {
    const scanner = new SheetScanner(sink, await this.loadSharedStrings());
    const partName = sheet.partName;
    const onProgress = this.onProgress;
    const progress = onProgress && ((done: number, total: number) => onProgress({ sheet: sheet.name, done, total }));
    const found = partName !== undefined && (await this.scanPart(partName, scanner, sheet.name, progress));
    if (!found) {
      throw damagedWorkbook(
        this.file,
        partName ? readDetail('sheetPartMissing', { sheet: sheet.name, part: partName }) : readDetail('sheetMissing', { sheet: sheet.name }),
      );
    }
  }

  private async loadSharedStrings(): Promise<SharedStrings> {
    if (this.sharedStrings) return this.sharedStrings;
    const collector = new SharedStringsCollector();
    const part = this.structure.sharedStringsPart;
    if (part !== undefined) await this.scanPart(part, new XmlScanner(collector));
    this.sharedStrings = new SharedStrings(collector.strings);
    return this.sharedStrings;
  }

  /** Scans the part; turns what the scanners throw into errors naming the file, part and sheet. */
  private async scanPart(partName: string, scanner: PartScanner, sheet?: string, onProgress?: (done: number, total: number) => void): Promise<boolean> {
    try {
      if (!(await this.zip.streamBytes(partName, (bytes) => scanner.write(bytes), onProgress))) return false;
      scanner.close();
    } catch (error) {
      if (error instanceof XmlSyntaxError) {
        throw damagedWorkbook(this.file, readDetail('notWellFormed', { part: partName, reason: error.message }));
      }
      if (error instanceof LimitExceeded) throw tooLarge(this.file, error.code, { part: partName, sheet, cell: error.cell });
      throw error;
    }
    return true;
  }
}

/**
 * Opens a package held in memory; throws WorkbookReadError if it is not a readable workbook.
 * `inflater`: a faster inflater for the sheets than fflate, where the platform has one.
 */
export function openXlsxBuffer(data: Uint8Array, file?: string, inflater?: StreamInflater): XlsxReader {
  const zip = new ZipArchive(data, file, inflater);
  try {
    const workbookPart = officeDocumentPart(zip.readText('_rels/.rels')) ?? DEFAULT_WORKBOOK_PART;
    const workbookXml = zip.readText(workbookPart);
    if (workbookXml === undefined) {
      throw notAWorkbook(file, readDetail('noPart', { part: workbookPart }));
    }
    const structure = readWorkbookStructure(workbookPart, workbookXml, zip.readText(relsPartOf(workbookPart)));
    if (!structure) {
      throw notAWorkbook(file, readDetail('notSpreadsheet'));
    }
    return new XlsxReader(zip, structure, file);
  } catch (error) {
    if (error instanceof PartSyntaxError) throw damagedWorkbook(file, error.problem);
    throw error;
  }
}

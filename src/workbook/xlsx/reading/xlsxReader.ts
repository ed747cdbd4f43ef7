/**
 * Reads the cells, sheets and names of an .xlsx/.xlsm package without exceljs: only the parts
 * asked for are inflated, a sheet is decoded and scanned in chunks, and the streaming variant
 * keeps no grid at all. This is what validate, summary and aggregate read with, so a 500k-row
 * hours log or a file exceljs cannot open (prefixed namespaces, Strict OOXML) reads quickly.
 */
import type { PlannedName } from '../../../core/plan/workbookPlan';
import type { CellValue, SheetGrid, SheetInfo, WorkbookReader } from '../../../core/port';
import { SharedStringsCollector } from './sharedStrings';
import { damagedWorkbook, noSuchSheet, notAWorkbook, readDetail } from './workbookReadError';
import { officeDocumentPart, PartSyntaxError, readWorkbookStructure, relsPartOf, type SheetEntry, type WorkbookStructure } from './workbookStructure';
import { WorksheetRows, type RowCallback } from './worksheetRows';
import { XmlScanner, XmlSyntaxError, type XmlHandler } from './xmlScanner';
import { ZipArchive } from './zipArchive';

export { WorkbookReadError } from './workbookReadError';
export type { WorkbookReadErrorCode } from './workbookReadError';

const DEFAULT_WORKBOOK_PART = 'xl/workbook.xml';

export class XlsxReader implements WorkbookReader {
  private sharedStrings: readonly string[] | undefined;

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
    this.scanSheet(sheet, (rowNumber, cells) => {
      rows[rowNumber - 1] = cells;
    });
    return { name: sheet.name, visibility: sheet.visibility, rows };
  }

  /**
   * Calls onRow for each row holding at least one value, in the order the file stores them
   * (ascending in files from Excel), without keeping the rows. `cells[c - 1]` is column c.
   */
  async readSheetRows(name: string, onRow: RowCallback): Promise<void> {
    this.scanSheet(this.sheet(name), onRow);
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

  private scanSheet(sheet: SheetEntry, onRow: RowCallback): void {
    const handler = new WorksheetRows(this.loadSharedStrings(), onRow);
    const partName = sheet.partName;
    const found = partName !== undefined && this.scanPart(partName, handler);
    if (!found) {
      throw damagedWorkbook(
        this.file,
        partName ? readDetail('sheetPartMissing', { sheet: sheet.name, part: partName }) : readDetail('sheetMissing', { sheet: sheet.name }),
      );
    }
  }

  private loadSharedStrings(): readonly string[] {
    if (this.sharedStrings) return this.sharedStrings;
    const collector = new SharedStringsCollector();
    const part = this.structure.sharedStringsPart;
    if (part !== undefined) this.scanPart(part, collector);
    this.sharedStrings = collector.strings;
    return this.sharedStrings;
  }

  private scanPart(partName: string, handler: XmlHandler): boolean {
    const scanner = new XmlScanner(handler);
    try {
      if (!this.zip.streamBytes(partName, (bytes) => scanner.write(bytes))) return false;
      scanner.close();
    } catch (error) {
      if (error instanceof XmlSyntaxError) {
        throw damagedWorkbook(this.file, readDetail('notWellFormed', { part: partName, reason: error.message }));
      }
      throw error;
    }
    return true;
  }
}

/** Opens a package held in memory; throws WorkbookReadError if it is not a readable workbook. */
export function openXlsxBuffer(data: Uint8Array, file?: string): XlsxReader {
  const zip = new ZipArchive(data, file);
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

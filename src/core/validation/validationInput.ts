/**
 * What the rule engine is given: the workbook's data as read, the day to judge by, and, from the
 * reader, every cell (for the privacy scan) and what it found of the workbook's structure.
 */
import type { CellValue } from '../port';
import type { SheetKey } from '../content/templateSchema';
import type { WorkbookData } from '../model/workbookData';

export interface ValidationCell {
  /** The template key of the sheet, or null for a sheet of the user's own. */
  sheetKey: SheetKey | null;
  sheet: string;
  /** A1 address. */
  cell: string;
  value: CellValue;
}

export interface StructureFacts {
  /** Template sheets the workbook should have but does not. */
  missingSheets: SheetKey[];
  /** The schema version recorded in the metadata sheet, or null when none is recorded. */
  schemaVersion: number | null;
  /** The schema version this program writes. */
  knownSchemaVersion: number;
}

export interface ValidationInput {
  /** Registers as located by locateRegister. */
  data: WorkbookData;
  /** Serial day (the CLI's --today). */
  today: number;
  /** Every cell of every sheet, for the fødselsnummer scan. A generator, so huge sheets need not be held twice. */
  allCells?: () => Iterable<ValidationCell>;
  structure?: StructureFacts;
}

/** Reading .xlsx packages held in memory: sheets, cells, defined names, without exceljs. */
export { columnMask, type CellSink, type DigitProbe, type RowCallback } from './cellSink';
export { openXlsxBuffer, XlsxReader, type ReadProgress } from './xlsxReader';
export { fileNotFound, WorkbookReadError, type WorkbookReadErrorCode } from './workbookReadError';
export { officeDocumentPart } from './workbookStructure';
export type { StreamInflater } from './zipArchive';

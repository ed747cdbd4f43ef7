/** Reading .xlsx packages held in memory: sheets, cells, defined names, without exceljs. */
export { openXlsxBuffer, XlsxReader } from './xlsxReader';
export { fileNotFound, WorkbookReadError, type WorkbookReadErrorCode } from './workbookReadError';
export { officeDocumentPart } from './workbookStructure';

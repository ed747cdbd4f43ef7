/**
 * The xlsx adapter's front door for Node (the command line): reading, writing new files, editing
 * a user's package, and opening files from disk. The browser build imports `reading` and
 * `editing` directly, so that neither node:fs nor exceljs reaches its first load.
 */
export * from './editing';
export * from './reading';
export * from './writing';
export { openXlsxFile, zlibInflater } from './xlsxFile';

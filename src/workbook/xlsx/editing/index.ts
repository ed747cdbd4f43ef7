/**
 * Editing a user's package in place: new sheets transplanted, rows, columns and cells written,
 * every other part kept byte for byte.
 */
export { writeCachedResults, type CachedResult } from './cachedResults';
export { writeCells } from './cellEdit';
export { inspectPackage, mergeFreshWorkbook, NameConflictError, type MergeResult, type UserPackage } from './packageMerge';
export { PackageRefusal, refusalReason } from './packageSafety';
export { MergeVerificationError, verifyMergedPackage } from './packageVerify';
export { verifyWellFormed, verifyWrittenParts } from './wellFormed';
export { PackageWorkbook } from './packageWorkbook';
export { entryBytes, readStoredEntries, UnsupportedZipError, writeStoredEntries } from './packageZip';
export { appendTableRows, nextTableRow, TableAppendError, type AppendValue } from './tableAppend';
export { appendTableColumn, TableColumnAppendError } from './tableColumnAppend';
export { XmlEditError } from './xmlEdit';
export { typedCells, type TypedCell } from './typedCells';

/**
 * A recording stand-in for the Excel JavaScript API (the part Samspill uses, ExcelApi ≤ 1.9), to
 * test the Office adapter where Excel cannot run. It behaves like Excel where a mistake would
 * otherwise only show in Excel:
 *
 * - Proxies: a property can be read only after `load()` and a `context.sync()`; reading earlier
 *   throws PropertyNotLoaded. Writes and method calls are queued and applied at the next sync, in
 *   order; a failing one rejects the sync and leaves the earlier ones applied, as Excel does.
 * - Values: 2-D arrays must match the range's size (InvalidArgument), a single value fills the
 *   range, null leaves a cell alone, text is parsed as typed ("=…" is a formula, "'…" is text,
 *   digits become numbers), and an unbalanced formula is refused.
 * - Workbook rules: sheet names unique without case (ItemAlreadyExists) and valid; table and
 *   defined names share one namespace; tables cannot overlap; merges cannot overlap tables or each
 *   other; a protected sheet refuses changes to locked cells (AccessDenied); validation texts over
 *   Excel's limits are refused; the last visible sheet cannot be hidden.
 * - Table columns: `columns.add` at the table's end inserts a column as Excel inserts table
 *   columns: cells right of the table, in its rows only, move one column right (never
 *   overwritten), and a shift that would split a merged range or another table is refused.
 * - Round trips: every sync is counted with the JSON size of its request and response; a request
 *   or response over 5 MB is refused as Excel on the web refuses it, and, when a test asks, one
 *   over a smaller size fails with GeneralException as the web sometimes answers (context.ts).
 * - Where Excel differs from what one assumes (each cited where it is modelled; sources and their
 *   status in /work/notes/excel-behaviours.md, summarised in docs/testing-in-excel.md):
 *   `getRanges` takes only the user's list separator (StandInOptions.listSeparator, worksheets.ts);
 *   name formulas come back in Excel's form and a reference without "=" is text (names.ts);
 *   calculated columns follow the user's AutoCorrect setting (autoCorrectFillsFormulas,
 *   tableRows.ts); a VeryHidden sheet cannot be deleted (worksheets.ts); protect() on a protected
 *   sheet and unprotect() on an unprotected one throw, a password is needed where one was set
 *   (protection.ts); strings are parsed with en-US rules, a leading + or - making a formula, a
 *   text-formatted cell keeping text (cellInput.ts).
 * - Failures on demand: `failOn(match, code)` makes a call or property write fail with an Excel
 *   error code (a host without a capability, a co-authoring conflict), for the adapter's error
 *   mapping and the in-Excel self-check.
 *
 * It computes no formulas: a formula cell's value is what `calculate` returns ('' by default).
 * The resulting workbook is kept as plain data for tests to compare with a plan.
 *
 * The stand-in is split by concern, one module per part of the API it models:
 *
 * - standIn.ts: ExcelStandIn (the workbook, the round-trip log, `run`, seeding and inspection)
 * - context.ts: the request context and sync accounting; clientObject.ts: the base of every proxy
 *   (load, read, queued writes and calls); collections.ts: loading a collection's items
 * - model.ts: the recorded workbook as plain data; addresses.ts: A1 addresses and areas;
 *   cellInput.ts: what typed values become; errors.ts: Excel's errors by code
 * - ranges.ts, formats.ts, validation.ts, conditionalFormats.ts, rangeTargets.ts: ranges and what
 *   hangs off them; tables.ts, tableColumns.ts, tableRows.ts: tables; worksheets.ts, layout.ts,
 *   charts.ts, protection.ts: sheets; names.ts: defined names; workbook.ts: workbook, application
 *
 * A new behaviour goes in the module of the object Excel gives it to, with the comment that says
 * which documentation or issue it follows; a new API object gets a module of its own, a proxy
 * extending ClientObject, and its model in model.ts. Tests import from this index only.
 */
export { StandInError } from './errors';
export { colLetters, colNumber, formatArea, MAX_COLS, MAX_ROWS, parseArea, quoteSheet, splitSheet, type Area } from './addresses';
export { PAYLOAD_LIMIT_BYTES } from './context';
export {
  SheetModel,
  type Border,
  type CellFormat,
  type CellModel,
  type CellResult,
  type ChartModel,
  type ConditionalFormatModel,
  type NameModel,
  type Scalar,
  type TableModel,
  type ValidationModel,
} from './model';
export { ExcelStandIn, type StandInOptions, type SyncRecord } from './standIn';

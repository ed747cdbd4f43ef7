/**
 * Starts browser mode's worker. webpack sees `new Worker(new URL(..., import.meta.url))` and
 * bundles the worker's code (and the chunks it loads later, exceljs among them) on its own, out of
 * the page's first load. Alone in this module because import.meta exists only in the browser
 * build, which webpack compiles as ES modules; the type check and the tests compile CommonJS.
 */
export function startWorkbookWorker(): Worker {
  // @ts-expect-error -- tsconfig.json checks this file as CommonJS, where import.meta is not allowed; webpack builds it as an ES module.
  return new Worker(new URL('./workbookWorker.ts', import.meta.url), { name: 'samspill-workbook' });
}

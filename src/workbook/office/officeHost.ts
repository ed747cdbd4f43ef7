/**
 * Whether the page runs inside Excel, and the Office display language: the Office globals the
 * task pane's start needs, kept here with the rest of the code that touches Office.js. Opened in
 * a plain browser, or with Office.js blocked or unreachable, the answer is "not in Excel".
 */
import { OfficeWorkbook } from './officeWorkbook';

export interface HostInfo {
  inExcel: boolean;
  displayLanguage?: string;
}

/** Office.onReady normally settles at once; past this, the pane is shown as outside Excel. */
const OFFICE_READY_TIMEOUT_MS = 5000;

export async function detectExcelHost(): Promise<HostInfo> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return { inExcel: false };
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS));
  const info = await Promise.race([Office.onReady(), timeout]).catch(() => null);
  if (!info || info.host !== Office.HostType.Excel) return { inExcel: false };
  let displayLanguage: string | undefined;
  try {
    displayLanguage = Office.context.displayLanguage;
  } catch {
    // Some hosts expose no context until a document is open; the browser language stands in.
  }
  return { inExcel: true, displayLanguage };
}

/** The Office adapter over the open workbook. */
export function openExcelWorkbook(): OfficeWorkbook {
  return new OfficeWorkbook((batch) => Excel.run(batch));
}

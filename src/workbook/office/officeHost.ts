/**
 * Whether the page runs inside Excel, and the Office display language: the Office globals the
 * task pane's start needs, kept here with the rest of the code that touches Office.js. Opened in
 * a plain browser, or with Office.js blocked or unreachable, the answer is "not in Excel"; a slow
 * Excel is waited for, never taken for an absent one.
 */
import { OfficeWorkbook } from './officeWorkbook';

export interface HostInfo {
  inExcel: boolean;
  displayLanguage?: string;
}

/** After this long the pane says it is waiting for Excel: a cold start on the web can take longer. */
const SLOW_START_MS = 5000;

export interface DetectOptions {
  /** Called once when Excel has not answered after 5 s: the pane shows that it is waiting. */
  onSlow?: () => void;
}

/**
 * Office.onReady's own answer decides, however long it takes: it settles once Office.js knows
 * whether it runs in an Office application, with `host` null outside one (reference,
 * Office.onReady), so no timer need guess. Without Office.js (blocked, unreachable) there is no Excel.
 */
export async function detectExcelHost(options: DetectOptions = {}): Promise<HostInfo> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return { inExcel: false };
  const slow = options.onSlow ? setTimeout(options.onSlow, SLOW_START_MS) : undefined;
  const info = await Office.onReady()
    .catch(() => null)
    .finally(() => clearTimeout(slow));
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

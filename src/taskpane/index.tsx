/**
 * Task pane entry. Waits for Office.js to say the host is ready, picks the user's language from
 * Office's display language, makes the Office adapter over `Excel.run` and renders the pane with
 * it. Opened in a plain browser, or with Office.js blocked or unreachable, it still renders, with
 * a note that Excel is not present, rather than leaving a blank page.
 *
 * This file and nothing else in src/taskpane touches the Office globals; the tabs reach the
 * workbook only through the port (see paneContext), so browser mode can hand them another adapter.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { OfficeWorkbook } from '../workbook/office/officeWorkbook';
import { App } from './App';
import { paneLanguage } from './officeLanguage';
import type { PaneWorkbook } from './services/paneWorkbook';

interface HostInfo {
  inExcel: boolean;
  displayLanguage?: string;
}

/** Office.onReady normally settles at once; past this, the pane is shown as outside Excel. */
const OFFICE_READY_TIMEOUT_MS = 5000;

async function detectHost(): Promise<HostInfo> {
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

function excelWorkbook(): PaneWorkbook {
  return new OfficeWorkbook((batch) => Excel.run(batch));
}

async function start(): Promise<void> {
  const host = await detectHost();
  const lang = paneLanguage(host.displayLanguage, navigator.language);
  document.documentElement.lang = lang;
  const container = document.getElementById('container');
  if (!container) throw new Error('taskpane.html has no #container element');
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App lang={lang} workbook={host.inExcel ? excelWorkbook() : null} />
    </FluentProvider>,
  );
}

void start();

/**
 * Task pane entry. Asks the Office adapter whether the page runs in Excel and in which display
 * language, and renders the pane over the Office adapter. Outside Excel it still renders, with a
 * note that Excel is not present, rather than leaving a blank page. The tabs reach the workbook
 * only through the port (see paneContext), so browser mode can hand them another adapter.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';
import { detectExcelHost, openExcelWorkbook } from '../workbook/office/officeHost';
import { App } from './App';
import { paneStrings } from './i18n';
import { paneLanguage } from './officeLanguage';

async function start(): Promise<void> {
  const container = document.getElementById('container');
  if (!container) throw new Error('taskpane.html has no #container element');
  const root = createRoot(container);
  // Excel on the web may take a while on a cold start: say so, and keep waiting for its answer.
  const waiting = () =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <Spinner style={{ marginTop: 48 }} label={paneStrings.text('host.waiting', paneLanguage(undefined, navigator.language))} />
      </FluentProvider>,
    );
  const host = await detectExcelHost({ onSlow: waiting });
  const lang = paneLanguage(host.displayLanguage, navigator.language);
  document.documentElement.lang = lang;
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App lang={lang} workbook={host.inExcel ? openExcelWorkbook() : null} />
    </FluentProvider>,
  );
}

void start();

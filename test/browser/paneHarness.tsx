/**
 * The task pane in a plain page over the recording Excel stand-in, for driving it in Chromium:
 * the same App and tabs as in Excel, given the Office adapter (with the proposed cell writes) over
 * an in-memory workbook. `?lang=en&tab=register&templates=1` picks language, tab, and whether the
 * templates are added first; `fail=…` makes a call fail as an Excel without it would. The stand-in is exposed as window.standIn for the test to inspect.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { isLang } from '../../src/core/content/language';
import { App, SECTIONS, type Section } from '../../src/taskpane/App';
import { TemplateService } from '../../src/taskpane/services/templateService';
import { ExcelStandIn } from '../support/excel';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { fixedClock, STAND_IN_DIAGNOSTICS } from '../support/standInWorkbook';

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const lang = isLang(params.get('lang')) ? (params.get('lang') as 'nb' | 'nn' | 'en') : 'nb';
  const tab = (SECTIONS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Section) : 'templates';
  const standIn = new ExcelStandIn();
  if (params.get('userSheet'))
    standIn.seedSheet(params.get('userSheet')!, [
      ['Navn', 'Telefon'],
      ['Ola', '99887766'],
    ]);
  const workbook = new OfficeWorkbook(standIn.run, { diagnostics: () => STAND_IN_DIAGNOSTICS });
  if (params.get('templates') === '1') await new TemplateService(workbook, fixedClock).addMissing(lang);
  // `?fail=conditionalFormats.add` makes Excel refuse that call from now on (the self-check's failing capability).
  if (params.get('fail')) standIn.failOn(params.get('fail')!, 'ApiNotFound', 'Finner ikke API-et.');
  (window as unknown as { standIn: ExcelStandIn }).standIn = standIn;
  document.documentElement.lang = lang;
  createRoot(document.getElementById('container')!).render(
    <FluentProvider theme={webLightTheme}>
      <App lang={lang} workbook={params.get('noWorkbook') ? null : workbook} clock={fixedClock} initialSection={tab} />
    </FluentProvider>,
  );
  document.body.dataset.ready = 'true';
}

void start();

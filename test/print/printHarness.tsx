/**
 * Browser mode's print page for a test: the demo workbook's documents (an agreement, or a
 * volunteer's three papers) made in the page from the same core model, rendered by the component
 * the print page uses. `?doc=agreement|volunteerPapers&lang=nb|nn`.
 */
import { createRoot } from 'react-dom/client';
import { content } from '../../src/core/content/content';
import { isLang } from '../../src/core/content/language';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { printDocuments } from '../../src/core/documents/documentSheet';
import { isoToSerial } from '../../src/core/model/dates';
import { workbookData } from '../../src/core/plan/buildWorkbookPlan';
import { printCss, PrintDocumentView } from '../../src/browser/print/PrintDocumentView';

const params = new URLSearchParams(location.search);
const lang = isLang(params.get('lang')) ? (params.get('lang') as 'nb' | 'nn' | 'en') : 'nb';
const { input } = demoWorkbook({ lang, seed: 11, today: isoToSerial('2026-11-30'), volunteers: 30, case: 'vefsn' });
input.records.agreements[0].paymentPerActivity = null;
const data = workbookData(input);
const agreement = params.get('doc') !== 'volunteerPapers';
const documents = agreement
  ? printDocuments(content().agreement.documents, 'agreements', data, String(input.records.agreements[0].id), lang)
  : printDocuments(content().volunteerPapers.documents, 'volunteers', data, String(input.records.volunteers[0].id), lang);
document.documentElement.lang = lang;
createRoot(document.getElementById('container')!).render(
  <>
    <style>{printCss(documents[0].footer)}</style>
    {documents.map((d) => (
      <PrintDocumentView key={d.key} document={d} />
    ))}
  </>,
);
setTimeout(() => (document.body.dataset.ready = 'true'), 0);

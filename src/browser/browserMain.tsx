/**
 * Browser mode: Samspill as a plain web page over an .xlsx file, for staff who cannot get the
 * add-in deployed. The user opens a workbook from disk (file picker or drag and drop) or starts a
 * new one, works in the same task pane tabs as in Excel, sees the cell a validation issue points
 * to in a read-only preview, and downloads the result. The file never leaves the browser: the
 * page makes no request but for its own scripts.
 *
 * `?lang=nb|nn|en` picks the language (else the browser's); `?today=YYYY-MM-DD` fixes the day the
 * pane acts on, for demonstrations and tests.
 */
import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { Body1, FluentProvider, MessageBar, MessageBarBody, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { isoToSerial, serialToIso } from '../core/model/dates';
import { parseCell } from '../core/model/a1';
import { isLang, langFromLocale, type Lang } from '../core/content/language';
import type { TextValues } from '../core/content/stringTable';
import { App } from '../taskpane/App';
import { systemClock, type Clock } from '../taskpane/services/paneClock';
import { browserStrings, type BrowserStringKey } from './browserText';
import { FileBar } from './FileBar';
import { SheetPreview, type PreviewTarget } from './SheetPreview';
import { useOpenWorkbook, type OpenWorkbook } from './useOpenWorkbook';
import { PrintView } from './print/PrintView';
import type { PrintDocument } from '../core/documents/printDocument';
import { WorkProgress } from './WorkProgress';

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  work: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalL, padding: tokens.spacingHorizontalL },
  pane: { width: '420px', maxWidth: '100%', backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
  preview: {
    flexGrow: 1,
    flexBasis: '28em',
    minWidth: 0,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  start: { padding: tokens.spacingHorizontalXXL, maxWidth: '44em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Rows read on each side of the cell a preview shows (it shows about forty). */
const PREVIEW_MARGIN = 100;

function BrowserPage({ lang, clock }: { lang: Lang; clock: Clock }) {
  const styles = useStyles();
  const t = useCallback((key: BrowserStringKey, values?: TextValues) => browserStrings.text(key, lang, values), [lang]);
  const { open, dirty, preview, error, busy, progress, openFile, startNew, download, closePreview } = useOpenWorkbook(lang, clock, t);
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    openFile(event.dataTransfer.files[0]);
  };

  return (
    <div
      className={styles.page}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <FileBar t={t} open={open} dirty={dirty} busy={busy} dragging={dragging} onOpenFile={openFile} onNew={startNew} onDownload={() => void download()} />
      <WorkProgress progress={progress} t={t} />
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {open ? (
        <WorkArea open={open} preview={preview} lang={lang} clock={clock} onClosePreview={closePreview} />
      ) : (
        <main className={styles.start}>
          <Body1>{t('start.body')}</Body1>
        </main>
      )}
    </div>
  );
}

/** The pane's tabs over the open workbook, and beside them the preview of the cell an issue points to. */
function WorkArea({
  open,
  preview,
  lang,
  clock,
  onClosePreview,
}: {
  open: OpenWorkbook;
  preview: PreviewTarget | null;
  lang: Lang;
  clock: Clock;
  onClosePreview: () => void;
}) {
  const styles = useStyles();
  // The rows around the cell only: a preview of a 200 000-row log need not copy it into the page.
  const row = preview ? (parseCell(preview.address)?.row ?? 1) : 1;
  const read = useMemo(() => (sheet: string) => open.workbook.readRows(sheet, row - PREVIEW_MARGIN, row + PREVIEW_MARGIN), [open, row]);
  const [printing, setPrinting] = useState<PrintDocument[] | null>(null);
  const closePrint = useCallback(() => setPrinting(null), []);
  const t = (key: BrowserStringKey) => browserStrings.text(key, lang);
  return (
    <div className={styles.work}>
      <div className={styles.pane}>
        <App key={open.id} lang={lang} workbook={open.workbook} clock={clock} showPrintPage={setPrinting} />
      </div>
      {printing && (
        <PrintView documents={printing} onClose={closePrint} text={{ print: t('print.print'), close: t('print.close'), heading: t('print.heading') }} />
      )}
      {preview && (
        <div className={styles.preview}>
          <SheetPreview target={preview} lang={lang} read={read} onClose={onClosePreview} />
        </div>
      )}
    </div>
  );
}

function pageLanguage(params: URLSearchParams): Lang {
  const asked = params.get('lang');
  return isLang(asked) ? asked : langFromLocale(navigator.language);
}

/** A fixed day at noon, so the day is the same in every time zone's reading of the clock. */
function pageClock(params: URLSearchParams): Clock {
  const today = params.get('today');
  if (!today || !/^\d{4}-\d{2}-\d{2}$/.test(today) || serialToIso(isoToSerial(today)) !== today) return systemClock;
  const [y, m, d] = today.split('-').map(Number);
  const fixed = new Date(y, m - 1, d, 12, 0);
  return () => fixed;
}

function start(): void {
  const params = new URLSearchParams(location.search);
  const lang = pageLanguage(params);
  document.documentElement.lang = lang;
  document.title = browserStrings.text('page.title', lang);
  const container = document.getElementById('container');
  if (!container) throw new Error('browser.html has no #container element');
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <BrowserPage lang={lang} clock={pageClock(params)} />
    </FluentProvider>,
  );
  document.body.dataset.ready = 'true';
}

start();

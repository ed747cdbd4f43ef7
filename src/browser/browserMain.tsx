/**
 * Browser mode: Samspill as a plain web page over an .xlsx file, for staff who cannot get the
 * add-in deployed. The user opens a workbook from disk (the system's picker, a drop, or the file
 * input) or starts a new one, works in the same task pane tabs as in Excel under one compact
 * header, sees the cell a validation issue points to in a read-only drawer, and saves the result
 * back into the same file where the browser allows it (a download otherwise). Replacing unsaved
 * work asks first. The file never leaves the browser: the page makes no request but for its own
 * scripts, and keeps nothing in browser storage.
 *
 * `?lang=nb|nn|en` picks the language (else the browser's); `?today=YYYY-MM-DD` fixes the day the
 * pane acts on, for demonstrations and tests.
 */
import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { createRoot } from 'react-dom/client';
import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
  typographyStyles,
  webLightTheme,
} from '@fluentui/react-components';
import { isoToSerial, serialToIso } from '../core/model/dates';
import { parseCell } from '../core/model/a1';
import { isLang, langFromLocale, type Lang } from '../core/content/language';
import type { TextValues } from '../core/content/stringTable';
import { App } from '../taskpane/App';
import { systemClock, type Clock } from '../taskpane/services/paneClock';
import { paneService } from '../taskpane/services/paneService';
import { RecordService } from '../taskpane/services/recordService';
import { browserStrings, type BrowserStringKey } from './browserText';
import { FileBar } from './FileBar';
import { SheetPreview } from './SheetPreview';
import { droppedHandle } from './fileAccess';
import { ConfirmDialog } from '../taskpane/components/ConfirmDialog';
import { useOpenWorkbook, type OpenWorkbook } from './useOpenWorkbook';
import { PrintView } from './print/PrintView';
import type { PrintDocument } from '../core/documents/printDocument';
import { WorkProgress } from './WorkProgress';

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  dragging: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-6px' },
  work: { display: 'flex', justifyContent: 'center', padding: tokens.spacingHorizontalS },
  pane: { width: '100%', maxWidth: '760px', backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
  start: { padding: tokens.spacingHorizontalL, maxWidth: '44em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  startHeading: { ...typographyStyles.title3, margin: 0 },
  startButtons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  drop: {
    padding: tokens.spacingVerticalL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    textAlign: 'center',
  },
  message: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} 0` },
});

/** Rows read on each side of the cell a preview shows (it shows about forty). */
const PREVIEW_MARGIN = 100;

function BrowserPage({ lang, clock }: { lang: Lang; clock: Clock }) {
  const styles = useStyles();
  const t = useCallback((key: BrowserStringKey, values?: TextValues) => browserStrings.text(key, lang, values), [lang]);
  const file = useOpenWorkbook(lang, clock, t);
  const { open, dirty, error, note, busy, progress, preview } = file;
  // The rows around the cell only: a preview of a 200 000-row log need not copy it into the page.
  const row = preview ? (parseCell(preview.address)?.row ?? 1) : 1;
  const read = useMemo(() => (sheet: string) => open!.workbook.readRows(sheet, row - PREVIEW_MARGIN, row + PREVIEW_MARGIN), [open, row]);
  // Which columns hold dates is the worker's to say: knowing it takes the registers, which stay there.
  const dateColumns = useMemo(() => {
    const records = open ? paneService(open.workbook, 'record', clock, () => new RecordService(open.workbook)) : null;
    return async (sheet: string) => new Set(records ? await records.dateColumns(sheet) : []);
  }, [open, clock]);
  const [dragging, setDragging] = useState(false);

  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    const handle = await droppedHandle(event.dataTransfer.items[0]);
    file.openFile(dropped, handle);
  };

  return (
    <div
      className={dragging ? `${styles.page} ${styles.dragging}` : styles.page}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => void onDrop(event)}
    >
      <FileBar
        t={t}
        open={open}
        dirty={dirty}
        busy={busy}
        onOpenFile={(f) => file.openFile(f)}
        onPick={file.openPicked}
        onNew={file.startNew}
        onSave={() => void file.save()}
        onDownload={() => void file.download()}
      />
      <WorkProgress progress={progress} t={t} />
      {error && (
        <MessageBar intent="error" role="alert" className={styles.message}>
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {note && !dirty && (
        <MessageBar intent="success" role="status" className={styles.message}>
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      {open ? (
        <WorkArea open={open} lang={lang} clock={clock} onUnsavedChange={file.setPaneUnsaved} />
      ) : (
        <main className={styles.start}>
          <h2 className={styles.startHeading}>{t('start.heading')}</h2>
          <Body1>{t('start.body')}</Body1>
          <div className={styles.startButtons}>
            <Button appearance="primary" onClick={() => void file.openPicked().then((picked) => picked || document.getElementById('open-file')?.click())}>
              {t('file.openLong')}
            </Button>
            <Button onClick={file.startNew}>{t('file.newLong')}</Button>
          </div>
          <div className={styles.drop}>{t('file.drop')}</div>
          <Caption1>{t('page.privacy')}</Caption1>
        </main>
      )}
      <SheetPreview target={preview} lang={lang} read={read} dateColumns={dateColumns} onClose={file.closePreview} />
      <ConfirmDialog
        open={file.pending !== null}
        title={t('replace.title')}
        confirm={t('replace.confirm')}
        cancel={t('replace.cancel')}
        onConfirm={file.confirmReplace}
        onCancel={file.cancelReplace}
      >
        <Body1>{dirty ? t('replace.bodyFile', { file: open?.fileName ?? '' }) : t('replace.bodyPane')}</Body1>
      </ConfirmDialog>
    </div>
  );
}

/** The pane's tabs over the open workbook: one header (the page's), the pane told when it holds unsaved work. */
function WorkArea({ open, lang, clock, onUnsavedChange }: { open: OpenWorkbook; lang: Lang; clock: Clock; onUnsavedChange: (unsaved: boolean) => void }) {
  const styles = useStyles();
  const [printing, setPrinting] = useState<PrintDocument[] | null>(null);
  const closePrint = useCallback(() => setPrinting(null), []);
  const t = (key: BrowserStringKey) => browserStrings.text(key, lang);
  return (
    <div className={styles.work}>
      <div className={styles.pane}>
        <App key={open.id} lang={lang} workbook={open.workbook} clock={clock} header={false} onUnsavedChange={onUnsavedChange} showPrintPage={setPrinting} />
      </div>
      {printing && (
        <PrintView documents={printing} onClose={closePrint} text={{ print: t('print.print'), close: t('print.close'), heading: t('print.heading') }} />
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

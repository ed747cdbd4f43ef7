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
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { Body1, Button, Caption1, FluentProvider, MessageBar, MessageBarBody, Spinner, Title3, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { isoToSerial, serialToIso } from '../core/model/dates';
import { isLang, langFromLocale, type Lang } from '../core/content/language';
import type { TextValues } from '../core/content/stringTable';
import { phraseOf } from '../core/samspillError';
import { App } from '../taskpane/App';
import { systemClock, todayOf, type Clock } from '../taskpane/services/paneClock';
import { PackageWorkbook } from '../workbook/xlsx/editing';
import { BrowserWorkbook } from './browserWorkbook';
import { browserStrings, type BrowserStringKey } from './browserText';
import { SheetPreview, type PreviewTarget } from './SheetPreview';
import { downloadFile } from './downloadFile';

const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexBasis: '22em', flexGrow: 1 },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  open: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  drop: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  status: { color: tokens.colorNeutralForeground2 },
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

interface OpenWorkbook {
  workbook: BrowserWorkbook;
  fileName: string;
  /** A new number for each file, so the tabs start afresh on another workbook. */
  id: number;
}

function BrowserPage({ lang, clock }: { lang: Lang; clock: Clock }) {
  const styles = useStyles();
  const t = useCallback((key: BrowserStringKey, values?: TextValues) => browserStrings.text(key, lang, values), [lang]);
  const [open, setOpen] = useState<OpenWorkbook | null>(null);
  const [dirty, setDirty] = useState(false);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const serial = useRef(0);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = t('file.leave');
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, t]);

  const show = useCallback(async (make: () => Promise<PackageWorkbook>, fileName: string, changed: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const pkg = await make();
      // Reading the sheet list proves the bytes are a workbook before the tabs are shown.
      await pkg.listSheets();
      const workbook = new BrowserWorkbook(pkg, {
        onSelect: (sheet, address) => setPreview({ sheet, address, serial: ++serial.current }),
        onChange: () => setDirty(true),
      });
      setOpen({ workbook, fileName, id: ++serial.current });
      setPreview(null);
      setDirty(changed);
    } catch (failure) {
      // Said in the page's language: a workbook error's sentence, never its two-language message.
      setError(t('file.notXlsx', { file: fileName, reason: phraseOf(failure) }));
    } finally {
      setBusy(false);
    }
  }, [t]);

  const openFile = (file: File | undefined) => {
    if (!file) return;
    void show(async () => new PackageWorkbook(new Uint8Array(await file.arrayBuffer())), file.name, false);
  };

  const startNew = () =>
    void show(
      async () => {
        const [{ buildWorkbookPlan }, { newWorkbookInput }] = await Promise.all([import('../core/plan/buildWorkbookPlan'), import('../core/plan/newWorkbookInput')]);
        return PackageWorkbook.create(buildWorkbookPlan(newWorkbookInput(lang, todayOf(clock))));
      },
      t('file.newName'),
      true,
    );

  const download = async () => {
    if (!open) return;
    downloadFile(await open.workbook.data(), open.fileName);
    setDirty(false);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    openFile(event.dataTransfer.files[0]);
  };

  const read = useMemo(() => (open ? (sheet: string) => open.workbook.readSheet(sheet) : null), [open]);

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
      <header className={styles.bar}>
        <div className={styles.brand}>
          <Title3 as="p">{t('page.title')}</Title3>
          <Caption1>{t('page.privacy')}</Caption1>
        </div>
        <div className={styles.controls} role="group" aria-label={t('file.bar')}>
          <div className={styles.open}>
            <label htmlFor="open-file">{t('file.open')}</label>
            <input
              id="open-file"
              type="file"
              accept={XLSX_TYPES}
              onChange={(event) => {
                openFile(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
          </div>
          <div className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}>{t('file.drop')}</div>
          <Button onClick={startNew} disabled={busy}>
            {t('file.new')}
          </Button>
          <Button appearance="primary" onClick={() => void download()} disabled={!open || busy}>
            {t('file.download')}
          </Button>
          {busy && <Spinner size="tiny" label={t('file.opening')} />}
          {open && (
            <Body1 className={styles.status} role="status">
              {t('file.current', { file: open.fileName })}
              {dirty ? ` · ${t('file.unsaved')}` : ''}
            </Body1>
          )}
        </div>
      </header>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {open && read ? (
        <div className={styles.work}>
          <div className={styles.pane}>
            <App key={open.id} lang={lang} workbook={open.workbook} clock={clock} />
          </div>
          {preview && (
            <div className={styles.preview}>
              <SheetPreview target={preview} lang={lang} read={read} onClose={() => setPreview(null)} />
            </div>
          )}
        </div>
      ) : (
        <main className={styles.start}>
          <Body1>{t('start.body')}</Body1>
        </main>
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

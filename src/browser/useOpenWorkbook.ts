/**
 * The workbook the browser page has open: opening one from disk or starting a new one (in a worker
 * of its own, see worker/), how far the worker's work has come, whether the workbook holds unsaved
 * changes (and a warning before the page is left with them), the cell the preview shows, and
 * downloading the result.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../core/content/language';
import type { TextValues } from '../core/content/stringTable';
import { phraseOf } from '../core/samspillError';
import type { Clock } from '../taskpane/services/paneClock';
import { BrowserWorkbook } from './browserWorkbook';
import type { BrowserStringKey } from './browserText';
import { downloadFile } from './downloadFile';
import type { PreviewTarget } from './SheetPreview';
import { startWorkbookWorker } from './worker/startWorker';
import { WorkerClient } from './worker/workerClient';
import type { WorkProgress } from './worker/workerProtocol';

export type BrowserSay = (key: BrowserStringKey, values?: TextValues) => string;

export interface OpenWorkbook {
  workbook: BrowserWorkbook;
  fileName: string;
  /** A new number for each file, so the tabs start afresh on another workbook. */
  id: number;
}

export function useOpenWorkbook(lang: Lang, clock: Clock, t: BrowserSay) {
  const [open, setOpen] = useState<OpenWorkbook | null>(null);
  const [dirty, setDirty] = useState(false);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<WorkProgress | null>(null);
  const serial = useRef(0);
  const shown = useRef<BrowserWorkbook | null>(null);
  useLeaveWarning(dirty, t);

  const show = useCallback(
    async (make: (worker: WorkerClient) => Promise<BrowserWorkbook>, fileName: string, changed: boolean) => {
      setBusy(true);
      setError(null);
      const worker = new WorkerClient(startWorkbookWorker());
      worker.events = { ...worker.events, onProgress: setProgress };
      try {
        const workbook = await make(worker);
        workbook.listen({
          onProgress: setProgress,
          onSelect: (sheet, address) => setPreview({ sheet, address, serial: ++serial.current }),
          onChange: () => setDirty(true),
          onDownload: downloadFile,
        });
        shown.current?.close();
        shown.current = workbook;
        setOpen({ workbook, fileName, id: ++serial.current });
        setPreview(null);
        setDirty(changed);
      } catch (failure) {
        worker.close();
        setProgress(null);
        // Said in the page's language: a workbook error's sentence, never its two-language message.
        setError(t('file.notXlsx', { file: fileName, reason: phraseOf(failure) }));
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  const openFile = (file: File | undefined) => {
    if (!file) return;
    void show(async (worker) => BrowserWorkbook.open(worker, new Uint8Array(await file.arrayBuffer())), file.name, false);
  };

  const startNew = () => void show((worker) => BrowserWorkbook.create(worker, lang, clock()), t('file.newName'), true);

  const download = async () => {
    if (!open) return;
    downloadFile(await open.workbook.data(), open.fileName);
    setDirty(false);
  };

  return { open, dirty, preview, error, busy, progress, openFile, startNew, download, closePreview: () => setPreview(null) };
}

/** While there are unsaved changes, leaving the page asks first. */
function useLeaveWarning(dirty: boolean, t: BrowserSay): void {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = t('file.leave');
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, t]);
}

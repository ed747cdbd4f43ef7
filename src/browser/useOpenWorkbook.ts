/**
 * The workbook the browser page has open: opening one from disk (the system's picker, a drop, or
 * the plain file input) or starting a new one, each in a worker of its own (see worker/); how far
 * the worker's work has come; whether the workbook holds changes not saved yet (and a warning
 * before the page is left with them, a question before another workbook replaces them); the cell
 * the preview shows; and saving: back into the same file where the browser can (the File System
 * Access API gives the page a handle; Chromium writes to a temporary file and swaps it in when the
 * write is closed), a download otherwise.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../core/content/language';
import type { TextValues } from '../core/content/stringTable';
import { phraseOf } from '../core/samspillError';
import type { Clock } from '../taskpane/services/paneClock';
import { BrowserWorkbook } from './browserWorkbook';
import type { BrowserStringKey } from './browserText';
import { downloadFile } from './downloadFile';
import { isCancel, pickWorkbook, saveToHandle, type FileHandle } from './fileAccess';
import type { PreviewTarget } from './SheetPreview';
import { startWorkbookWorker } from './worker/startWorker';
import { WorkerClient } from './worker/workerClient';
import type { WorkProgress } from './worker/workerProtocol';

export type BrowserSay = (key: BrowserStringKey, values?: TextValues) => string;

export interface OpenWorkbook {
  workbook: BrowserWorkbook;
  fileName: string;
  /** Where a save writes back to; null for a new workbook or one opened without a handle. */
  handle: FileHandle | null;
  /** A new number for each file, so the tabs start afresh on another workbook. */
  id: number;
}

/** What a replacing action waits for: the user's yes, when there is unsaved work. */
export interface PendingReplace {
  run: () => void;
}

export function useOpenWorkbook(lang: Lang, clock: Clock, t: BrowserSay) {
  const [open, setOpen] = useState<OpenWorkbook | null>(null);
  const [dirty, setDirty] = useState(false);
  /** The pane holds work not yet in the workbook (a half-filled form, unsaved ratings). */
  const [paneUnsaved, setPaneUnsaved] = useState(false);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<PendingReplace | null>(null);
  const [progress, setProgress] = useState<WorkProgress | null>(null);
  const serial = useRef(0);
  const shown = useRef<BrowserWorkbook | null>(null);
  /** What had the focus when the preview opened (the button): it gets it back when the preview closes. */
  const beforePreview = useRef<HTMLElement | null>(null);
  useLeaveWarning(dirty || paneUnsaved, t);

  const show = useCallback(
    async (make: (worker: WorkerClient) => Promise<BrowserWorkbook>, fileName: string, handle: FileHandle | null, changed: boolean) => {
      setBusy(true);
      setError(null);
      setNote(null);
      const worker = new WorkerClient(startWorkbookWorker());
      worker.events = { ...worker.events, onProgress: setProgress };
      try {
        const workbook = await make(worker);
        workbook.listen({
          onProgress: setProgress,
          onSelect: (sheet, address) => {
            beforePreview.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            setPreview({ sheet, address, serial: ++serial.current });
          },
          onChange: () => setDirty(true),
          onDownload: downloadFile,
        });
        shown.current?.close();
        shown.current = workbook;
        setOpen({ workbook, fileName, handle, id: ++serial.current });
        setPreview(null);
        setDirty(changed);
        setPaneUnsaved(false);
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

  /** Runs an action that replaces the open workbook, asking first when something is unsaved. */
  const replacing = (action: () => void) => {
    if (open && (dirty || paneUnsaved)) setPending({ run: action });
    else action();
  };

  const openFile = (file: File | undefined, handle: FileHandle | null = null) => {
    if (!file) return;
    replacing(() => void show(async (worker) => BrowserWorkbook.open(worker, new Uint8Array(await file.arrayBuffer())), file.name, handle, false));
  };

  /** The system's picker where the browser has one (the file can then be saved in place); false otherwise. */
  const openPicked = async (): Promise<boolean> => {
    try {
      const picked = await pickWorkbook(t('file.openLong'));
      if (!picked) return false;
      openFile(picked.file, picked.handle);
    } catch (failure) {
      if (!isCancel(failure)) setError(t('file.notXlsx', { file: '', reason: phraseOf(failure) }));
    }
    return true;
  };

  const startNew = () => replacing(() => void show((worker) => BrowserWorkbook.create(worker, lang, clock()), t('file.newName'), null, true));

  const download = async () => {
    if (!open) return;
    downloadFile(await open.workbook.data(), open.fileName);
    setDirty(false);
    setNote(t('file.downloaded', { file: open.fileName }));
  };

  /** Back into the file it came from where the browser allows; downloaded otherwise. */
  const save = async () => {
    if (!open) return;
    if (!open.handle) return download();
    setBusy(true);
    setError(null);
    try {
      await saveToHandle(open.handle, await open.workbook.data());
      setDirty(false);
      setNote(t('file.saved', { file: open.fileName }));
    } catch (failure) {
      if (!isCancel(failure)) setError(t('file.notSaved', { reason: phraseOf(failure) }));
    } finally {
      setBusy(false);
    }
  };

  return {
    open,
    dirty,
    paneUnsaved,
    setPaneUnsaved,
    preview,
    error,
    note,
    busy,
    progress,
    pending,
    confirmReplace: () => {
      const action = pending;
      setPending(null);
      action?.run();
    },
    cancelReplace: () => setPending(null),
    openFile,
    openPicked,
    startNew,
    save,
    download,
    closePreview: () => {
      setPreview(null);
      const back = beforePreview.current;
      // After the drawer has gone, so the focus is not caught by its closing trap.
      setTimeout(() => back?.isConnected && back.focus(), 0);
    },
  };
}

/** While there are unsaved changes, leaving the page asks first. */
function useLeaveWarning(unsaved: boolean, t: BrowserSay): void {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = t('file.leave');
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved, t]);
}

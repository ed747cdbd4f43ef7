/**
 * The workbook the browser page has open: opening one from disk or starting a new one, whether it
 * holds unsaved changes (and a warning before the page is left with them), the cell the preview
 * shows, and downloading the result.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../core/content/language';
import type { TextValues } from '../core/content/stringTable';
import { phraseOf } from '../core/samspillError';
import { todayOf, type Clock } from '../taskpane/services/paneClock';
import { PackageWorkbook } from '../workbook/xlsx/editing';
import { BrowserWorkbook } from './browserWorkbook';
import type { BrowserStringKey } from './browserText';
import { downloadFile } from './downloadFile';
import type { PreviewTarget } from './SheetPreview';

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
  const serial = useRef(0);
  useLeaveWarning(dirty, t);

  const show = useCallback(
    async (make: () => Promise<PackageWorkbook>, fileName: string, changed: boolean) => {
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
    },
    [t],
  );

  const openFile = (file: File | undefined) => {
    if (!file) return;
    void show(async () => new PackageWorkbook(new Uint8Array(await file.arrayBuffer())), file.name, false);
  };

  const startNew = () =>
    void show(
      async () => {
        const [{ buildWorkbookPlan }, { newWorkbookInput }] = await Promise.all([
          import('../core/plan/buildWorkbookPlan'),
          import('../core/plan/newWorkbookInput'),
        ]);
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

  return { open, dirty, preview, error, busy, openFile, startNew, download, closePreview: () => setPreview(null) };
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

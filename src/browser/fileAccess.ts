/**
 * Where the browser lets a page work on a file in place: the File System Access API (Chromium,
 * Edge) opens a file with a handle the page may later write back to, after the user agrees; other
 * browsers have only an upload and a download. This module says which the browser offers and wraps
 * the calls; nothing here uploads anything, and nothing is kept in browser storage.
 */

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The parts of FileSystemFileHandle the page uses (typed here: TypeScript's DOM library lacks them). */
export interface FileHandle {
  name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: Uint8Array | Blob): Promise<void>; close(): Promise<void> }>;
  queryPermission?(options: { mode: 'readwrite' }): Promise<'granted' | 'denied' | 'prompt'>;
  requestPermission?(options: { mode: 'readwrite' }): Promise<'granted' | 'denied' | 'prompt'>;
}

interface PickerOptions {
  types: { description: string; accept: Record<string, string[]> }[];
  excludeAcceptAllOption?: boolean;
  suggestedName?: string;
}

interface FileAccessWindow {
  showOpenFilePicker?: (options: PickerOptions) => Promise<FileHandle[]>;
  showSaveFilePicker?: (options: PickerOptions) => Promise<FileHandle>;
}

const picker = (description: string): PickerOptions => ({ types: [{ description, accept: { [XLSX_MIME]: ['.xlsx'] } }], excludeAcceptAllOption: false });

function fileAccess(): FileAccessWindow {
  return window as unknown as FileAccessWindow;
}

/** Whether files can be opened with a handle and written back in place. */
export function canSaveInPlace(): boolean {
  return typeof fileAccess().showOpenFilePicker === 'function';
}

/** The user cancelled a picker: not an error to show. */
export function isCancel(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** A workbook chosen in the system's picker, with the handle to save back to. */
export async function pickWorkbook(description: string): Promise<{ file: File; handle: FileHandle } | null> {
  const show = fileAccess().showOpenFilePicker;
  if (!show) return null;
  const [handle] = await show(picker(description));
  return { file: await handle.getFile(), handle };
}

/** Where to save a workbook that has no file yet (a new one, or one dropped without a handle); null without the API. */
export async function pickSaveLocation(description: string, suggestedName: string): Promise<FileHandle | null> {
  const show = fileAccess().showSaveFilePicker;
  if (!show) return null;
  return show({ ...picker(description), suggestedName });
}

/** A dropped file's handle, where the browser gives one (Chromium): the file can then be saved in place. */
export async function droppedHandle(item: DataTransferItem | undefined): Promise<FileHandle | null> {
  const withHandle = item as (DataTransferItem & { getAsFileSystemHandle?: () => Promise<{ kind: string } | null> }) | undefined;
  if (!withHandle?.getAsFileSystemHandle) return null;
  const handle = await withHandle.getAsFileSystemHandle().catch(() => null);
  return handle && handle.kind === 'file' ? (handle as unknown as FileHandle) : null;
}

/** Writes the bytes over the file, asking the user for permission first when the browser needs it. */
export async function saveToHandle(handle: FileHandle, data: Uint8Array): Promise<void> {
  if (handle.queryPermission && (await handle.queryPermission({ mode: 'readwrite' })) !== 'granted') {
    const answer = await handle.requestPermission?.({ mode: 'readwrite' });
    if (answer !== 'granted') throw new DOMException('Permission to write the file was not given.', 'NotAllowedError');
  }
  const writable = await handle.createWritable();
  await writable.write(new Blob([data as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }));
  await writable.close();
}

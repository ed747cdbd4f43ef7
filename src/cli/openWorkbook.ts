/**
 * Opens a workbook file for reading and finds its templates, turning every way that can fail into
 * one message the user can act on (exit code 2). The file is read once, as a regular file (a FIFO
 * is refused, not waited on), and fingerprinted, so that a command writing it back can tell
 * whether it changed in the meantime.
 */
import type { LoadedWorkbook } from '../core/model/loadWorkbook';
import { REGISTER_KEYS } from '../core/content/templateSchema';
import { openXlsxBuffer, WorkbookReadError, type XlsxReader } from '../workbook/xlsx';
import { cliStrings, UserFacingError } from './cliText';
import { readRegularFile, type Fingerprint } from './regularFile';
import { loadWorkbookStreaming } from './streamingLoad';

export interface OpenedWorkbook {
  reader: XlsxReader;
  loaded: LoadedWorkbook;
  bytes: Uint8Array;
  fingerprint: Fingerprint;
}

export async function openReader(file: string): Promise<{ reader: XlsxReader; bytes: Uint8Array; fingerprint: Fingerprint }> {
  const { bytes, fingerprint } = await readRegularFile(file);
  try {
    return { reader: openXlsxBuffer(bytes, file), bytes, fingerprint };
  } catch (error) {
    if (error instanceof WorkbookReadError) throw new UserFacingError(error);
    throw error;
  }
}

export async function openSamspillWorkbook(file: string): Promise<OpenedWorkbook> {
  const { reader, bytes, fingerprint } = await openReader(file);
  let loaded: LoadedWorkbook;
  try {
    loaded = await loadWorkbookStreaming(reader);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw new UserFacingError(error);
    throw error;
  }
  const hasTemplates = loaded.meta !== null || REGISTER_KEYS.some((k) => loaded.sheetNames[k] !== undefined);
  if (!hasTemplates) throw new UserFacingError(cliStrings.phrase('cli.error.noTemplates', { file }));
  return { reader, loaded, bytes, fingerprint };
}

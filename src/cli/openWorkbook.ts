/**
 * Opens a workbook file for reading and finds its templates, turning every way that can fail into
 * one message the user can act on (exit code 2). The file is read once, as a regular file (a FIFO
 * is refused, not waited on), and fingerprinted, so that a command writing it back can tell
 * whether it changed in the meantime.
 */
import type { LoadedWorkbook } from '../core/model/loadWorkbook';
import type { ValidationCell } from '../core/validation/validationInput';
import { REGISTER_KEYS } from '../core/content/templateSchema';
import { openXlsxBuffer, WorkbookReadError, zlibInflater, type XlsxReader } from '../workbook/xlsx';
import { cliStrings, UserFacingError } from './cliText';
import { readRegularFile, type Fingerprint } from './regularFile';
import { loadWorkbookStreaming, type StreamingLoad } from './streamingLoad';

export interface OpenedWorkbook {
  reader: XlsxReader;
  loaded: LoadedWorkbook;
  bytes: Uint8Array;
  fingerprint: Fingerprint;
  /** With `privacyScan`: the cells that could hold a fødselsnummer, from the same pass. */
  identityCandidates: ValidationCell[];
}

export async function openReader(file: string): Promise<{ reader: XlsxReader; bytes: Uint8Array; fingerprint: Fingerprint }> {
  const { bytes, fingerprint } = await readRegularFile(file);
  try {
    return { reader: openXlsxBuffer(bytes, file, zlibInflater), bytes, fingerprint };
  } catch (error) {
    if (error instanceof WorkbookReadError) throw new UserFacingError(error);
    throw error;
  }
}

export async function openSamspillWorkbook(file: string, options: { privacyScan?: boolean } = {}): Promise<OpenedWorkbook> {
  const { reader, bytes, fingerprint } = await openReader(file);
  let opened: StreamingLoad;
  try {
    opened = await loadWorkbookStreaming(reader, options);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw new UserFacingError(error);
    throw error;
  }
  const { loaded, identityCandidates } = opened;
  const hasTemplates = loaded.meta !== null || REGISTER_KEYS.some((k) => loaded.sheetNames[k] !== undefined);
  if (!hasTemplates) throw new UserFacingError(cliStrings.phrase('cli.error.noTemplates', { file }));
  return { reader, loaded, bytes, fingerprint, identityCandidates };
}

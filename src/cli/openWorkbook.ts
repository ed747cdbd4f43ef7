/**
 * Opens a workbook file for reading and finds its templates, turning every way that can fail into
 * one message the user can act on (exit code 2).
 */
import type { LoadedWorkbook } from '../core/model/loadWorkbook';
import { REGISTER_KEYS } from '../core/content/templateSchema';
import { openXlsxFile, WorkbookReadError, type XlsxReader } from '../workbook/xlsx';
import { cliStrings, UserFacingError } from './cliText';
import { loadWorkbookStreaming } from './streamingLoad';

export interface OpenedWorkbook {
  reader: XlsxReader;
  loaded: LoadedWorkbook;
}

export async function openReader(file: string): Promise<XlsxReader> {
  try {
    return await openXlsxFile(file);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw new UserFacingError(error);
    throw error;
  }
}

export async function openSamspillWorkbook(file: string): Promise<OpenedWorkbook> {
  const reader = await openReader(file);
  let loaded: LoadedWorkbook;
  try {
    loaded = await loadWorkbookStreaming(reader);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw new UserFacingError(error);
    throw error;
  }
  const hasTemplates = loaded.meta !== null || REGISTER_KEYS.some((k) => loaded.sheetNames[k] !== undefined);
  if (!hasTemplates) throw new UserFacingError(cliStrings.phrase('cli.error.noTemplates', { file }));
  return { reader, loaded };
}

/** Opening a workbook from disk: the only part of the xlsx adapter that touches the file system. */
import { readFile } from 'node:fs/promises';
import { fileNotFound, notAWorkbook, readDetail } from './reading/workbookReadError';
import { openXlsxBuffer, type XlsxReader } from './reading/xlsxReader';

/** Reads the file into memory (compressed, as on disk) and opens it. */
export async function openXlsxFile(path: string): Promise<XlsxReader> {
  let data: Uint8Array;
  try {
    data = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw notAWorkbook(path, readDetail('folder'));
    throw fileNotFound(path, code ?? String(error));
  }
  return openXlsxBuffer(data, path);
}

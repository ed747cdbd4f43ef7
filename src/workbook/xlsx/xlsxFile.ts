/** Opening a workbook from disk: the only part of the xlsx adapter that touches the file system. */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileNotFound, notAWorkbook, readDetail } from './reading/workbookReadError';
import { openXlsxBuffer, type XlsxReader } from './reading/xlsxReader';

/**
 * Reads the file into memory (compressed, as on disk) and opens it. The open never blocks (a
 * FIFO or device named .xlsx would wait for a writer forever), and only a regular file is read.
 */
export async function openXlsxFile(path: string): Promise<XlsxReader> {
  let data: Uint8Array;
  try {
    const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const stats = await handle.stat();
      if (stats.isDirectory()) throw notAWorkbook(path, readDetail('folder'));
      if (!stats.isFile()) throw notAWorkbook(path, readDetail('notRegular'));
      data = new Uint8Array(await handle.readFile());
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    if (code === 'EISDIR') throw notAWorkbook(path, readDetail('folder'));
    throw fileNotFound(path, code);
  }
  return openXlsxBuffer(data, path);
}

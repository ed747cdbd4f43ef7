/**
 * Opening a workbook from disk: the only part of the xlsx adapter that touches Node's own modules
 * (the file system, and zlib, whose native inflater reads a large sheet three times as fast as
 * fflate, which the browser build keeps).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import type { StreamInflater } from './reading';
import { fileNotFound, notAWorkbook, readDetail } from './reading/workbookReadError';
import { openXlsxBuffer, type XlsxReader } from './reading/xlsxReader';

/** Output pieces handed to the scanner; about what fflate gives for a 64 KB compressed piece. */
const PIECE_BYTES = 256 << 10;

/** Node's inflater for the parts streamed to a scanner; pass it to openXlsxBuffer in Node. */
export const zlibInflater: StreamInflater = {
  inflate: (raw, onPiece) =>
    new Promise((resolve, reject) => {
      const stream = createInflateRaw({ chunkSize: PIECE_BYTES });
      stream.on('data', (piece: Buffer) => {
        try {
          onPiece(piece, stream.bytesWritten);
        } catch (error) {
          stream.destroy();
          reject(error);
        }
      });
      stream.on('end', () => resolve());
      stream.on('error', reject);
      stream.end(raw);
    }),
};

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
      const buffer = await handle.readFile();
      // A view, not a copy (`new Uint8Array(buffer)` copies): the file is held once.
      data = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    if (code === 'EISDIR') throw notAWorkbook(path, readDetail('folder'));
    throw fileNotFound(path, code);
  }
  return openXlsxBuffer(data, path, zlibInflater);
}

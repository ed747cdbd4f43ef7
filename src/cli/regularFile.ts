/**
 * Reading the files a command is given: only regular files are opened (a FIFO, a device or a
 * socket named .xlsx or .csv would block the command forever), the open itself never blocks, and
 * what was read is fingerprinted so that a write can tell whether the file changed since.
 */
import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { fileFailure, FileProblem } from './fileProblem';
import { UserFacingError } from './cliText';

/** What a file was when it was read: compared again just before it is replaced. */
export interface Fingerprint {
  size: number;
  mtimeMs: number;
  dev: number;
  ino: number;
  sha256: string;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function fingerprintOf(stats: Stats, bytes: Uint8Array): Fingerprint {
  return { size: stats.size, mtimeMs: stats.mtimeMs, dev: stats.dev, ino: stats.ino, sha256: sha256(bytes) };
}

/**
 * The file opened for reading without blocking (O_NONBLOCK: a FIFO opens at once instead of
 * waiting for a writer), refused unless it is a regular file.
 */
export async function openRegular(file: string): Promise<{ handle: FileHandle; stats: Stats }> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw fileFailure(error, file);
  }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    throw new UserFacingError(new FileProblem(stats.isDirectory() ? 'isFolder' : 'notRegular', file));
  }
  return { handle, stats };
}

/** A regular file's bytes and their fingerprint. */
export async function readRegularFile(file: string): Promise<{ bytes: Uint8Array; fingerprint: Fingerprint }> {
  const { handle, stats } = await openRegular(file);
  try {
    const buffer = await handle.readFile();
    // A view of the Buffer, not `new Uint8Array(buffer)`, which copies it: a second file's worth of memory for the whole command.
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    return { bytes, fingerprint: fingerprintOf(stats, bytes) };
  } catch (error) {
    throw fileFailure(error, file);
  } finally {
    await handle.close();
  }
}

/** A regular file read in pieces, each read opening it anew (the CSV reader may read twice). */
export function regularFileChunks(file: string, piece = 1 << 20): () => AsyncIterable<Uint8Array> {
  return async function* () {
    const { handle } = await openRegular(file);
    try {
      const buffer = new Uint8Array(piece);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, piece, null);
        if (bytesRead === 0) return;
        yield buffer.slice(0, bytesRead);
      }
    } finally {
      await handle.close();
    }
  };
}

/** The first bytes of a regular file (to tell an .xlsx from a CSV), and its size. */
export async function headOf(file: string, length = 8192): Promise<{ head: Uint8Array; size: number }> {
  const { handle, stats } = await openRegular(file);
  try {
    const head = new Uint8Array(Math.min(length, stats.size));
    await handle.read(head, 0, head.length, 0);
    return { head, size: stats.size };
  } finally {
    await handle.close();
  }
}

/** Whether the file on disk is still the one fingerprinted (same file, size, time and content). */
export async function stillTheSame(file: string, expected: Fingerprint): Promise<boolean> {
  let now: Stats;
  try {
    now = await stat(file);
  } catch {
    return false;
  }
  if (now.size !== expected.size || now.mtimeMs !== expected.mtimeMs || now.ino !== expected.ino || now.dev !== expected.dev) return false;
  const { bytes } = await readRegularFile(file);
  return sha256(bytes) === expected.sha256;
}

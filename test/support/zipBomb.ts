/**
 * Workbooks that unpack to gigabytes, made in a moment without ever holding what they unpack to:
 * one megabyte of a repeated pattern is deflated once (with a full flush, so it stands alone and
 * ends on a byte boundary) and its ~1 KB of output repeated, between a deflated head and tail.
 * The result is a valid deflate stream, as a zip bomb is.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { readStoredEntries, writeStoredEntries } from '../../src/workbook/xlsx/editing/packageZip';

const BLOCK_BYTES = 1 << 20;

export interface BombPart {
  /** Text before, repeated in, and after the bulk of the part. */
  head: string;
  unit: string;
  tail: string;
  /** Compressed bytes of the bulk: how large the part is in the file. */
  compressedBytes: number;
  /** What the zip directory says the part unpacks to: its real size, or less (a lying entry). */
  declare: 'honest' | number;
}

export interface Bomb {
  /** The deflated part. */
  raw: Uint8Array;
  /** What it really unpacks to. */
  size: number;
}

export function deflatedBomb(part: Omit<BombPart, 'declare'>): Bomb {
  const flush = { level: 9, finishFlush: constants.Z_FULL_FLUSH };
  const head = deflateRawSync(Buffer.from(part.head), flush);
  const unit = Buffer.from(part.unit);
  const repeats = Math.floor(BLOCK_BYTES / unit.length);
  const block = deflateRawSync(Buffer.from(part.unit.repeat(repeats)), flush);
  const blockSize = repeats * unit.length;
  const tail = deflateRawSync(Buffer.from(part.tail), { level: 9 });
  const count = Math.max(1, Math.floor(part.compressedBytes / block.length));
  const raw = new Uint8Array(head.length + count * block.length + tail.length);
  raw.set(head);
  for (let i = 0; i < count; i++) raw.set(block, head.length + i * block.length);
  raw.set(tail, head.length + count * block.length);
  return { raw, size: Buffer.byteLength(part.head) + count * blockSize + Buffer.byteLength(part.tail) };
}

/** The workbook with one part replaced by a bomb (its CRC left at 0: nothing here checks it). */
export function bombWorkbook(workbook: Uint8Array, partName: string, part: BombPart): { data: Uint8Array; unpacksTo: number } {
  const bomb = deflatedBomb(part);
  const entries = readStoredEntries(workbook).map((entry) =>
    entry.name === partName
      ? { ...entry, method: 8, crc: 0, raw: bomb.raw, compressedSize: bomb.raw.length, size: part.declare === 'honest' ? bomb.size : part.declare }
      : entry,
  );
  if (!entries.some((entry) => entry.name === partName)) throw new Error(`no part ${partName}`);
  return { data: writeStoredEntries(entries), unpacksTo: bomb.size };
}

/**
 * The physical floor of reading a workbook: inflate its largest sheet part and count its rows by a
 * byte scan for `<row`, parsing no XML at all. With Node's zlib (native code, the inflater the
 * CLI's reader uses for large parts) it is the floor validate and summary are shown as multiples
 * of; with fflate's streaming inflater (the browser's) it shows what the inflater itself costs.
 */
import { readFileSync } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { Inflate } from 'fflate';
import { CENTRAL_HEADER, findEndOfCentralDirectory, readU16, readU32 } from '../../src/workbook/xlsx/reading/zipRecords';

export interface FloorResult {
  part: string;
  bytes: number;
  rows: number;
}

/** Compressed bytes handed to the inflater at a time, as the reader hands them. */
const CHUNK = 1 << 16;
const ROW = [...'<row'].map((c) => c.charCodeAt(0));

/** The largest entry of the zip (the hours log in a Samspill workbook) and its compressed bytes. */
function largestPart(data: Uint8Array): { name: string; raw: Uint8Array } {
  const eocd = findEndOfCentralDirectory(data);
  const count = readU16(data, eocd + 10);
  let at = readU32(data, eocd + 16);
  let best = { name: '', size: -1, compressedSize: 0, offset: 0 };
  for (let i = 0; i < count; i++) {
    if (readU32(data, at) !== CENTRAL_HEADER) throw new Error('damaged central directory');
    const nameLength = readU16(data, at + 28);
    const size = readU32(data, at + 24);
    if (size > best.size) {
      best = {
        name: new TextDecoder().decode(data.subarray(at + 46, at + 46 + nameLength)),
        size,
        compressedSize: readU32(data, at + 20),
        offset: readU32(data, at + 42),
      };
    }
    at += 46 + nameLength + readU16(data, at + 30) + readU16(data, at + 32);
  }
  const start = best.offset + 30 + readU16(data, best.offset + 26) + readU16(data, best.offset + 28);
  return { name: best.name, raw: data.subarray(start, start + best.compressedSize) };
}

/** Counts `<row` followed by a space, `>` or `/` across pieces split anywhere. */
class RowCounter {
  rows = 0;
  bytes = 0;
  private matched = 0;

  add(piece: Uint8Array): void {
    this.bytes += piece.length;
    let matched = this.matched;
    for (let i = 0; i < piece.length; i++) {
      const c = piece[i];
      if (matched === 4) {
        if (c === 32 || c === 62 || c === 47) this.rows++;
        matched = 0;
      }
      if (c === ROW[matched]) matched++;
      else matched = c === 60 ? 1 : 0;
    }
    this.matched = matched;
  }
}

export function physicalFloor(path: string): FloorResult {
  const { name, raw } = largestPart(readFileSync(path));
  const counter = new RowCounter();
  const inflater = new Inflate((chunk) => counter.add(chunk));
  for (let at = 0; at < raw.length; at += CHUNK) inflater.push(raw.subarray(at, at + CHUNK), at + CHUNK >= raw.length);
  return { part: name, bytes: counter.bytes, rows: counter.rows };
}

export async function physicalFloorZlib(path: string): Promise<FloorResult> {
  const { name, raw } = largestPart(readFileSync(path));
  const counter = new RowCounter();
  const inflater = createInflateRaw({ chunkSize: 1 << 18 });
  inflater.on('data', (chunk: Buffer) => counter.add(chunk));
  const done = new Promise<void>((resolve, reject) => inflater.on('end', resolve).on('error', reject));
  inflater.end(raw);
  await done;
  return { part: name, bytes: counter.bytes, rows: counter.rows };
}

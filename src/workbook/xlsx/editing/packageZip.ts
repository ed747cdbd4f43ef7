/**
 * The zip container read and rewritten at the level of stored entries: an entry we do not change
 * is copied as its compressed bytes, so its content, compression and order stay exactly as the
 * program that saved the workbook left them. Only changed or new parts are deflated here.
 */
import { deflateSync, inflateSync } from 'fflate';
import { CENTRAL_HEADER, EOCD, findEndOfCentralDirectory, LOCAL_HEADER, readU16, readU32 } from '../reading/zipRecords';
import { SamspillError } from '../../../core/samspillError';
import { MAX_PART_BYTES, MAX_RATIO, RATIO_GRACE_BYTES, tooLarge } from '../reading/readLimits';

export interface StoredEntry {
  name: string;
  /** The name as stored (its encoding is kept as it was). */
  nameBytes: Uint8Array;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  internalAttributes: number;
  externalAttributes: number;
  /** The compressed bytes, as stored. */
  raw: Uint8Array;
}

/** A package the rewriter cannot carry over byte for byte (zip64, encrypted entries, unknown methods). */
export class UnsupportedZipError extends SamspillError<'unsupportedZip'> {
  override readonly name = 'UnsupportedZipError';

  constructor(detail: string) {
    super('unsupportedZip', { detail }, detail);
  }
}

const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const DEFLATE = 8;
const STORED = 0;

export function readStoredEntries(data: Uint8Array): StoredEntry[] {
  const eocd = findEndOfCentralDirectory(data);
  if (eocd < 0) throw new UnsupportedZipError('no end of central directory');
  const count = readU16(data, eocd + 10);
  const offset = readU32(data, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new UnsupportedZipError('zip64 packages are not rewritten');
  const entries: StoredEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (readU32(data, at) !== CENTRAL_HEADER) throw new UnsupportedZipError('damaged central directory');
    const nameLength = readU16(data, at + 28);
    const extraLength = readU16(data, at + 30);
    const commentLength = readU16(data, at + 32);
    const flags = readU16(data, at + 8);
    const method = readU16(data, at + 10);
    const compressedSize = readU32(data, at + 20);
    const size = readU32(data, at + 24);
    const localOffset = readU32(data, at + 42);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      throw new UnsupportedZipError('zip64 entries are not rewritten');
    }
    if (flags & FLAG_ENCRYPTED) throw new UnsupportedZipError('encrypted zip entries');
    if (method !== STORED && method !== DEFLATE) throw new UnsupportedZipError(`compression method ${method}`);
    const nameBytes = data.slice(at + 46, at + 46 + nameLength);
    if (readU32(data, localOffset) !== LOCAL_HEADER) throw new UnsupportedZipError('damaged local header');
    const start = localOffset + 30 + readU16(data, localOffset + 26) + readU16(data, localOffset + 28);
    if (start + compressedSize > data.length) throw new UnsupportedZipError('truncated entry');
    entries.push({
      name: new TextDecoder().decode(nameBytes),
      nameBytes,
      versionMadeBy: readU16(data, at + 4),
      versionNeeded: readU16(data, at + 6),
      flags,
      method,
      time: readU16(data, at + 12),
      date: readU16(data, at + 14),
      crc: readU32(data, at + 16),
      compressedSize,
      size,
      internalAttributes: readU16(data, at + 36),
      externalAttributes: readU32(data, at + 38),
      raw: data.subarray(start, start + compressedSize),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The entry's content. Its declared size sizes the output, so a part that understates it comes out
 * cut short, never larger; one that declares more than the read limits allow is refused.
 */
export function entryBytes(entry: StoredEntry): Uint8Array {
  if (entry.method === STORED) return entry.raw;
  if (entry.size > MAX_PART_BYTES) throw tooLarge(undefined, 'partSize', { part: entry.name });
  if (entry.size > RATIO_GRACE_BYTES && entry.size > MAX_RATIO * entry.compressedSize) throw tooLarge(undefined, 'ratio', { part: entry.name });
  return inflateSync(entry.raw, { out: new Uint8Array(entry.size) });
}

/** A new entry holding bytes, deflated, stamped with the given DOS time and date. */
export function newEntry(name: string, bytes: Uint8Array, stamp: { time: number; date: number }): StoredEntry {
  const nameBytes = new TextEncoder().encode(name);
  const raw = deflateSync(bytes, { level: 6 });
  return {
    name,
    nameBytes,
    versionMadeBy: 20,
    versionNeeded: 20,
    flags: /[^\x20-\x7e]/.test(name) ? FLAG_UTF8 : 0,
    method: DEFLATE,
    time: stamp.time,
    date: stamp.date,
    crc: crc32(bytes),
    compressedSize: raw.length,
    size: bytes.length,
    internalAttributes: 0,
    externalAttributes: 0,
    raw,
  };
}

/** The entry with new content; everything else about it (name, flags' meaning, time) is kept. */
export function replacedEntry(entry: StoredEntry, bytes: Uint8Array): StoredEntry {
  const fresh = newEntry(entry.name, bytes, entry);
  return {
    ...entry,
    method: DEFLATE,
    versionNeeded: Math.max(entry.versionNeeded, 20),
    crc: fresh.crc,
    compressedSize: fresh.compressedSize,
    size: fresh.size,
    raw: fresh.raw,
  };
}

/** Writes entries in the given order. Sizes go in the local headers, so no data descriptors follow. */
export function writeStoredEntries(entries: StoredEntry[]): Uint8Array {
  const total = entries.reduce((sum, e) => sum + 30 + e.nameBytes.length + e.raw.length + 46 + e.nameBytes.length, 0) + 22;
  if (entries.length >= 0xffff || total >= 0xffffffff) throw new UnsupportedZipError('the result would need zip64');
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(at);
    view.setUint32(at, LOCAL_HEADER, true);
    view.setUint16(at + 4, e.versionNeeded, true);
    view.setUint16(at + 6, e.flags & ~FLAG_DATA_DESCRIPTOR, true);
    view.setUint16(at + 8, e.method, true);
    view.setUint16(at + 10, e.time, true);
    view.setUint16(at + 12, e.date, true);
    view.setUint32(at + 14, e.crc, true);
    view.setUint32(at + 18, e.compressedSize, true);
    view.setUint32(at + 22, e.size, true);
    view.setUint16(at + 26, e.nameBytes.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(e.nameBytes, at + 30);
    out.set(e.raw, at + 30 + e.nameBytes.length);
    at += 30 + e.nameBytes.length + e.raw.length;
  }
  const centralStart = at;
  entries.forEach((e, i) => {
    view.setUint32(at, CENTRAL_HEADER, true);
    view.setUint16(at + 4, e.versionMadeBy, true);
    view.setUint16(at + 6, e.versionNeeded, true);
    view.setUint16(at + 8, e.flags & ~FLAG_DATA_DESCRIPTOR, true);
    view.setUint16(at + 10, e.method, true);
    view.setUint16(at + 12, e.time, true);
    view.setUint16(at + 14, e.date, true);
    view.setUint32(at + 16, e.crc, true);
    view.setUint32(at + 20, e.compressedSize, true);
    view.setUint32(at + 24, e.size, true);
    view.setUint16(at + 28, e.nameBytes.length, true);
    view.setUint16(at + 30, 0, true);
    view.setUint16(at + 32, 0, true);
    view.setUint16(at + 34, 0, true);
    view.setUint16(at + 36, e.internalAttributes, true);
    view.setUint32(at + 38, e.externalAttributes, true);
    view.setUint32(at + 42, offsets[i], true);
    out.set(e.nameBytes, at + 46);
    at += 46 + e.nameBytes.length;
  });
  view.setUint32(at, EOCD, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}

/** DOS time and date of a moment, as zip headers hold them (local time, two-second steps). */
export function dosStamp(moment: Date): { time: number; date: number } {
  return {
    time: (moment.getHours() << 11) | (moment.getMinutes() << 5) | Math.floor(moment.getSeconds() / 2),
    date: ((Math.max(moment.getFullYear(), 1980) - 1980) << 9) | ((moment.getMonth() + 1) << 5) | moment.getDate(),
  };
}

let crcTable: Uint32Array | undefined;

export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

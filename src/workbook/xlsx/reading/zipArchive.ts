/**
 * The zip container of an .xlsx package, read from its central directory so that only the parts
 * a caller asks for are ever inflated, and a large part can be inflated and decoded in chunks
 * without its whole text existing at once.
 */
import { Inflate, inflateSync } from 'fflate';
import { damagedWorkbook, encryptedWorkbook, legacyXls, notAWorkbook, readDetail } from './workbookReadError';
import { CENTRAL_HEADER, findEndOfCentralDirectory, LOCAL_HEADER, readU16, readU32, readU64 } from './zipRecords';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Compressed bytes handed to the inflater at a time when streaming a part. */
const STREAM_CHUNK = 1 << 18;

export class ZipArchive {
  /** Keyed by lower-case name: OPC part names compare case-insensitively. */
  private readonly entries = new Map<string, ZipEntry>();

  constructor(
    private readonly data: Uint8Array,
    private readonly file?: string,
  ) {
    classifyContainer(data, file);
    for (const entry of readCentralDirectory(data, file)) this.entries.set(entry.name.toLowerCase(), entry);
  }

  has(partName: string): boolean {
    return this.entries.has(normalise(partName));
  }

  /** The part's uncompressed size in bytes, 0 when there is no such part. */
  size(partName: string): number {
    return this.entries.get(normalise(partName))?.size ?? 0;
  }

  /** The whole part as bytes, or undefined when the package has no such part. */
  readBytes(partName: string): Uint8Array | undefined {
    const entry = this.entries.get(normalise(partName));
    if (!entry) return undefined;
    const raw = this.compressedData(entry);
    if (entry.method === 0) return raw;
    try {
      return inflateSync(raw, { out: new Uint8Array(entry.size) });
    } catch {
      throw this.damagedPart(entry.name);
    }
  }

  readText(partName: string): string | undefined {
    const bytes = this.readBytes(partName);
    return bytes === undefined ? undefined : new TextDecoder(encodingOf(bytes)).decode(bytes);
  }

  /**
   * Hands the part's UTF-8 bytes to onBytes piece by piece (pieces split anywhere, even inside a
   * character; a piece is only valid during the call). Returns false when there is no such part.
   */
  streamBytes(partName: string, onBytes: (bytes: Uint8Array) => void): boolean {
    const entry = this.entries.get(normalise(partName));
    if (!entry) return false;
    const raw = this.compressedData(entry);
    let failure: { error: unknown } | undefined;
    let utf16: Uint8Array[] | undefined;
    let first = true;
    const deliver = (bytes: Uint8Array, final: boolean): void => {
      if (first && bytes.length >= 2) {
        first = false;
        if (encodingOf(bytes) !== 'utf-8') utf16 = [];
      }
      if (utf16) {
        // Rare enough to convert whole: gather, decode, hand over as UTF-8 at the end.
        utf16.push(bytes.slice());
        if (final) onBytes(new TextEncoder().encode(new TextDecoder(encodingOf(utf16[0])).decode(concat(utf16))));
        return;
      }
      if (bytes.length === 0) return;
      // Errors from the reader of the bytes (a parse error, the caller's row callback) are
      // theirs to report; only the inflater's own errors mean the part is damaged.
      try {
        onBytes(bytes);
      } catch (error) {
        failure = { error };
        throw error;
      }
    };
    const inflater = entry.method === 0 ? undefined : new Inflate((chunk, final) => deliver(chunk, final));
    try {
      let at = 0;
      do {
        const end = Math.min(raw.length, at + STREAM_CHUNK);
        if (inflater) inflater.push(raw.subarray(at, end), end === raw.length);
        else deliver(raw.subarray(at, end), end === raw.length);
        at = end;
      } while (at < raw.length);
    } catch (error) {
      if (failure) throw failure.error;
      throw this.damagedPart(entry.name);
    }
    return true;
  }

  private compressedData(entry: ZipEntry): Uint8Array {
    const at = entry.localHeaderOffset;
    if (at + 30 > this.data.length || readU32(this.data, at) !== LOCAL_HEADER) throw this.damagedPart(entry.name);
    const start = at + 30 + readU16(this.data, at + 26) + readU16(this.data, at + 28);
    const end = start + entry.compressedSize;
    if (end > this.data.length) throw this.damagedPart(entry.name);
    if (entry.method !== 0 && entry.method !== 8) {
      throw damagedWorkbook(this.file, readDetail('unknownMethod', { part: entry.name, method: entry.method }));
    }
    return this.data.subarray(start, end);
  }

  private damagedPart(name: string): Error {
    return damagedWorkbook(this.file, readDetail('cannotUnpack', { part: name }));
  }
}

function concat(pieces: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    whole.set(piece, at);
    at += piece.length;
  }
  return whole;
}

function normalise(partName: string): string {
  return partName.replace(/^\/+/, '').toLowerCase();
}

/** Parts are UTF-8 unless they start with a UTF-16 byte-order mark (allowed by XML, rarely used). */
function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/**
 * Refuses, with the reason a person can act on, what is not a zip: an encrypted workbook (Excel
 * wraps it in an OLE compound file), an old .xls (also OLE), or anything else.
 */
function classifyContainer(data: Uint8Array, file?: string): void {
  if (OLE_MAGIC.every((byte, i) => data[i] === byte)) {
    // A legacy .xls names its stream "Workbook" (or "Book"); an encrypted package holds an
    // "EncryptedPackage" stream. Unknown OLE files are most likely encrypted workbooks.
    if (!containsUtf16(data, 'EncryptedPackage') && containsUtf16(data, 'Workbook')) throw legacyXls(file);
    throw encryptedWorkbook(file);
  }
  const startsAsZip = data.length >= 4 && readU32(data, 0) === LOCAL_HEADER;
  if (!startsAsZip && findEndOfCentralDirectory(data) < 0) {
    throw notAWorkbook(file, readDetail('notZip'));
  }
}

/** Whether the UTF-16LE spelling of text occurs in data (OLE directory entries are UTF-16LE). */
function containsUtf16(data: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  search: for (let at = data.indexOf(first); at >= 0; at = data.indexOf(first, at + 1)) {
    for (let i = 0; i < text.length; i++) {
      if (data[at + 2 * i] !== text.charCodeAt(i) || data[at + 2 * i + 1] !== 0) continue search;
    }
    return true;
  }
  return false;
}

function readCentralDirectory(data: Uint8Array, file?: string): ZipEntry[] {
  const truncated = () => damagedWorkbook(file, readDetail('truncated'));
  const eocd = findEndOfCentralDirectory(data);
  if (eocd < 0) throw truncated();
  let count = readU16(data, eocd + 10);
  let offset = readU32(data, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || readU32(data, locator) !== ZIP64_LOCATOR) throw truncated();
    const record = readU64(data, locator + 8);
    if (record + 56 > data.length || readU32(data, record) !== ZIP64_EOCD) throw truncated();
    count = readU64(data, record + 32);
    offset = readU64(data, record + 48);
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || readU32(data, at) !== CENTRAL_HEADER) throw truncated();
    const nameLength = readU16(data, at + 28);
    const extraLength = readU16(data, at + 30);
    const commentLength = readU16(data, at + 32);
    const nameBytes = data.subarray(at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(nameBytes),
      method: readU16(data, at + 10),
      compressedSize: readU32(data, at + 20),
      size: readU32(data, at + 24),
      localHeaderOffset: readU32(data, at + 42),
    };
    applyZip64Extra(entry, data.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets past 4 GB live in the zip64 extra field, in this order, only when maxed out. */
function applyZip64Extra(entry: ZipEntry, extra: Uint8Array): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = readU16(extra, at);
    const length = readU16(extra, at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        const value = field + 8 <= at + 4 + length ? readU64(extra, field) : 0;
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
}

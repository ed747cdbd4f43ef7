/**
 * The zip container of an .xlsx package, read from its central directory so that only the parts
 * a caller asks for are ever inflated, and a large part can be inflated and decoded in chunks
 * without its whole text existing at once. A part that would unpack beyond the read limits
 * (readLimits.ts) is refused before it is inflated when its directory entry says so, and while it
 * is inflated when the entry understates it.
 */
import { Inflate } from 'fflate';
import { MAX_PART_BYTES, MAX_RATIO, RATIO_GRACE_BYTES, sizeMismatch, tooLarge } from './readLimits';
import { damagedWorkbook, encryptedWorkbook, legacyXls, notAWorkbook, readDetail } from './workbookReadError';
import { CENTRAL_HEADER, findEndOfCentralDirectory, LOCAL_HEADER, readU16, readU32, readU64 } from './zipRecords';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Called as a part is inflated: compressed bytes consumed so far and in all. */
export type InflateProgress = (done: number, total: number) => void;

/**
 * An inflater of raw deflate data faster than fflate, where the platform has one (Node's zlib):
 * it hands each inflated piece over with the compressed bytes consumed so far, and resolves at
 * the end. Errors thrown by onPiece stop it and reject.
 */
export interface StreamInflater {
  inflate(raw: Uint8Array, onPiece: (piece: Uint8Array, consumed: number) => void): Promise<void>;
}

const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/**
 * Compressed bytes handed to the inflater at a time when streaming a part: small enough that one
 * piece of a maximally compressed part unpacks to tens of megabytes, not gigabytes, before the
 * limits are checked again.
 */
const STREAM_CHUNK = 1 << 16;
/** Parts the reader inflates (XML and relationships); embedded media are copied, never read. */
const READABLE_PART = /\.(xml|rels|vml)$/i;

export class ZipArchive {
  /** Keyed by lower-case name: OPC part names compare case-insensitively. */
  private readonly entries = new Map<string, ZipEntry>();

  constructor(
    private readonly data: Uint8Array,
    private readonly file?: string,
    /** Used for the parts streamed to a scanner; fflate otherwise, and in the browser. */
    private readonly fastInflater?: StreamInflater,
  ) {
    classifyContainer(data, file);
    for (const entry of readCentralDirectory(data, file)) {
      if (READABLE_PART.test(entry.name)) this.refuseDeclaredBomb(entry);
      this.entries.set(entry.name.toLowerCase(), entry);
    }
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
    if (entry.method === 0) return this.compressedData(entry);
    const pieces: Uint8Array[] = [];
    this.inflate(entry, (piece) => pieces.push(piece.slice()));
    return concat(pieces);
  }

  readText(partName: string): string | undefined {
    const bytes = this.readBytes(partName);
    return bytes === undefined ? undefined : new TextDecoder(encodingOf(bytes)).decode(bytes);
  }

  /**
   * Hands the part's UTF-8 bytes to onBytes piece by piece (pieces split anywhere, even inside a
   * character; a piece is only valid during the call). Resolves false when there is no such part.
   */
  async streamBytes(partName: string, onBytes: (bytes: Uint8Array) => void, onProgress?: InflateProgress): Promise<boolean> {
    const entry = this.entries.get(normalise(partName));
    if (!entry) return false;
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
      if (bytes.length > 0) onBytes(bytes);
    };
    if (entry.method === 8 && this.fastInflater) await this.inflateFast(entry, deliver, onProgress);
    else this.inflate(entry, deliver, onProgress);
    return true;
  }

  /** As inflate(), through the platform's inflater. */
  private async inflateFast(entry: ZipEntry, deliver: (bytes: Uint8Array, final: boolean) => void, onProgress?: InflateProgress): Promise<void> {
    const raw = this.compressedData(entry);
    let failure: { error: unknown } | undefined;
    let inflated = 0;
    try {
      await this.fastInflater!.inflate(raw, (piece, consumed) => {
        try {
          inflated += piece.length;
          this.checkGrowth(entry, inflated, consumed);
          deliver(piece, false);
          onProgress?.(consumed, raw.length);
        } catch (error) {
          failure = { error };
          throw error;
        }
      });
    } catch (error) {
      if (failure) throw failure.error;
      throw this.damagedPart(entry.name);
    }
    deliver(new Uint8Array(0), true);
  }

  /**
   * Inflates (or copies) the entry piece by piece, holding it to its declared size and the read
   * limits as it goes. Errors from `deliver` (a parse error, a caller's row callback) are the
   * caller's to report; only the inflater's own errors mean the part is damaged.
   */
  private inflate(entry: ZipEntry, deliver: (bytes: Uint8Array, final: boolean) => void, onProgress?: InflateProgress): void {
    const raw = this.compressedData(entry);
    let failure: { error: unknown } | undefined;
    let inflated = 0;
    let pushed = 0;
    const receive = (bytes: Uint8Array, final: boolean): void => {
      try {
        inflated += bytes.length;
        this.checkGrowth(entry, inflated, pushed);
        deliver(bytes, final);
      } catch (error) {
        failure = { error };
        throw error;
      }
    };
    const inflater = entry.method === 0 ? undefined : new Inflate((chunk, final) => receive(chunk, final));
    try {
      do {
        const end = Math.min(raw.length, pushed + STREAM_CHUNK);
        const piece = raw.subarray(pushed, end);
        pushed = end;
        if (inflater) inflater.push(piece, end === raw.length);
        else receive(piece, end === raw.length);
        onProgress?.(pushed, raw.length);
      } while (pushed < raw.length);
    } catch (error) {
      if (failure) throw failure.error;
      throw this.damagedPart(entry.name);
    }
  }

  /** A part whose directory entry already says it unpacks beyond the limits is never inflated. */
  private refuseDeclaredBomb(entry: ZipEntry): void {
    if (entry.size > MAX_PART_BYTES) throw tooLarge(this.file, 'partSize', { part: entry.name });
    if (entry.method !== 0 && entry.size > RATIO_GRACE_BYTES && entry.size > MAX_RATIO * entry.compressedSize) {
      throw tooLarge(this.file, 'ratio', { part: entry.name });
    }
  }

  /** While inflating: never past the declared size, the size limit or the ratio limit. */
  private checkGrowth(entry: ZipEntry, inflated: number, pushed: number): void {
    if (inflated <= entry.size && inflated <= RATIO_GRACE_BYTES) return;
    if (inflated > MAX_PART_BYTES) throw tooLarge(this.file, 'partSize', { part: entry.name });
    if (inflated > RATIO_GRACE_BYTES && inflated > MAX_RATIO * pushed) throw tooLarge(this.file, 'ratio', { part: entry.name });
    if (inflated > entry.size) throw sizeMismatch(this.file, entry.name);
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

/**
 * The zip format's record signatures and little-endian fields, and the search for the end of the
 * central directory: shared by the reader of packages and the rewriter that keeps their entries.
 */
export const EOCD = 0x06054b50;
export const CENTRAL_HEADER = 0x02014b50;
export const LOCAL_HEADER = 0x04034b50;

export function readU16(data: Uint8Array, at: number): number {
  return data[at] | (data[at + 1] << 8);
}

export function readU32(data: Uint8Array, at: number): number {
  return (data[at] | (data[at + 1] << 8) | (data[at + 2] << 16)) + data[at + 3] * 0x1000000;
}

export function readU64(data: Uint8Array, at: number): number {
  return readU32(data, at) + readU32(data, at + 4) * 0x100000000;
}

/** Offset of the end-of-central-directory record (searched from the end, past a comment of up to 64 KB), or -1. */
export function findEndOfCentralDirectory(data: Uint8Array): number {
  const lowest = Math.max(0, data.length - 22 - 0xffff);
  for (let at = data.length - 22; at >= lowest; at--) {
    if (readU32(data, at) === EOCD) return at;
  }
  return -1;
}

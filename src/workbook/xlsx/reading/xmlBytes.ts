/**
 * The byte-level pieces both scanners share: markup is ASCII, and no byte of a multi-byte UTF-8
 * character is below 0x80, so looking for `<`, `>` and quotes in the bytes is exact.
 */
import { SamspillError } from '../../../core/samspillError';
import type { LimitKind } from './readLimits';

export const LT = 60;
export const GT = 62;
export const SLASH = 47;
export const BANG = 33;
export const QUESTION = 63;
export const DQUOTE = 34;
export const SQUOTE = 39;
export const EQUALS = 61;
export const COLON = 58;
export const DASH = 45;
export const BRACKET = 93;
export const CDATA_OPEN = [...'<![CDATA['].map((c) => c.charCodeAt(0));

/** Not well-formed XML; the reader names the part in a 'damaged' error. */
export class XmlSyntaxError extends SamspillError<'notWellFormed'> {
  override readonly name = 'XmlSyntaxError';

  constructor(detail: string) {
    super('notWellFormed', { detail }, detail);
  }
}

/** A read limit was passed while scanning; the reader names the file, part and sheet. */
export class LimitExceeded extends SamspillError<LimitKind> {
  override readonly name = 'LimitExceeded';

  constructor(
    kind: LimitKind,
    /** The cell concerned, for a cell's text. */
    readonly cell?: string,
  ) {
    super(kind, { cell: cell ?? '' }, `read limit passed: ${kind}${cell ? ` at ${cell}` : ''}`);
  }
}

/** A plain loop: TypedArray#indexOf is a runtime call, far slower for the short hops made here. */
export function find(b: Uint8Array, byte: number, from: number): number {
  const n = b.length;
  for (let i = from; i < n; i++) if (b[i] === byte) return i;
  return -1;
}

/** The index of the '>' closing the tag whose name starts at `from`, skipping quoted values. */
export function tagEnd(b: Uint8Array, from: number): number {
  const n = b.length;
  for (let i = from; i < n; i++) {
    const c = b[i];
    if (c === GT) return i;
    if (c === DQUOTE || c === SQUOTE) {
      i = find(b, c, i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export function isNameEnd(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === SLASH || c === GT;
}

export function nameEndOf(b: Uint8Array, start: number, limit: number): number {
  let i = start;
  while (i < limit && !isNameEnd(b[i])) i++;
  return i;
}

/** Where the local part of the name start..nameEnd begins (after a prefix such as `x:`). */
export function localStart(b: Uint8Array, start: number, nameEnd: number): number {
  for (let i = nameEnd - 1; i > start; i--) if (b[i] === COLON) return i + 1;
  return start;
}

/**
 * The end of a comment, CDATA section or declaration starting at p (`<!`): the index after it,
 * or -1 when it is not complete in b. `onCdata` receives a CDATA section's content range.
 */
export function specialEnd(b: Uint8Array, p: number, onCdata?: (start: number, end: number) => void): number {
  if (p + 9 > b.length) return -1;
  if (b[p + 2] === DASH && b[p + 3] === DASH) {
    for (let end = find(b, GT, p + 4); end >= 0; end = find(b, GT, end + 1)) {
      if (end >= p + 6 && b[end - 1] === DASH && b[end - 2] === DASH) return end + 1;
    }
    return -1;
  }
  if (CDATA_OPEN.every((code, i) => b[p + i] === code)) {
    for (let end = find(b, GT, p + 9); end >= 0; end = find(b, GT, end + 1)) {
      if (end >= p + 11 && b[end - 1] === BRACKET && b[end - 2] === BRACKET) {
        onCdata?.(p + 9, end - 2);
        return end + 1;
      }
    }
    return -1;
  }
  const end = tagEnd(b, p + 2);
  return end < 0 ? -1 : end + 1;
}

/** The end of a processing instruction starting at p (`<?`): the index after `?>`, or -1. */
export function instructionEnd(b: Uint8Array, p: number): number {
  let end = find(b, GT, p + 2);
  while (end > 0 && b[end - 1] !== QUESTION) end = find(b, GT, end + 1);
  return end < 0 ? -1 : end + 1;
}

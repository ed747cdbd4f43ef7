/**
 * Cell values read from the bytes of a part without building a string first: decimal numbers,
 * shared-string indexes, digit counts; and short texts built once per distinct byte sequence, so a
 * register that repeats the same activity, unit or id on every row holds one string for each.
 */
import { decodeXmlText, decodeOoxmlEscapes } from './xmlText';

const utf8 = new TextDecoder('utf-8');
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * A plain decimal ("45837", "-0.125", "7.5") as the number it denotes, or undefined for anything
 * else (an exponent, a sign '+', spaces, more than 15 digits): the caller then asks Number(). With
 * at most 15 digits the digits form an exact integer and 10^k is exact, so one division gives the
 * correctly rounded value, the same number Number() gives.
 */
export function decimalFromBytes(b: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  const negative = b[i] === 45;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const c = b[i];
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
    } else if (c === 46 && fraction < 0) fraction = digits;
    else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  const value = fraction < 0 || fraction === digits ? mantissa : mantissa / POWERS_OF_TEN[digits - fraction];
  return negative ? -value : value;
}

/** A non-negative integer written in plain digits (a shared-string index), or -1. */
export function indexFromBytes(b: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = b[i] - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** ASCII digits in b[start..end), counting no further than `enough`. */
export function digitsIn(b: Uint8Array, start: number, end: number, enough: number): number {
  let digits = 0;
  for (let i = start; i < end && digits < enough; i++) if (b[i] >= 48 && b[i] <= 57) digits++;
  return digits;
}

/** Whether a number is written in exponent form ("1.2E+10"), which hides how many digits it has. */
export function hasExponent(b: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((b[i] | 32) === 101) return true;
  return false;
}

export function digitsInText(text: string, enough: number): number {
  let digits = 0;
  for (let i = 0; i < text.length && digits < enough; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits;
}

/** Character data of a cell as the text it stands for: entities, line ends and `_xHHHH_` escapes. */
export function cellTextOf(b: Uint8Array, start: number, end: number): string {
  return decodeOoxmlEscapes(decodeXmlText(utf8.decode(b.subarray(start, end))));
}

/** The text of character data with entities and line ends resolved (no `_xHHHH_` step). */
export function xmlTextOf(b: Uint8Array, start: number, end: number): string {
  return decodeXmlText(utf8.decode(b.subarray(start, end)));
}

const SLOTS = 1 << 13;
const LONGEST_INTERNED = 64;

/**
 * Cell texts by their bytes, in a fixed table where a new text displaces the one in its slot: a
 * bounded cache that turns the repeated values of a register into one string each.
 */
export class TextInterner {
  private readonly keys: (Uint8Array | undefined)[] = new Array(SLOTS).fill(undefined);
  private readonly texts: string[] = new Array(SLOTS).fill('');

  cellText(b: Uint8Array, start: number, end: number): string {
    const length = end - start;
    if (length > LONGEST_INTERNED) return cellTextOf(b, start, end);
    // Hashed from the ends, where the values of a column differ (an id's number, a name's last word).
    let hash = 0x811c9dc5 ^ length;
    const head = Math.min(end, start + 8);
    for (let i = start; i < head; i++) hash = Math.imul(hash ^ b[i], 0x01000193);
    for (let i = Math.max(head, end - 8); i < end; i++) hash = Math.imul(hash ^ b[i], 0x01000193);
    const slot = (hash ^ (hash >>> 15)) & (SLOTS - 1);
    const key = this.keys[slot];
    if (key !== undefined && key.length === length) {
      let same = true;
      for (let i = 0; i < length; i++) {
        if (key[i] !== b[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return this.texts[slot];
    }
    const text = cellTextOf(b, start, end);
    this.keys[slot] = b.slice(start, end);
    this.texts[slot] = text;
    return text;
  }
}

/**
 * New record ids that stay unique when several coordinators add records to one workbook at the
 * same moment (co-authoring on OneDrive or SharePoint, where each sees the other's rows only once
 * Excel has synchronised them): the prefix of the register (F for volunteers, AVT- for agreements),
 * three characters of the day and three random ones, in Crockford's base 32 (digits and the
 * letters without I, L, O and U, so nothing is misread when said or typed): F0QK7MX. Two ids made
 * the same day collide once in 32,768 draws, and an id already in the register is never drawn; the
 * duplicate-id rule of the validation is the net for what no generator can see. Counting up
 * (F0042) would give two coordinators the same id every time. Microsoft gives no guidance on ids
 * under co-authoring ("Coauthoring in Excel add-ins" only says values read into the add-in are not
 * kept in sync); the scheme is ours.
 */
import type { RegisterKey } from '../content/templateSchema';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DAY_MS = 86_400_000;
/** Day 0 of the day part: three characters last 32,768 days (about 89 years) from here. */
const EPOCH = Date.UTC(2024, 0, 1);
const PART = 32 ** 3;

/** A number in [0, 1), as Math.random gives; tests pass their own. */
export type RandomSource = () => number;

export const ID_PREFIXES: Partial<Record<RegisterKey, string>> = { volunteers: 'F', agreements: 'AVT-' };

/** The platform's cryptographic randomness (browsers and Node 20 both have it), else Math.random. */
export const cryptoRandom: RandomSource = () => {
  const crypto = (globalThis as { crypto?: { getRandomValues(array: Uint32Array): Uint32Array } }).crypto;
  if (!crypto) return Math.random();
  return crypto.getRandomValues(new Uint32Array(1))[0] / 2 ** 32;
};

function encode(value: number, length: number): string {
  let text = '';
  for (let n = value, i = 0; i < length; i++, n = Math.floor(n / 32)) text = ALPHABET[n % 32] + text;
  return text;
}

/**
 * `count` new ids with the prefix, none of them in `taken` (compared without case) nor equal to
 * each other. `now` gives the day part (local time is not needed: only closeness matters).
 */
export function newRecordIds(prefix: string, count: number, now: Date, taken: Iterable<string>, random: RandomSource = cryptoRandom): string[] {
  const day = encode(((Math.floor((now.getTime() - EPOCH) / DAY_MS) % PART) + PART) % PART, 3);
  const used = new Set([...taken].map((id) => id.toUpperCase()));
  const ids: string[] = [];
  while (ids.length < count) {
    const id = `${prefix}${day}${encode(Math.min(PART - 1, Math.floor(random() * PART)), 3)}`;
    if (used.has(id.toUpperCase())) continue;
    used.add(id.toUpperCase());
    ids.push(id);
  }
  return ids;
}

/** Whether text has the shape of an id this module makes for the prefix. */
export function isGeneratedId(prefix: string, text: string): boolean {
  return new RegExp(`^${prefix.replace(/[-]/g, '\\-')}[${ALPHABET}]{6}$`, 'i').test(text);
}

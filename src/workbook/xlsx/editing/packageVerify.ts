/**
 * The check a merged package must pass before it may replace anything: it opens with our reader
 * and lists the original sheets followed by the new ones, each new sheet reads; every original
 * entry is still there with identical stored bytes, except the parts the merge says it changed,
 * and those still hold every element they held before — the calculation chain excepted, a cache
 * Excel rebuilds, which an edit may prune or remove (calcChain.ts); and every part written parses
 * as strict XML.
 */
import { entryBytes, readStoredEntries } from './packageZip';
import { decodeXml, elementCounts } from './xmlEdit';
import { openXlsxBuffer } from '../reading/xlsxReader';
import { SamspillError } from '../../../core/samspillError';
import { verifyWellFormed } from './wellFormed';

export class MergeVerificationError extends SamspillError<'notVerified'> {
  override readonly name = 'MergeVerificationError';

  constructor(detail: string) {
    super('notVerified', { detail }, detail);
  }
}

export interface ExpectedMerge {
  changedParts: string[];
  /** The sheets the result must have after the original ones, in order. */
  addedSheets: string[];
  /** Samspill's own sheets rendered afresh: they may change freely, but must still be there. */
  replacedParts?: string[];
  /** Changed parts allowed to lose elements: the calculation chain, pruned (calcChain.ts). */
  prunedParts?: string[];
  /** Parts allowed to be gone: the calculation chain, when an edit emptied it. */
  removedParts?: string[];
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export async function verifyMergedPackage(original: Uint8Array, result: Uint8Array, expected: ExpectedMerge): Promise<void> {
  const fail = (why: string): never => {
    throw new MergeVerificationError(why);
  };
  const before = readStoredEntries(original);
  const after = new Map(readStoredEntries(result).map((e) => [e.name, e]));
  const changed = new Set(expected.changedParts);
  const replaced = new Set(expected.replacedParts ?? []);
  const pruned = new Set(expected.prunedParts ?? []);
  const removed = new Set(expected.removedParts ?? []);
  for (const entry of before) {
    if (removed.has(entry.name)) {
      if (after.has(entry.name)) fail(`part ${entry.name} should have been removed`);
      continue;
    }
    const now = after.get(entry.name) ?? fail(`part ${entry.name} is missing`);
    if (replaced.has(entry.name) || pruned.has(entry.name)) continue;
    if (!changed.has(entry.name)) {
      if (now.method !== entry.method || now.crc !== entry.crc || !sameBytes(now.raw, entry.raw)) fail(`part ${entry.name} changed`);
      continue;
    }
    const was = elementCounts(decodeXml(entryBytes(entry)).text);
    const is = elementCounts(decodeXml(entryBytes(now)).text);
    for (const [name, count] of was) if ((is.get(name) ?? 0) < count) fail(`part ${entry.name} lost a <${name}>`);
  }

  // Every part written (changed, replaced, pruned or new) must be well-formed XML; copied parts are the user's own.
  const originals = new Set(before.map((e) => e.name));
  verifyWellFormed(
    result,
    [...after.keys()].filter((name) => !originals.has(name) || changed.has(name) || replaced.has(name) || pruned.has(name)),
  );

  const originalSheets = await openXlsxBuffer(original).listSheets();
  const reader = openXlsxBuffer(result);
  const sheets = await reader.listSheets();
  const wanted = [...originalSheets.map((s) => s.name), ...expected.addedSheets];
  if (sheets.length !== wanted.length || sheets.some((s, i) => s.name !== wanted[i])) {
    fail(`sheets are ${sheets.map((s) => s.name).join(', ')}`);
  }
  for (const name of expected.addedSheets) await reader.readSheet(name);
}

/**
 * The seven case municipalities the demo is built from (templates/demoCases.json), checked against
 * their schema when first used. Kept out of content.ts: only the demo needs them, and the task
 * pane's first load should not carry them.
 */
import casesJson from '../../../templates/demoCases.json';
import { parseOrExplain } from '../content/content';
import { CASE_KEYS, demoCasesFileSchema, type CaseKey, type DemoCase } from '../content/demoCaseSchema';

let cached: DemoCase[] | undefined;

export function demoCases(): DemoCase[] {
  cached ??= parseOrExplain('demoCases.json', demoCasesFileSchema, casesJson).cases;
  return cached;
}

export function demoCase(key: CaseKey): DemoCase {
  return demoCases().find((c) => c.key === key)!;
}

export function isCaseKey(value: string): value is CaseKey {
  return (CASE_KEYS as readonly string[]).includes(value);
}

/** Without --case the seed picks the case, in the report's order: seed 1 (the default) is Kristiansund. */
export function caseForSeed(seed: number): CaseKey {
  return CASE_KEYS[Math.abs(seed) % CASE_KEYS.length];
}

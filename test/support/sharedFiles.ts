/**
 * Where the shared fixtures live: the source documents (seeds) and the corpus of workbooks made by
 * others. They sit beside the repository (../shared) in the workplace; SAMSPILL_SHARED points
 * elsewhere when a checkout lives somewhere else.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository's root folder. */
export const REPO = resolve(__dirname, '..', '..');

function sharedRoot(): string {
  const candidates = [process.env.SAMSPILL_SHARED, join(REPO, '..', 'shared'), '/work/shared'].filter((d): d is string => !!d);
  const found = candidates.find((dir) => existsSync(join(dir, 'corpus')) && existsSync(join(dir, 'seeds')));
  if (!found) throw new Error(`The shared fixtures (corpus/ and seeds/) were not found in ${candidates.join(', ')}. Set SAMSPILL_SHARED to their folder.`);
  return found;
}

export const CORPUS_DIR = (): string => join(sharedRoot(), 'corpus');
export const SEEDS_DIR = (): string => join(sharedRoot(), 'seeds');
/** The published ECMA-376 schemas (sml.xsd, dml-*, opc-*), with a README. */
export const OOXML_SCHEMAS_DIR = (): string => join(sharedRoot(), 'ooxml-schemas');

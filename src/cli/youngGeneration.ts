/**
 * Reading a large register keeps nearly all it allocates (an object per row), and V8 answers a
 * high survival rate by growing its young generation to 32 MB, which then holds only garbage
 * between collections. Kept at its starting size it costs no measurable time here, and the peak
 * memory of `validate` on a 500k-row hours log falls by about 40 MB (bench: from 222 to 183 MB).
 * The growth factor is read each time V8 considers growing, so setting it at startup works, unlike
 * the young generation's maximum size, which V8 fixes when the process starts.
 */
import { setFlagsFromString } from 'node:v8';

export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

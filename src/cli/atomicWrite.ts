/**
 * Writes a file so that it is either complete or untouched: the bytes go to a temporary file beside
 * the target, are checked, and only then renamed over it (a rename within one directory is atomic).
 * An interrupted run leaves at most a stray temporary file, never a half-written workbook.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function writeFileAtomic(target: string, data: Uint8Array, verify?: (tempPath: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (verify) await verify(temp);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * The file a path really names: a symbolic link is followed to its target (so the target is
 * updated and the link kept), a path not yet written is placed in its folder's real location.
 */
import { lstat, readlink, realpath } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileFailure } from './fileProblem';

export async function realTarget(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileFailure(error, file);
  }
  // Not there yet, or a link to a file not there yet: the name it will have, in its real folder.
  let path = resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    const stats = await lstat(path).catch(() => null);
    if (!stats?.isSymbolicLink()) break;
    path = resolve(dirname(path), await readlink(path));
  }
  try {
    return resolve(await realpath(dirname(path)), basename(path));
  } catch (error) {
    throw fileFailure(error, file);
  }
}

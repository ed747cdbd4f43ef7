/**
 * Writes a file so that it is either complete or untouched: the bytes go to a temporary file beside
 * the target, are checked, and only then renamed over it (a rename within one directory is atomic).
 * An interrupted run leaves at most a stray temporary file, never a half-written workbook.
 *
 * The file keeps what it was: a symbolic link is written through to its target (the link stays),
 * the mode and, where the system allows, the group are those of the file replaced (a private
 * workbook stays private; the temporary file is private until then), a read-only file is refused.
 * When the file was read for an edit, it must still be that file just before the rename; if
 * another program saved it meanwhile, nothing is replaced and our result is kept beside it.
 */
import { constants, existsSync, type Stats } from 'node:fs';
import { access, chmod, copyFile, open, rename, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { cliStrings, UserFacingError } from './cliText';
import { fileFailure, FileProblem } from './fileProblem';
import { realTarget } from './realTarget';
import { stillTheSame, type Fingerprint } from './regularFile';

export interface WriteOptions {
  /** Checks the written temporary file; throwing refuses the write. */
  verify?: (tempPath: string) => Promise<void>;
  /** The file as it was read for this edit: the write is refused if it is no longer that file. */
  expect?: Fingerprint;
  /** Keep a copy of the file being replaced beside it, stamped with this time. */
  backupAt?: Date;
}

export interface WriteResult {
  /** The copy of the replaced file, when one was asked for and there was a file to copy. */
  backup?: string;
}

/**
 * budsjett.xlsx → budsjett.samspill-backup-2026-11-23T12-00-00.xlsx beside the original; a second
 * run within the same second gets "-2", so no earlier backup is ever overwritten.
 */
export function backupPath(file: string, now: Date, exists: (p: string) => boolean = existsSync, label = 'backup'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}-${pad(now.getMinutes())}-${pad(now.getSeconds())}`;
  const ext = path.extname(file);
  const stem = path.join(path.dirname(file), `${path.basename(file, ext)}.samspill-${label}-${stamp}`);
  for (let n = 1; ; n++) {
    const candidate = `${stem}${n === 1 ? '' : `-${n}`}${ext}`;
    if (!exists(candidate)) return candidate;
  }
}

/** The file to be replaced, if there is one; refused when it is not a regular file or cannot be written. */
export async function replaceableFile(file: string, real: string): Promise<Stats | null> {
  let existing: Stats;
  try {
    existing = await stat(real);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fileFailure(error, file);
  }
  if (!existing.isFile()) throw new UserFacingError(new FileProblem(existing.isDirectory() ? 'isFolder' : 'notRegular', file));
  // Root may write anything; a file with no write permission at all is still read-only to its owner's intent.
  const writable =
    (existing.mode & 0o222) !== 0 &&
    (await access(real, constants.W_OK).then(
      () => true,
      () => false,
    ));
  if (!writable) throw new UserFacingError(new FileProblem('readOnly', file));
  return existing;
}

/** A copy of the file with its mode, never overwriting an earlier copy. */
async function copyWithMode(real: string, mode: number, copy: string): Promise<void> {
  await copyFile(real, copy, constants.COPYFILE_EXCL);
  await chmod(copy, mode & 0o7777);
}

export async function writeFileAtomic(target: string, data: Uint8Array, options: WriteOptions = {}): Promise<WriteResult> {
  const real = await realTarget(target);
  const existing = await replaceableFile(target, real);
  const dir = path.dirname(real);
  const temp = path.join(dir, `.${path.basename(real)}.samspill-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let backup: string | undefined;
  let renamed = false;
  try {
    const handle = await open(temp, 'wx', existing ? 0o600 : 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
      if (existing) {
        await handle
          .chown(existing.uid, existing.gid)
          .catch(() => (process.getuid ? handle.chown(process.getuid(), existing.gid) : undefined))
          .catch(() => undefined);
        await handle.chmod(existing.mode & 0o7777);
      }
    } finally {
      await handle.close();
    }
    if (options.verify) await options.verify(temp);
    if (options.expect && !(await stillTheSame(real, options.expect))) {
      const kept = backupPath(real, options.backupAt ?? new Date(), existsSync, 'unsaved');
      await rename(temp, kept);
      throw new UserFacingError(cliStrings.phrase('cli.lock.changed', { file: target, kept }));
    }
    if (existing && options.backupAt) {
      backup = backupPath(real, options.backupAt);
      await copyWithMode(real, existing.mode, backup);
    }
    await rename(temp, real);
    renamed = true;
    return { backup };
  } catch (error) {
    if (!renamed && backup) await rm(backup, { force: true });
    throw fileFailure(error, target);
  } finally {
    if (!renamed) await rm(temp, { force: true });
  }
}

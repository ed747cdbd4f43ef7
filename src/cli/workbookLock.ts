/**
 * One Samspill run at a time per file: a lock file beside it (".budsjett.xlsx.samspill-lock"),
 * created exclusively and held for the whole read–modify–write, so two imports, or a summary
 * started during an import, cannot each write back what they read and lose the other's rows. A
 * lock left by a run that was killed is taken over when its process is gone (same machine) or
 * when it is older than STALE_MINUTES (a process on another machine sharing the folder).
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { cliStrings, UserFacingError } from './cliText';
import { fileFailure } from './fileProblem';
import { realTarget } from './realTarget';

export const STALE_MINUTES = 30;

interface LockInfo {
  pid: number;
  host: string;
  started: string;
  command: string;
  token?: string;
}

export function lockPathOf(realFile: string): string {
  return join(dirname(realFile), `.${basename(realFile)}.samspill-lock`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isStale(lock: string, info: LockInfo | null): Promise<boolean> {
  const stats = await stat(lock).catch(() => null);
  if (!stats) return true;
  if (Date.now() - stats.mtimeMs > STALE_MINUTES * 60_000) return true;
  if (!info) return false;
  return info.host === hostname() && !processAlive(info.pid);
}

async function readLock(lock: string): Promise<LockInfo | null> {
  try {
    const info = JSON.parse(await readFile(lock, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

/** Takes the lock of the file, or throws the message that says who holds it. Returns the release. */
async function acquire(file: string, real: string, command: string): Promise<() => Promise<void>> {
  const lock = lockPathOf(real);
  const token = randomUUID();
  const mine: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command, token };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(lock, JSON.stringify(mine), { flag: 'wx', mode: 0o600 });
      return async () => {
        if ((await readLock(lock))?.token === token) await rm(lock, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileFailure(error, file);
    }
    const held = await readLock(lock);
    if (!(await isStale(lock, held))) {
      throw new UserFacingError(
        cliStrings.phrase('cli.lock.held', {
          file,
          command: held?.command ?? '?',
          pid: held?.pid ?? '?',
          host: held?.host ?? '?',
          since: held?.started?.replace('T', ' ').slice(0, 19) ?? '?',
          minutes: STALE_MINUTES,
          lock,
        }),
      );
    }
    await rm(lock, { force: true });
  }
  throw new UserFacingError(cliStrings.phrase('cli.lock.held', { file, command: '?', pid: '?', host: '?', since: '?', minutes: STALE_MINUTES, lock }));
}

/** Runs the work holding the locks of every file it writes (taken in a fixed order, released in any case). */
export async function withLocks<T>(files: string[], command: string, work: () => Promise<T>): Promise<T> {
  const releases: (() => Promise<void>)[] = [];
  try {
    const byReal = new Map<string, string>();
    for (const file of files) {
      const real = await realTarget(file);
      if (!byReal.has(real)) byReal.set(real, file);
    }
    for (const real of [...byReal.keys()].sort()) releases.push(await acquire(byReal.get(real)!, real, command));
    return await work();
  } finally {
    for (const release of releases.reverse()) await release().catch(() => undefined);
  }
}

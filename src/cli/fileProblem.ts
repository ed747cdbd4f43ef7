/**
 * What the file system said, as a sentence a user can act on: a missing file or folder, a folder
 * where a file was expected, a pipe or device that would block, no permission, a read-only file
 * or disk, a full disk. The message names the file the user gave, never a temporary file, and
 * never an error code.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SamspillError } from '../core/samspillError';
import { cliStrings, UserFacingError } from './cliText';

export type FileProblemCode =
  | 'notFound'
  | 'folderMissing'
  | 'isFolder'
  | 'notFolder'
  | 'notRegular'
  | 'noPermission'
  | 'readOnly'
  | 'readOnlyFileSystem'
  | 'diskFull'
  | 'nameTooLong'
  | 'busy'
  | 'tooManyLinks'
  | 'other';

export class FileProblem extends SamspillError<FileProblemCode> {
  override readonly name = 'FileProblem';

  constructor(code: FileProblemCode, file: string, folder = dirname(file)) {
    super(code, { file, folder }, cliStrings.phrase(`cli.file.${code}`, { file, folder }));
  }
}

/** The nearest folder of a path that does not exist, for "folder X is missing". */
function missingFolder(file: string): string | null {
  let folder = dirname(resolve(file));
  let missing: string | null = null;
  while (!existsSync(folder)) {
    missing = folder;
    const up = dirname(folder);
    if (up === folder) break;
    folder = up;
  }
  return missing;
}

/** A part of the path above the file that is a file, not a folder. */
function fileInPath(file: string): string | null {
  let folder = dirname(resolve(file));
  while (folder !== dirname(folder)) {
    try {
      if (!statSync(folder).isDirectory()) return folder;
    } catch {
      /* missing or unreadable: look higher */
    }
    folder = dirname(folder);
  }
  return null;
}

/** The error from node:fs about `file` as a FileProblem; anything else is returned as it was. */
export function fileProblem(error: unknown, file: string): unknown {
  if (error instanceof SamspillError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': {
      const folder = missingFolder(file);
      return folder ? new FileProblem('folderMissing', file, folder) : new FileProblem('notFound', file);
    }
    case 'EISDIR':
      return new FileProblem('isFolder', file);
    case 'ENOTDIR':
      return new FileProblem('notFolder', file, fileInPath(file) ?? dirname(file));
    case 'EEXIST': {
      // Making the folder of a file failed because a file has that name.
      const blocking = fileInPath(file);
      return blocking ? new FileProblem('notFolder', file, blocking) : new FileProblem('other', file);
    }
    case 'EACCES':
    case 'EPERM':
      return new FileProblem('noPermission', file);
    case 'EROFS':
      return new FileProblem('readOnlyFileSystem', file);
    case 'ENOSPC':
    case 'EDQUOT':
      return new FileProblem('diskFull', file);
    case 'ENAMETOOLONG':
      return new FileProblem('nameTooLong', file);
    case 'EBUSY':
    case 'ETXTBSY':
    case 'EAGAIN':
    case 'EMFILE':
    case 'ENFILE':
      return new FileProblem('busy', file);
    case 'ELOOP':
      return new FileProblem('tooManyLinks', file);
    case undefined:
      return error;
    default:
      return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? new FileProblem('other', file) : error;
  }
}

/** The error as the command line throws it: a FileProblem as a message with exit code 2, anything else as it was. */
export function fileFailure(error: unknown, file: string): unknown {
  const problem = fileProblem(error, file);
  return problem instanceof FileProblem ? new UserFacingError(problem) : problem;
}

/**
 * One rule for every file a command writes besides the workbook it edits (`new OUT`, `-o`,
 * `--public`, `aggregate -o`): the name ends in .xlsx (.xlsm for a copy of a macro workbook), it is none of the files being read, and an
 * existing file is refused unless --force, which keeps the old one as a backup. Checked before
 * any work is done, so a refusal costs nothing; a missing folder is created, as `new` always did.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { replaceableFile } from './atomicWrite';
import { cliStrings, UserFacingError } from './cliText';
import { fileFailure } from './fileProblem';
import { realTarget } from './realTarget';

export interface OutputRule {
  force?: boolean;
  /** A copy of a macro-enabled workbook stays .xlsm: Excel refuses an .xlsm package named .xlsx. */
  macroEnabled?: boolean;
  /** The files the command reads: the output may be none of them. */
  inputs: string[];
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}

export async function checkOutput(output: string, rule: OutputRule): Promise<void> {
  const extension = rule.macroEnabled ? /\.xlsm$/i : /\.xlsx$/i;
  if (!extension.test(output))
    throw new UserFacingError(cliStrings.phrase(rule.macroEnabled ? 'cli.output.extensionXlsm' : 'cli.output.extension', { file: output }));
  try {
    await mkdir(dirname(resolve(output)), { recursive: true });
  } catch (error) {
    throw fileFailure(error, output);
  }
  const real = await realTarget(output);
  for (const input of rule.inputs) {
    if (resolve(input) === resolve(output) || (await realTarget(input).catch(() => resolve(input))) === real || (await sameFile(input, real)))
      throw new UserFacingError(cliStrings.phrase('cli.output.isInput', { file: output }));
  }
  const existing = await replaceableFile(output, real);
  if (existing && !rule.force) throw new UserFacingError(cliStrings.phrase('cli.output.exists', { file: output }));
}

/**
 * What the command line says, and how it says that something failed. Messages are shown in
 * Norwegian and English together (`both`): a script's log is read by whoever maintains it, and
 * the CLI has no Office display language to follow. Reports whose language follows the workbook
 * (validate, import, summary, aggregate) say their lines in that one language (`text`).
 */
import { CommanderError } from 'commander';
import cliJson from '../../templates/ui/cli.json';
import addJson from '../../templates/ui/cliAdd.json';
import aggregateJson from '../../templates/ui/cliAggregate.json';
import importJson from '../../templates/ui/cliImport.json';
import evaluationJson from '../../templates/ui/evaluation.json';
import { sayBoth, stringTable, type StringKey, type TablePhrase } from '../core/content/stringTable';
import { phraseOf, SamspillError } from '../core/samspillError';

export const cliStrings = stringTable(cliJson);
export const addStrings = stringTable(addJson);
export const importStrings = stringTable(importJson);
export const aggregateStrings = stringTable(aggregateJson);
/** The summary command's lines, beside the evaluation's words they share a file with. */
export const evaluationStrings = stringTable(evaluationJson);

type CliSentence = TablePhrase<
  | StringKey<typeof cliStrings>
  | StringKey<typeof addStrings>
  | StringKey<typeof importStrings>
  | StringKey<typeof aggregateStrings>
  | StringKey<typeof evaluationStrings>
>;

/**
 * A failure the user can act on, printed as one message with exit code 2: a sentence of the
 * command line's own, or an error from below (a file that cannot be read) said as it is, with
 * any lines to print under it (one per file, each already in bokmål and English).
 */
export class UserFacingError extends SamspillError<string> {
  override readonly name = 'UserFacingError';
  readonly exitCode = 2;

  constructor(sentence: CliSentence | SamspillError, lines: string[] = []) {
    const from = sentence instanceof SamspillError ? sentence : undefined;
    const said = lines.length ? [sayBoth(sentence), ...lines.map((line) => `  ${line}`)].join('\n') : sentence;
    super(from ? from.code : (sentence as CliSentence).key, sentence.values, said, { cause: from, detail: from?.detail });
  }
}

export interface CliFailure {
  /** The one message to print (empty for a help request, which is no failure). */
  message: string;
  exitCode: number;
  /** Not a failure the commands foresaw: worth a stack trace when debugging. */
  unexpected: boolean;
}

/**
 * Any error a command ends in, as the message it prints and its exit code: the one place the
 * command line turns an error into words. A UserFacingError is said as it is, in bokmål and
 * English; anything else is an unexpected error, its reason said in each language's half.
 */
export function cliFailure(error: unknown): CliFailure {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help')
      return { message: '', exitCode: 0, unexpected: false };
    return { message: cliStrings.both('cli.error.usage', { reason: error.message.replace(/^error: /, '') }), exitCode: 2, unexpected: false };
  }
  if (error instanceof UserFacingError) return { message: sayBoth(error), exitCode: error.exitCode, unexpected: false };
  return { message: cliStrings.both('cli.error.unexpected', { reason: phraseOf(error) }), exitCode: 2, unexpected: true };
}

/**
 * The one base of every error Samspill raises on purpose, in the core, the adapters and at the
 * edges: a stable `code` a caller branches on, the `values` its sentence needs, and the sentence
 * itself, said in whatever language the reader has (the error is a Phrase). An error a person is
 * meant to read takes its sentence from a string table — errors raised in the core and the
 * adapters from templates/ui/errors.json (a file that cannot be read: readErrors.json, see
 * readErrorStrings.ts), the pane's and the command line's from their own files
 * — so a code without a sentence does not compile. An error that only ever appears as the
 * technical reason inside another sentence (a package part the editor cannot handle, a broken
 * template file) carries that diagnostic instead, the same in every language.
 *
 * Each edge turns any of them into what it shows in one place: the command line in
 * `cliFailure` (src/cli/cliText.ts), the task pane in `paneError` (src/taskpane/paneErrors.ts).
 */
import errorsJson from '../../templates/ui/errors.json';
import type { Lang } from './content/language';
import { sayBoth, stringTable, type Phrase, type StringKey, type TextValues } from './content/stringTable';

/** The sentences of errors raised below the edges (templates/ui/errors.json). */
export const errorStrings = stringTable(errorsJson);
export type ErrorStringKey = StringKey<typeof errorStrings>;

export interface SamspillErrorOptions {
  /** Technical text for whoever helps the user (Excel's own message, say); never translated. */
  detail?: string;
  cause?: unknown;
}

export abstract class SamspillError<C extends string = string> extends Error implements Phrase {
  /** The class's own name, written out so that it survives minification. */
  abstract override readonly name: string;
  readonly detail?: string;

  /**
   * `sentence` is the error said in each language: a phrase from a string table, or, for a
   * diagnostic, one text for every language. The message is that sentence in bokmål and English.
   */
  protected constructor(
    readonly code: C,
    readonly values: TextValues,
    private readonly sentence: Phrase | string,
    options: SamspillErrorOptions = {},
  ) {
    super(typeof sentence === 'string' ? sentence : sayBoth(sentence), options.cause === undefined ? undefined : { cause: options.cause });
    if (options.detail !== undefined) this.detail = options.detail;
  }

  say(lang: Lang): string {
    return typeof this.sentence === 'string' ? this.sentence : this.sentence.say(lang);
  }
}

/** Anything caught, as a phrase: a SamspillError says itself; any other error gives its message. */
export function phraseOf(error: unknown): Phrase {
  if (error instanceof SamspillError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return { say: () => text };
}

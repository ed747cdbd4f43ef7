/**
 * What the command line says. Messages are shown in Norwegian and English together: a script's
 * log is read by whoever maintains it, and the CLI has no Office display language to follow.
 */
import cliStrings from '../../templates/ui/cli.json';
import { stringsFileSchema } from '../core/content/contentSchema';
import { fillPlaceholders } from '../core/content/language';

const strings = stringsFileSchema.parse(cliStrings);

export function cliText(key: string, values: Record<string, string | number> = {}): string {
  const entry = strings[key];
  if (!entry) throw new RangeError(`no CLI string ${key}`);
  return `${fillPlaceholders(entry.nb, values)} / ${fillPlaceholders(entry.en, values)}`;
}

/** A failure the user can act on: printed as one message, exit code 2. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** One language only: for output whose language follows the workbook (validation reports). */
export function cliTextIn(lang: 'nb' | 'nn' | 'en', key: string, values: Record<string, string | number> = {}): string {
  const entry = strings[key];
  if (!entry) throw new RangeError(`no CLI string ${key}`);
  return fillPlaceholders(entry[lang], values);
}

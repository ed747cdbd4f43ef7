/**
 * The task pane's own strings (templates/ui/taskpane.json). Keys are typed from the file, so a
 * missing key is a compile error; the file's shape is checked against `stringsFileSchema` in the
 * unit tests rather than at run time, which keeps zod out of the pane's first-load bundle.
 */
import paneStrings from '../../templates/ui/taskpane.json';
import { fillPlaceholders, type Lang } from '../core/content/language';

export type PaneStringKey = keyof typeof paneStrings;

export function paneText(key: PaneStringKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return fillPlaceholders(paneStrings[key][lang], values);
}

/** A key built at run time (e.g. from an error code), checked against the file. */
export function isPaneStringKey(key: string): key is PaneStringKey {
  return Object.prototype.hasOwnProperty.call(paneStrings, key);
}

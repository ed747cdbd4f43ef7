/**
 * The browser page's own words (the tabs bring theirs from templates/ui/taskpane.json): opening
 * a file, starting a new workbook, downloading, and the preview of a sheet.
 */
import { fillPlaceholders, type Lang, type Localized } from '../core/content/language';
import browserStrings from '../../templates/ui/browser.json';

/** In templates/ui/browser.json; checked against the strings schema by test/unit/uiStrings.test.ts (no zod in the page). */
const BROWSER_STRINGS: Record<keyof typeof browserStrings, Localized> = browserStrings;

export type BrowserStringKey = keyof typeof BROWSER_STRINGS;

export function browserText(key: BrowserStringKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return fillPlaceholders(BROWSER_STRINGS[key][lang], values);
}

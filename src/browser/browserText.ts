/**
 * The browser page's own words (the tabs bring theirs from templates/ui/taskpane.json): opening
 * a file, starting a new workbook, downloading, and the preview of a sheet. A string table like
 * every other; templates/ui/browser.json is checked by the unit tests (no zod in the page).
 */
import browserJson from '../../templates/ui/browser.json';
import { stringTable, type StringKey } from '../core/content/stringTable';

export const browserStrings = stringTable(browserJson);
export type BrowserStringKey = StringKey<typeof browserStrings>;

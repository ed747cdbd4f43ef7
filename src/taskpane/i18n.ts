/**
 * The task pane's own strings (templates/ui/taskpane.json), as a string table: keys are typed
 * from the file, so a missing key is a compile error; the file's shape is checked in the unit
 * tests rather than at run time, which keeps zod out of the pane's first-load bundle.
 */
import paneJson from '../../templates/ui/taskpane.json';
import { stringTable, type StringKey } from '../core/content/stringTable';

export const paneStrings = stringTable(paneJson);
export type PaneStringKey = StringKey<typeof paneStrings>;

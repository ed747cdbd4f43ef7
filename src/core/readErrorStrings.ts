/**
 * The sentences of a workbook file that cannot be read (templates/ui/readErrors.json): said by
 * the xlsx reader's errors, in the command line and browser mode. A table apart from the other
 * errors' so that the Excel task pane, which reads no files, does not carry them in its first load.
 */
import readErrorsJson from '../../templates/ui/readErrors.json';
import { stringTable, type StringKey } from './content/stringTable';

export const readErrorStrings = stringTable(readErrorsJson);
export type ReadErrorStringKey = StringKey<typeof readErrorStrings>;

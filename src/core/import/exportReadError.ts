/**
 * Why a sign-up export cannot be read: a CSV record longer than any form answer, more columns or
 * rows than Excel holds, a quote opened and never closed, a file too large for an export, or a
 * workbook export without the sheet or the rows asked for. Each says where (line, sheet) in the
 * reader's language (templates/ui/errors.json, `export.*`); the edge adds the file's name.
 */
import { errorStrings, SamspillError } from '../samspillError';
import type { TextValues } from '../content/stringTable';

export type ExportReadErrorCode = 'recordTooLong' | 'tooManyColumns' | 'tooManyRows' | 'unterminatedQuote' | 'tooLarge' | 'noRows' | 'noSheet' | 'notText';

export class ExportReadError extends SamspillError<ExportReadErrorCode> {
  override readonly name = 'ExportReadError';

  constructor(code: ExportReadErrorCode, values: TextValues = {}) {
    super(code, values, errorStrings.phrase(`export.${code}`, values));
  }
}

/**
 * Why a workbook file could not be read, as one code a caller can branch on and one sentence a
 * person can act on (templates/ui/readErrors.json), never a stack trace.
 */
import { readErrorStrings, type ReadErrorStringKey } from '../../../core/readErrorStrings';
import { SamspillError } from '../../../core/samspillError';
import type { TablePhrase } from '../../../core/content/stringTable';

export type WorkbookReadErrorCode = 'notFound' | 'notXlsx' | 'legacyXls' | 'encrypted' | 'damaged' | 'noSheet' | 'tooLarge';

/** What is wrong inside the package: one of the `read.detail.*` sentences. */
export type ReadDetail = TablePhrase<ReadErrorStringKey>;
export type ReadDetailKey = ReadErrorStringKey extends infer K ? (K extends `read.detail.${infer D}` ? D : never) : never;

export function readDetail(key: ReadDetailKey, values: Record<string, string | number> = {}): ReadDetail {
  return readErrorStrings.phrase(`read.detail.${key}`, values);
}

type ReadValues = {
  file?: string;
  reason?: string;
  sheet?: string;
  detail?: ReadDetail;
};

export class WorkbookReadError extends SamspillError<WorkbookReadErrorCode> {
  override readonly name = 'WorkbookReadError';

  constructor(code: WorkbookReadErrorCode, values: ReadValues) {
    // Names the file when we know it ("Filen «x.xlsx»"), otherwise just "Filen".
    const subject = values.file ? readErrorStrings.phrase('read.subject.named', { file: values.file }) : readErrorStrings.phrase('read.subject');
    super(code, values, readErrorStrings.phrase(`read.${code}`, { ...values, subject }));
  }
}

export function fileNotFound(file: string, reason: string): WorkbookReadError {
  return new WorkbookReadError('notFound', { file, reason });
}

export function notAWorkbook(file: string | undefined, detail: ReadDetail): WorkbookReadError {
  return new WorkbookReadError('notXlsx', { file, detail });
}

export function legacyXls(file?: string): WorkbookReadError {
  return new WorkbookReadError('legacyXls', { file });
}

export function encryptedWorkbook(file?: string): WorkbookReadError {
  return new WorkbookReadError('encrypted', { file });
}

export function damagedWorkbook(file: string | undefined, detail: ReadDetail): WorkbookReadError {
  return new WorkbookReadError('damaged', { file, detail });
}

export function noSuchSheet(sheet: string): WorkbookReadError {
  return new WorkbookReadError('noSheet', { sheet });
}

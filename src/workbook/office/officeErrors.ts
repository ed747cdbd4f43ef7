/**
 * Errors from the Excel JavaScript API, reduced to the few stable codes of the port's
 * WorkbookActionError, which the task pane says in the user's language. Office.js rejects
 * `context.sync()` with an `OfficeExtension.Error` (name "RichApi.Error") whose `code` names the
 * cause; the codes differ between hosts and versions, so several map to one of ours.
 */
import { WorkbookActionError, type WorkbookActionErrorCode } from '../../core/port';

/** The port's error under the name this adapter has always given it. */
export { WorkbookActionError as OfficeActionError, type WorkbookActionErrorCode as OfficeActionErrorCode };

/**
 * Excel's error codes ("Error handling with the application-specific JavaScript APIs": "Error codes
 * are not localized"; the message is, and "isn't intended for consumption by end users"), so the
 * code alone decides: never the message, which is in the user's language.
 */
const CODE_BY_OFFICE_CODE: Record<string, WorkbookActionErrorCode> = {
  InvalidOperationInCellEditMode: 'sheetBeingEdited',
  AccessDenied: 'protected',
  ApiNotFound: 'notSupported',
  NotImplemented: 'notSupported',
  UnsupportedOperation: 'notSupported',
  UnsupportedFeature: 'notSupported',
  ItemNotFound: 'notFound',
  ItemAlreadyExists: 'alreadyExists',
  RequestPayloadSizeLimitExceeded: 'tooLarge',
  ResponsePayloadSizeLimitExceeded: 'tooLarge',
  InsertDeleteConflict: 'insertDeleteConflict',
  FilteredRangeConflict: 'insertDeleteConflict',
  MergedRangeConflict: 'mergedRangeConflict',
  Conflict: 'conflict',
  RequestAborted: 'requestAborted',
  InactiveWorkbook: 'inactiveWorkbook',
};

/**
 * Excel on the web refuses a request or response over 5 MB with these codes, and sometimes a large
 * one with GeneralException instead (office-js #1314, #2564; office-js-docs-reference #354): a
 * smaller block may go through.
 */
const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'GeneralException']);

export function isPayloadError(error: unknown): boolean {
  const code = officeCodeOf(error);
  return code !== undefined && PAYLOAD_CODES.has(code);
}

interface RichApiErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
}

/** OfficeExtension.Error cannot be named with instanceof outside Office, so recognise its shape. */
export function officeCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const shape = error as RichApiErrorShape;
  return typeof shape.code === 'string' ? shape.code : undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as RichApiErrorShape).message === 'string') {
    return (error as RichApiErrorShape).message as string;
  }
  return String(error);
}

function codeFor(officeCode: string | undefined, error: unknown): WorkbookActionErrorCode {
  if (officeCode && CODE_BY_OFFICE_CODE[officeCode]) return CODE_BY_OFFICE_CODE[officeCode];
  // A method missing from an old host surfaces as a TypeError before any request is sent.
  if (error instanceof TypeError) return 'notSupported';
  return 'unknown';
}

/** Wraps whatever an Excel batch threw; a WorkbookActionError passes through unchanged. */
export function toOfficeActionError(error: unknown, subject?: string): WorkbookActionError {
  if (error instanceof WorkbookActionError) return error;
  const officeCode = officeCodeOf(error);
  const message = messageOf(error);
  return new WorkbookActionError(codeFor(officeCode, error), message, subject, officeCode, error);
}

/**
 * Errors from the Excel JavaScript API, reduced to a few stable codes the task pane can turn into
 * a sentence in the user's language. Office.js rejects `context.sync()` with an
 * `OfficeExtension.Error` (name "RichApi.Error") whose `code` names the cause; the codes differ
 * between hosts and versions, so several map to one of ours.
 */

export type OfficeActionErrorCode =
  /** The user is typing in a cell (Excel refuses API calls until they press Enter or Esc). */
  | 'sheetBeingEdited'
  /** The sheet or workbook is protected against the change. */
  | 'protected'
  /** This Excel lacks the API (older than Microsoft 365 / Office 2021, or a host without it). */
  | 'notSupported'
  /** A sheet, table or name the action needs is not in the workbook. */
  | 'notFound'
  /** A sheet, table or name the action would create is already there. */
  | 'alreadyExists'
  /** The data exceeded what one request may carry (should not happen: writes are blocked). */
  | 'tooLarge'
  | 'unknown';

export class OfficeActionError extends Error {
  readonly name = 'OfficeActionError';

  constructor(
    readonly code: OfficeActionErrorCode,
    message: string,
    /** The sheet, table or name concerned, when known: the task pane puts it in the message. */
    readonly subject?: string,
    /** Excel's own error code, kept for support and logs. */
    readonly officeCode?: string,
    readonly cause?: unknown,
  ) {
    super(message);
  }
}

const CODE_BY_OFFICE_CODE: Record<string, OfficeActionErrorCode> = {
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
};

interface RichApiErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
}

/** OfficeExtension.Error cannot be named with instanceof outside Office, so recognise its shape. */
function officeCodeOf(error: unknown): string | undefined {
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

function codeFor(officeCode: string | undefined, message: string, error: unknown): OfficeActionErrorCode {
  if (officeCode && CODE_BY_OFFICE_CODE[officeCode]) return CODE_BY_OFFICE_CODE[officeCode];
  // Some hosts report a protected sheet as a plain InvalidOperation; only its text tells.
  if (officeCode === 'InvalidOperation' && /protect/i.test(message)) return 'protected';
  // A method missing from an old host surfaces as a TypeError before any request is sent.
  if (error instanceof TypeError && /is not a function|undefined/.test(message)) return 'notSupported';
  return 'unknown';
}

/** Wraps whatever an Excel batch threw; an OfficeActionError passes through unchanged. */
export function toOfficeActionError(error: unknown, subject?: string): OfficeActionError {
  if (error instanceof OfficeActionError) return error;
  const officeCode = officeCodeOf(error);
  const message = messageOf(error);
  return new OfficeActionError(codeFor(officeCode, message, error), message, subject, officeCode, error);
}

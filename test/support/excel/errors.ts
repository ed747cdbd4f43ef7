/** Excel's errors as the stand-in raises them: the shape of OfficeExtension.Error, by Excel error code. */

/** The shape of OfficeExtension.Error: name "RichApi.Error" and an Excel error code. */
export class StandInError extends Error {
  readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string };

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.debugInfo = { code, message };
  }
}

export const fail = (code: string, message: string): never => {
  throw new StandInError(code, message);
};

export const PROPERTY_NOT_LOADED = 'PropertyNotLoaded';

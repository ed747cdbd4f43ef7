/**
 * Why a workbook file could not be read, as one code a caller can branch on and one message a
 * person can act on (Norwegian first, then English), never a stack trace.
 */
export type WorkbookReadErrorCode = 'notFound' | 'notZip' | 'notXlsx' | 'encrypted' | 'damaged';

export class WorkbookReadError extends Error {
  constructor(
    public readonly code: WorkbookReadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

/** What is wrong, in each language of the message. */
export interface Detail {
  nb: string;
  en: string;
}

/** Names the file in a message when we know it ("Filen «x.xlsx»"), otherwise just "Filen". */
function subject(file: string | undefined, nb: boolean): string {
  if (nb) return file ? `Filen «${file}»` : 'Filen';
  return file ? `The file "${file}"` : 'The file';
}

export function fileNotFound(file: string, reason: string): WorkbookReadError {
  return new WorkbookReadError(
    'notFound',
    `${subject(file, true)} finnes ikke eller kan ikke leses (${reason}). Sjekk navnet og mappen og prøv igjen. / ` +
      `${subject(file, false)} does not exist or cannot be read (${reason}). Check the name and folder and try again.`,
  );
}

export function notAWorkbook(file?: string, detail?: Detail): WorkbookReadError {
  const nbDetail = detail ? ` (${detail.nb})` : '';
  const enDetail = detail ? ` (${detail.en})` : '';
  return new WorkbookReadError(
    'notXlsx',
    `${subject(file, true)} er ikke en Excel-arbeidsbok (.xlsx/.xlsm)${nbDetail}. Åpne den i Excel og lagre den som «Excel-arbeidsbok (.xlsx)», og prøv igjen. / ` +
      `${subject(file, false)} is not an Excel workbook (.xlsx/.xlsm)${enDetail}. Open it in Excel, save it as "Excel Workbook (.xlsx)" and try again.`,
  );
}

export function legacyXls(file?: string): WorkbookReadError {
  return new WorkbookReadError(
    'notXlsx',
    `${subject(file, true)} er i det gamle Excel-formatet (.xls). Åpne den i Excel og lagre den som «Excel-arbeidsbok (.xlsx)», og prøv igjen. / ` +
      `${subject(file, false)} is in the old Excel format (.xls). Open it in Excel, save it as "Excel Workbook (.xlsx)" and try again.`,
  );
}

export function encryptedWorkbook(file?: string): WorkbookReadError {
  return new WorkbookReadError(
    'encrypted',
    `${subject(file, true)} er passordbeskyttet (kryptert) og kan ikke leses. Åpne den i Excel, fjern passordet under Fil > Informasjon > Beskytt arbeidsbok, lagre og prøv igjen. / ` +
      `${subject(file, false)} is password-protected (encrypted) and cannot be read. Open it in Excel, remove the password under File > Info > Protect Workbook, save and try again.`,
  );
}

export function damagedWorkbook(file: string | undefined, detail: Detail): WorkbookReadError {
  return new WorkbookReadError(
    'damaged',
    `${subject(file, true)} er skadet eller ufullstendig (${detail.nb}). Prøv å åpne den i Excel (som kan tilby å reparere den), lagre en ny kopi og prøv igjen med den. / ` +
      `${subject(file, false)} is damaged or incomplete (${detail.en}). Try opening it in Excel (which may offer to repair it), save a new copy and try again with that.`,
  );
}

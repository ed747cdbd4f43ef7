/**
 * Writing single cells in sheets that already exist: settings parameters, the metadata record,
 * ratings in an evaluation round that is already in the checklist. The port's CellWriter does it;
 * the pane checks that the adapter it was given has it.
 */
import type { CellWriter } from '../../core/port';
import { SamspillError } from '../../core/samspillError';
import { paneStrings } from '../i18n';

export type { CellEdit, CellWriter } from '../../core/port';

/** Thrown when an action needs cell writes and the adapter cannot make them; the detail says which adapter. */
export class CellWritesUnavailable extends SamspillError<'unavailable'> {
  override readonly name = 'CellWritesUnavailable';

  constructor(detail: string) {
    super('unavailable', {}, paneStrings.phrase('error.cellWrites.body'), { detail });
  }
}

export function canWriteCells(workbook: object): workbook is CellWriter {
  return typeof (workbook as Partial<CellWriter>).writeCells === 'function';
}

export function requireCellWriter(workbook: object): CellWriter {
  if (!canWriteCells(workbook)) throw new CellWritesUnavailable('This workbook adapter cannot write single cells yet.');
  return workbook;
}

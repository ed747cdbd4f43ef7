/**
 * What a form field holds (the text of an input) as the cell value a register row gets. A value
 * that does not parse as its column's type is kept as typed, so the core's rule reports it with
 * its own message instead of the pane inventing another.
 */
import { isoToSerial } from '../../core/model/dates';
import type { ColumnDef } from '../../core/content/templateSchema';
import type { CellValue } from '../../core/port';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;

export function fieldValue(column: ColumnDef, typed: string | undefined): CellValue {
  const text = (typed ?? '').trim();
  if (text === '' || column.type === 'formula') return null;
  switch (column.type) {
    case 'date':
      return ISO_DAY.test(text) ? isoToSerial(text) : text;
    case 'number':
    case 'integer': {
      const compact = text.replace(/\s/g, '');
      return NUMBER.test(compact) ? Number(compact.replace(',', '.')) : text;
    }
    default:
      return text;
  }
}

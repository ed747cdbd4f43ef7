/**
 * What validation reports: one problem in one place, in the workbook's language. Issues are
 * findings only; validation never changes a cell.
 */
import type { SheetKey } from '../content/templateSchema';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
/** error: breaks the figures or the law; warning: due soon or needs a decision; info: a hint. */
export type Severity = (typeof SEVERITIES)[number];

export interface Issue {
  /** Stable id, `<sheetKey>.<column or topic>.<problem>`. */
  rule: string;
  severity: Severity;
  sheetKey: SheetKey | null;
  /** The sheet's name as the user sees it now. */
  sheet: string;
  /** A1 address, or null when the problem belongs to the sheet as a whole. */
  cell: string | null;
  message: string;
}

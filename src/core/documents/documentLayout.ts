/**
 * Where a printed document's pages break, so that a clause's heading stays with its text and a
 * signature block is never split. The rows' heights come from the text (plan/rowHeights.ts: a
 * spreadsheet does not fit the height of a row that holds a formula).
 */

/** Room on an A4 portrait page between the default margins (0.75 in top and bottom), less a margin for error. */
export const PAGE_POINTS = 842 - 2 * 54 - 34;

/** A run of rows printed together: a clause (heading and text), a signature block, a title. */
export interface KeepTogether {
  firstRow: number;
  /** Heights in points of its rows, in order. */
  heights: number[];
  /** Start a new page before it (a new document). */
  pageBreakBefore?: boolean;
}

/** The rows after which the page breaks: each block goes whole to the next page when it does not fit. */
export function pageBreaks(blocks: KeepTogether[], capacity: number = PAGE_POINTS): number[] {
  const breaks: number[] = [];
  let used = 0;
  for (const block of blocks) {
    const height = block.heights.reduce((a, b) => a + b, 0);
    const mustBreak = block.pageBreakBefore && used > 0;
    if (mustBreak || (used > 0 && used + height > capacity)) {
      breaks.push(block.firstRow - 1);
      used = 0;
    }
    used += height;
  }
  return breaks;
}

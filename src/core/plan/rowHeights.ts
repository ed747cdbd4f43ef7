/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice grows a row to fit wrapped text in
 * a file written by a program (nor ever for merged cells), so a long text would be drawn over the
 * rows below it, on screen and on paper. The plan gives such rows a height from the text: the
 * lines it wraps to at the column's width (in Excel's character units), each about 1.3 times the
 * font size. Widths are estimated on the wide side (an average letter of the default font is
 * narrower than the "0" a column unit measures), so a row is rather too tall than too short.
 */

/** Points per line of 11-point text, as Excel's default row (15 pt) has it. */
const LINE_POINTS = 15;
/** Letters per column unit for running text; below 1 so that wide letters and word breaks fit. */
const LETTERS_PER_UNIT = 0.95;

/** The lines a text wraps to in a column of this width, breaking between words as a spreadsheet does. */
export function wrappedLines(text: string, widthUnits: number): number {
  const perLine = Math.max(1, Math.floor(widthUnits * LETTERS_PER_UNIT) - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = word.length;
      if (used > 0 && used + 1 + length > perLine) {
        lines++;
        used = 0;
      }
      if (used === 0 && length > perLine) {
        lines += Math.ceil(length / perLine) - 1;
        used = length % perLine;
      } else used += (used > 0 ? 1 : 0) + length;
    }
  }
  return Math.max(1, lines);
}

/** Bold letters are wider: a bold text wraps as in a column this much narrower. */
export const BOLD_WIDTH = 0.88;

/** A row height in points for the tallest of the given texts, each with its column width; null when one line fits. */
export function wrappedRowHeight(cells: { text: string; width: number; bold?: boolean }[], fontSize = 11): number | null {
  const lines = Math.max(1, ...cells.map((c) => wrappedLines(c.text, c.bold ? c.width * BOLD_WIDTH : c.width)));
  if (lines <= 1) return null;
  return Math.ceil(lines * LINE_POINTS * (fontSize / 11)) + 2;
}

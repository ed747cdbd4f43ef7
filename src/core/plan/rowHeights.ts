/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice grows a row to fit wrapped text in
 * a file written by a program (nor ever for merged cells or a formula's text), so a long text
 * would be drawn over the rows below it, on screen and on paper. The plan gives such rows a
 * height (PlannedSheet.rowHeights) from the text: the lines it wraps to, word by word, at the
 * letters a line of its column holds, times the font's line height. Letters per line are
 * estimated on the narrow side, so a row is rather too tall than too short.
 *
 * Two fonts are measured: the workbook's default (Calibri 11, widths in Excel's column units) for
 * registers and the summary, and the printed documents' Arial 10 (widths in points, as an A4 page
 * is laid out in points: documents/documentLayout.ts).
 */

/** Lines the text wraps to at `perLine` letters a line, breaking between words as a spreadsheet does; a longer word is cut. */
export function wrappedLines(text: string, perLine: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    const startWord = (length: number) => {
      const spans = Math.max(1, Math.ceil(length / perLine));
      lines += spans - 1;
      used = length - (spans - 1) * perLine;
    };
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (used === 0) startWord(word.length);
      else if (used + 1 + word.length <= perLine) used += 1 + word.length;
      else {
        lines++;
        startWord(word.length);
      }
    }
  }
  return Math.max(1, lines);
}

// The default font (Calibri 11), widths in column units.

/** Points per line of 11-point text, as Excel's default row (15 pt) has it. */
const DEFAULT_LINE_POINTS = 15;
/** Letters per column unit for running text; below 1 so that wide letters and word breaks fit. */
const LETTERS_PER_UNIT = 0.95;
/** Bold letters are wider: a bold text wraps as in a column this much narrower. */
export const BOLD_WIDTH = 0.88;

/** Letters of running text a line holds in a column this many units wide. */
export function lettersInColumn(widthUnits: number): number {
  return Math.max(1, Math.floor(widthUnits * LETTERS_PER_UNIT) - 1);
}

/** A row height in points for the tallest of the given texts, each with its column width in units; null when one line fits. */
export function wrappedRowHeight(cells: { text: string; width: number; bold?: boolean }[], fontSize = 11): number | null {
  const lines = Math.max(1, ...cells.map((c) => wrappedLines(c.text, lettersInColumn(c.bold ? c.width * BOLD_WIDTH : c.width))));
  if (lines <= 1) return null;
  return Math.ceil(lines * DEFAULT_LINE_POINTS * (fontSize / 11)) + 2;
}

// The printed documents' font (Arial 10; Liberation Sans has the same metrics, so LibreOffice lays it out alike), widths in points.

const DOC_FONT = { name: 'Arial', size: 10 } as const;
/** A line of 10 pt Arial, as Excel spaces it. */
const DOC_LINE_POINTS = 12.75;
/**
 * The average width of a character of Norwegian prose in Arial, as a share of the font size.
 * Measured in LibreOffice's print of the agreement: about 0.45; 0.5 errs on the side of a line too many rather than a line cut off.
 */
const CHAR_EM = 0.5;

/** Points of a column width given in Excel's characters (7 px per character plus 5 px of padding, 0.75 pt per px). */
export function columnPoints(widthChars: number): number {
  return (Math.trunc(widthChars * 7 + 5) * 3) / 4;
}

/** How many characters of prose fit on a line of the given width in points. */
export function charsPerLine(widthPoints: number, fontSize: number = DOC_FONT.size): number {
  return Math.max(10, Math.floor((widthPoints - 6) / (fontSize * CHAR_EM)));
}

/** The height in points of a row holding the text in the documents' font, wrapped at the given width in points. */
export function textHeight(text: string, widthPoints: number, fontSize: number = DOC_FONT.size): number {
  const lineHeight = (DOC_LINE_POINTS * fontSize) / DOC_FONT.size;
  return Math.ceil(wrappedLines(text, charsPerLine(widthPoints, fontSize)) * lineHeight + 4);
}

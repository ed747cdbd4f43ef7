/**
 * Where a printed document's text goes on an A4 page: how many lines a block of text wraps to in
 * a column of a given width, and where the pages break so that a clause's heading stays with its
 * text and a signature block is never split. Spreadsheets do not fit the height of a row that
 * holds a formula, so the heights are estimated here, generously, from the text.
 */

/** The document's font: Arial 10 pt (Liberation Sans has the same metrics, so LibreOffice lays it out alike). */
export const DOC_FONT = { name: 'Arial', size: 10 } as const;
/** A line of 10 pt text, as Excel spaces it. */
export const LINE_POINTS = 12.75;
/**
 * The average width of a character of Norwegian prose in Arial, as a share of the font size.
 * Measured in LibreOffice's print of the agreement: about 0.45; 0.5 errs on the side of a line too many rather than a line cut off.
 */
const CHAR_EM = 0.5;
/** Room on an A4 portrait page between the default margins (0.75 in top and bottom), less a margin for error. */
export const PAGE_POINTS = 842 - 2 * 54 - 34;

/** Points of a column width given in Excel's characters (7 px per character plus 5 px of padding, 0.75 pt per px). */
export function columnPoints(widthChars: number): number {
  return (Math.trunc(widthChars * 7 + 5) * 3) / 4;
}

/** How many characters of prose fit on a line of the given width in points. */
export function charsPerLine(widthPoints: number, fontSize: number = DOC_FONT.size): number {
  return Math.max(10, Math.floor((widthPoints - 6) / (fontSize * CHAR_EM)));
}

/** Lines the text wraps to, word by word, as a spreadsheet wraps a cell. */
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
  return lines;
}

export function textHeight(text: string, widthPoints: number, fontSize: number = DOC_FONT.size): number {
  const lineHeight = (LINE_POINTS * fontSize) / DOC_FONT.size;
  return Math.ceil(wrappedLines(text, charsPerLine(widthPoints, fontSize)) * lineHeight + 4);
}

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

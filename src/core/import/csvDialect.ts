/**
 * How a CSV export is written, found the way Excel finds it: the encoding from a byte order mark
 * (UTF-8, UTF-16 LE as Excel's "Unicode text", UTF-16 BE), else UTF-8 when the bytes are valid
 * UTF-8, else Windows-1252 (older Excel's "CSV"); UTF-16 without a mark is recognised by its zero
 * bytes. The separator is the one of tab, `;` and `,` that the header line uses most outside
 * quotes, unless the file starts with Excel's own `sep=` line. Pure: bytes and text in, a dialect out.
 */

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type CsvDelimiter = ',' | ';' | '\t';
export type CsvLineEnd = '\r\n' | '\n' | '\r';

export interface CsvDialect {
  encoding: CsvEncoding;
  bom: boolean;
  delimiter: CsvDelimiter;
  /** The first line end of the file; null for a file of one line. */
  lineEnd: CsvLineEnd | null;
  /** The file named its separator on a first `sep=` line (Excel's convention), skipped as data. */
  sepLine: boolean;
}

/** The encoding a byte order mark or the zero bytes of UTF-16 give; null when UTF-8 must be tried. */
export function sniffEncoding(head: Uint8Array): { encoding: CsvEncoding; bomLength: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // Text in UTF-16 without a mark: most of the first characters are ASCII, so every other byte is zero.
  const pairs = Math.min(256, Math.floor(head.length / 2));
  if (pairs >= 2) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < pairs; i++) {
      if (head[2 * i] === 0) evenZero++;
      if (head[2 * i + 1] === 0) oddZero++;
    }
    if (oddZero >= pairs * 0.6 && evenZero === 0) return { encoding: 'utf-16le', bomLength: 0 };
    if (evenZero >= pairs * 0.6 && oddZero === 0) return { encoding: 'utf-16be', bomLength: 0 };
  }
  return null;
}

/** `sep=;` (or `,` or tab) alone on the first line. */
export function sepLineDelimiter(firstLine: string): CsvDelimiter | null {
  const m = /^sep=([;,\t])$/i.exec(firstLine.replace(/^\ufeff/, ''));
  return m ? (m[1] as CsvDelimiter) : null;
}

/** The separator of a header line: the one of tab, ; and , that occurs most outside quotes (in that order on a tie). */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  let quoted = false;
  const counts: Record<CsvDelimiter, number> = { '\t': 0, ';': 0, ',': 0 };
  for (let i = 0; i < headerLine.length; i++) {
    const ch = headerLine[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  let best: CsvDelimiter = '\t';
  for (const d of ['\t', ';', ','] as CsvDelimiter[]) if (counts[d] > counts[best]) best = d;
  return best;
}

/** The first line end of a text: CR LF, LF or a lone CR (old Mac Excel). */
export function firstLineEnd(text: string): CsvLineEnd | null {
  const at = text.search(/[\r\n]/);
  if (at < 0) return null;
  if (text[at] === '\n') return '\n';
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}

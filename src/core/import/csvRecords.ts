/**
 * CSV records read as Excel reads them, a piece at a time: a field is quoted only when it starts
 * with `"` (then `""` is a quote, and text after the closing quote is kept as typed); a quote
 * anywhere else is an ordinary character ("Kari "Kua" Hansen" stays as typed); records end at CR
 * LF, LF or a lone CR outside quotes; blank lines are skipped. Each record, the number of records
 * and of columns are bounded, so a file of one gigabyte-long line is refused after its first
 * megabyte instead of filling memory. Pure: text pieces in, records out.
 */
import { detectDelimiter, firstLineEnd, sepLineDelimiter, type CsvDelimiter, type CsvLineEnd } from './csvDialect';
import { ExportReadError } from './exportReadError';

export interface CsvLimits {
  /** Bytes of the whole file. */
  maxBytes: number;
  /** Characters of one record (a line, or several when a quoted field holds line breaks). */
  maxRecordChars: number;
  /** Excel's own sheet bounds. */
  maxColumns: number;
  maxRecords: number;
}

/** A sign-up export is a few megabytes; Excel's cell holds 32,767 characters. */
export const CSV_LIMITS: CsvLimits = { maxBytes: 64 << 20, maxRecordChars: 1 << 20, maxColumns: 16_384, maxRecords: 1_048_576 };

const QUOTE = 34;
const CR = 13;
const LF = 10;

type State = 'start' | 'unquoted' | 'quoted' | 'quoteSeen' | 'afterQuoted';

export class CsvRecordReader {
  readonly records: string[][] = [];
  private delimiterCode = -1;
  private delimiterFound: CsvDelimiter | null = null;
  private lineEnd: CsvLineEnd | null = null;
  private sepLine = false;
  private head = '';
  private state: State = 'start';
  private field = '';
  private record: string[] = [];
  private recordChars = 0;
  private afterCr = false;
  private line = 1;
  private recordLine = 1;

  constructor(private readonly limits: CsvLimits = CSV_LIMITS) {}

  get delimiter(): CsvDelimiter | null {
    return this.delimiterFound;
  }

  get dialect(): { delimiter: CsvDelimiter; lineEnd: CsvLineEnd | null; sepLine: boolean } {
    return { delimiter: this.delimiterFound ?? ';', lineEnd: this.lineEnd, sepLine: this.sepLine };
  }

  push(text: string): void {
    if (this.delimiterFound === null) {
      this.head += text;
      const end = this.head.search(/[\r\n]/);
      // A CR at the very end may be the first half of CR LF: wait for the next piece to tell.
      if (end < 0 || (end === this.head.length - 1 && this.head[end] === '\r')) {
        if (this.head.length > this.limits.maxRecordChars) throw new ExportReadError('recordTooLong', { line: 1, limit: this.limits.maxRecordChars });
        return;
      }
      this.start(this.head, end);
      return;
    }
    this.scan(text);
  }

  /** The records, once the whole text has been pushed. */
  end(): string[][] {
    if (this.delimiterFound === null) this.start(this.head, this.head.length);
    if (this.state === 'quoted') throw new ExportReadError('unterminatedQuote', { line: this.recordLine });
    if (this.state !== 'start' || this.record.length > 0) {
      this.endField();
      this.endRecord();
    }
    return this.records;
  }

  /** The delimiter from the first line (or its `sep=`), then the text scanned from there. */
  private start(text: string, firstEnd: number): void {
    const first = text.slice(0, firstEnd);
    this.lineEnd = firstLineEnd(text);
    const sep = sepLineDelimiter(first);
    let body = text;
    if (sep) {
      // Excel's "sep=;" line names the separator and is not data.
      this.sepLine = true;
      body = text.slice(firstEnd).replace(/^(\r\n|\r|\n)/, '');
      this.line = 2;
      this.recordLine = 2;
    }
    this.delimiterFound = sep ?? detectDelimiter(first);
    this.delimiterCode = this.delimiterFound.charCodeAt(0);
    this.head = '';
    this.scan(body);
  }

  private append(text: string): void {
    if (text.length === 0) return;
    this.recordChars += text.length;
    if (this.recordChars > this.limits.maxRecordChars) throw new ExportReadError('recordTooLong', { line: this.recordLine, limit: this.limits.maxRecordChars });
    this.field += text;
  }

  private endField(): void {
    this.record.push(this.field);
    this.field = '';
    this.state = 'start';
    if (this.record.length > this.limits.maxColumns) throw new ExportReadError('tooManyColumns', { line: this.recordLine, limit: this.limits.maxColumns });
  }

  private endRecord(): void {
    const blank = this.record.length === 1 && this.record[0] === '';
    if (!blank) {
      this.records.push(this.record);
      if (this.records.length > this.limits.maxRecords) throw new ExportReadError('tooManyRows', { limit: this.limits.maxRecords });
    }
    this.record = [];
    this.recordChars = 0;
  }

  private newLine(): void {
    this.line++;
    this.recordLine = this.line;
  }

  private scan(text: string): void {
    const n = text.length;
    const delimiter = this.delimiterCode;
    let i = 0;
    while (i < n) {
      const ch = text.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (ch === LF) {
          i++;
          continue;
        }
      }
      switch (this.state) {
        case 'start':
          if (ch === QUOTE) {
            this.state = 'quoted';
            i++;
          } else this.state = 'unquoted';
          break;
        case 'quoted': {
          const close = text.indexOf('"', i);
          const until = close < 0 ? n : close;
          const piece = text.slice(i, until);
          this.append(piece);
          for (let k = piece.indexOf('\n'); k >= 0; k = piece.indexOf('\n', k + 1)) this.line++;
          i = until;
          if (close >= 0) {
            this.state = 'quoteSeen';
            i++;
          }
          break;
        }
        case 'quoteSeen':
          if (ch === QUOTE) {
            this.append('"');
            this.state = 'quoted';
            i++;
          } else this.state = 'afterQuoted';
          break;
        case 'unquoted':
        case 'afterQuoted': {
          let j = i;
          while (j < n) {
            const c = text.charCodeAt(j);
            if (c === delimiter || c === CR || c === LF) break;
            j++;
          }
          this.append(text.slice(i, j));
          i = j;
          if (j < n) {
            const c = text.charCodeAt(j);
            this.endField();
            if (c !== delimiter) {
              this.endRecord();
              this.newLine();
              if (c === CR) this.afterCr = true;
            }
            i++;
          }
          break;
        }
      }
    }
  }
}

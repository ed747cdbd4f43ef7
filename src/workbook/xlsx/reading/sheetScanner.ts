/**
 * Reads a worksheet part's cells straight from its UTF-8 bytes, as they come out of the inflater.
 *
 * The general scanner (xmlScanner.ts) reports every element to a handler by name; on a 500k-row
 * hours log that is 30 million calls and strings for names, attributes and values nobody keeps.
 * This one knows a worksheet's shape: outside `<sheetData>` it only counts elements; inside, it
 * reads `<row r>` and `<c r t>` and a cell's `<v>` or inline `<is>` as byte ranges, and builds a
 * value only for a cell its sink asks for (cellSink.ts): numbers and shared-string indexes without
 * a string, short texts once per distinct value. Element names are compared by their local part,
 * so prefixed (`<x:c>`) and Strict OOXML sheets read alike.
 *
 * It accepts the part in pieces split anywhere and keeps only an unfinished cell or tag between
 * pieces (at most MAX_ELEMENT_BYTES); character data outside cells is dropped as it is passed.
 * Rows, columns, cells and a cell's text are held to Excel's limits (readLimits.ts). The tests hold
 * its rows to a saxes-based reading of every worksheet in the corpus.
 */
import { cellAddress } from '../../../core/model/a1';
import { ymdToSerial } from '../../../core/model/dates';
import type { CellValue } from '../../../core/port';
import { decimalFromBytes, digitsIn, digitsInText, hasExponent, indexFromBytes, TextInterner, xmlTextOf } from './cellBytes';
import type { CellSink } from './cellSink';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ELEMENT_BYTES, MAX_ROWS, MAX_SHEET_CELLS } from './readLimits';
import type { SharedStrings } from './sharedStrings';
import {
  BANG,
  DQUOTE,
  EQUALS,
  find,
  GT,
  instructionEnd,
  isNameEnd,
  isSpace,
  LimitExceeded,
  localStart,
  LT,
  nameEndOf,
  QUESTION,
  SLASH,
  specialEnd,
  SQUOTE,
  tagEnd,
  XmlSyntaxError,
} from './xmlBytes';
import { decodeOoxmlEscapes } from './xmlText';

const enum CellType {
  Number,
  Shared,
  /** `t="str"`: a formula's text result, or text another program wrote that way. */
  Text,
  Inline,
  Boolean,
  Error,
  Date,
}

const utf8 = new TextDecoder('utf-8');
const LOWER_C = 99;
const LOWER_F = 102;
const LOWER_R = 114;
const LOWER_T = 116;
const LOWER_V = 118;

/** Where a cell's content lies: filled by the cell parser, read when its value is built. */
class CellContent {
  /** The `<v>` text as one byte range, or -1; `valueText` instead when it came in pieces. */
  valueStart = -1;
  valueEnd = -1;
  valueText: string | undefined;
  /** An inline string's `<t>` texts (outside phonetic runs), joined; undefined without `<is>`. */
  inlineText: string | undefined;
  /** The bytes of the whole `<is>` element, for counting digits without building its text. */
  inlineStart = -1;
  inlineEnd = -1;

  reset(): void {
    this.valueStart = -1;
    this.valueEnd = -1;
    this.valueText = undefined;
    this.inlineText = undefined;
    this.inlineStart = -1;
    this.inlineEnd = -1;
  }
}

export class SheetScanner {
  private buffer = new Uint8Array(0);
  /** Bytes of an unfinished construct carried at the start of `buffer`. */
  private tail = 0;
  private depth = 0;
  private inSheetData = false;
  private row = 0;
  private rows = 0;
  private column = 0;
  private cellsInRow = 0;
  private delivered = false;
  private cellsWithValue = 0;
  private readonly content = new CellContent();
  private readonly interner = new TextInterner();
  private readonly wanted: Uint8Array | undefined;
  private readonly probeText: number;
  private readonly probeNumber: number;

  constructor(
    private readonly sink: CellSink,
    private readonly strings: SharedStrings,
  ) {
    this.wanted = sink.columns;
    this.probeText = sink.probe?.text ?? 0;
    this.probeNumber = sink.probe?.number ?? 0;
  }

  /** Scans the next piece; the piece is not kept after the call returns (the inflater reuses it). */
  write(piece: Uint8Array): void {
    // The unfinished tail of the last piece, and this piece after it, in one reused buffer.
    let bytes = piece;
    if (this.tail > 0) {
      bytes = this.room(this.tail + piece.length);
      bytes.set(piece, this.tail);
    }
    const stop = this.scan(bytes);
    const rest = bytes.length - stop;
    if (rest > MAX_ELEMENT_BYTES) throw new LimitExceeded('element');
    if (rest > 0 && bytes === piece) this.room(rest).set(piece.subarray(stop));
    else if (rest > 0) this.buffer.copyWithin(0, stop, bytes.length);
    this.tail = rest;
  }

  /** Ends the part; throws XmlSyntaxError if it stopped inside a tag or an element. */
  close(): void {
    if (find(this.buffer.subarray(0, this.tail), LT, 0) >= 0 || this.depth !== 0) throw new XmlSyntaxError('unexpected end of document');
    this.tail = 0;
  }

  /** The first `length` bytes of the buffer, grown (keeping the tail) when it is too small. */
  private room(length: number): Uint8Array {
    if (this.buffer.length < length) {
      const grown = new Uint8Array(Math.max(length, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.tail));
      this.buffer = grown;
    }
    return this.buffer.subarray(0, length);
  }

  /** Handles every complete construct in b; returns where the unfinished tail starts. */
  private scan(b: Uint8Array): number {
    const n = b.length;
    let p = 0;
    while (p < n) {
      if (b[p] !== LT) {
        p = find(b, LT, p);
        if (p < 0) return n;
      }
      if (p + 1 >= n) return p;
      const next = b[p + 1];
      if (next === SLASH) {
        const end = find(b, GT, p + 2);
        if (end < 0) return p;
        this.endTag(b, p + 2, nameEndOf(b, p + 2, end));
        p = end + 1;
      } else if (next === BANG || next === QUESTION) {
        const end = next === BANG ? specialEnd(b, p) : instructionEnd(b, p);
        if (end < 0) return p;
        p = end;
      } else {
        if (this.inSheetData && next === LOWER_C && isNameEnd(b[p + 2])) {
          const after = this.cell(b, p + 2);
          if (after < 0) return p;
          if (after - p > MAX_ELEMENT_BYTES) throw new LimitExceeded('element');
          p = after;
          continue;
        }
        const end = tagEnd(b, p + 1);
        if (end < 0) return p;
        if (end - p > MAX_ELEMENT_BYTES) throw new LimitExceeded('element');
        const nameEnd = nameEndOf(b, p + 1, end);
        const local = localStart(b, p + 1, nameEnd);
        const selfClosing = b[end - 1] === SLASH;
        const attributesEnd = selfClosing ? end - 1 : end;
        if (this.inSheetData && nameEnd - local === 1 && b[local] === LOWER_C) {
          const after = this.cell(b, nameEnd);
          if (after < 0) return p;
          if (after - p > MAX_ELEMENT_BYTES) throw new LimitExceeded('element');
          p = after;
          continue;
        }
        if (this.inSheetData && isName(b, local, nameEnd, 'row')) this.startRow(b, nameEnd, attributesEnd);
        else if (isName(b, local, nameEnd, 'sheetData') && !selfClosing) this.inSheetData = true;
        if (selfClosing) {
          if (this.inSheetData && isName(b, local, nameEnd, 'row')) this.endRow();
        } else this.depth++;
        p = end + 1;
      }
    }
    return p;
  }

  private endTag(b: Uint8Array, nameStart: number, nameEnd: number): void {
    this.depth--;
    const local = localStart(b, nameStart, nameEnd);
    if (!this.inSheetData) return;
    if (isName(b, local, nameEnd, 'row')) this.endRow();
    else if (isName(b, local, nameEnd, 'sheetData')) this.inSheetData = false;
  }

  private startRow(b: Uint8Array, from: number, to: number): void {
    const r = attributeRange(b, from, to, LOWER_R);
    const given = r < 0 ? -1 : indexFromBytes(b, r, rangeEnd);
    // A row number too long to read (ten digits and more) is past Excel's last row as well.
    if (++this.rows > MAX_ROWS || given > MAX_ROWS || (r >= 0 && given < 0 && digitsIn(b, r, rangeEnd, 10) >= 10)) throw new LimitExceeded('rows');
    this.row = given > 0 ? given : this.row + 1;
    this.column = 0;
    this.cellsInRow = 0;
    this.delivered = false;
  }

  private endRow(): void {
    if (this.delivered) this.sink.rowEnd(this.row);
    this.delivered = false;
  }

  /**
   * A `<c>` element whose attributes start at `from`: reads its column and type in one pass over
   * the attributes, finds its content, and hands its value on when wanted. Returns the index
   * after the element, or -1 when the element is not complete in b.
   */
  private cell(b: Uint8Array, from: number): number {
    const n = b.length;
    let column = 0;
    let type = CellType.Number;
    let i = from;
    for (;;) {
      while (i < n && isSpace(b[i])) i++;
      if (i >= n) return -1;
      if (b[i] === GT || b[i] === SLASH) break;
      const nameStart = i;
      while (i < n && b[i] !== EQUALS && !isSpace(b[i]) && b[i] !== GT) i++;
      const nameEnd = i;
      while (i < n && b[i] !== DQUOTE && b[i] !== SQUOTE && b[i] !== GT) i++;
      if (i >= n) return -1;
      if (b[i] === GT) break;
      const valueEnd = find(b, b[i], i + 1);
      if (valueEnd < 0) return -1;
      if (nameEnd - nameStart === 1) {
        if (b[nameStart] === LOWER_R) column = columnOfBytes(b, i + 1, valueEnd);
        else if (b[nameStart] === LOWER_T) type = typeOf(b, i + 1, valueEnd);
      }
      i = valueEnd + 1;
    }
    const content = this.content;
    content.reset();
    let after: number;
    if (b[i] === SLASH) {
      if (i + 1 >= n) return -1;
      after = i + 2;
    } else {
      after = i + 1;
      // `<v>…</v></c>`, as Excel writes nearly every cell, read without the general steps.
      const end = b[after] === LT && b[after + 1] === LOWER_V && b[after + 2] === GT ? find(b, LT, after + 3) : -1;
      if (
        end >= 0 &&
        end + 7 < n &&
        b[end + 1] === SLASH &&
        b[end + 2] === LOWER_V &&
        b[end + 3] === GT &&
        b[end + 4] === LT &&
        b[end + 5] === SLASH &&
        b[end + 6] === LOWER_C &&
        b[end + 7] === GT
      ) {
        content.valueStart = after + 3;
        content.valueEnd = end;
        after = end + 8;
      } else {
        after = this.cellContent(b, after);
        if (after < 0) return -1;
      }
    }
    column = column || this.column + 1;
    if (column > MAX_COLUMNS || ++this.cellsInRow > MAX_COLUMNS) throw new LimitExceeded('columns');
    this.column = column;
    if (content.valueStart < 0 && content.valueText === undefined && content.inlineText === undefined) return after;
    if (++this.cellsWithValue > MAX_SHEET_CELLS) throw new LimitExceeded('cells');
    if (this.wanted === undefined || this.wanted[column] !== 0 || this.probed(b, type)) {
      const value = this.valueOf(b, type);
      if (value !== null) {
        if (typeof value === 'string' && value.length > MAX_CELL_CHARS) throw new LimitExceeded('cellText', cellAddress(this.row, column));
        this.delivered = true;
        this.sink.cell(this.row, column, value);
      }
    }
    return after;
  }

  /**
   * The content of a cell from `p` up to and including its end tag: `<v>`, `<is>` and whatever
   * else (a formula, extensions), skipped. Returns the index after `</c>`, or -1 if incomplete.
   */
  private cellContent(b: Uint8Array, start: number): number {
    const n = b.length;
    const content = this.content;
    let p = start;
    for (;;) {
      p = find(b, LT, p);
      if (p < 0 || p + 1 >= n) return -1;
      const next = b[p + 1];
      if (next === SLASH) {
        const end = find(b, GT, p + 2);
        if (end < 0) return -1;
        const nameEnd = nameEndOf(b, p + 2, end);
        const local = localStart(b, p + 2, nameEnd);
        if (nameEnd - local === 1 && b[local] === LOWER_C) return end + 1;
        throw new XmlSyntaxError('unexpected end tag in a cell');
      }
      if (next === BANG || next === QUESTION) {
        p = next === BANG ? specialEnd(b, p) : instructionEnd(b, p);
        if (p < 0) return -1;
        continue;
      }
      const end = tagEnd(b, p + 1);
      if (end < 0) return -1;
      const nameEnd = nameEndOf(b, p + 1, end);
      const local = localStart(b, p + 1, nameEnd);
      const selfClosing = b[end - 1] === SLASH;
      if (selfClosing) {
        if (nameEnd - local === 1 && b[local] === LOWER_V) content.valueStart = content.valueEnd = end + 1;
        p = end + 1;
        continue;
      }
      if (nameEnd - local === 1 && b[local] === LOWER_V) {
        p = this.valueElement(b, end + 1);
      } else if (isName(b, local, nameEnd, 'is')) {
        p = this.inlineString(b, end + 1);
        if (p >= 0) content.inlineStart = end + 1;
      } else {
        p = skipElement(b, end + 1, nameEnd - local === 1 && b[local] === LOWER_F);
      }
      if (p < 0) return -1;
    }
  }

  /** `<v>`'s text, from after its start tag; returns the index after `</v>`, or -1. */
  private valueElement(b: Uint8Array, start: number): number {
    const content = this.content;
    const lt = find(b, LT, start);
    if (lt < 0 || lt + 1 >= b.length) return -1;
    if (b[lt + 1] === SLASH) {
      const end = find(b, GT, lt + 2);
      if (end < 0) return -1;
      content.valueStart = start;
      content.valueEnd = lt;
      return end + 1;
    }
    // Comments or CDATA inside the value: rare enough to gather the text in pieces.
    const gathered = gatherText(b, start);
    if (gathered === undefined) return -1;
    content.valueText = gathered.text;
    return gathered.after;
  }

  /**
   * An inline string from after `<is>`: the texts of its `<t>` elements, those inside phonetic
   * runs (`<rPh>`, reading aids) left out. Returns the index after `</is>`, or -1.
   */
  private inlineString(b: Uint8Array, start: number): number {
    const n = b.length;
    let text = '';
    let depth = 0;
    let phonetic = 0;
    let p = start;
    for (;;) {
      p = find(b, LT, p);
      if (p < 0 || p + 1 >= n) return -1;
      const next = b[p + 1];
      if (next === BANG || next === QUESTION) {
        p = next === BANG ? specialEnd(b, p) : instructionEnd(b, p);
        if (p < 0) return -1;
        continue;
      }
      const end = next === SLASH ? find(b, GT, p + 2) : tagEnd(b, p + 1);
      if (end < 0) return -1;
      const nameStart = next === SLASH ? p + 2 : p + 1;
      const nameEnd = nameEndOf(b, nameStart, end);
      const local = localStart(b, nameStart, nameEnd);
      if (next === SLASH) {
        if (depth === 0) {
          this.content.inlineText = text;
          this.content.inlineEnd = p;
          return end + 1;
        }
        depth--;
        if (isName(b, local, nameEnd, 'rPh')) phonetic--;
        p = end + 1;
        continue;
      }
      if (b[end - 1] === SLASH) {
        p = end + 1;
        continue;
      }
      if (nameEnd - local === 1 && b[local] === LOWER_T) {
        const gathered = gatherText(b, end + 1);
        if (gathered === undefined) return -1;
        if (phonetic === 0) text += gathered.text;
        p = gathered.after;
        continue;
      }
      depth++;
      if (isName(b, local, nameEnd, 'rPh')) phonetic++;
      p = end + 1;
    }
  }

  /** Whether a cell outside the wanted columns could hold what the probe looks for. */
  private probed(b: Uint8Array, type: CellType): boolean {
    if (this.probeText === 0) return false;
    const content = this.content;
    switch (type) {
      case CellType.Number: {
        if (content.valueText !== undefined) return digitsInText(content.valueText, this.probeNumber) >= this.probeNumber;
        const { valueStart: s, valueEnd: e } = content;
        return digitsIn(b, s, e, this.probeNumber) >= this.probeNumber || hasExponent(b, s, e);
      }
      case CellType.Shared: {
        const index = content.valueText === undefined ? indexFromBytes(b, content.valueStart, content.valueEnd) : Number(content.valueText);
        return this.strings.digits(index) >= this.probeText;
      }
      case CellType.Text:
      case CellType.Inline:
        if (content.inlineText !== undefined) return digitsIn(b, content.inlineStart, content.inlineEnd, this.probeText) >= this.probeText;
        if (content.valueText !== undefined) return digitsInText(content.valueText, this.probeText) >= this.probeText;
        return digitsIn(b, content.valueStart, content.valueEnd, this.probeText) >= this.probeText;
      default:
        return false;
    }
  }

  /** The value a cell shows: formula cells give their cached result, dates stay serial numbers. */
  private valueOf(b: Uint8Array, type: CellType): CellValue {
    const content = this.content;
    if (type === CellType.Inline && content.inlineText !== undefined) return decodeOoxmlEscapes(content.inlineText);
    const { valueStart: s, valueEnd: e } = content;
    const pieces = content.valueText;
    if (pieces === undefined && s < 0) return null;
    switch (type) {
      case CellType.Number: {
        if (pieces === undefined) {
          if (e === s) return null;
          const number = decimalFromBytes(b, s, e);
          if (number !== undefined) return number;
        }
        const raw = pieces ?? xmlTextOf(b, s, e);
        if (raw.length === 0) return null;
        const number = Number(raw);
        return Number.isNaN(number) ? raw : number;
      }
      case CellType.Shared: {
        const index = pieces === undefined ? indexFromBytes(b, s, e) : -1;
        return this.strings.at(index >= 0 ? index : Number(pieces ?? xmlTextOf(b, s, e)));
      }
      case CellType.Text:
      case CellType.Inline:
        return pieces === undefined ? this.interner.cellText(b, s, e) : decodeOoxmlEscapes(pieces);
      case CellType.Boolean: {
        const raw = (pieces ?? xmlTextOf(b, s, e)).trim();
        return raw === '1' || raw === 'true';
      }
      case CellType.Error:
        return { error: (pieces ?? xmlTextOf(b, s, e)).trim() };
      case CellType.Date:
        return isoDateToSerial((pieces ?? xmlTextOf(b, s, e)).trim());
    }
  }
}

/** Set by attributeRange: where the value it found ends. */
let rangeEnd = 0;

/**
 * The value of the one-letter, unprefixed attribute `letter` in b[from..to): its start, with its
 * end in `rangeEnd`, or -1 when the tag has no such attribute.
 */
function attributeRange(b: Uint8Array, from: number, to: number, letter: number): number {
  let i = from;
  while (i < to) {
    while (i < to && isSpace(b[i])) i++;
    const nameStart = i;
    while (i < to && b[i] !== 61 && !isSpace(b[i])) i++;
    const nameEnd = i;
    while (i < to && b[i] !== 34 && b[i] !== 39) i++;
    if (i >= to) return -1;
    const valueEnd = find(b, b[i], i + 1);
    if (valueEnd < 0 || valueEnd >= to) return -1;
    if (nameEnd - nameStart === 1 && b[nameStart] === letter) {
      rangeEnd = valueEnd;
      return i + 1;
    }
    i = valueEnd + 1;
  }
  return -1;
}

function isName(b: Uint8Array, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (b[start + i] !== name.charCodeAt(i)) return false;
  return true;
}

/** The cell type a `t` attribute names; anything unknown reads as a number, as Excel's default. */
function typeOf(b: Uint8Array, start: number, end: number): CellType {
  const length = end - start;
  const first = b[start];
  if (length === 1) {
    if (first === 115) return CellType.Shared; // s
    if (first === 98) return CellType.Boolean; // b
    if (first === 101) return CellType.Error; // e
    if (first === 100) return CellType.Date; // d
    return CellType.Number;
  }
  if (length === 3 && first === 115 && b[start + 1] === LOWER_T && b[start + 2] === LOWER_R) return CellType.Text; // str
  if (isName(b, start, end, 'inlineStr')) return CellType.Inline;
  return CellType.Number;
}

/** The column of a cell reference's bytes ("C5" → 3), read without building a string. */
function columnOfBytes(bytes: Uint8Array, start: number, end: number): number {
  let column = 0;
  for (let i = start; i < end && column <= MAX_COLUMNS; i++) {
    const c = bytes[i] & ~32; // upper-case
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  return column;
}

/**
 * Skips an element's content from after its start tag to after its end tag, nested elements and
 * all; -1 when that is not complete in b. A formula's text holds no markup, so its end tag is the
 * next one.
 */
function skipElement(b: Uint8Array, start: number, flat: boolean): number {
  const n = b.length;
  let depth = 0;
  let p = start;
  for (;;) {
    p = find(b, LT, p);
    if (p < 0 || p + 1 >= n) return -1;
    const next = b[p + 1];
    if (next === BANG || next === QUESTION) {
      p = next === BANG ? specialEnd(b, p) : instructionEnd(b, p);
      if (p < 0) return -1;
      continue;
    }
    const end = next === SLASH ? find(b, GT, p + 2) : tagEnd(b, p + 1);
    if (end < 0) return -1;
    p = end + 1;
    if (next === SLASH) {
      if (depth === 0) return p;
      depth--;
    } else if (b[end - 1] !== SLASH && !flat) depth++;
  }
}

/**
 * Character data from `start` up to the element's end tag, across comments, CDATA sections and
 * any nested elements: the text with entities resolved, and the index after that end tag;
 * undefined if incomplete.
 */
function gatherText(b: Uint8Array, start: number): { text: string; after: number } | undefined {
  const n = b.length;
  let text = '';
  let depth = 0;
  let p = start;
  for (;;) {
    const lt = find(b, LT, p);
    if (lt < 0 || lt + 1 >= n) return undefined;
    if (lt > p) text += xmlTextOf(b, p, lt);
    const next = b[lt + 1];
    if (next === BANG) {
      let cdata = '';
      p = specialEnd(b, lt, (s, e) => (cdata = utf8.decode(b.subarray(s, e))));
      if (p < 0) return undefined;
      text += cdata;
      continue;
    }
    const end = next === SLASH ? find(b, GT, lt + 2) : next === QUESTION ? instructionEnd(b, lt) - 1 : tagEnd(b, lt + 1);
    if (end < 0) return undefined;
    p = end + 1;
    if (next === SLASH) {
      if (depth === 0) return { text, after: p };
      depth--;
    } else if (next !== QUESTION && b[end - 1] !== SLASH) depth++;
  }
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/;

/** A `t="d"` cell holds an ISO 8601 date-time; Excel itself would store its serial number. */
function isoDateToSerial(iso: string): CellValue {
  const match = ISO_DATE_TIME.exec(iso);
  if (!match) return iso;
  const day = ymdToSerial(Number(match[1]), Number(match[2]), Number(match[3]));
  const seconds = Number(match[4] ?? 0) * 3600 + Number(match[5] ?? 0) * 60 + Number(match[6] ?? 0);
  return day + seconds / 86_400;
}

/**
 * Turns the events of a worksheet part into rows of cell values, one row at a time, so a caller
 * can keep the whole grid or nothing of it.
 */
import { ymdToSerial } from '../../../core/model/dates';
import type { CellValue } from '../../../core/port';
import type { TagAttributes, XmlHandler } from './xmlScanner';
import { decodeOoxmlEscapes } from './xmlText';

export type RowCallback = (rowNumber: number, cells: CellValue[]) => void;

/** What the text being collected belongs to. */
enum Capture {
  None,
  Value,
  InlineText,
}

export class WorksheetRows implements XmlHandler {
  wantsText = false;
  private inSheetData = false;
  private rowNumber = 0;
  private column = 0;
  private cells: CellValue[] = [];
  private cellType = '';
  private value: string | undefined;
  private inlineText: string | undefined;
  private inInlineString = false;
  private phoneticDepth = 0;
  private capture = Capture.None;

  constructor(
    private readonly sharedStrings: readonly string[],
    private readonly onRow: RowCallback,
  ) {}

  open(name: string, tag: TagAttributes): void {
    if (!this.inSheetData) {
      if (name === 'sheetData') this.inSheetData = true;
      return;
    }
    switch (name) {
      case 'c':
        this.column = (tag.locate('r') && columnOfBytes(tag.bytes, tag.valueStart, tag.valueEnd)) || this.column + 1;
        this.cellType = tag.get('t') ?? '';
        this.value = undefined;
        this.inlineText = undefined;
        break;
      case 'v':
        this.value = '';
        this.startCapture(Capture.Value);
        break;
      case 'row':
        this.rowNumber = Number(tag.get('r')) || this.rowNumber + 1;
        this.column = 0;
        this.cells = [];
        break;
      case 'is':
        this.inInlineString = true;
        this.inlineText = '';
        break;
      case 'rPh':
        this.phoneticDepth++;
        break;
      case 't':
        if (this.inInlineString && this.phoneticDepth === 0) this.startCapture(Capture.InlineText);
        break;
    }
  }

  text(value: string): void {
    if (this.capture === Capture.Value) this.value += value;
    else this.inlineText += value;
  }

  close(name: string): void {
    if (!this.inSheetData) return;
    switch (name) {
      case 'v':
      case 't':
        this.startCapture(Capture.None);
        break;
      case 'c':
        this.storeCell();
        break;
      case 'row':
        if (this.cells.length > 0) this.onRow(this.rowNumber, this.cells);
        break;
      case 'is':
        this.inInlineString = false;
        break;
      case 'rPh':
        this.phoneticDepth--;
        break;
      case 'sheetData':
        this.inSheetData = false;
        break;
    }
  }

  private startCapture(capture: Capture): void {
    this.capture = capture;
    this.wantsText = capture !== Capture.None;
  }

  private storeCell(): void {
    const value = cellValue(this.cellType, this.value, this.inlineText, this.sharedStrings);
    if (value === null) return;
    const cells = this.cells;
    const index = this.column - 1;
    while (cells.length < index) cells.push(null);
    cells[index] = value;
  }
}

/** The value a cell shows: formula cells give their cached result, dates stay serial numbers. */
function cellValue(type: string, raw: string | undefined, inlineText: string | undefined, sharedStrings: readonly string[]): CellValue {
  switch (type) {
    case 's':
      return raw === undefined ? null : (sharedStrings[Number(raw)] ?? null);
    case 'inlineStr':
      if (inlineText !== undefined) return decodeOoxmlEscapes(inlineText);
      return raw === undefined ? null : decodeOoxmlEscapes(raw);
    case 'str':
      return raw === undefined ? null : decodeOoxmlEscapes(raw);
    case 'b':
      return raw === undefined ? null : raw.trim() === '1' || raw.trim() === 'true';
    case 'e':
      return raw === undefined ? null : { error: raw.trim() };
    case 'd':
      return raw === undefined ? null : isoDateToSerial(raw.trim());
    default: {
      if (raw === undefined || raw.length === 0) return null;
      const number = Number(raw);
      return Number.isNaN(number) ? raw : number;
    }
  }
}

/** The column of a cell reference's bytes ("C5" → 3), read without building a string. */
function columnOfBytes(bytes: Uint8Array, start: number, end: number): number {
  let column = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i] & ~32; // upper-case
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  return column;
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

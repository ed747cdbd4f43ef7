/**
 * A lean, streaming XML tokenizer for the large parts of a package (worksheets, shared strings).
 *
 * A general validating parser (saxes) spends ~3.6 s on the 150 MB worksheet of a 500k-row hours
 * log, and even a string-based scanner pays for decoding all of it to text first. This one walks
 * the UTF-8 bytes as they come out of the inflater and builds strings only for what the handler
 * uses: element names by local name (prefix dropped, so `<x:c>` and Strict OOXML read like `<c>`),
 * attributes on demand, and character data only while the handler asks for it. Markup is ASCII,
 * and no byte of a multi-byte UTF-8 character is below 0x80, so scanning bytes for `<`, `>` and
 * quotes is exact. It accepts the part in pieces split anywhere and keeps only the unfinished
 * tail between pieces. The tests hold it to saxes's reading of every part in the corpus.
 */
import { decodeXmlText } from './xmlText';
import { MAX_ELEMENT_BYTES } from './readLimits';
import {
  BANG,
  DQUOTE,
  EQUALS,
  find,
  GT,
  instructionEnd,
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

export { XmlSyntaxError } from './xmlBytes';

const AMP = 38;
const CR = 13;
/** One-letter element names (`c`, `v`, `t`, `f`) are by far the most frequent: reuse their strings. */
const ONE_LETTER = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));
const utf8 = new TextDecoder('utf-8');

/** The attributes of the start tag being reported; valid only during the open() call. */
export class TagAttributes {
  bytes: Uint8Array = new Uint8Array(0);
  start = 0;
  end = 0;

  /** Where the value found by the last successful locate() lies in bytes. */
  valueStart = 0;
  valueEnd = 0;

  /** The value of the attribute with this exact (qualified, ASCII) name. */
  get(name: string): string | undefined {
    return this.locate(name) ? decodeText(this.bytes, this.valueStart, this.valueEnd) : undefined;
  }

  /** Finds the attribute without building its value (for callers that read the bytes). */
  locate(name: string): boolean {
    const b = this.bytes;
    const end = this.end;
    let i = this.start;
    while (i < end) {
      if (isSpace(b[i])) {
        i++;
        continue;
      }
      const nameStart = i;
      while (i < end && b[i] !== EQUALS && !isSpace(b[i])) i++;
      const nameEnd = i;
      while (i < end && b[i] !== DQUOTE && b[i] !== SQUOTE) i++;
      if (i >= end) return false;
      const valueEnd = find(b, b[i], i + 1);
      if (valueEnd < 0 || valueEnd >= end) return false;
      if (sameAscii(b, nameStart, nameEnd, name)) {
        this.valueStart = i + 1;
        this.valueEnd = valueEnd;
        return true;
      }
      i = valueEnd + 1;
    }
    return false;
  }

  /** Every attribute by qualified name. */
  all(): Record<string, string> {
    const result: Record<string, string> = {};
    const b = this.bytes;
    const end = this.end;
    let i = this.start;
    while (i < end) {
      if (isSpace(b[i])) {
        i++;
        continue;
      }
      const nameStart = i;
      while (i < end && b[i] !== EQUALS && !isSpace(b[i])) i++;
      const nameEnd = i;
      while (i < end && b[i] !== DQUOTE && b[i] !== SQUOTE) i++;
      if (i >= end) break;
      const valueEnd = find(b, b[i], i + 1);
      if (valueEnd < 0 || valueEnd >= end) break;
      result[decodeText(b, nameStart, nameEnd)] = decodeText(b, i + 1, valueEnd);
      i = valueEnd + 1;
    }
    return result;
  }
}

export interface XmlHandler {
  /** Whether character data is wanted now; the scanner builds no text while this is false. */
  readonly wantsText: boolean;
  open(localName: string, attributes: TagAttributes): void;
  text(value: string): void;
  close(localName: string): void;
}

export class XmlScanner {
  private buffer = new Uint8Array(0);
  private position = 0;
  private readonly attributes = new TagAttributes();
  private depth = 0;

  constructor(private readonly handler: XmlHandler) {}

  /** Scans the next piece; the piece is not kept after the call returns (the inflater reuses it). */
  write(piece: Uint8Array): void {
    const rest = this.buffer.length - this.position;
    let bytes = piece;
    if (rest > 0) {
      bytes = new Uint8Array(rest + piece.length);
      bytes.set(this.buffer.subarray(this.position));
      bytes.set(piece, rest);
    }
    const stop = this.scan(bytes);
    // What is kept is one unfinished construct, or text the handler wants: never more than a cell's worth.
    if (bytes.length - stop > MAX_ELEMENT_BYTES) throw new LimitExceeded('element');
    this.buffer = bytes.slice(stop);
    this.position = 0;
  }

  /** Ends the document; throws XmlSyntaxError if it stopped inside a tag or an element. */
  close(): void {
    const rest = this.buffer.subarray(this.position);
    if (find(rest, LT, 0) >= 0 || this.depth !== 0) throw new XmlSyntaxError('unexpected end of document');
    if (this.handler.wantsText && rest.length > 0) this.handler.text(decodeText(rest, 0, rest.length));
    this.buffer = new Uint8Array(0);
    this.position = 0;
  }

  /** Reports every complete construct in b; returns where the unfinished tail starts. */
  private scan(b: Uint8Array): number {
    const handler = this.handler;
    const n = b.length;
    let p = 0;
    while (p < n) {
      if (b[p] !== LT) {
        const lt = find(b, LT, p);
        if (lt < 0) {
          // Character data nobody wants (whitespace between elements) is dropped, not carried.
          if (!handler.wantsText) p = n;
          break;
        }
        if (handler.wantsText) handler.text(decodeText(b, p, lt));
        p = lt;
      }
      if (p + 1 >= n) break;
      const next = b[p + 1];
      let end: number;
      if (next === SLASH) {
        end = find(b, GT, p + 2);
        if (end < 0) break;
        this.depth--;
        handler.close(localName(b, p + 2, nameEndOf(b, p + 2, end)));
        p = end + 1;
      } else if (next === BANG) {
        end = specialEnd(b, p, handler.wantsText ? (start, stop) => handler.text(utf8.decode(b.subarray(start, stop))) : undefined);
        if (end < 0) break;
        p = end;
      } else if (next === QUESTION) {
        end = instructionEnd(b, p);
        if (end < 0) break;
        p = end;
      } else {
        end = tagEnd(b, p + 1);
        if (end < 0) break;
        const nameEnd = nameEndOf(b, p + 1, end);
        const selfClosing = b[end - 1] === SLASH;
        const name = localName(b, p + 1, nameEnd);
        const attributes = this.attributes;
        attributes.bytes = b;
        attributes.start = nameEnd;
        attributes.end = selfClosing ? end - 1 : end;
        this.depth++;
        handler.open(name, attributes);
        if (selfClosing) {
          this.depth--;
          handler.close(name);
        }
        p = end + 1;
      }
    }
    return p;
  }
}

/** The element name between start and nameEnd without its prefix (`x:row` → `row`). */
function localName(b: Uint8Array, start: number, nameEnd: number): string {
  const from = localStart(b, start, nameEnd);
  if (nameEnd - from === 1 && b[from] < 128) return ONE_LETTER[b[from]];
  return decodeText(b, from, nameEnd);
}

/**
 * The text of bytes start..end with entities resolved. Short ASCII runs (numbers, cell
 * references, most names) are built directly, which is much cheaper than a TextDecoder call.
 */
function decodeText(b: Uint8Array, start: number, end: number): string {
  let needsXmlDecoding = false;
  if (end - start <= 32) {
    let text = '';
    for (let i = start; i < end; i++) {
      const c = b[i];
      if (c >= 128) return decodeXmlText(utf8.decode(b.subarray(start, end)));
      if (c === AMP || c === CR) needsXmlDecoding = true;
      text += ONE_LETTER[c];
    }
    return needsXmlDecoding ? decodeXmlText(text) : text;
  }
  return decodeXmlText(utf8.decode(b.subarray(start, end)));
}

function sameAscii(b: Uint8Array, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (b[start + i] !== name.charCodeAt(i)) return false;
  return true;
}

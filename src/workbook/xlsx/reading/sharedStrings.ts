/**
 * The shared string table (xl/sharedStrings.xml): cells of type "s" hold an index into it. A
 * string is either one `<t>` or rich-text runs `<r><t>` whose texts join; phonetic guides
 * (`<rPh>`, furigana) are reading aids, not part of the text.
 */
import { digitsInText } from './cellBytes';
import { MAX_CELL_CHARS } from './readLimits';
import { LimitExceeded } from './xmlBytes';
import type { TagAttributes, XmlHandler } from './xmlScanner';
import { decodeOoxmlEscapes } from './xmlText';

export class SharedStringsCollector implements XmlHandler {
  readonly strings: string[] = [];
  wantsText = false;
  private current: string | undefined;
  private phoneticDepth = 0;

  open(name: string, _tag: TagAttributes): void {
    if (name === 'si') this.current = '';
    else if (name === 'rPh') this.phoneticDepth++;
    else if (name === 't' && this.current !== undefined && this.phoneticDepth === 0) this.wantsText = true;
  }

  text(value: string): void {
    this.current += value;
    if (this.current!.length > MAX_CELL_CHARS * 8) throw new LimitExceeded('sharedText');
  }

  close(name: string): void {
    if (name === 't') this.wantsText = false;
    else if (name === 'rPh') this.phoneticDepth--;
    else if (name === 'si' && this.current !== undefined) {
      const text = decodeOoxmlEscapes(this.current);
      if (text.length > MAX_CELL_CHARS) throw new LimitExceeded('sharedText');
      this.strings.push(text);
      this.current = undefined;
    }
  }
}

/** The table as cells read it, with how many digits each string holds (for a digit probe), counted once. */
export class SharedStrings {
  private digitCounts: Uint8Array | undefined;

  constructor(private readonly strings: readonly string[]) {}

  at(index: number): string | null {
    return this.strings[index] ?? null;
  }

  /** ASCII digits in the string at index (254 standing for 254 or more). */
  digits(index: number): number {
    const text = this.strings[index];
    if (text === undefined) return 0;
    this.digitCounts ??= new Uint8Array(this.strings.length).fill(255);
    let count = this.digitCounts[index];
    if (count === 255) count = this.digitCounts[index] = digitsInText(text, 254);
    return count;
  }
}

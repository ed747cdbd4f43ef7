/**
 * The shared string table (xl/sharedStrings.xml): cells of type "s" hold an index into it. A
 * string is either one `<t>` or rich-text runs `<r><t>` whose texts join; phonetic guides
 * (`<rPh>`, furigana) are reading aids, not part of the text.
 */
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
  }

  close(name: string): void {
    if (name === 't') this.wantsText = false;
    else if (name === 'rPh') this.phoneticDepth--;
    else if (name === 'si' && this.current !== undefined) {
      this.strings.push(decodeOoxmlEscapes(this.current));
      this.current = undefined;
    }
  }
}

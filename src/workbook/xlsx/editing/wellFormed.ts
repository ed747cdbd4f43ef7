/**
 * Every XML part written, parsed by a strict XML 1.0 parser (saxes) before the file may replace
 * anything: a character XML cannot carry, an unescaped '&' or a broken tag makes Excel "repair" or
 * refuse the file and LibreOffice stop reading the sheet at that cell, while our own text-level
 * reader would pass it. Parts copied byte for byte from the user's original are not ours to judge.
 */
import { SaxesParser } from 'saxes';
import { entryBytes, readStoredEntries } from './packageZip';
import { decodeXml } from './xmlEdit';
import { MergeVerificationError } from './packageVerify';

const XML_PART = /\.(xml|rels|vml)$/i;

/** The first well-formedness error of the XML text, or null. */
export function xmlError(text: string): string | null {
  const parser = new SaxesParser({ xmlns: true });
  let first: string | null = null;
  parser.on('error', (error) => {
    first ??= error.message;
  });
  try {
    parser.write(text).close();
  } catch (error) {
    first ??= (error as Error).message;
  }
  return first;
}

/**
 * Throws MergeVerificationError naming the first part that is not well-formed XML. `parts`
 * limits the check to the parts written (all XML parts when omitted, for a new file).
 */
export function verifyWellFormed(data: Uint8Array, parts?: Iterable<string>): void {
  const wanted = parts === undefined ? null : new Set([...parts].map((p) => p.toLowerCase()));
  for (const entry of readStoredEntries(data)) {
    if (!XML_PART.test(entry.name) || (wanted && !wanted.has(entry.name.toLowerCase()))) continue;
    let text: string;
    try {
      text = decodeXml(entryBytes(entry)).text;
    } catch (error) {
      throw new MergeVerificationError(`part ${entry.name} is not UTF-8 XML (${(error as Error).message})`);
    }
    const error = xmlError(text);
    if (error) throw new MergeVerificationError(`part ${entry.name} is not well-formed XML: ${error}`);
  }
}

/**
 * Every XML part of `result` that is not, byte for byte, the original's: written, edited, pruned or
 * new, whichever step of a command wrote it (a merge verified against an already edited baseline
 * would pass the earlier edits unread).
 */
export function verifyWrittenParts(original: Uint8Array, result: Uint8Array): void {
  const before = new Map(readStoredEntries(original).map((e) => [e.name, e]));
  const written = readStoredEntries(result).filter((e) => {
    const was = before.get(e.name);
    return !was || was.crc !== e.crc || was.size !== e.size;
  });
  verifyWellFormed(
    result,
    written.map((e) => e.name),
  );
}

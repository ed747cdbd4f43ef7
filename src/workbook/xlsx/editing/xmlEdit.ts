/**
 * Edits of XML parts as text: find an element, insert before its end tag, change one attribute.
 * Everything the edit does not name stays character for character as the saving program wrote
 * it (prefixes, whitespace, unknown extensions), which a parse-and-serialise round trip would not
 * promise.
 */
import { SamspillError } from '../../../core/samspillError';

export interface Tag {
  kind: 'open' | 'close' | 'empty';
  /** Qualified name as written, e.g. "x:sheet". */
  name: string;
  start: number;
  /** Index just past the closing '>'. */
  end: number;
}

export interface ElementSpan {
  name: string;
  prefix: string;
  start: number;
  /** Just past the start tag. */
  openEnd: number;
  /** Where the end tag starts (equal to openEnd for an empty element). */
  closeStart: number;
  end: number;
  empty: boolean;
}

/** A part the editor cannot change safely; the message names what, for support (not translated). */
export class XmlEditError extends SamspillError<'notEditable'> {
  override readonly name = 'XmlEditError';

  constructor(detail: string) {
    super('notEditable', { detail }, detail);
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export interface XmlText {
  text: string;
  bom: boolean;
}

export function decodeXml(bytes: Uint8Array): XmlText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new XmlEditError('UTF-16 XML parts are not edited');
  }
  const bom = UTF8_BOM.every((b, i) => bytes[i] === b);
  return { text: new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes), bom };
}

export function encodeXml(xml: XmlText): Uint8Array {
  const body = new TextEncoder().encode(xml.text);
  if (!xml.bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set(UTF8_BOM);
  out.set(body, 3);
  return out;
}

export function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}

function prefixOf(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? '' : qualified.slice(0, colon);
}

/** Every start, end and empty tag from `from` on, skipping comments, CDATA, PIs and declarations. */
export function* tags(xml: string, from = 0, to = xml.length): Generator<Tag> {
  let at = xml.indexOf('<', from);
  while (at >= 0 && at < to) {
    if (xml.startsWith('<!--', at)) {
      at = xml.indexOf('<', endOf(xml, '-->', at));
      continue;
    }
    if (xml.startsWith('<![CDATA[', at)) {
      at = xml.indexOf('<', endOf(xml, ']]>', at));
      continue;
    }
    if (xml[at + 1] === '?' || xml[at + 1] === '!') {
      at = xml.indexOf('<', endOf(xml, '>', at));
      continue;
    }
    let end = at + 1;
    let quote = '';
    for (; end < xml.length; end++) {
      const ch = xml[end];
      if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '>') break;
    }
    if (end >= xml.length) throw new XmlEditError('unterminated tag');
    end += 1;
    const closing = xml[at + 1] === '/';
    const nameMatch = /^[^\s/>]+/.exec(xml.slice(closing ? at + 2 : at + 1, Math.min(end, at + 300)));
    const name = nameMatch ? nameMatch[0] : '';
    const kind = closing ? 'close' : xml[end - 2] === '/' ? 'empty' : 'open';
    yield { kind, name, start: at, end };
    at = xml.indexOf('<', end);
  }
}

function endOf(xml: string, terminator: string, from: number): number {
  const found = xml.indexOf(terminator, from);
  if (found < 0) throw new XmlEditError(`unterminated ${terminator}`);
  return found + terminator.length;
}

/** The element a start tag opens: its span up to the matching end tag. */
function spanFrom(xml: string, open: Tag): ElementSpan {
  const base = { name: open.name, prefix: prefixOf(open.name), start: open.start, openEnd: open.end };
  if (open.kind === 'empty') return { ...base, closeStart: open.end, end: open.end, empty: true };
  let depth = 0;
  for (const tag of tags(xml, open.end)) {
    if (tag.kind === 'open') depth++;
    else if (tag.kind === 'close') {
      if (depth === 0) return { ...base, closeStart: tag.start, end: tag.end, empty: false };
      depth--;
    }
  }
  throw new XmlEditError(`no end tag for ${open.name}`);
}

/** The root element. */
export function rootElement(xml: string): ElementSpan {
  for (const tag of tags(xml)) if (tag.kind !== 'close') return spanFrom(xml, tag);
  throw new XmlEditError('no root element');
}

/** The direct children of an element (all, or those with the given local name). */
export function children(xml: string, parent: ElementSpan, local?: string): ElementSpan[] {
  const found: ElementSpan[] = [];
  if (parent.empty) return found;
  let at = parent.openEnd;
  while (at < parent.closeStart) {
    const next = tags(xml, at, parent.closeStart).next();
    if (next.done || next.value.kind === 'close') break;
    const span = spanFrom(xml, next.value);
    if (local === undefined || localName(span.name) === local) found.push(span);
    at = span.end;
  }
  return found;
}

export function child(xml: string, parent: ElementSpan, local: string): ElementSpan | undefined {
  return children(xml, parent, local)[0];
}

export function startTag(xml: string, span: ElementSpan): string {
  return xml.slice(span.start, span.openEnd);
}

export function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${escapeRegExp(name)}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  if (!match) return undefined;
  return unescapeXml(match[2] ?? match[3] ?? '');
}

/** The start tag with the attribute set (replaced where present, added before the end otherwise). */
export function withAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${escapeRegExp(name)}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const quoted = `"${escapeXml(value)}"`;
  if (pattern.test(tag)) return tag.replace(pattern, (_, lead: string) => `${lead}${quoted}`);
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close).replace(/\s+$/, '')} ${name}=${quoted}${tag.slice(close)}`;
}

/** The namespace URI each prefix ('' for the default) is bound to on a start tag. */
export function namespaceDeclarations(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*("([^"]*)"|'([^']*)')/g)) found.set(m[1] ?? '', m[3] ?? m[4] ?? '');
  return found;
}

/** Inserts text just before the element's end tag, expanding an empty element when needed. */
export function appendInside(xml: string, span: ElementSpan, inner: string): string {
  if (!span.empty) return xml.slice(0, span.closeStart) + inner + xml.slice(span.closeStart);
  const open = xml.slice(span.start, span.openEnd).replace(/\s*\/>$/, '>');
  return `${xml.slice(0, span.start)}${open}${inner}</${span.name}>${xml.slice(span.end)}`;
}

export function replaceSpan(xml: string, start: number, end: number, text: string): string {
  return xml.slice(0, start) + text + xml.slice(end);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, entity: string) => {
    if (entity === 'lt') return '<';
    if (entity === 'gt') return '>';
    if (entity === 'amp') return '&';
    if (entity === 'quot') return '"';
    if (entity === 'apos') return "'";
    const code = entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Local names of every element, counted: lets a check prove an edit removed nothing. */
export function elementCounts(xml: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const tag of tags(xml)) {
    if (tag.kind === 'close') continue;
    const local = localName(tag.name);
    counts.set(local, (counts.get(local) ?? 0) + 1);
  }
  return counts;
}

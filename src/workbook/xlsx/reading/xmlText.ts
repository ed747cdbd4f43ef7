/** Character data as written in package XML, turned back into the text it stands for. */

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Resolves XML entities and normalises line ends as an XML parser must (CR LF and CR → LF). */
export function decodeXmlText(raw: string): string {
  let text = raw;
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (_, entity: string) => {
    if (entity[0] !== '#') return NAMED[entity];
    const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Spreadsheet strings escape characters XML cannot carry (a carriage return, a control
 * character) as `_xHHHH_`; `_x005F_` escapes a literal underscore that would otherwise start one.
 */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Characters XML 1.0 cannot carry: C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF; lone surrogates. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const LITERAL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;

/**
 * Cell text as spreadsheet XML holds it, as Excel writes it: each character XML cannot carry as
 * `_xHHHH_`, and text that already looks like such an escape kept literal by escaping its
 * underscore (`_x005F_`). decodeOoxmlEscapes gives back the text exactly.
 */
export function encodeOoxmlEscapes(text: string): string {
  let out = text;
  if (out.includes('_x')) out = out.replace(LITERAL_ESCAPE, '_x005F_$1');
  return out.replace(NOT_XML, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** Text for a place that has no `_xHHHH_` escape (a sheet or table column name, a formula): what XML cannot carry, removed. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

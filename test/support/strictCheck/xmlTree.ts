/**
 * A small element tree of an XML part, for the strict checker: names as written (prefix kept),
 * each element's namespace resolved from the declarations in scope, text joined per element. Built
 * with saxes, a complete XML parser, so a part that is not well-formed is reported as such.
 */
import { SaxesParser } from 'saxes';

export interface XmlNode {
  /** The qualified name as written, e.g. "x14ac:dyDescent" or "c". */
  name: string;
  local: string;
  prefix: string;
  /** The element's namespace URI ('' when none). */
  uri: string;
  /** Attributes by qualified name, as written. */
  attributes: Record<string, string>;
  /** Namespace bindings in scope here: prefix ('' for the default) → URI. */
  scope: Map<string, string>;
  children: XmlNode[];
  /** The element's own text (not its children's), joined. */
  text: string;
  parent?: XmlNode;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

function split(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(':');
  return colon < 0 ? { prefix: '', local: name } : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}

/** Parses a part; throws with saxes' message when it is not well-formed. */
export function parseXml(text: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    const attributes = tag.attributes as Record<string, string>;
    // A new scope only where the element declares namespaces: a sheet's cells share their row's.
    const declares = Object.keys(attributes).some((name) => name === 'xmlns' || name.startsWith('xmlns:'));
    let scope = parent?.scope ?? new Map([['xml', XML_NS]]);
    if (declares || !parent) {
      scope = new Map(scope);
      for (const [name, value] of Object.entries(attributes)) {
        if (name === 'xmlns') scope.set('', value);
        else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
      }
    }
    const { prefix, local } = split(tag.name);
    const node: XmlNode = { name: tag.name, local, prefix, uri: scope.get(prefix) ?? '', attributes, scope, children: [], text: '', parent };
    if (parent) parent.children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('cdata', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(text).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** The namespace URI of an attribute written with this qualified name, on this element. */
export function attributeUri(node: XmlNode, name: string): string {
  const { prefix } = split(name);
  if (name === 'xmlns' || prefix === 'xmlns') return 'http://www.w3.org/2000/xmlns/';
  return prefix ? (node.scope.get(prefix) ?? '') : '';
}

export function attributeLocal(name: string): string {
  return split(name).local;
}

/** The element's children with this local name (any namespace). */
export function kids(node: XmlNode | undefined, local: string): XmlNode[] {
  return node ? node.children.filter((c) => c.local === local) : [];
}

export function kid(node: XmlNode | undefined, local: string): XmlNode | undefined {
  return node?.children.find((c) => c.local === local);
}

/** Every descendant with this local name, in document order. */
export function descendants(node: XmlNode, local: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of node.children) {
    if (c.local === local) out.push(c);
    descendants(c, local, out);
  }
  return out;
}

/** An attribute by local name, whatever its prefix (r:id, id). */
export function attr(node: XmlNode | undefined, local: string): string | undefined {
  if (!node) return undefined;
  if (local in node.attributes) return node.attributes[local];
  const found = Object.keys(node.attributes).find((k) => attributeLocal(k) === local && !k.startsWith('xmlns'));
  return found === undefined ? undefined : node.attributes[found];
}

/** All text below the element (its own and its descendants'), e.g. a rich-text <si>. */
export function deepText(node: XmlNode, only?: string): string {
  const own = only === undefined || node.local === only ? node.text : '';
  return own + node.children.map((c) => deepText(c, only)).join('');
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

/** Writes the tree back as XML (element text is put before the children: enough for schema checks). */
export function serializeXml(node: XmlNode): string {
  const attrs = Object.entries(node.attributes)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  if (node.children.length === 0 && node.text === '') return `<${node.name}${attrs}/>`;
  return `<${node.name}${attrs}>${escapeText(node.text)}${node.children.map(serializeXml).join('')}</${node.name}>`;
}

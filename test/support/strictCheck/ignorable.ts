/**
 * What Excel does with markup-compatibility before it reads a part, so the schema sees what Excel
 * validates: elements and attributes of the namespaces a part declares in `mc:Ignorable` are
 * dropped, `mc:AlternateContent` is replaced by its `mc:Fallback` (or by nothing), and the `mc:`
 * attributes themselves go (ECMA-376 Part 3, Markup Compatibility and Extensibility; the schemas'
 * README asks for the same). The content of an `<ext>` in an `<extLst>` is left as it is: the
 * schemas take anything there (`xsd:any`), and emptying it would leave an `<ext>` they refuse.
 *
 * `xml:space` goes too: XML 1.0 (§2.10) lets a document put it on any element, and Excel writes it
 * on text, but the published schemas declare it nowhere, so xmllint would refuse every one.
 */
import { attributeUri, type XmlNode } from './xmlTree';

export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

function ignorableHere(node: XmlNode, inherited: ReadonlySet<string>): Set<string> {
  const declared = Object.entries(node.attributes).find(([name]) => attributeUri(node, name) === MC_NS && name.endsWith(':Ignorable'));
  if (!declared) return new Set(inherited);
  const uris = declared[1]
    .split(/\s+/)
    .filter(Boolean)
    .map((prefix) => node.scope.get(prefix) ?? '')
    .filter(Boolean);
  return new Set([...inherited, ...uris]);
}

/** The node with ignorable markup removed; null when the node itself is ignorable. */
function strip(node: XmlNode, inherited: ReadonlySet<string>): XmlNode[] {
  const ignorable = ignorableHere(node, inherited);
  if (node.uri === MC_NS && node.local === 'AlternateContent') {
    const fallback = node.children.find((c) => c.uri === MC_NS && c.local === 'Fallback');
    return fallback ? fallback.children.flatMap((c) => strip(c, ignorable)) : [];
  }
  if (ignorable.has(node.uri)) return [];
  if (node.local === 'ext' && node.parent?.local === 'extLst') return [node];
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(node.attributes)) {
    const uri = attributeUri(node, name);
    if (uri === MC_NS || ignorable.has(uri) || name === 'xml:space') continue;
    attributes[name] = value;
  }
  return [{ ...node, attributes, children: node.children.flatMap((c) => strip(c, ignorable)) }];
}

export function withoutIgnorable(root: XmlNode): XmlNode {
  return strip(root, new Set())[0] ?? { ...root, children: [] };
}

/**
 * The same on the part's text, without building a tree: for the common case (declarations on the
 * root only, no AlternateContent), what a large sheet needs to be checked quickly. Extension lists
 * are left as they are, as above. Null when the part needs the tree (withoutIgnorable).
 */
export function withoutIgnorableText(text: string): string | null {
  if (text.includes('AlternateContent')) return null;
  const root = /<(?![?!])([\w.-]+:)?[\w.-]+(\s[^>]*)?>/.exec(text);
  if (!root) return null;
  const rootEnd = root.index + root[0].length;
  const declared = new Map([...root[0].matchAll(/\sxmlns:([\w.-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const mc = [...declared].find(([, uri]) => uri === MC_NS)?.[0];
  const ignorable = mc ? (new RegExp(`\\s${mc}:Ignorable="([^"]*)"`).exec(root[0])?.[1] ?? '').split(/\s+/).filter((p) => declared.has(p)) : [];
  // Extension lists keep their content; what is outside them must declare no namespaces of its own.
  const lists: string[] = [];
  const body = text.slice(rootEnd).replace(/<([\w.-]+:)?extLst\b[\s\S]*?<\/\1?extLst>/g, (list) => `\u0000${lists.push(list) - 1}\u0000`);
  if (/\sxmlns[:=]/.test(body)) return null;
  const prefixes = [...ignorable, ...(mc ? [mc] : [])].map((p) => p.replace(/[.-]/g, '\\$&'));
  const dropAttributes = (tag: string): string =>
    tag.replace(/\sxml:space="[^"]*"/g, '').replace(prefixes.length ? new RegExp(`\\s(?:${prefixes.join('|')}):[\\w.-]+="[^"]*"`, 'g') : /$^/, '');
  let rest = body;
  if (ignorable.length) {
    const p = ignorable.map((x) => x.replace(/[.-]/g, '\\$&')).join('|');
    rest = rest.replace(new RegExp(`<(?:${p}):[\\w.-]+\\b[^>]*/>`, 'g'), '');
    const paired = new RegExp(`<((?:${p}):[\\w.-]+)\\b[^>]*>(?:(?!<\\1\\b)[\\s\\S])*?</\\1>`, 'g');
    for (let before = ''; before !== rest;) {
      before = rest;
      rest = rest.replace(paired, '');
    }
  }
  rest = rest.replace(/<[\w.:-]+\s[^>]*>/g, (tag) => (tag.includes('xml:space') || prefixes.length ? dropAttributes(tag) : tag));
  rest = rest.replace(/\u0000(\d+)\u0000/g, (_, i: string) => lists[Number(i)]);
  return dropAttributes(text.slice(0, rootEnd)) + rest;
}

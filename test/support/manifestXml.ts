/**
 * A small element tree for reading manifest.xml in tests: saxes parses (and rejects malformed
 * XML), this keeps names as written ("bt:Image") so assertions read like the manifest itself.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: { ...tag.attributes }, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element below (and including) `element`, depth first. */
export function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendants)];
}

export function all(root: XmlElement, name: string): XmlElement[] {
  return descendants(root).filter((e) => e.name === name);
}

export function only(root: XmlElement, name: string): XmlElement {
  const found = all(root, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
}

/**
 * Every URL the manifest points Office at: attribute values and element text that hold "://",
 * leaving out namespace declarations (xmlns), which are names, not addresses.
 */
export function manifestUrls(root: XmlElement): string[] {
  const urls: string[] = [];
  for (const element of descendants(root)) {
    for (const [name, value] of Object.entries(element.attributes)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      if (value.includes('://')) urls.push(value.trim());
    }
    const text = element.text.trim();
    if (element.children.length === 0 && text.includes('://')) urls.push(text);
  }
  return urls;
}

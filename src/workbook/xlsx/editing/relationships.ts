/**
 * Package relationships as the text edits meet them: the namespace and relationship types,
 * reading a part's .rels, following them to the parts they name, and writing new ones.
 */
import { relsPartOf, resolveTarget } from '../reading/workbookStructure';
import { attribute, children, escapeXml, rootElement, startTag } from './xmlEdit';

/** The namespace of r:id attributes, and the stem of every relationship type of the main parts. */
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_WORKSHEET = `${REL_NS}/worksheet`;
export const REL_STYLES = `${REL_NS}/styles`;
export const REL_TABLE = `${REL_NS}/table`;
/** The namespace of a .rels part's root. */
const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The relationships of a .rels part, in document order; none for a missing part. */
export function relationships(xml: string | undefined): Relationship[] {
  if (xml === undefined) return [];
  const root = rootElement(xml);
  return children(xml, root, 'Relationship').map((span) => {
    const tag = startTag(xml, span);
    return {
      id: attribute(tag, 'Id') ?? '',
      type: attribute(tag, 'Type') ?? '',
      target: attribute(tag, 'Target') ?? '',
      external: attribute(tag, 'TargetMode') === 'External',
    };
  });
}

export function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** The parts a part points to through internal relationships of one type, in the order its .rels lists them. */
export function relatedParts(readText: (name: string) => string | undefined, fromPart: string, type: string): string[] {
  return relationships(readText(relsPartOf(fromPart)))
    .filter((rel) => rel.type === type && !rel.external)
    .map((rel) => resolveTarget(folderOf(fromPart), rel.target));
}

/** A relative path from one folder to a part, as relationship targets are written. */
export function relativeTarget(fromFolder: string, part: string): string {
  const from = fromFolder.split('/').filter(Boolean);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export function relationshipXml(id: string, type: string, target: string): string {
  return `<Relationship Id="${escapeXml(id)}" Type="${type}" Target="${escapeXml(target)}"/>`;
}

/** A whole .rels part holding the given <Relationship> elements. */
export function relationshipsXml(elements: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}">${elements.join('')}</Relationships>`;
}

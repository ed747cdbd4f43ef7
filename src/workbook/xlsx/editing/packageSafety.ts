/**
 * Whether a package can be extended without breaking something its owner relies on. A digital
 * signature covers the parts any addition changes; structure protection forbids new sheets; a
 * Strict OOXML package would get transitional parts beside strict ones; a 1904 date system would
 * shift every date the templates write by four years.
 */
import { attribute, children, decodeXml, namespaceDeclarations, rootElement, startTag } from './xmlEdit';
import { SamspillError } from '../../../core/samspillError';

export type RefusalReason = 'signed' | 'structureProtected' | 'strict' | 'date1904';

const SIGNATURE_ORIGIN = '/digital-signature/origin';
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const TRUE_VALUES = new Set(['1', 'true']);

export class PackageRefusal extends SamspillError<RefusalReason> {
  override readonly name = 'PackageRefusal';

  constructor(code: RefusalReason) {
    super(code, {}, `package refused: ${code}`);
  }
}

/** The first reason the package must not be extended, or null when it may be. */
export function refusalReason(partNames: string[], rootRelsXml: string | undefined, workbookXml: Uint8Array): RefusalReason | null {
  const signed = partNames.some((name) => name.toLowerCase().startsWith('_xmlsignatures/')) || (rootRelsXml ?? '').includes(SIGNATURE_ORIGIN);
  if (signed) return 'signed';
  const xml = decodeXml(workbookXml).text;
  const root = rootElement(xml);
  const rootTag = startTag(xml, root);
  const mainNs = namespaceDeclarations(rootTag).get(root.prefix);
  if (mainNs === STRICT_MAIN || attribute(rootTag, 'conformance') === 'strict') return 'strict';
  const protection = children(xml, root, 'workbookProtection')[0];
  if (protection && TRUE_VALUES.has(attribute(startTag(xml, protection), 'lockStructure') ?? '')) return 'structureProtected';
  const properties = children(xml, root, 'workbookPr')[0];
  if (properties && TRUE_VALUES.has(attribute(startTag(xml, properties), 'date1904') ?? '')) return 'date1904';
  return null;
}

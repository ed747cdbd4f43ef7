/**
 * Excel's calculation chain (xl/calcChain.xml): the order Excel last calculated the workbook's
 * formula cells in, which it writes on every save and we never write. An entry for a cell that no
 * longer holds a formula makes Excel report "Removed Records: Formula from /xl/calcChain.xml part"
 * (ISO/IEC 29500 via learn.microsoft.com "Working with the calculation chain": the part lists
 * "all cells … whose value is calculated from any formula"; Open-XML-SDK #1457 and openxlsx2 #437
 * show the repair). So an edit that replaces a formula cell takes that cell out of the chain, and a
 * chain left empty is removed with its relationship and content type, as Microsoft's Open XML SDK
 * reviewers advise (#1491): Excel rebuilds it, and our edits set fullCalcOnLoad anyway.
 *
 * Entries are `<c r="A1" i="3"/>`, `i` the sheet's id, inherited from the entry before when absent;
 * the entries kept get their sheet id written whenever it changes, so removing one never moves
 * the next to another sheet.
 */
import { relsPartOf, resolveTarget } from '../reading/workbookStructure';
import type { EditedPackage } from './editedPackage';
import { folderOf, REL_NS, relationships } from './relationships';
import { attribute, child, children, replaceSpan, rootElement, startTag, unescapeXml, withAttribute } from './xmlEdit';

export const REL_CALC_CHAIN = `${REL_NS}/calcChain`;

/** Decides, per entry, whether the cell is out of the chain: its sheet id and its address ("B5"). */
export type ChainDrop = (sheetId: number, ref: string) => boolean;

/** The workbook's calculation chain part, found through its relationships. */
export function calcChainPartOf(readText: (name: string) => string | undefined, workbookPart: string): { part: string; relId: string } | undefined {
  const rel = relationships(readText(relsPartOf(workbookPart))).find((r) => r.type === REL_CALC_CHAIN && !r.external);
  return rel ? { part: resolveTarget(folderOf(workbookPart), rel.target), relId: rel.id } : undefined;
}

/** The sheetId workbook.xml gives the named sheet (what calcChain's `i` refers to). */
export function sheetIdOf(workbookXml: string, sheetName: string): number | undefined {
  const root = rootElement(workbookXml);
  const sheets = child(workbookXml, root, 'sheets');
  if (!sheets) return undefined;
  for (const span of children(workbookXml, sheets, 'sheet')) {
    const tag = startTag(workbookXml, span);
    if (unescapeXml(attribute(tag, 'name') ?? '') === sheetName) return Number(attribute(tag, 'sheetId'));
  }
  return undefined;
}

/** The chain without the dropped entries; null when none is left (the part must then go). */
export function prunedCalcChain(xml: string, drop: ChainDrop): string | null {
  const root = rootElement(xml);
  const entries = children(xml, root, 'c');
  let sheetId = NaN;
  let keptSheet = NaN;
  const kept: string[] = [];
  for (const entry of entries) {
    const tag = startTag(xml, entry);
    const own = attribute(tag, 'i');
    if (own !== undefined) sheetId = Number(own);
    if (drop(sheetId, (attribute(tag, 'r') ?? '').replace(/\$/g, '').toUpperCase())) continue;
    kept.push(sheetId === keptSheet ? tag : withAttribute(tag, 'i', String(sheetId)));
    keptSheet = sheetId;
  }
  if (kept.length === entries.length) return xml;
  if (kept.length === 0) return null;
  return replaceSpan(xml, entries[0].start, entries[entries.length - 1].end, kept.join(''));
}

/** A .rels part without the relationship of this id. */
export function withoutRelationship(relsXml: string, relId: string): string {
  const root = rootElement(relsXml);
  const span = children(relsXml, root, 'Relationship').find((r) => attribute(startTag(relsXml, r), 'Id') === relId);
  return span ? replaceSpan(relsXml, span.start, span.end, '') : relsXml;
}

/** [Content_Types].xml without the override of this part. */
export function withoutOverride(contentTypesXml: string, part: string): string {
  const root = rootElement(contentTypesXml);
  const wanted = `/${part}`.toLowerCase();
  const span = children(contentTypesXml, root, 'Override').find((o) => (attribute(startTag(contentTypesXml, o), 'PartName') ?? '').toLowerCase() === wanted);
  return span ? replaceSpan(contentTypesXml, span.start, span.end, '') : contentTypesXml;
}

const CONTENT_TYPES = '[Content_Types].xml';

/**
 * Takes the dropped cells out of the package's calculation chain, removing the chain when it is
 * left empty. Returns the part's name when it was removed.
 */
export function pruneCalcChain(pkg: EditedPackage, workbookPart: string, drop: ChainDrop): string | undefined {
  const found = calcChainPartOf(pkg.text, workbookPart);
  const chain = found && pkg.read(found.part);
  if (!found || !chain) return undefined;
  const pruned = prunedCalcChain(chain.text, drop);
  if (pruned !== null) {
    pkg.write(chain, pruned);
    return undefined;
  }
  pkg.remove(found.part);
  const rels = pkg.read(relsPartOf(workbookPart));
  if (rels) pkg.write(rels, withoutRelationship(rels.text, found.relId));
  const types = pkg.read(CONTENT_TYPES);
  if (types) pkg.write(types, withoutOverride(types.text, found.part));
  return found.part;
}

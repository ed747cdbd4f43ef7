/**
 * The workbook part and its relationships: which sheets exist, in order, with their visibility
 * and the package part that holds each; the workbook-level defined names; the shared strings.
 * These parts are small, so they go through saxes, a complete XML parser.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { PlannedName } from '../../../core/plan/workbookPlan';
import type { SheetInfo } from '../../../core/port';
import { SamspillError } from '../../../core/samspillError';
import { readDetail, type ReadDetail } from './workbookReadError';

export interface SheetEntry extends SheetInfo {
  /** The package part holding the sheet, e.g. "xl/worksheets/sheet1.xml"; undefined if unresolvable. */
  partName: string | undefined;
}

export interface WorkbookStructure {
  sheets: SheetEntry[];
  definedNames: PlannedName[];
  sharedStringsPart: string | undefined;
}

/** Thrown for a part that is not well-formed XML; the reader turns it into a 'damaged' error. */
export class PartSyntaxError extends SamspillError<'notWellFormed'> {
  override readonly name = 'PartSyntaxError';

  constructor(
    readonly partName: string,
    readonly problem: ReadDetail,
  ) {
    super('notWellFormed', problem.values, problem);
  }
}

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

/** The main part named by the package's root relationships (normally "xl/workbook.xml"). */
export function officeDocumentPart(rootRelsXml: string | undefined): string | undefined {
  if (rootRelsXml === undefined) return undefined;
  const rels = parseRelationships(rootRelsXml, '_rels/.rels');
  const main = [...rels.values()].find((rel) => !rel.external && rel.type.endsWith('/officeDocument'));
  return main ? resolveTarget('', main.target) : undefined;
}

export function relsPartOf(partName: string): string {
  const slash = partName.lastIndexOf('/');
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

/** Returns undefined when the part's root element is not a workbook (e.g. a Word document). */
export function readWorkbookStructure(workbookPart: string, workbookXml: string, workbookRelsXml: string | undefined): WorkbookStructure | undefined {
  const rels = workbookRelsXml === undefined ? new Map<string, Relationship>() : parseRelationships(workbookRelsXml, relsPartOf(workbookPart));
  const base = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const partOf = (rel: Relationship | undefined) => (rel && !rel.external ? resolveTarget(base, rel.target) : undefined);

  const sheets: SheetEntry[] = [];
  const definedNames: PlannedName[] = [];
  let root: string | undefined;
  let name: { name: string; scoped: boolean; text: string } | undefined;
  parseXml(workbookPart, workbookXml, {
    open(tag) {
      const local = localName(tag.name);
      root ??= local;
      if (local === 'sheet') {
        sheets.push({
          name: tag.attributes.name ?? '',
          visibility: visibilityOf(tag.attributes.state),
          partName: partOf(rels.get(relationshipId(tag.attributes) ?? '')),
        });
      } else if (local === 'definedName') {
        name = { name: tag.attributes.name ?? '', scoped: tag.attributes.localSheetId !== undefined, text: '' };
      }
    },
    text(text) {
      if (name) name.text += text;
    },
    close(tagName) {
      if (localName(tagName) !== 'definedName' || !name) return;
      if (!name.scoped && !name.name.startsWith('_xlnm.')) {
        definedNames.push({ name: name.name, refersTo: name.text.trim().replace(/^=/, '') });
      }
      name = undefined;
    },
  });
  if (root !== 'workbook') return undefined;
  const sharedStrings = [...rels.values()].find((rel) => rel.type.endsWith('/sharedStrings'));
  return { sheets, definedNames, sharedStringsPart: partOf(sharedStrings) };
}

function visibilityOf(state: string | undefined): SheetInfo['visibility'] {
  if (state === 'hidden') return 'hidden';
  if (state === 'veryHidden') return 'veryHidden';
  return 'visible';
}

/** The sheet's `r:id`, whatever prefix the writer bound to the relationships namespace. */
function relationshipId(attributes: Record<string, string>): string | undefined {
  const key = Object.keys(attributes).find((attr) => attr.endsWith(':id'));
  return key === undefined ? undefined : attributes[key];
}

function parseRelationships(xml: string, partName: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  parseXml(partName, xml, {
    open(tag) {
      if (localName(tag.name) !== 'Relationship') return;
      const { Id, Type, Target, TargetMode } = tag.attributes;
      if (Id && Target !== undefined) rels.set(Id, { type: Type ?? '', target: Target, external: TargetMode === 'External' });
    },
  });
  return rels;
}

/** A relationship target relative to the source part's folder, or absolute from the package root. */
export function resolveTarget(baseFolder: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray '%' is kept as written.
  }
  const segments = decoded.startsWith('/') ? [] : baseFolder.split('/').filter(Boolean);
  for (const segment of decoded.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}

interface PlainHandlers {
  open(tag: SaxesTagPlain): void;
  text?(text: string): void;
  close?(name: string): void;
}

function parseXml(partName: string, xml: string, handlers: PlainHandlers): void {
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => handlers.open(tag as SaxesTagPlain));
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  if (handlers.close) parser.on('closetag', (tag) => handlers.close?.(tag.name));
  try {
    parser.write(xml).close();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PartSyntaxError(partName, readDetail('structureNotWellFormed', { part: partName, reason }));
  }
}

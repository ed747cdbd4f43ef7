/**
 * Adds freshly rendered template sheets to a user's existing .xlsx/.xlsm package without
 * re-serialising any of the user's parts. The fresh workbook (written by the plan writer) is taken
 * apart and its sheets, tables and styles transplanted: new parts get free names, the few shared
 * parts that must list them (workbook, its relationships, content types, styles) are edited as
 * text, and every other entry of the zip is copied as its stored bytes.
 */
import { strFromU8, unzipSync } from 'fflate';
import { PackageRefusal, refusalReason } from './packageSafety';
import { dosStamp, entryBytes, newEntry, readStoredEntries, replacedEntry, writeStoredEntries, type StoredEntry } from './packageZip';
import { mergeStyles, remapSheetStyles, SPREADSHEET_MAIN, type StyleMaps } from './styleMerge';
import { officeDocumentPart, relsPartOf, resolveTarget } from '../reading/workbookStructure';
import {
  appendInside,
  attribute,
  child,
  children,
  decodeXml,
  encodeXml,
  escapeXml,
  localName,
  namespaceDeclarations,
  replaceSpan,
  rootElement,
  startTag,
  unescapeXml,
  withAttribute,
  XmlEditError,
  type ElementSpan,
  type XmlText,
} from './xmlEdit';
import { SamspillError } from '../../../core/samspillError';

const CONTENT_TYPES = '[Content_Types].xml';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_WORKSHEET = `${REL_NS}/worksheet`;
const REL_STYLES = `${REL_NS}/styles`;
const REL_TABLE = `${REL_NS}/table`;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
/** workbook.xml children that follow <definedNames> in schema order. */
const AFTER_DEFINED_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
/** workbook.xml children that follow <calcPr>. */
const AFTER_CALC_PR = AFTER_DEFINED_NAMES.slice(1);

export interface UserSheet {
  name: string;
  sheetId: number;
  partName: string | undefined;
}

export interface UserName {
  name: string;
  /** Absent for workbook-level names. */
  localSheetId?: number;
  refersTo: string;
}

/** What the merge, and the choice of free names, need to know about the user's package. */
export interface UserPackage {
  entries: StoredEntry[];
  workbookPart: string;
  sheets: UserSheet[];
  /** Every table's name (and display name) in the package. */
  tableNames: string[];
  /** Table display names by the sheet holding them. */
  tablesBySheet: Map<string, string[]>;
  definedNames: UserName[];
}

/** A workbook-level name the templates need is already used for something else. */
export class NameConflictError extends SamspillError<'nameConflict'> {
  override readonly name = 'NameConflictError';

  constructor(readonly definedName: string) {
    super('nameConflict', { name: definedName }, `defined name ${definedName} already exists with another meaning`);
  }
}

export interface MergeResult {
  data: Uint8Array;
  /** Original parts whose bytes were deliberately changed. */
  changedParts: string[];
  addedParts: string[];
  addedSheets: string[];
}

class Parts {
  private readonly byName = new Map<string, StoredEntry>();
  constructor(readonly entries: StoredEntry[]) {
    for (const entry of entries) this.byName.set(entry.name.toLowerCase(), entry);
  }
  get(name: string): StoredEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }
  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }
  text(name: string): XmlText | undefined {
    const entry = this.get(name);
    return entry ? decodeXml(entryBytes(entry)) : undefined;
  }
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relationships(xml: string | undefined): Relationship[] {
  if (xml === undefined) return [];
  const root = rootElement(xml);
  return children(xml, root, 'Relationship').map((span) => {
    const tag = startTag(xml, span);
    return { id: attribute(tag, 'Id') ?? '', type: attribute(tag, 'Type') ?? '', target: attribute(tag, 'Target') ?? '', external: attribute(tag, 'TargetMode') === 'External' };
  });
}

function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** A relative path from one folder to a part, as relationship targets are written. */
function relativeTarget(fromFolder: string, part: string): string {
  const from = fromFolder.split('/').filter(Boolean);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** The relationships-namespace attribute holding a sheet's r:id, whatever its prefix. */
function relIdAttribute(tag: string): string | undefined {
  const match = /\s([\w.-]+:id)\s*=\s*("([^"]*)"|'([^']*)')/.exec(tag);
  return match ? unescapeXml(match[3] ?? match[4] ?? '') : undefined;
}

/** Reads what the merge needs; refuses packages that must not be extended. */
export function inspectPackage(data: Uint8Array): UserPackage {
  const entries = readStoredEntries(data);
  const parts = new Parts(entries);
  const rootRels = parts.text('_rels/.rels')?.text;
  const workbookPart = officeDocumentPart(rootRels) ?? 'xl/workbook.xml';
  const workbookEntry = parts.get(workbookPart);
  if (!workbookEntry) throw new XmlEditError(`no ${workbookPart}`);
  const workbookBytes = entryBytes(workbookEntry);
  const reason = refusalReason(entries.map((e) => e.name), rootRels, workbookBytes);
  if (reason) throw new PackageRefusal(reason);

  const xml = decodeXml(workbookBytes).text;
  const rels = relationships(parts.text(relsPartOf(workbookPart))?.text);
  const base = folderOf(workbookPart);
  const root = rootElement(xml);
  const sheetsSpan = child(xml, root, 'sheets');
  const sheets: UserSheet[] = (sheetsSpan ? children(xml, sheetsSpan, 'sheet') : []).map((span) => {
    const tag = startTag(xml, span);
    const rel = rels.find((r) => r.id === relIdAttribute(tag));
    return {
      name: attribute(tag, 'name') ?? '',
      sheetId: Number(attribute(tag, 'sheetId') ?? 0),
      partName: rel && !rel.external ? resolveTarget(base, rel.target) : undefined,
    };
  });
  const namesSpan = child(xml, root, 'definedNames');
  const definedNames: UserName[] = (namesSpan ? children(xml, namesSpan, 'definedName') : []).map((span) => {
    const tag = startTag(xml, span);
    const local = attribute(tag, 'localSheetId');
    return {
      name: attribute(tag, 'name') ?? '',
      ...(local === undefined ? {} : { localSheetId: Number(local) }),
      refersTo: unescapeXml(xml.slice(span.openEnd, span.closeStart)).trim().replace(/^=/, ''),
    };
  });

  const tableNames: string[] = [];
  const tablesBySheet = new Map<string, string[]>();
  for (const sheet of sheets) {
    if (!sheet.partName) continue;
    const sheetRels = relationships(parts.text(relsPartOf(sheet.partName))?.text);
    for (const rel of sheetRels.filter((r) => r.type === REL_TABLE && !r.external)) {
      const tableXml = parts.text(resolveTarget(folderOf(sheet.partName), rel.target))?.text;
      if (!tableXml) continue;
      const tag = startTag(tableXml, rootElement(tableXml));
      const display = attribute(tag, 'displayName') ?? attribute(tag, 'name') ?? '';
      tableNames.push(display, attribute(tag, 'name') ?? display);
      tablesBySheet.set(sheet.name, [...(tablesBySheet.get(sheet.name) ?? []), display]);
    }
  }
  return { entries, workbookPart, sheets, tableNames: [...new Set(tableNames)], tablesBySheet, definedNames };
}

/** A part name not yet used (case-insensitively): folder + stem + the first free number + ext. */
function freePartName(taken: Set<string>, folder: string, stem: string, ext: string): string {
  for (let n = 1; ; n++) {
    const name = `${folder}${stem}${n}${ext}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

function freeRelId(taken: Set<string>): string {
  for (let n = taken.size + 1; ; n++) {
    const id = `rId${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** Turns shared-string cells into inline strings, so the user's shared string table is untouched. */
function inlineStrings(sheetXml: string, sharedItems: string[]): string {
  const converted = sheetXml.replace(/<c\b([^>]*?)\st="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g, (_, before: string, after: string, index: string) => {
    const item = sharedItems[Number(index)];
    if (item === undefined) throw new XmlEditError(`shared string ${index} is missing`);
    return `<c${before} t="inlineStr"${after}><is>${item}</is></c>`;
  });
  if (/<c\b[^>]*\st="s"/.test(converted)) throw new XmlEditError('a shared-string cell could not be made inline');
  return converted;
}

interface FreshSheet {
  name: string;
  state: string | undefined;
  xml: string;
  relsXml: string | undefined;
  partName: string;
}

interface FreshWorkbook {
  files: Record<string, Uint8Array>;
  sheets: FreshSheet[];
  /** <definedName> elements as written, with the fresh workbook's localSheetId. */
  names: { tag: string; inner: string; name: string; localSheetId?: number }[];
  stylesXml: string;
  sharedItems: string[];
}

function readFresh(fresh: Uint8Array): FreshWorkbook {
  const files = unzipSync(fresh);
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : undefined);
  const xml = text('xl/workbook.xml');
  if (!xml) throw new XmlEditError('the fresh workbook has no xl/workbook.xml');
  const rels = relationships(text('xl/_rels/workbook.xml.rels'));
  const root = rootElement(xml);
  const sheets = children(xml, child(xml, root, 'sheets')!, 'sheet').map((span) => {
    const tag = startTag(xml, span);
    const rel = rels.find((r) => r.id === relIdAttribute(tag));
    if (!rel) throw new XmlEditError('fresh sheet without relationship');
    const partName = resolveTarget('xl/', rel.target);
    return { name: attribute(tag, 'name') ?? '', state: attribute(tag, 'state'), xml: text(partName) ?? '', relsXml: text(relsPartOf(partName)), partName };
  });
  const namesSpan = child(xml, root, 'definedNames');
  const names = (namesSpan ? children(xml, namesSpan, 'definedName') : []).map((span) => {
    const tag = startTag(xml, span);
    const local = attribute(tag, 'localSheetId');
    return { tag, inner: xml.slice(span.openEnd, span.closeStart), name: attribute(tag, 'name') ?? '', ...(local === undefined ? {} : { localSheetId: Number(local) }) };
  });
  const sst = text('xl/sharedStrings.xml');
  const sharedItems = sst ? children(sst, rootElement(sst), 'si').map((s) => sst.slice(s.openEnd, s.closeStart)) : [];
  return { files, sheets, names, stylesXml: text('xl/styles.xml') ?? '', sharedItems };
}

/** Options of a merge. */
export interface MergeOptions {
  /** Fresh sheets that replace the user's sheet of the same name (Samspill's own metadata sheet). */
  replaceSheets?: string[];
  now?: Date;
}

/**
 * The user's package with the fresh workbook's sheets added (or, for replaceSheets, swapped in).
 * Throws NameConflictError when a workbook-level name the templates define exists with another
 * meaning, and XmlEditError when a shared part cannot be edited safely.
 */
export function mergeFreshWorkbook(user: UserPackage, freshData: Uint8Array, options: MergeOptions = {}): MergeResult {
  const parts = new Parts(user.entries);
  const fresh = readFresh(freshData);
  const stamp = dosStamp(options.now ?? new Date());
  const replace = new Set(options.replaceSheets ?? []);
  const taken = new Set(user.entries.map((e) => e.name.toLowerCase()));
  const changed = new Map<string, Uint8Array>();
  const added: { name: string; bytes: Uint8Array }[] = [];

  const workbookPart = user.workbookPart;
  const workbookFolder = folderOf(workbookPart);
  const workbookRelsPart = relsPartOf(workbookPart);
  const workbook = parts.text(workbookPart)!;
  const workbookRels = parts.text(workbookRelsPart) ?? { text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`, bom: false };
  const contentTypes = parts.text(CONTENT_TYPES);
  if (!contentTypes) throw new XmlEditError('no [Content_Types].xml');
  const rels = relationships(workbookRels.text);
  const relIds = new Set(rels.map((r) => r.id));
  const newRels: string[] = [];
  const overrides: string[] = [];

  // Styles: merged into the user's part, or the fresh part whole when the user's package has none.
  let maps: StyleMaps;
  const stylesRel = rels.find((r) => r.type === REL_STYLES && !r.external);
  const stylesPart = stylesRel ? resolveTarget(workbookFolder, stylesRel.target) : undefined;
  const userStyles = stylesPart ? parts.text(stylesPart) : undefined;
  if (stylesPart && userStyles) {
    const merged = mergeStyles(userStyles.text, fresh.stylesXml);
    maps = merged.maps;
    changed.set(stylesPart, encodeXml({ text: merged.xml, bom: userStyles.bom }));
  } else {
    maps = identityStyleMaps(fresh.stylesXml);
    const part = freePartName(taken, workbookFolder, 'styles', '.xml');
    added.push({ name: part, bytes: new TextEncoder().encode(fresh.stylesXml) });
    newRels.push(relationshipXml(freeRelId(relIds), REL_STYLES, relativeTarget(workbookFolder, part)));
    overrides.push(overrideXml(part, CT_STYLES));
  }

  let tableId = maxTableId(parts, contentTypes.text);
  let nextSheetId = Math.max(0, ...user.sheets.map((s) => s.sheetId)) + 1;
  const sheetElements: SheetElement[] = [];
  const sheetIndex = new Map<string, number>();
  const addedSheets: string[] = [];
  const userSheetNames = new Set(user.sheets.map((s) => s.name.toLowerCase()));
  const userTableNames = new Set(user.tableNames.map((n) => n.toLowerCase()));

  for (const sheet of fresh.sheets) {
    const existing = user.sheets.findIndex((s) => s.name === sheet.name);
    const replacing = replace.has(sheet.name) && existing >= 0 && user.sheets[existing].partName !== undefined;
    if (!replacing && userSheetNames.has(sheet.name.toLowerCase())) throw new XmlEditError(`the workbook already has a sheet named ${sheet.name}`);
    const partName = replacing ? user.sheets[existing].partName! : freePartName(taken, `${workbookFolder}worksheets/`, 'sheet', '.xml');
    let sheetXml = remapSheetStyles(inlineStrings(sheet.xml, fresh.sharedItems), maps);
    if (replacing) {
      const oldRels = parts.text(relsPartOf(partName));
      if (oldRels && relationships(oldRels.text).length) throw new XmlEditError(`sheet ${sheet.name} to replace has relationships`);
    }
    const sheetRels = relationships(sheet.relsXml);
    const relElements: string[] = [];
    for (const rel of sheetRels) {
      if (rel.type !== REL_TABLE || rel.external) throw new XmlEditError(`unexpected relationship ${rel.type} in a fresh sheet`);
      const tablePart = freePartName(taken, `${workbookFolder}tables/`, 'table', '.xml');
      const freshTable = strFromU8(fresh.files[resolveTarget(folderOf(sheet.partName), rel.target)]);
      const tableRoot = rootElement(freshTable);
      const tableTag = startTag(freshTable, tableRoot);
      const tableName = attribute(tableTag, 'displayName') ?? '';
      if (userTableNames.has(tableName.toLowerCase())) throw new XmlEditError(`the workbook already has a table named ${tableName}`);
      tableId += 1;
      const tableXml = replaceSpan(freshTable, tableRoot.start, tableRoot.openEnd, withAttribute(tableTag, 'id', String(tableId)));
      added.push({ name: tablePart, bytes: new TextEncoder().encode(tableXml) });
      overrides.push(overrideXml(tablePart, CT_TABLE));
      relElements.push(relationshipXml(rel.id, REL_TABLE, relativeTarget(folderOf(partName), tablePart)));
    }
    const sheetBytes = new TextEncoder().encode(sheetXml);
    sheetXml = '';
    if (replacing) {
      changed.set(partName, sheetBytes);
      sheetIndex.set(sheet.name, existing);
      continue;
    }
    added.push({ name: partName, bytes: sheetBytes });
    if (relElements.length) {
      const relsPart = relsPartOf(partName);
      taken.add(relsPart.toLowerCase());
      added.push({ name: relsPart, bytes: new TextEncoder().encode(relationshipsXml(relElements)) });
    }
    overrides.push(overrideXml(partName, CT_WORKSHEET));
    const relId = freeRelId(relIds);
    newRels.push(relationshipXml(relId, REL_WORKSHEET, relativeTarget(workbookFolder, partName)));
    sheetIndex.set(sheet.name, user.sheets.length + addedSheets.length);
    sheetElements.push({ relId, name: sheet.name, state: sheet.state, sheetId: nextSheetId++ });
    addedSheets.push(sheet.name);
  }

  changed.set(workbookPart, encodeXml({ text: editWorkbook(workbook.text, sheetElements, namesToAdd(user, fresh, sheetIndex)), bom: workbook.bom }));
  if (newRels.length) changed.set(workbookRelsPart, encodeXml({ text: appendToRoot(workbookRels.text, newRels.join('')), bom: workbookRels.bom }));
  if (overrides.length) changed.set(CONTENT_TYPES, encodeXml({ text: appendToRoot(contentTypes.text, overrides.join('')), bom: contentTypes.bom }));

  const entries = user.entries.map((entry) => {
    const bytes = changed.get(entry.name);
    return bytes ? replacedEntry(entry, bytes) : entry;
  });
  if (!parts.has(workbookRelsPart) && newRels.length) added.unshift({ name: workbookRelsPart, bytes: changed.get(workbookRelsPart)! });
  for (const part of added) entries.push(newEntry(part.name, part.bytes, stamp));
  return {
    data: writeStoredEntries(entries),
    changedParts: user.entries.filter((e) => changed.has(e.name)).map((e) => e.name),
    addedParts: added.map((a) => a.name),
    addedSheets,
  };
}

function identityStyleMaps(stylesXml: string): StyleMaps {
  const root = rootElement(stylesXml);
  const count = (name: string, item: string) => {
    const span = child(stylesXml, root, name);
    return span ? children(stylesXml, span, item).length : 0;
  };
  return { xf: [...Array(count('cellXfs', 'xf')).keys()], dxf: [...Array(count('dxfs', 'dxf')).keys()] };
}

function maxTableId(parts: Parts, contentTypesXml: string): number {
  let max = 0;
  const root = rootElement(contentTypesXml);
  for (const span of children(contentTypesXml, root, 'Override')) {
    const tag = startTag(contentTypesXml, span);
    if (attribute(tag, 'ContentType') !== CT_TABLE) continue;
    const table = parts.text((attribute(tag, 'PartName') ?? '').replace(/^\//, ''))?.text;
    if (!table) continue;
    max = Math.max(max, Number(attribute(startTag(table, rootElement(table)), 'id') ?? 0) || 0);
  }
  return max;
}

function relationshipXml(id: string, type: string, target: string): string {
  return `<Relationship Id="${escapeXml(id)}" Type="${type}" Target="${escapeXml(target)}"/>`;
}

function relationshipsXml(elements: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${elements.join('')}</Relationships>`;
}

function overrideXml(part: string, contentType: string): string {
  return `<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`;
}

/** Appends elements inside the root, declaring the root's namespace on them if it is prefixed. */
function appendToRoot(xml: string, elements: string): string {
  const root = rootElement(xml);
  const decl = namespaceDeclarations(startTag(xml, root));
  const ns = decl.get(root.prefix) ?? '';
  const inner = root.prefix && decl.get('') !== ns ? elements.replace(/<(\w+)\s/g, `<$1 xmlns="${ns}" `) : elements;
  return appendInside(xml, root, inner);
}

interface NameToAdd {
  tag: string;
  inner: string;
}

/** The fresh workbook's names, with localSheetId renumbered, minus those the user already has. */
function namesToAdd(user: UserPackage, fresh: FreshWorkbook, sheetIndex: Map<string, number>): NameToAdd[] {
  const result: NameToAdd[] = [];
  for (const name of fresh.names) {
    const refersTo = unescapeXml(name.inner).trim().replace(/^=/, '');
    if (name.localSheetId !== undefined) {
      const index = sheetIndex.get(fresh.sheets[name.localSheetId]?.name ?? '');
      if (index === undefined) continue;
      const same = user.definedNames.find((u) => u.localSheetId === index && u.name.toLowerCase() === name.name.toLowerCase());
      if (same) continue;
      result.push({ tag: withAttribute(name.tag, 'localSheetId', String(index)), inner: name.inner });
      continue;
    }
    const same = user.definedNames.find((u) => u.localSheetId === undefined && u.name.toLowerCase() === name.name.toLowerCase());
    if (same) {
      if (same.refersTo === refersTo) continue;
      throw new NameConflictError(name.name);
    }
    result.push({ tag: name.tag, inner: name.inner });
  }
  return result;
}

interface SheetElement {
  relId: string;
  name: string;
  state: string | undefined;
  sheetId: number;
}

/** Adds <sheet> entries, defined names and full recalculation on load to workbook.xml. */
function editWorkbook(xml: string, sheets: SheetElement[], names: NameToAdd[]): string {
  const root = () => rootElement(xml);
  const rootTag = startTag(xml, root());
  const decl = namespaceDeclarations(rootTag);
  const prefix = root().prefix;
  if ((decl.get(prefix) ?? '') !== SPREADSHEET_MAIN) throw new XmlEditError('workbook part is not SpreadsheetML (transitional)');
  const ownNs = decl.get('') === SPREADSHEET_MAIN ? '' : ` xmlns="${SPREADSHEET_MAIN}"`;
  const relPrefix = [...decl.entries()].find(([p, uri]) => p && uri === REL_NS)?.[0];
  const relAttr = (id: string) => (relPrefix ? `${relPrefix}:id="${escapeXml(id)}"` : `xmlns:r="${REL_NS}" r:id="${escapeXml(id)}"`);
  const qualified = (local: string) => (prefix ? `${prefix}:${local}` : local);

  if (sheets.length) {
    const sheetsSpan = child(xml, root(), 'sheets');
    if (!sheetsSpan) throw new XmlEditError('workbook.xml has no <sheets>');
    const elements = sheets
      .map((s) => `<sheet${ownNs} name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${s.state && s.state !== 'visible' ? ` state="${s.state}"` : ''} ${relAttr(s.relId)}/>`)
      .join('');
    xml = appendInside(xml, sheetsSpan, elements);
  }
  if (names.length) {
    const elements = names.map((n) => `${ownNs ? n.tag.replace(/^<definedName/, `<definedName${ownNs}`) : n.tag}${n.inner}</definedName>`).join('');
    let namesSpan = child(xml, root(), 'definedNames');
    if (!namesSpan) {
      const at = laterSibling(xml, root(), AFTER_DEFINED_NAMES)?.start ?? root().closeStart;
      xml = replaceSpan(xml, at, at, `<${qualified('definedNames')}/>`);
      namesSpan = child(xml, root(), 'definedNames')!;
    }
    xml = appendInside(xml, namesSpan, elements);
  }
  if (sheets.length) {
    // The templates' cached results were computed from the rows; Excel recomputes them on open.
    const calc = child(xml, root(), 'calcPr');
    if (calc) xml = replaceSpan(xml, calc.start, calc.openEnd, withAttribute(startTag(xml, calc), 'fullCalcOnLoad', '1'));
    else {
      const at = laterSibling(xml, root(), AFTER_CALC_PR)?.start ?? root().closeStart;
      xml = replaceSpan(xml, at, at, `<${qualified('calcPr')} fullCalcOnLoad="1"/>`);
    }
  }
  return xml;
}

function laterSibling(xml: string, root: ElementSpan, names: string[]): ElementSpan | undefined {
  return children(xml, root).find((span) => names.includes(localName(span.name)));
}

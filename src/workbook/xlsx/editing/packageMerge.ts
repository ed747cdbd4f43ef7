/**
 * Adds freshly rendered template sheets to a user's existing .xlsx/.xlsm package without
 * re-serialising any of the user's parts. The fresh workbook (written by the plan writer) is taken
 * apart and its sheets, tables and styles transplanted: new parts get free names, the few shared
 * parts that must list them (workbook, its relationships, content types, styles) are edited as
 * text, and every other entry of the zip is copied as its stored bytes.
 */
import { strFromU8, unzipSync } from 'fflate';
import { EditedPackage } from './editedPackage';
import { PackageRefusal, refusalReason } from './packageSafety';
import { dosStamp, entryBytes, newEntry, readStoredEntries, replacedEntry, writeStoredEntries, type StoredEntry } from './packageZip';
import {
  folderOf,
  REL_NS,
  REL_STYLES,
  REL_TABLE,
  REL_WORKSHEET,
  relationships,
  relationshipsXml,
  relationshipXml,
  relativeTarget,
  type Relationship,
} from './relationships';
import { calcChainPartOf, prunedCalcChain, withoutOverride, withoutRelationship } from './calcChain';
import { formulaCells } from './sheetRows';
import { tablesOnSheet } from './sheetTables';
import { mergeStyles, remapSheetStyles, SPREADSHEET_MAIN, type StyleMaps } from './styleMerge';
import { AFTER_CALC_PR, withFullCalcOnLoad } from './workbookPart';
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
import { parseCellReference, sameReference } from '../../../core/model/a1';

const CONTENT_TYPES = '[Content_Types].xml';
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
/** workbook.xml children that follow <definedNames> in schema order. */
const AFTER_DEFINED_NAMES = ['calcPr', ...AFTER_CALC_PR];

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
  /** Changed parts that may hold fewer elements than before (the calculation chain, pruned). */
  prunedParts: string[];
  /** Original parts taken out (the calculation chain, when a replaced sheet left it empty). */
  removedParts: string[];
  addedParts: string[];
  addedSheets: string[];
}

/** The relationships-namespace attribute holding a sheet's r:id, whatever its prefix. */
function relIdAttribute(tag: string): string | undefined {
  const match = /\s([\w.-]+:id)\s*=\s*("([^"]*)"|'([^']*)')/.exec(tag);
  return match ? unescapeXml(match[3] ?? match[4] ?? '') : undefined;
}

/** Reads what the merge needs; refuses packages that must not be extended. */
export function inspectPackage(data: Uint8Array): UserPackage {
  const entries = readStoredEntries(data);
  const parts = new EditedPackage(entries);
  const rootRels = parts.text('_rels/.rels');
  const workbookPart = officeDocumentPart(rootRels) ?? 'xl/workbook.xml';
  const workbookEntry = parts.entry(workbookPart);
  if (!workbookEntry) throw new XmlEditError(`no ${workbookPart}`);
  const workbookBytes = entryBytes(workbookEntry);
  const reason = refusalReason(
    entries.map((e) => e.name),
    rootRels,
    workbookBytes,
  );
  if (reason) throw new PackageRefusal(reason);

  const xml = decodeXml(workbookBytes).text;
  const sheets = userSheets(xml, relationships(parts.text(relsPartOf(workbookPart))), folderOf(workbookPart));
  return { entries, workbookPart, sheets, ...userTables(parts, sheets), definedNames: userNames(xml) };
}

/** The <sheet> entries of workbook.xml, each with the part its relationship names. */
function userSheets(xml: string, rels: Relationship[], base: string): UserSheet[] {
  const sheetsSpan = child(xml, rootElement(xml), 'sheets');
  return (sheetsSpan ? children(xml, sheetsSpan, 'sheet') : []).map((span) => {
    const tag = startTag(xml, span);
    const rel = rels.find((r) => r.id === relIdAttribute(tag));
    return {
      name: attribute(tag, 'name') ?? '',
      sheetId: Number(attribute(tag, 'sheetId') ?? 0),
      partName: rel && !rel.external ? resolveTarget(base, rel.target) : undefined,
    };
  });
}

function userNames(xml: string): UserName[] {
  const namesSpan = child(xml, rootElement(xml), 'definedNames');
  return (namesSpan ? children(xml, namesSpan, 'definedName') : []).map((span) => {
    const tag = startTag(xml, span);
    const local = attribute(tag, 'localSheetId');
    return {
      name: attribute(tag, 'name') ?? '',
      ...(local === undefined ? {} : { localSheetId: Number(local) }),
      refersTo: unescapeXml(xml.slice(span.openEnd, span.closeStart)).trim().replace(/^=/, ''),
    };
  });
}

function userTables(parts: EditedPackage, sheets: UserSheet[]): Pick<UserPackage, 'tableNames' | 'tablesBySheet'> {
  const tableNames: string[] = [];
  const tablesBySheet = new Map<string, string[]>();
  for (const sheet of sheets) {
    if (!sheet.partName) continue;
    for (const table of tablesOnSheet(parts, sheet.partName)) {
      tableNames.push(table.displayName, table.name);
      tablesBySheet.set(sheet.name, [...(tablesBySheet.get(sheet.name) ?? []), table.displayName]);
    }
  }
  return { tableNames: [...new Set(tableNames)], tablesBySheet };
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
    return {
      tag,
      inner: xml.slice(span.openEnd, span.closeStart),
      name: attribute(tag, 'name') ?? '',
      ...(local === undefined ? {} : { localSheetId: Number(local) }),
    };
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
  const merge = new PackageMerge(user, readFresh(freshData), options);
  const maps = merge.mergeStyles();
  for (const sheet of merge.fresh.sheets) merge.transplantSheet(sheet, maps);
  merge.editSharedParts();
  return merge.result();
}

/**
 * One merge under way: the user's parts, the names taken so far, and what it has changed and
 * added. Its steps run in order (styles, each sheet, the shared parts, the result), because the
 * free names and relationship ids each step picks depend on those picked before.
 */
class PackageMerge {
  private readonly parts: EditedPackage;
  private readonly replace: Set<string>;
  private readonly stamp: { time: number; date: number };
  /** Part names in use, lower-case. */
  private readonly taken: Set<string>;
  private readonly changed = new Map<string, Uint8Array>();
  private readonly added: { name: string; bytes: Uint8Array }[] = [];
  private readonly workbookPart: string;
  private readonly workbookFolder: string;
  private readonly workbookRelsPart: string;
  private readonly workbook: XmlText;
  private readonly workbookRels: XmlText;
  private readonly contentTypes: XmlText;
  private readonly rels: Relationship[];
  private readonly relIds: Set<string>;
  /** <Relationship> elements to add to the workbook's relationships. */
  private readonly newRels: string[] = [];
  /** <Override> elements to add to the content types. */
  private readonly overrides: string[] = [];
  private tableId: number;
  private nextSheetId: number;
  private readonly sheetElements: SheetElement[] = [];
  /** Each fresh sheet's position in the merged workbook, for its sheet-scoped names. */
  private readonly sheetIndex = new Map<string, number>();
  private readonly addedSheets: string[] = [];
  private readonly userSheetNames: Set<string>;
  private readonly userTableNames: Set<string>;
  /** Formula cells of each replaced sheet, by its sheetId: the calculation chain keeps only these there. */
  private readonly replacedFormulas = new Map<number, Set<string>>();
  private readonly pruned: string[] = [];
  private readonly removed = new Set<string>();

  constructor(
    private readonly user: UserPackage,
    readonly fresh: FreshWorkbook,
    options: MergeOptions,
  ) {
    this.parts = new EditedPackage(user.entries);
    this.stamp = dosStamp(options.now ?? new Date());
    this.replace = new Set(options.replaceSheets ?? []);
    this.taken = new Set(user.entries.map((e) => e.name.toLowerCase()));
    this.workbookPart = user.workbookPart;
    this.workbookFolder = folderOf(this.workbookPart);
    this.workbookRelsPart = relsPartOf(this.workbookPart);
    this.workbook = this.parts.read(this.workbookPart)!;
    this.workbookRels = this.parts.read(this.workbookRelsPart) ?? { text: relationshipsXml([]), bom: false };
    const contentTypes = this.parts.read(CONTENT_TYPES);
    if (!contentTypes) throw new XmlEditError('no [Content_Types].xml');
    this.contentTypes = contentTypes;
    this.rels = relationships(this.workbookRels.text);
    this.relIds = new Set(this.rels.map((r) => r.id));
    this.tableId = maxTableId(this.parts, contentTypes.text);
    this.nextSheetId = Math.max(0, ...user.sheets.map((s) => s.sheetId)) + 1;
    this.userSheetNames = new Set(user.sheets.map((s) => s.name.toLowerCase()));
    this.userTableNames = new Set(user.tableNames.map((n) => n.toLowerCase()));
  }

  /** Styles: merged into the user's part, or the fresh part whole when the user's package has none. */
  mergeStyles(): StyleMaps {
    const stylesRel = this.rels.find((r) => r.type === REL_STYLES && !r.external);
    const stylesPart = stylesRel ? resolveTarget(this.workbookFolder, stylesRel.target) : undefined;
    const userStyles = stylesPart ? this.parts.read(stylesPart) : undefined;
    if (stylesPart && userStyles) {
      const merged = mergeStyles(userStyles.text, this.fresh.stylesXml);
      this.changed.set(stylesPart, encodeXml({ text: merged.xml, bom: userStyles.bom }));
      return merged.maps;
    }
    const part = freePartName(this.taken, this.workbookFolder, 'styles', '.xml');
    this.added.push({ name: part, bytes: new TextEncoder().encode(this.fresh.stylesXml) });
    this.linkFromWorkbook(REL_STYLES, part);
    this.overrides.push(overrideXml(part, CT_STYLES));
    return identityStyleMaps(this.fresh.stylesXml);
  }

  /** A fresh sheet (and its tables) as a new part, or in place of the user's sheet it replaces. */
  transplantSheet(sheet: FreshSheet, maps: StyleMaps): void {
    const existing = this.user.sheets.findIndex((s) => s.name === sheet.name);
    const replacing = this.replace.has(sheet.name) && existing >= 0 && this.user.sheets[existing].partName !== undefined;
    if (!replacing && this.userSheetNames.has(sheet.name.toLowerCase())) throw new XmlEditError(`the workbook already has a sheet named ${sheet.name}`);
    const partName = replacing ? this.user.sheets[existing].partName! : freePartName(this.taken, `${this.workbookFolder}worksheets/`, 'sheet', '.xml');
    let sheetXml = remapSheetStyles(inlineStrings(sheet.xml, this.fresh.sharedItems), maps);
    if (replacing) {
      const oldRels = this.parts.read(relsPartOf(partName));
      if (oldRels && relationships(oldRels.text).length) throw new XmlEditError(`sheet ${sheet.name} to replace has relationships`);
    }
    const relElements = this.transplantTables(sheet, partName);
    if (replacing) this.replacedFormulas.set(this.user.sheets[existing].sheetId, formulaCells(sheetXml));
    const sheetBytes = new TextEncoder().encode(sheetXml);
    sheetXml = '';
    if (replacing) {
      this.changed.set(partName, sheetBytes);
      this.sheetIndex.set(sheet.name, existing);
      return;
    }
    this.added.push({ name: partName, bytes: sheetBytes });
    if (relElements.length) {
      const relsPart = relsPartOf(partName);
      this.taken.add(relsPart.toLowerCase());
      this.added.push({ name: relsPart, bytes: new TextEncoder().encode(relationshipsXml(relElements)) });
    }
    this.overrides.push(overrideXml(partName, CT_WORKSHEET));
    const relId = this.linkFromWorkbook(REL_WORKSHEET, partName);
    this.sheetIndex.set(sheet.name, this.user.sheets.length + this.addedSheets.length);
    this.sheetElements.push({ relId, name: sheet.name, state: sheet.state, sheetId: this.nextSheetId++ });
    this.addedSheets.push(sheet.name);
  }

  /** The fresh sheet's tables as new parts with fresh ids; returns the sheet's relationships to them. */
  private transplantTables(sheet: FreshSheet, partName: string): string[] {
    const relElements: string[] = [];
    for (const rel of relationships(sheet.relsXml)) {
      if (rel.type !== REL_TABLE || rel.external) throw new XmlEditError(`unexpected relationship ${rel.type} in a fresh sheet`);
      const tablePart = freePartName(this.taken, `${this.workbookFolder}tables/`, 'table', '.xml');
      const freshTable = strFromU8(this.fresh.files[resolveTarget(folderOf(sheet.partName), rel.target)]);
      const tableRoot = rootElement(freshTable);
      const tableTag = startTag(freshTable, tableRoot);
      const tableName = attribute(tableTag, 'displayName') ?? '';
      if (this.userTableNames.has(tableName.toLowerCase())) throw new XmlEditError(`the workbook already has a table named ${tableName}`);
      this.tableId += 1;
      const tableXml = replaceSpan(freshTable, tableRoot.start, tableRoot.openEnd, withAttribute(tableTag, 'id', String(this.tableId)));
      this.added.push({ name: tablePart, bytes: new TextEncoder().encode(tableXml) });
      this.overrides.push(overrideXml(tablePart, CT_TABLE));
      relElements.push(relationshipXml(rel.id, REL_TABLE, relativeTarget(folderOf(partName), tablePart)));
    }
    return relElements;
  }

  /** A new relationship from the workbook to a part; returns its id. */
  private linkFromWorkbook(type: string, part: string): string {
    const relId = freeRelId(this.relIds);
    this.newRels.push(relationshipXml(relId, type, relativeTarget(this.workbookFolder, part)));
    return relId;
  }

  /** workbook.xml, its relationships and the content types, listing what was added (and a calculation chain removed). */
  editSharedParts(): void {
    const names = nameEdits(this.user, this.fresh, this.sheetIndex, this.replace);
    const text = editWorkbook(redefineNames(this.workbook.text, names.redefine), this.sheetElements, names.add);
    this.changed.set(this.workbookPart, encodeXml({ text, bom: this.workbook.bom }));
    let rels = this.workbookRels.text;
    let types = this.contentTypes.text;
    const chain = this.prunedCalcChain();
    if (chain && chain.text === null) {
      this.removed.add(chain.part);
      rels = withoutRelationship(rels, chain.relId);
      types = withoutOverride(types, chain.part);
    }
    if (this.newRels.length || rels !== this.workbookRels.text)
      this.changed.set(this.workbookRelsPart, encodeXml({ text: appendToRoot(rels, this.newRels.join('')), bom: this.workbookRels.bom }));
    if (this.overrides.length || types !== this.contentTypes.text)
      this.changed.set(CONTENT_TYPES, encodeXml({ text: appendToRoot(types, this.overrides.join('')), bom: this.contentTypes.bom }));
  }

  /**
   * The calculation chain Excel saved, without the cells of a replaced sheet that no longer hold a
   * formula (see calcChain.ts); text null when nothing is left of it, undefined when it is unchanged.
   */
  private prunedCalcChain(): { part: string; relId: string; text: string | null } | undefined {
    if (this.replacedFormulas.size === 0) return undefined;
    const found = calcChainPartOf(this.parts.text, this.workbookPart);
    const stored = found ? this.parts.entry(found.part) : undefined;
    if (!found || !stored) return undefined;
    const xml = decodeXml(entryBytes(stored));
    const text = prunedCalcChain(xml.text, (id, ref) => this.replacedFormulas.has(id) && !this.replacedFormulas.get(id)!.has(ref));
    if (text === xml.text) return undefined;
    if (text !== null) {
      this.changed.set(stored.name, encodeXml({ text, bom: xml.bom }));
      this.pruned.push(stored.name);
    }
    return { part: stored.name, relId: found.relId, text };
  }

  /** The package: the user's entries in their order (changed ones re-encoded), then the new parts. */
  result(): MergeResult {
    const entries = this.user.entries
      .filter((entry) => !this.removed.has(entry.name))
      .map((entry) => {
        const bytes = this.changed.get(entry.name);
        return bytes ? replacedEntry(entry, bytes) : entry;
      });
    if (!this.parts.has(this.workbookRelsPart) && this.newRels.length)
      this.added.unshift({ name: this.workbookRelsPart, bytes: this.changed.get(this.workbookRelsPart)! });
    for (const part of this.added) entries.push(newEntry(part.name, part.bytes, this.stamp));
    return {
      data: writeStoredEntries(entries),
      changedParts: this.user.entries.filter((e) => this.changed.has(e.name)).map((e) => e.name),
      prunedParts: this.pruned,
      removedParts: [...this.removed],
      addedParts: this.added.map((a) => a.name),
      addedSheets: this.addedSheets,
    };
  }
}

function identityStyleMaps(stylesXml: string): StyleMaps {
  const root = rootElement(stylesXml);
  const count = (name: string, item: string) => {
    const span = child(stylesXml, root, name);
    return span ? children(stylesXml, span, item).length : 0;
  };
  return { xf: [...Array(count('cellXfs', 'xf')).keys()], dxf: [...Array(count('dxfs', 'dxf')).keys()] };
}

function maxTableId(parts: EditedPackage, contentTypesXml: string): number {
  let max = 0;
  const root = rootElement(contentTypesXml);
  for (const span of children(contentTypesXml, root, 'Override')) {
    const tag = startTag(contentTypesXml, span);
    if (attribute(tag, 'ContentType') !== CT_TABLE) continue;
    const table = parts.text((attribute(tag, 'PartName') ?? '').replace(/^\//, ''));
    if (!table) continue;
    max = Math.max(max, Number(attribute(startTag(table, rootElement(table)), 'id') ?? 0) || 0);
  }
  return max;
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

/** What the merge does to workbook.xml's defined names: new ones added, the templates' own moved or cleared. */
interface NameEdits {
  add: NameToAdd[];
  /**
   * Workbook-level names (lower case) pointing into a replaced sheet, with their new definition:
   * where the fresh sheet puts the figure now, or #REF! for a kpi_* figure it no longer has (a
   * breakdown row of a list that got shorter), as Excel marks a name whose cell is gone.
   */
  redefine: Map<string, string>;
}

/** Whether a definition points into one of the sheets being replaced. */
function intoReplaced(refersTo: string, replaced: Set<string>): boolean {
  const target = parseCellReference(refersTo);
  return target !== null && replaced.has(target.sheet);
}

/** The fresh workbook's names, with localSheetId renumbered, minus those the user already has; and the replaced sheets' own names moved. */
function nameEdits(user: UserPackage, fresh: FreshWorkbook, sheetIndex: Map<string, number>, replaced: Set<string>): NameEdits {
  const add: NameToAdd[] = [];
  const redefine = new Map<string, string>();
  for (const name of fresh.names) {
    const refersTo = unescapeXml(name.inner).trim().replace(/^=/, '');
    if (name.localSheetId !== undefined) {
      const index = sheetIndex.get(fresh.sheets[name.localSheetId]?.name ?? '');
      if (index === undefined) continue;
      const same = user.definedNames.find((u) => u.localSheetId === index && u.name.toLowerCase() === name.name.toLowerCase());
      if (same) continue;
      add.push({ tag: withAttribute(name.tag, 'localSheetId', String(index)), inner: name.inner });
      continue;
    }
    // Tables and defined names share one namespace: a name equal to a table's makes Excel repair the file (rust_xlsxwriter #189).
    if (user.tableNames.some((t) => t.toLowerCase() === name.name.toLowerCase())) throw new NameConflictError(name.name);
    const same = user.definedNames.find((u) => u.localSheetId === undefined && u.name.toLowerCase() === name.name.toLowerCase());
    if (same) {
      // Excel writes the formula back in its own form (no quotes where none are needed).
      if (sameReference(same.refersTo, refersTo)) continue;
      // A figure of the sheet being rendered afresh has moved with its layout (a list grew): it follows.
      if (intoReplaced(same.refersTo, replaced)) {
        redefine.set(name.name.toLowerCase(), name.inner);
        continue;
      }
      throw new NameConflictError(name.name);
    }
    add.push({ tag: name.tag, inner: name.inner });
  }
  const freshNames = new Set(fresh.names.filter((n) => n.localSheetId === undefined).map((n) => n.name.toLowerCase()));
  for (const u of user.definedNames) {
    const key = u.name.toLowerCase();
    if (u.localSheetId === undefined && key.startsWith('kpi_') && !freshNames.has(key) && intoReplaced(u.refersTo, replaced)) redefine.set(key, '#REF!');
  }
  return { add, redefine };
}

/** workbook.xml with the given workbook-level names' definitions replaced (elements and attributes kept). */
function redefineNames(xml: string, redefine: Map<string, string>): string {
  if (redefine.size === 0) return xml;
  const namesSpan = child(xml, rootElement(xml), 'definedNames');
  if (!namesSpan) return xml;
  // From the last name up, so earlier positions stay valid.
  for (const span of children(xml, namesSpan, 'definedName').reverse()) {
    const tag = startTag(xml, span);
    const inner = attribute(tag, 'localSheetId') === undefined ? redefine.get((attribute(tag, 'name') ?? '').toLowerCase()) : undefined;
    if (inner === undefined || span.empty) continue;
    xml = replaceSpan(xml, span.openEnd, span.closeStart, inner);
  }
  return xml;
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
      .map(
        (s) =>
          `<sheet${ownNs} name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${s.state && s.state !== 'visible' ? ` state="${s.state}"` : ''} ${relAttr(s.relId)}/>`,
      )
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
    xml = withFullCalcOnLoad(xml);
  }
  return xml;
}

function laterSibling(xml: string, root: ElementSpan, names: string[]): ElementSpan | undefined {
  return children(xml, root).find((span) => names.includes(localName(span.name)));
}

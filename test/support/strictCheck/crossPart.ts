/**
 * Excel's rules that span parts, which no schema can see; each one, broken, makes Excel repair the
 * file (sources in /work/notes/excel-behaviours.md §12 and the issue threads cited there):
 *
 * - contentType: every part has a content type ([Content_Types].xml; OPC, ECMA-376 Part 2).
 * - relationship: every internal relationship points at a part that exists (Part 2).
 * - tableId, tableName: table ids and names are unique in the workbook (names without case).
 * - tableHeader: a table's header cells hold exactly its column names (XlsxWriter #1126, #739:
 *   "Repaired Records: Table from /xl/tables/table1.xml part").
 * - tableOverlap: a table never overlaps another table, merged cells or the sheet's autoFilter.
 * - styleIndex, sharedString: a cell's style and shared-string indexes exist.
 * - calcChain: the calculation chain lists only cells that hold a formula ("Removed Records:
 *   Formula from /xl/calcChain.xml part"; Open-XML-SDK #1457, openxlsx2 #437).
 * - definedName: names are valid and unique per scope, and none equals a table's name
 *   (rust_xlsxwriter #189, XlsxWriter #319).
 * - validationLength: a data validation's formula is at most 255 characters (XlsxWriter #562, #89).
 * - spacePreserved: text with leading or trailing blanks carries xml:space="preserve", or Excel
 *   trims it (excel-builder.js #65, fastexcel #624) — and a trimmed header no longer equals its column.
 */
import { CONTENT_TYPES_PART, type PackageParts } from './packageParts';
import type { StrictProblem } from './problems';
import { attr, deepText, descendants, kid, kids, type XmlNode } from './xmlTree';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_TABLE = `${REL}/table`;
const REL_STYLES = `${REL}/styles`;
const REL_SHARED_STRINGS = `${REL}/sharedStrings`;
const REL_CALC_CHAIN = `${REL}/calcChain`;
const REL_OFFICE_DOCUMENT = `${REL}/officeDocument`;

const SML_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.';
/** The content types a part reached through each relationship type may have. */
const EXPECTED_CONTENT_TYPE: Record<string, string[]> = {
  officeDocument: [
    `${SML_CT}sheet.main+xml`,
    `${SML_CT}template.main+xml`,
    'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
    'application/vnd.ms-excel.template.macroEnabled.main+xml',
  ],
  worksheet: [`${SML_CT}worksheet+xml`],
  table: [`${SML_CT}table+xml`],
  styles: [`${SML_CT}styles+xml`],
  sharedStrings: [`${SML_CT}sharedStrings+xml`],
  calcChain: [`${SML_CT}calcChain+xml`],
  comments: [`${SML_CT}comments+xml`],
  theme: ['application/vnd.openxmlformats-officedocument.theme+xml'],
  drawing: ['application/vnd.openxmlformats-officedocument.drawing+xml'],
  chart: ['application/vnd.openxmlformats-officedocument.drawingml.chart+xml'],
};

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function sourceOfRels(relsPart: string): string | undefined {
  const m = /^(.*?)_rels\/([^/]+)\.rels$/.exec(relsPart);
  return m ? `${m[1]}${m[2]}` : undefined;
}

function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A target with a stray % is taken as written.
  }
  if (decoded.startsWith('/')) return decoded.slice(1);
  const out = source.split('/').slice(0, -1);
  for (const seg of decoded.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function parseRange(ref: string | undefined): Range | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec((ref ?? '').trim());
  if (!m) return null;
  const c1 = colNumber(m[1]);
  const r1 = Number(m[2]);
  return { c1, r1, c2: m[3] ? colNumber(m[3]) : c1, r2: m[4] ? Number(m[4]) : r1 };
}

const overlaps = (a: Range, b: Range): boolean => a.c1 <= b.c2 && b.c1 <= a.c2 && a.r1 <= b.r2 && b.r1 <= a.r2;
const cellRef = (row: number, col: number): string => {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
};

/** ST_Xstring escapes (_x000A_) as Excel writes line breaks and control characters in names. */
const unescapeXstring = (text: string): string => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** A defined name Excel accepts: a letter, _ or \ first; no spaces; not a cell reference; built-ins as _xlnm. */
function validName(name: string): boolean {
  if (/^_xlnm\.[A-Za-z_]+$/.test(name)) return true;
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return false;
  return true;
}

interface SheetInfo {
  name: string;
  sheetId: number;
  part: string | undefined;
}

class Checker {
  readonly problems: StrictProblem[] = [];
  private readonly relsCache = new Map<string, Rel[]>();

  constructor(private readonly parts: PackageParts) {}

  report(rule: string, part: string, message: string): void {
    this.problems.push({ rule, part, message });
  }

  xml(part: string): XmlNode | undefined {
    try {
      return this.parts.xml(part);
    } catch {
      return undefined; // reported by the schema check as not well-formed
    }
  }

  rels(source: string): Rel[] {
    const relsPart = source === '' ? '_rels/.rels' : relsPartOf(source);
    const cached = this.relsCache.get(relsPart);
    if (cached) return cached;
    const root = this.xml(relsPart);
    const rels = kids(root, 'Relationship').map((r) => ({
      id: attr(r, 'Id') ?? '',
      type: attr(r, 'Type') ?? '',
      target: attr(r, 'Target') ?? '',
      external: attr(r, 'TargetMode') === 'External',
    }));
    this.relsCache.set(relsPart, rels);
    return rels;
  }

  related(source: string, type: string): string[] {
    return this.rels(source)
      .filter((r) => r.type === type && !r.external)
      .map((r) => this.parts.resolve(resolveTarget(source, r.target)) ?? resolveTarget(source, r.target));
  }

  contentTypes(): void {
    for (const name of this.parts.names) {
      if (name === CONTENT_TYPES_PART) continue;
      if (this.parts.contentType(name) === undefined) this.report('contentType', name, 'the part has no content type in [Content_Types].xml');
    }
  }

  /** A part reached through a relationship of a known type carries that type's content type. */
  private expectedType(rel: Rel, target: string, relsPart: string): void {
    const kind = rel.type.slice(rel.type.lastIndexOf('/') + 1);
    const expected = EXPECTED_CONTENT_TYPE[kind];
    const actual = this.parts.contentType(target);
    if (expected && actual !== undefined && !expected.includes(actual))
      this.report('contentType', target, `reached as ${kind} from ${relsPart}, but its content type is ${actual}`);
  }

  relationships(): void {
    for (const name of this.parts.names) {
      if (!name.endsWith('.rels')) continue;
      const source = sourceOfRels(name);
      if (source === undefined) continue;
      if (source !== '' && !this.parts.resolve(source)) this.report('relationship', name, `relationships of a part that does not exist (${source})`);
      const ids = new Set<string>();
      for (const rel of this.rels(source)) {
        if (ids.has(rel.id)) this.report('relationship', name, `relationship id ${rel.id} is used twice`);
        ids.add(rel.id);
        if (rel.external) continue;
        const target = resolveTarget(source, rel.target);
        const stored = this.parts.resolve(target);
        if (!stored) this.report('relationship', name, `${rel.id} points at ${target}, which is not in the package`);
        else this.expectedType(rel, stored, name);
      }
    }
  }

  workbook(): void {
    const workbookPart = this.related('', REL_OFFICE_DOCUMENT)[0];
    const workbook = workbookPart ? this.xml(workbookPart) : undefined;
    if (!workbookPart || !workbook) return;
    const sheets: SheetInfo[] = kids(kid(workbook, 'sheets'), 'sheet').map((s) => {
      const rel = this.rels(workbookPart).find((r) => r.id === attr(s, 'id'));
      const part = rel && !rel.external ? (this.parts.resolve(resolveTarget(workbookPart, rel.target)) ?? undefined) : undefined;
      return { name: attr(s, 'name') ?? '', sheetId: Number(attr(s, 'sheetId')), part };
    });
    const seenSheets = new Set<string>();
    for (const s of sheets) {
      if (seenSheets.has(s.name.toLowerCase())) this.report('sheetName', workbookPart, `two sheets are named "${s.name}"`);
      seenSheets.add(s.name.toLowerCase());
    }

    const stylesPart = this.related(workbookPart, REL_STYLES)[0];
    const styles = stylesPart ? this.xml(stylesPart) : undefined;
    const xfCount = kids(kid(styles, 'cellXfs'), 'xf').length;
    const dxfCount = kids(kid(styles, 'dxfs'), 'dxf').length;
    const sstPart = this.related(workbookPart, REL_SHARED_STRINGS)[0];
    const sst = sstPart ? this.xml(sstPart) : undefined;
    const strings = kids(sst, 'si').map((si) =>
      unescapeXstring(
        kids(si, 't')
          .map((t) => t.text)
          .join('') +
          kids(si, 'r')
            .map((r) => deepText(r, 't'))
            .join(''),
      ),
    );
    if (sst && sstPart) this.untrimmedText(sstPart, sst);

    const tables: { part: string; sheet: SheetInfo; root: XmlNode }[] = [];
    const cellsBySheet = new Map<string, Map<string, XmlNode>>();
    for (const sheet of sheets) {
      if (!sheet.part) continue;
      const root = this.xml(sheet.part);
      if (!root || root.local !== 'worksheet') continue;
      const cells = new Map<string, XmlNode>();
      cellsBySheet.set(sheet.part, cells);
      this.sheetCells(sheet.part, root, cells, xfCount, strings.length);
      this.sheetRules(sheet.part, root, dxfCount);
      for (const tablePart of this.related(sheet.part, REL_TABLE)) {
        const table = this.xml(tablePart);
        if (table) tables.push({ part: tablePart, sheet, root: table });
      }
    }
    this.tables(tables, cellsBySheet, strings);
    this.definedNames(
      workbookPart,
      workbook,
      sheets,
      tables.flatMap((t) => [attr(t.root, 'name') ?? '', attr(t.root, 'displayName') ?? '']),
    );
    const calcChainPart = this.related(workbookPart, REL_CALC_CHAIN)[0];
    if (calcChainPart) this.calcChain(calcChainPart, sheets, cellsBySheet);
  }

  private untrimmedText(part: string, root: XmlNode): void {
    const bad = descendants(root, 't').filter((t) => /^\s|\s$/.test(t.text) && t.attributes['xml:space'] !== 'preserve');
    if (bad.length)
      this.report('spacePreserved', part, `${bad.length} text(s) with leading or trailing blanks lack xml:space="preserve", e.g. "${bad[0].text}"`);
  }

  private sheetCells(part: string, root: XmlNode, cells: Map<string, XmlNode>, xfCount: number, stringCount: number): void {
    const badStyles = new Set<string>();
    let badStrings = 0;
    let firstBadString = '';
    for (const col of kids(kid(root, 'cols'), 'col')) {
      const style = attr(col, 'style');
      if (style !== undefined && Number(style) >= xfCount) badStyles.add(`col ${attr(col, 'min')} style ${style}`);
    }
    for (const row of kids(kid(root, 'sheetData'), 'row')) {
      const rowStyle = attr(row, 's');
      if (rowStyle !== undefined && Number(rowStyle) >= xfCount) badStyles.add(`row ${attr(row, 'r')} style ${rowStyle}`);
      for (const c of kids(row, 'c')) {
        const ref = attr(c, 'r');
        if (ref) cells.set(ref.toUpperCase(), c);
        const s = attr(c, 's');
        if (s !== undefined && Number(s) >= xfCount) badStyles.add(`${ref} style ${s}`);
        if (attr(c, 't') === 's') {
          const index = Number(kid(c, 'v')?.text);
          if (!Number.isInteger(index) || index < 0 || index >= stringCount) {
            badStrings++;
            firstBadString ||= `${ref} → ${kid(c, 'v')?.text}`;
          }
        }
      }
    }
    if (badStyles.size) this.report('styleIndex', part, `style index out of range (${xfCount} cell formats): ${[...badStyles].slice(0, 5).join(', ')}`);
    if (badStrings) this.report('sharedString', part, `${badStrings} shared-string index(es) out of range (${stringCount} strings), e.g. ${firstBadString}`);
    this.untrimmedText(part, kid(root, 'sheetData') ?? root);
  }

  private sheetRules(part: string, root: XmlNode, dxfCount: number): void {
    for (const v of descendants(root, 'dataValidation')) {
      for (const f of [kid(v, 'formula1'), kid(v, 'formula2'), ...descendants(v, 'f')]) {
        if (f && f.text.length > 255)
          this.report('validationLength', part, `the validation over ${attr(v, 'sqref') ?? '?'} has a formula of ${f.text.length} characters (at most 255)`);
      }
    }
    for (const rule of descendants(root, 'cfRule')) {
      const dxf = attr(rule, 'dxfId');
      if (dxf !== undefined && Number(dxf) >= dxfCount) this.report('styleIndex', part, `a conditional format uses dxfId ${dxf} of ${dxfCount}`);
    }
  }

  private cellText(cell: XmlNode | undefined, strings: string[]): string {
    if (!cell) return '';
    const t = attr(cell, 't');
    if (t === 's') return strings[Number(kid(cell, 'v')?.text)] ?? '';
    if (t === 'inlineStr') return unescapeXstring(deepText(kid(cell, 'is') ?? cell, 't'));
    return kid(cell, 'v')?.text ?? '';
  }

  private tables(tables: { part: string; sheet: SheetInfo; root: XmlNode }[], cellsBySheet: Map<string, Map<string, XmlNode>>, strings: string[]): void {
    const ids = new Map<string, string>();
    const names = new Map<string, string>();
    for (const { part, sheet, root } of tables) {
      const id = attr(root, 'id') ?? '';
      if (ids.has(id)) this.report('tableId', part, `table id ${id} is also used by ${ids.get(id)}`);
      ids.set(id, part);
      for (const name of new Set([attr(root, 'name'), attr(root, 'displayName')].filter((n): n is string => !!n).map((n) => n.toLowerCase()))) {
        if (names.has(name)) this.report('tableName', part, `table name "${name}" is also used by ${names.get(name)}`);
        names.set(name, part);
      }
      const range = parseRange(attr(root, 'ref'));
      if (!range) {
        this.report('tableHeader', part, `the table's ref "${attr(root, 'ref')}" is not a range`);
        continue;
      }
      const columns = kids(kid(root, 'tableColumns'), 'tableColumn');
      if (columns.length !== range.c2 - range.c1 + 1)
        this.report('tableHeader', part, `${columns.length} columns for a ref ${attr(root, 'ref')} of ${range.c2 - range.c1 + 1}`);
      const seen = new Set<string>();
      const cells = sheet.part ? cellsBySheet.get(sheet.part) : undefined;
      const headerRows = Number(attr(root, 'headerRowCount') ?? 1);
      columns.forEach((column, i) => {
        const name = unescapeXstring(attr(column, 'name') ?? '');
        if (seen.has(name.toLowerCase())) this.report('tableHeader', part, `column name "${name}" appears twice`);
        seen.add(name.toLowerCase());
        if (headerRows === 0 || !cells) return;
        const ref = cellRef(range.r1, range.c1 + i);
        const text = this.cellText(cells.get(ref), strings);
        if (text !== name) this.report('tableHeader', part, `header cell ${sheet.name}!${ref} holds "${text}", the column is named "${name}"`);
      });
      const sheetRoot = sheet.part ? this.xml(sheet.part) : undefined;
      for (const merge of kids(kid(sheetRoot, 'mergeCells'), 'mergeCell')) {
        const m = parseRange(attr(merge, 'ref'));
        if (m && overlaps(m, range))
          this.report('tableOverlap', part, `the table ${attr(root, 'ref')} overlaps merged cells ${attr(merge, 'ref')} on ${sheet.name}`);
      }
      const filter = parseRange(attr(kid(sheetRoot, 'autoFilter'), 'ref'));
      if (filter && overlaps(filter, range))
        this.report('tableOverlap', part, `the table ${attr(root, 'ref')} overlaps the sheet's autoFilter on ${sheet.name}`);
      for (const other of tables) {
        if (other.part <= part || other.sheet !== sheet) continue;
        const o = parseRange(attr(other.root, 'ref'));
        if (o && overlaps(o, range)) this.report('tableOverlap', part, `the table ${attr(root, 'ref')} overlaps ${other.part} (${attr(other.root, 'ref')})`);
      }
    }
  }

  private definedNames(part: string, workbook: XmlNode, sheets: SheetInfo[], tableNames: string[]): void {
    const tables = new Set(tableNames.filter(Boolean).map((n) => n.toLowerCase()));
    const seen = new Set<string>();
    for (const dn of kids(kid(workbook, 'definedNames'), 'definedName')) {
      const name = attr(dn, 'name') ?? '';
      const local = attr(dn, 'localSheetId');
      if (!validName(name)) this.report('definedName', part, `"${name}" is not a valid name`);
      if (local !== undefined && !(Number(local) >= 0 && Number(local) < sheets.length))
        this.report('definedName', part, `"${name}" is scoped to sheet ${local}, which does not exist`);
      const key = `${local ?? ''}|${name.toLowerCase()}`;
      if (seen.has(key)) this.report('definedName', part, `"${name}" is defined twice in the same scope`);
      seen.add(key);
      if (tables.has(name.toLowerCase())) this.report('definedName', part, `"${name}" is also a table's name`);
    }
  }

  private readonly arrays = new Map<string, Range[]>();

  /** A cell inside an array formula's range holds part of that formula (Excel lists it in the chain). */
  private inArrayFormula(sheet: SheetInfo, ref: string, cellsBySheet: Map<string, Map<string, XmlNode>>): boolean {
    if (!sheet.part) return false;
    let ranges = this.arrays.get(sheet.part);
    if (!ranges) {
      ranges = [];
      for (const cell of cellsBySheet.get(sheet.part)?.values() ?? []) {
        const f = kid(cell, 'f');
        const range = f && attr(f, 't') === 'array' ? parseRange(attr(f, 'ref')) : null;
        if (range) ranges.push(range);
      }
      this.arrays.set(sheet.part, ranges);
    }
    const at = parseRange(ref);
    return at !== null && ranges.some((r) => overlaps(r, at));
  }

  private calcChain(part: string, sheets: SheetInfo[], cellsBySheet: Map<string, Map<string, XmlNode>>): void {
    const root = this.xml(part);
    if (!root) return;
    let sheetId = NaN;
    const bad: string[] = [];
    let entries = 0;
    for (const c of kids(root, 'c')) {
      entries++;
      if (attr(c, 'i') !== undefined) sheetId = Number(attr(c, 'i'));
      const sheet = sheets.find((s) => s.sheetId === sheetId);
      const ref = (attr(c, 'r') ?? '').toUpperCase();
      const cell = sheet?.part ? cellsBySheet.get(sheet.part)?.get(ref) : undefined;
      if (!sheet) bad.push(`${ref} on sheet id ${sheetId} (no such sheet)`);
      else if (!(cell && kid(cell, 'f')) && !this.inArrayFormula(sheet, ref, cellsBySheet)) bad.push(`${sheet.name}!${ref}`);
    }
    if (entries === 0) this.report('calcChain', part, 'the calculation chain is empty');
    if (bad.length)
      this.report(
        'calcChain',
        part,
        `${bad.length} entr${bad.length === 1 ? 'y names a cell' : 'ies name cells'} without a formula: ${bad.slice(0, 5).join(', ')}`,
      );
  }
}

export function crossPartProblems(parts: PackageParts): StrictProblem[] {
  const checker = new Checker(parts);
  checker.contentTypes();
  checker.relationships();
  checker.workbook();
  return checker.problems;
}

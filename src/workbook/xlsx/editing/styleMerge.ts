/**
 * Joins the styles of freshly rendered template sheets to the user's xl/styles.xml: fonts, fills,
 * borders, number formats, cell formats and differential formats are appended (or reused where
 * the user's file already has the identical entry), the user's entries keep their positions, and
 * the returned maps tell how the fresh sheets' style indexes must be renumbered.
 */
import {
  appendInside,
  attribute,
  children,
  escapeXml,
  namespaceDeclarations,
  replaceSpan,
  rootElement,
  startTag,
  withAttribute,
  XmlEditError,
  type ElementSpan,
} from './xmlEdit';

export const SPREADSHEET_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The styleSheet's children in schema order; a missing collection is created in its place. */
const STYLE_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const FIRST_CUSTOM_NUMFMT = 164;

export interface StyleMaps {
  /** Fresh cellXfs index → index in the merged styles. */
  xf: number[];
  /** Fresh dxfs index → index in the merged styles. */
  dxf: number[];
}

interface Collection {
  items: string[];
}

function collection(xml: string, root: ElementSpan, name: string, item: string): Collection {
  const span = children(xml, root, name)[0];
  if (!span) return { items: [] };
  return { items: children(xml, span, item).map((s) => xml.slice(s.start, s.end)) };
}

function numberAttr(tag: string, name: string): number {
  const value = Number(attribute(tag, name) ?? '0');
  return Number.isFinite(value) ? value : 0;
}

/** Joins the fresh styles into the user's; returns the new text and the index maps. */
export function mergeStyles(userXml: string, freshXml: string): { xml: string; maps: StyleMaps } {
  const freshRoot = rootElement(freshXml);
  let xml = userXml;
  const root = () => rootElement(xml);
  const decl = namespaceDeclarations(startTag(xml, root()));
  const prefix = root().prefix;
  if ((decl.get(prefix) ?? '') !== SPREADSHEET_MAIN) throw new XmlEditError('styles part is not SpreadsheetML (transitional)');
  // Children we write carry no prefix; where the user's default namespace differs, declare ours on them.
  const ownNs = decl.get('') === SPREADSHEET_MAIN ? '' : ` xmlns="${SPREADSHEET_MAIN}"`;
  const qualified = (local: string) => (prefix ? `${prefix}:${local}` : local);

  /** Appends items to a collection (creating it in schema position); returns each item's index. */
  const append = (name: string, itemName: string, items: string[]): number[] => {
    let span = children(xml, root(), name)[0];
    if (!span) {
      const laterSibling = STYLE_ORDER.slice(STYLE_ORDER.indexOf(name) + 1)
        .map((n) => children(xml, root(), n)[0])
        .find((s): s is ElementSpan => !!s);
      const at = laterSibling ? laterSibling.start : root().closeStart;
      xml = replaceSpan(xml, at, at, `<${qualified(name)} count="0"/>`);
      span = children(xml, root(), name)[0]!;
    }
    const existing = children(xml, span, itemName).map((s) => xml.slice(s.start, s.end));
    const indexes: number[] = [];
    const added: string[] = [];
    for (const item of items) {
      const same = existing.indexOf(item);
      if (same >= 0) {
        indexes.push(same);
        continue;
      }
      indexes.push(existing.length);
      existing.push(item);
      added.push(ownNs ? item.replace(/^<([\w]+)/, `<$1${ownNs}`) : item);
    }
    if (added.length) xml = appendInside(xml, span, added.join(''));
    span = children(xml, root(), name)[0]!;
    const open = startTag(xml, span);
    xml = replaceSpan(xml, span.start, span.openEnd, withAttribute(open, 'count', String(existing.length)));
    return indexes;
  };

  const numFmtMap = mergeNumFmts(freshXml, freshRoot, xml, (items) => append('numFmts', 'numFmt', items));
  const fonts = append('fonts', 'font', collection(freshXml, freshRoot, 'fonts', 'font').items);
  const fills = append('fills', 'fill', collection(freshXml, freshRoot, 'fills', 'fill').items);
  const borders = append('borders', 'border', collection(freshXml, freshRoot, 'borders', 'border').items);
  const xfs = collection(freshXml, freshRoot, 'cellXfs', 'xf').items.map((xf) => {
    const open = /^<xf\b[^>]*>/.exec(xf)?.[0];
    if (!open) throw new XmlEditError('unexpected cell format');
    let tag = open;
    const remap = (name: string, map: number[]) => {
      const value = numberAttr(open, name);
      tag = withAttribute(tag, name, String(map[value] ?? 0));
    };
    const numFmt = numberAttr(open, 'numFmtId');
    tag = withAttribute(tag, 'numFmtId', String(numFmtMap.get(numFmt) ?? numFmt));
    remap('fontId', fonts);
    remap('fillId', fills);
    remap('borderId', borders);
    // The fresh formats derive from the Normal style, which is always the first cell style.
    tag = withAttribute(tag, 'xfId', '0');
    return tag + xf.slice(open.length);
  });
  const xf = append('cellXfs', 'xf', xfs);
  const freshDxfs = collection(freshXml, freshRoot, 'dxfs', 'dxf').items;
  const dxf = freshDxfs.length ? append('dxfs', 'dxf', freshDxfs) : [];
  return { xml, maps: { xf, dxf } };
}

/** Custom number formats by code: the user's id when the code exists, a new free id otherwise. */
function mergeNumFmts(freshXml: string, freshRoot: ElementSpan, userXml: string, append: (items: string[]) => number[]): Map<number, number> {
  const userRoot = rootElement(userXml);
  const user = collection(userXml, userRoot, 'numFmts', 'numFmt').items.map((tag) => ({
    id: numberAttr(tag, 'numFmtId'),
    code: attribute(tag, 'formatCode') ?? '',
  }));
  const fresh = collection(freshXml, freshRoot, 'numFmts', 'numFmt').items.map((tag) => ({
    id: numberAttr(tag, 'numFmtId'),
    code: attribute(tag, 'formatCode') ?? '',
  }));
  const map = new Map<number, number>();
  let next = Math.max(FIRST_CUSTOM_NUMFMT - 1, ...user.map((f) => f.id)) + 1;
  const added: string[] = [];
  for (const f of fresh) {
    const same = user.find((u) => u.code === f.code);
    if (same) {
      map.set(f.id, same.id);
      continue;
    }
    map.set(f.id, next);
    added.push(`<numFmt numFmtId="${next}" formatCode="${escapeXml(f.code)}"/>`);
    next += 1;
  }
  if (added.length) append(added);
  return map;
}

/** Renumbers the style references of a fresh worksheet's XML (written unprefixed by exceljs). */
export function remapSheetStyles(sheetXml: string, maps: StyleMaps): string {
  return sheetXml.replace(/<(c|row|col|cfRule)\b[^>]*>/g, (tag, name: string) => {
    const attr = name === 'col' ? 'style' : name === 'cfRule' ? 'dxfId' : 's';
    const value = attribute(tag, attr);
    if (value === undefined) return tag;
    const map = name === 'cfRule' ? maps.dxf : maps.xf;
    const mapped = map[Number(value)];
    if (mapped === undefined) throw new XmlEditError(`style index ${value} of <${name}> has no counterpart`);
    return withAttribute(tag, attr, String(mapped));
  });
}

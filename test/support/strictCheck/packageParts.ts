/** A package's parts as the strict checker reads them: bytes by name, and each part's content type. */
import { unzipSync } from 'fflate';
import { parseXml, kids, attr, type XmlNode } from './xmlTree';

export const CONTENT_TYPES_PART = '[Content_Types].xml';

export interface PackageParts {
  /** Part names as stored (no leading slash), in zip order; folders left out. */
  names: string[];
  bytes(name: string): Uint8Array | undefined;
  /** The part's text (UTF-8 or UTF-16 by its byte-order mark). */
  text(name: string): string | undefined;
  /** The parsed part, cached; throws when it is not well-formed. */
  xml(name: string): XmlNode | undefined;
  /** The content type [Content_Types].xml gives the part (override, then default by extension). */
  contentType(name: string): string | undefined;
  /** The stored name of a part named without regard to case, as OPC compares names. */
  resolve(name: string): string | undefined;
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

export function readPackageParts(data: Uint8Array): PackageParts {
  const files = unzipSync(data);
  const names = Object.keys(files).filter((n) => !n.endsWith('/'));
  const byLower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const texts = new Map<string, string>();
  const trees = new Map<string, XmlNode>();
  const resolve = (name: string): string | undefined => byLower.get(name.replace(/^\//, '').toLowerCase());
  const bytes = (name: string): Uint8Array | undefined => {
    const stored = resolve(name);
    return stored === undefined ? undefined : files[stored];
  };
  const text = (name: string): string | undefined => {
    const stored = resolve(name);
    if (stored === undefined) return undefined;
    if (!texts.has(stored)) texts.set(stored, decode(files[stored]));
    return texts.get(stored);
  };
  const xml = (name: string): XmlNode | undefined => {
    const stored = resolve(name);
    if (stored === undefined) return undefined;
    if (!trees.has(stored)) trees.set(stored, parseXml(text(stored)!));
    return trees.get(stored);
  };
  let types: { overrides: Map<string, string>; defaults: Map<string, string> } | undefined;
  const contentType = (name: string): string | undefined => {
    if (!types) {
      types = { overrides: new Map(), defaults: new Map() };
      let root: XmlNode | undefined;
      try {
        root = xml(CONTENT_TYPES_PART);
      } catch {
        root = undefined;
      }
      for (const o of kids(root, 'Override')) types.overrides.set((attr(o, 'PartName') ?? '').replace(/^\//, '').toLowerCase(), attr(o, 'ContentType') ?? '');
      for (const d of kids(root, 'Default')) types.defaults.set((attr(d, 'Extension') ?? '').toLowerCase(), attr(d, 'ContentType') ?? '');
    }
    const lower = name.replace(/^\//, '').toLowerCase();
    const override = types.overrides.get(lower);
    if (override !== undefined) return override;
    const dot = lower.lastIndexOf('.');
    return dot < 0 || lower.lastIndexOf('/') > dot ? undefined : types.defaults.get(lower.slice(dot + 1));
  };
  return { names, bytes, text, xml, contentType, resolve };
}

/**
 * Each XML part checked against the published ECMA-376 schema for its content type, with xmllint
 * (Debian's libxml2-utils). Extension markup a part declares ignorable is dropped first, as Excel
 * drops it. One xmllint process per schema per package (all parts of that schema at once), so a
 * workbook costs a handful of processes, not one per part.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OOXML_SCHEMAS_DIR } from '../sharedFiles';
import { withoutIgnorable, withoutIgnorableText } from './ignorable';
import { CONTENT_TYPES_PART, type PackageParts } from './packageParts';
import type { StrictProblem } from './problems';
import { serializeXml } from './xmlTree';

const SML = 'sml.xsd';
const CORE_PROPERTIES = 'opc-coreProperties.xsd';

/** The schema for a content type; undefined for parts no ECMA-376 schema describes (VML, Microsoft extensions, binaries). */
export function schemaFor(partName: string, contentType: string | undefined): string | undefined {
  if (partName === CONTENT_TYPES_PART) return 'opc-contentTypes.xsd';
  if (!contentType) return undefined;
  if (contentType === 'application/vnd.openxmlformats-package.relationships+xml') return 'opc-relationships.xsd';
  if (contentType === 'application/vnd.openxmlformats-package.core-properties+xml') return CORE_PROPERTIES;
  if (contentType === 'application/vnd.openxmlformats-officedocument.extended-properties+xml') return 'shared-documentPropertiesExtended.xsd';
  if (contentType === 'application/vnd.openxmlformats-officedocument.custom-properties+xml') return 'shared-documentPropertiesCustom.xsd';
  if (contentType === 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml') return 'shared-customXmlDataProperties.xsd';
  if (contentType === 'application/vnd.openxmlformats-officedocument.theme+xml') return 'dml-main.xsd';
  if (contentType === 'application/vnd.openxmlformats-officedocument.drawing+xml') return 'dml-spreadsheetDrawing.xsd';
  if (contentType === 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml') return 'dml-chart.xsd';
  if (contentType === 'application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml') return 'dml-chartDrawing.xsd';
  if (contentType.startsWith('application/vnd.openxmlformats-officedocument.drawingml.diagram')) return 'dml-diagram.xsd';
  if (/^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.[\w.]+\+xml$/.test(contentType)) return SML;
  if (/^application\/vnd\.ms-excel\.(sheet|template|addin)\.macroEnabled\.main\+xml$/.test(contentType)) return SML;
  return undefined;
}

let schemaDir: string | undefined;

/**
 * The folder xmllint reads the schemas from: the published files, with the core properties'
 * Dublin Core imports pointed at small local schemas (the published one fetches them from the web).
 */
function schemas(): string {
  if (schemaDir) return schemaDir;
  const source = OOXML_SCHEMAS_DIR();
  if (!existsSync(join(source, SML))) throw new Error(`The ECMA-376 schemas are not in ${source} (see its README).`);
  const dir = mkdtempSync(join(tmpdir(), 'samspill-xsd-'));
  for (const file of readdirSync(source)) if (file.endsWith('.xsd')) copyFileSync(join(source, file), join(dir, file));
  for (const file of readdirSync(join(__dirname, 'schemas'))) copyFileSync(join(__dirname, 'schemas', file), join(dir, file));
  const core = readFileSync(join(dir, CORE_PROPERTIES), 'utf8')
    .replace(/schemaLocation="http:\/\/dublincore\.org\/[^"]*\/dc\.xsd"/, 'schemaLocation="dc.xsd"')
    .replace(/schemaLocation="http:\/\/dublincore\.org\/[^"]*\/dcterms\.xsd"/, 'schemaLocation="dcterms.xsd"')
    .replace(
      /<xs:import id="xml" namespace="http:\/\/www\.w3\.org\/XML\/1998\/namespace"\/>/,
      '<xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="xml.xsd"/>',
    );
  writeFileSync(join(dir, CORE_PROPERTIES), core);
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  schemaDir = dir;
  return dir;
}

/** xmllint must be there: under CI it is installed by .ci/run, here by the Debian package libxml2-utils. */
export function assertXmllint(): void {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw new Error('xmllint was not found: install the Debian package libxml2-utils (.ci/run does).');
}

/** Repeated messages (a row attribute on every row) are reported once per part with a count. */
const MAX_MESSAGES_PER_PART = 20;

export function schemaProblems(parts: PackageParts): { problems: StrictProblem[]; checked: number; unchecked: string[] } {
  const problems: StrictProblem[] = [];
  const unchecked: string[] = [];
  const bySchema = new Map<string, string[]>();
  for (const name of parts.names) {
    const schema = schemaFor(name, parts.contentType(name));
    if (!schema) {
      unchecked.push(name);
      continue;
    }
    bySchema.set(schema, [...(bySchema.get(schema) ?? []), name]);
  }
  if (bySchema.size === 0) return { problems, checked: 0, unchecked };
  const dir = schemas();
  const work = mkdtempSync(join(tmpdir(), 'samspill-strict-'));
  let checked = 0;
  try {
    for (const [schema, names] of bySchema) {
      const files: string[] = [];
      const partOf = new Map<string, string>();
      for (const name of names) {
        let xml: string;
        try {
          // Parsed in any case: a part that is not well-formed is reported as such, and the cross-part check reads the tree.
          const tree = parts.xml(name)!;
          xml = withoutIgnorableText(parts.text(name)!.replace(/^<\?xml[^>]*\?>\s*/, '')) ?? serializeXml(withoutIgnorable(tree));
        } catch (error) {
          problems.push({ rule: 'wellFormed', part: name, message: (error as Error).message.split('\n')[0] });
          continue;
        }
        const file = join(work, `${files.length}.xml`);
        writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
        files.push(file);
        partOf.set(file, name);
      }
      if (files.length === 0) continue;
      checked += files.length;
      const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(dir, schema), ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      if (run.error) throw run.error;
      problems.push(...parseXmllint(run.stderr, partOf, schema));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { problems, checked, unchecked };
}

function parseXmllint(output: string, partOf: Map<string, string>, schema: string): StrictProblem[] {
  const counts = new Map<string, { part: string; message: string; count: number }>();
  for (const line of output.split('\n')) {
    const m = /^(.+?\.xml):\d+: (?:element|attribute|parser) [^:]*: (Schemas validity error|Schemas parser error|parser error) : (.*)$/.exec(line);
    if (!m) {
      if (/failed to compile/.test(line)) throw new Error(`xmllint could not compile ${schema}: ${output.slice(0, 2000)}`);
      continue;
    }
    const part = partOf.get(m[1]);
    if (part === undefined) continue;
    const message = m[3].replace(/\{http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main\}/g, '');
    const key = `${part}\n${message}`;
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { part, message, count: 1 });
  }
  const perPart = new Map<string, number>();
  const problems: StrictProblem[] = [];
  for (const { part, message, count } of counts.values()) {
    const n = (perPart.get(part) ?? 0) + 1;
    perPart.set(part, n);
    if (n > MAX_MESSAGES_PER_PART) continue;
    problems.push({ rule: 'schema', part, message: `${schema}: ${message}`, count });
  }
  return problems;
}

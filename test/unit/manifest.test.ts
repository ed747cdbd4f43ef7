/**
 * The manifest's invariants, checked offline (Microsoft's `office-addin-manifest validate` needs
 * its web service): identity, locales, requirement set, one https base for every URL, icons that
 * exist at the sizes they claim, and the task pane's strings in all three languages.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { stringsFileSchema } from '../../src/core/content/contentSchema';
import { LANGUAGES } from '../../src/core/content/language';
import { all, descendants, manifestUrls, only, parseXml, type XmlElement } from '../support/manifestXml';

const ROOT = path.resolve(__dirname, '..', '..');
const DEV_BASE = 'https://localhost:3000';
const manifest = parseXml(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));

/** The one direct child of <OfficeApp> named `name`. */
function topLevel(name: string): XmlElement {
  const found = manifest.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`expected one top-level <${name}>, found ${found.length}`);
  return found[0];
}

function overrides(element: XmlElement, tag: string): Record<string, string> {
  return Object.fromEntries(element.children.filter((c) => c.name === tag).map((c) => [c.attributes.Locale, c.attributes.Value]));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function fileForUrl(url: string): string {
  expect(url.startsWith(`${DEV_BASE}/`)).toBe(true);
  return path.join(ROOT, url.slice(DEV_BASE.length + 1));
}

describe('manifest.xml', () => {
  it('is a task pane add-in for Excel workbooks with a fixed GUID and version', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
    expect(topLevel('Id').text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(topLevel('Version').text.trim()).toBe('1.0.0.0');
    expect(topLevel('ProviderName').text.trim()).toBe('Samspill');
    expect(all(topLevel('Hosts'), 'Host').map((h) => h.attributes.Name)).toEqual(['Workbook']);
  });

  it('defaults to nb-NO and overrides name and description for nn-NO and en-US', () => {
    expect(topLevel('DefaultLocale').text.trim()).toBe('nb-NO');
    for (const [tag, maxLength] of [
      ['DisplayName', 125],
      ['Description', 250],
    ] as const) {
      const element = topLevel(tag);
      const texts = { 'nb-NO': element.attributes.DefaultValue, ...overrides(element, 'Override') };
      expect(Object.keys(texts).sort()).toEqual(['en-US', 'nb-NO', 'nn-NO']);
      for (const text of Object.values(texts)) {
        expect(text.trim().length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(maxLength);
      }
    }
  });

  it('requires ExcelApi 1.9 and asks to read and write the document', () => {
    const sets = only(topLevel('Requirements'), 'Sets');
    expect(sets.attributes.DefaultMinVersion).toBe('1.1');
    expect(sets.children.map((s) => s.attributes)).toEqual([{ Name: 'ExcelApi', MinVersion: '1.9' }]);
    expect(topLevel('Permissions').text.trim()).toBe('ReadWriteDocument');
  });

  it('opens the task pane page from the development server', () => {
    expect(only(topLevel('DefaultSettings'), 'SourceLocation').attributes.DefaultValue).toBe(`${DEV_BASE}/taskpane.html`);
  });

  it('uses https on one base for every URL, so a build can move them all at once', () => {
    const urls = manifestUrls(manifest);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\//);
      expect(url === DEV_BASE || url.startsWith(`${DEV_BASE}/`)).toBe(true);
    }
    expect(topLevel('AppDomains').children.map((d) => d.text.trim())).toEqual([DEV_BASE]);
  });

  it('points every icon at a PNG in assets/ of the size it is declared as', () => {
    const declared: { url: string; size: number }[] = [
      { url: topLevel('IconUrl').attributes.DefaultValue, size: 32 },
      { url: topLevel('HighResolutionIconUrl').attributes.DefaultValue, size: 64 },
    ];
    const images = new Map(
      all(manifest, 'bt:Image')
        .filter((i) => i.attributes.id)
        .map((i) => [i.attributes.id, i.attributes.DefaultValue]),
    );
    for (const use of all(manifest, 'bt:Image').filter((i) => i.attributes.resid)) {
      const url = images.get(use.attributes.resid);
      expect(url).toBeDefined();
      declared.push({ url: url!, size: Number(use.attributes.size) });
    }
    expect(declared.length).toBeGreaterThan(2);
    for (const { url, size } of declared) {
      const file = fileForUrl(url);
      expect(path.dirname(file)).toBe(path.join(ROOT, 'assets'));
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it('defines every resource the ribbon refers to, with texts for nn-NO and en-US', () => {
    const resources = only(manifest, 'Resources');
    const defined = new Set(
      descendants(resources)
        .map((e) => e.attributes.id)
        .filter(Boolean),
    );
    const resids = descendants(manifest)
      .map((e) => e.attributes.resid)
      .filter(Boolean);
    expect(resids.length).toBeGreaterThan(0);
    for (const resid of resids) expect(defined).toContain(resid);
    for (const text of all(resources, 'bt:String')) {
      const texts = { 'nb-NO': text.attributes.DefaultValue, ...overrides(text, 'bt:Override') };
      expect(Object.keys(texts).sort()).toEqual(['en-US', 'nb-NO', 'nn-NO']);
      for (const value of Object.values(texts)) expect(value.trim().length).toBeGreaterThan(0);
    }
  });
});

describe('the manifest as the production build rewrites it', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { rebaseManifest } = require('../../webpack.config.js') as { rebaseManifest: (xml: string, base: string) => string };
  const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

  it('moves every file address under a base with a path, and the app domain to its origin', () => {
    const rebased = parseXml(rebaseManifest(source, 'https://intern.kommune.no/samspill'));
    const before = manifestUrls(manifest);
    const after = manifestUrls(rebased);
    expect(after).toEqual(before.map((url) => (url === DEV_BASE ? 'https://intern.kommune.no' : url.replace(DEV_BASE, 'https://intern.kommune.no/samspill'))));
    expect(after.join(' ')).not.toContain('localhost');
    expect(only(only(rebased, 'DefaultSettings'), 'SourceLocation').attributes.DefaultValue).toBe('https://intern.kommune.no/samspill/taskpane.html');
  });
});

describe('templates/ui/taskpane.json', () => {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'templates/ui/taskpane.json'), 'utf8'));

  it('passes the strings schema, with every key in nb, nn and en', () => {
    const parsed = stringsFileSchema.safeParse(raw);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    const strings = parsed.success ? parsed.data : {};
    expect(Object.keys(strings).length).toBeGreaterThan(10);
    for (const [key, text] of Object.entries(strings)) {
      expect([key, Object.keys(text).sort()]).toEqual([key, [...LANGUAGES].sort()]);
    }
  });

  it('names the six tabs as the design does in bokmål', () => {
    const strings = stringsFileSchema.parse(raw);
    const tabs = ['templates', 'register', 'evaluation', 'validation', 'summary', 'settings'].map((section) => strings[`tab.${section}.label`]?.nb);
    expect(tabs).toEqual(['Maler', 'Registrer', 'Evaluering', 'Kontroll', 'Oppsummering', 'Innstillinger']);
  });
});

describe("office-addin-manifest info (offline parse by Microsoft's tool)", () => {
  it('reads the manifest: id, type, locale, host, permissions and source location', () => {
    const cli = require.resolve('office-addin-manifest/cli.js');
    const out = execFileSync(process.execPath, [cli, 'info', 'manifest.xml'], { cwd: path.join(__dirname, '../..'), encoding: 'utf8', timeout: 60_000 });
    expect(out).toMatch(/Id: [0-9a-f-]{36}/);
    expect(out).toMatch(/Type: TaskPaneApp/);
    expect(out).toMatch(/Default Locale: nb-NO/);
    expect(out).toMatch(/Hosts: Workbook/);
    expect(out).toMatch(/Permissions: ReadWriteDocument/);
    expect(out).toMatch(/Source Location: https:\/\/localhost:3000\/taskpane\.html/);
  });
});

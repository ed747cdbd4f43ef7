/**
 * The production build of the task pane, made through webpack's Node API exactly as
 * `npm run build` makes it, but for another host: every manifest URL must move to that host, the
 * page must load only its own chunks and Office.js, and exceljs must stay out of the first load.
 */
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import webpack from 'webpack';
import { manifestUrls, parseXml } from '../support/manifestXml';

type MakeConfig = (env: Record<string, unknown>, argv: { mode: 'production' | 'development' }) => Promise<webpack.Configuration>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig: MakeConfig = require('../../webpack.config.js');

const ROOT = path.resolve(__dirname, '..', '..');
const DEPLOY_BASE = 'https://samspill.example.kommune.no';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Error messages in exceljs's own code: they survive minification and appear nowhere else. */
const EXCELJS_MARKERS = ['Cannot merge already merged cells', 'Invalid row number in model'];

let workDir: string;

async function configFor(mode: 'production' | 'development', outputDir: string, baseUrl?: string): Promise<webpack.Configuration> {
  const saved = process.env.SAMSPILL_BASE_URL;
  if (baseUrl) process.env.SAMSPILL_BASE_URL = baseUrl;
  else delete process.env.SAMSPILL_BASE_URL;
  try {
    const config = await makeConfig({}, { mode });
    config.output = { ...config.output, path: outputDir };
    return config;
  } finally {
    if (saved === undefined) delete process.env.SAMSPILL_BASE_URL;
    else process.env.SAMSPILL_BASE_URL = saved;
  }
}

function build(config: webpack.Configuration): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error || !stats) reject(error ?? new Error('webpack gave no stats'));
      else resolve(stats);
    });
  });
}

function errorsOf(stats: webpack.Stats): string[] {
  return (stats.toJson({ all: false, errors: true }).errors ?? []).map((e) => e.message);
}

/** The script and stylesheet addresses a page loads, in order. */
function pageReferences(html: string): { scripts: string[]; links: string[] } {
  const value = (m: RegExpMatchArray) => m[1] ?? m[2] ?? m[3];
  const scripts = [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map(value);
  const links = [...html.matchAll(/<link\b[^>]*?\bhref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map(value);
  return { scripts, links };
}

/** A throwaway entry next to the real one, so it resolves packages from this repository. */
function fixtureEntry(name: string, source: string): string {
  const file = path.join(workDir, 'fixtures', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, source);
  return file;
}

// webpack builds take ~25 s on a quiet 2-core machine and minutes when it is busy.
jest.setTimeout(600_000);

beforeAll(() => {
  fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  workDir = fs.mkdtempSync(path.join(ROOT, 'test-output', 'bundle-'));
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('production build for another host', () => {
  let outDir: string;
  let stats: webpack.Stats;

  beforeAll(async () => {
    outDir = path.join(workDir, 'prod', 'web');
    stats = await build(await configFor('production', outDir, DEPLOY_BASE));
  });

  it('builds without errors', () => {
    expect(errorsOf(stats)).toEqual([]);
  });

  it('writes taskpane.html that loads exactly the entry chunks, after Office.js', () => {
    const html = fs.readFileSync(path.join(outDir, 'taskpane.html'), 'utf8');
    const entryFiles = (stats.toJson({ all: false, entrypoints: true }).entrypoints?.taskpane.assets ?? [])
      .map((a) => a.name)
      .filter((name) => name.endsWith('.js'));
    expect(entryFiles.some((name) => name.startsWith('taskpane.'))).toBe(true);

    const { scripts, links } = pageReferences(html);
    expect(scripts).toEqual([OFFICE_JS, ...entryFiles]);
    // Nothing else from outside: the design allows Office.js and no other request.
    for (const address of [...scripts.slice(1), ...links]) expect(address).not.toMatch(/^(https?:)?\/\//);
    for (const file of entryFiles) expect(fs.existsSync(path.join(outDir, file))).toBe(true);
  });

  it('writes the manifest beside the web files with every URL on the new base, each naming a built file', () => {
    const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    const built = fs.readFileSync(path.join(outDir, '..', 'manifest.xml'), 'utf8');
    expect(built).not.toContain('localhost');

    const before = manifestUrls(parseXml(source));
    const after = manifestUrls(parseXml(built));
    expect(after).toEqual(before.map((url) => url.replace('https://localhost:3000', DEPLOY_BASE)));
    for (const url of after) {
      expect(url === DEPLOY_BASE || url.startsWith(`${DEPLOY_BASE}/`)).toBe(true);
      if (url === DEPLOY_BASE) continue; // the AppDomain: an origin, not a file
      expect([url, fs.existsSync(path.join(outDir, url.slice(DEPLOY_BASE.length + 1)))]).toEqual([url, true]);
    }
  });

  it('keeps exceljs out of the first-load JS, and reports its gzipped size', () => {
    const exceljsBrowserBuild = path.join(
      path.dirname(require.resolve('exceljs/package.json')),
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('exceljs/package.json').browser as string,
    );
    const exceljsCode = fs.readFileSync(exceljsBrowserBuild, 'utf8');
    for (const marker of EXCELJS_MARKERS) expect(exceljsCode).toContain(marker);

    const html = fs.readFileSync(path.join(outDir, 'taskpane.html'), 'utf8');
    const firstLoad = pageReferences(html).scripts.filter((src) => src !== OFFICE_JS);
    expect(firstLoad.length).toBeGreaterThan(0);
    let gzipped = 0;
    let raw = 0;
    for (const file of firstLoad) {
      const code = fs.readFileSync(path.join(outDir, file));
      for (const marker of EXCELJS_MARKERS) expect([file, code.includes(marker)]).toEqual([file, false]);
      raw += code.length;
      gzipped += zlib.gzipSync(code, { level: 9 }).length;
    }
    console.log(`task pane first-load JS: ${firstLoad.join(', ')} — ${(raw / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
  });
});

describe('the first-load guard', () => {
  it('fails the build when the task pane imports exceljs statically', async () => {
    const config = await configFor('development', path.join(workDir, 'static', 'web'));
    config.devtool = false;
    config.entry = { taskpane: fixtureEntry('static.js', "import ExcelJS from 'exceljs';\nconsole.log(ExcelJS.Workbook);\n") };
    const errors = errorsOf(await build(config));
    expect(errors.some((message) => /FirstLoadGuard: .*node_modules[\\/]exceljs[\\/]/.test(message))).toBe(true);
  });

  it('lets import() load exceljs in a chunk of its own that the page does not load at start', async () => {
    const outDir = path.join(workDir, 'dynamic', 'web');
    const config = await configFor('development', outDir);
    config.devtool = false;
    config.entry = {
      taskpane: fixtureEntry('dynamic.js', "export const load = () => import('exceljs');\nconsole.log(typeof load);\n"),
    };
    const stats = await build(config);
    expect(errorsOf(stats)).toEqual([]);

    const chunks = stats.toJson({ all: false, chunks: true }).chunks ?? [];
    const lazy = chunks.filter((c) => !c.initial).flatMap((c) => c.files ?? []);
    expect(lazy.some((file) => EXCELJS_MARKERS.every((m) => fs.readFileSync(path.join(outDir, file), 'utf8').includes(m)))).toBe(true);

    const html = fs.readFileSync(path.join(outDir, 'taskpane.html'), 'utf8');
    const firstLoad = pageReferences(html).scripts.filter((src) => src !== OFFICE_JS);
    expect(firstLoad.length).toBeGreaterThan(0);
    for (const file of firstLoad) {
      expect(lazy).not.toContain(file);
      const code = fs.readFileSync(path.join(outDir, file), 'utf8');
      for (const marker of EXCELJS_MARKERS) expect(code).not.toContain(marker);
    }
  });
});

/**
 * `samspill new`, read back with our own reader: every sheet, table column, validation, defined
 * name and metadata entry is there, with the labels of the language asked for.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SCHEMA_VERSION, sheetDef, valueList } from '../../src/core/content/content';
import { LANGUAGES } from '../../src/core/content/language';
import { loadWorkbook } from '../../src/core/model/loadWorkbook';
import { META_SHEET_NAME } from '../../src/core/model/metaSheet';
import { PARAMETERS, SETTINGS_LISTS } from '../../src/core/model/settingsModel';
import { REGISTER_KEYS, SHEET_KEYS } from '../../src/core/content/templateSchema';
import { openXlsxFile } from '../../src/workbook/xlsx';
import { runCli } from '../support/cli';
import { expectStrict } from '../support/strictCheck';

const dir = mkdtempSync(join(tmpdir(), 'samspill-new-'));

/** Sheet name → the sheet part's XML, resolved through the workbook's relationships. */
function sheetXml(file: string): Map<string, string> {
  const zip = unzipSync(readFileSync(file));
  const workbook = strFromU8(zip['xl/workbook.xml']);
  const rels = strFromU8(zip['xl/_rels/workbook.xml.rels']);
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)!;
    const path = (target[1] ?? target[2]).replace(/^\/?(xl\/)?/, 'xl/');
    out.set(m[1].replace(/&apos;/g, "'").replace(/&amp;/g, '&'), strFromU8(zip[path]));
  }
  return out;
}

describe.each(LANGUAGES)('samspill new --demo --lang %s', (lang) => {
  const file = join(dir, `demo-${lang}.xlsx`);

  beforeAll(async () => {
    const run = await runCli('new', file, '--demo', '--lang', lang, '--today', '2026-11-23');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(file);
  });

  it("passes the ECMA-376 schemas and Excel's cross-part rules (the strict check)", () => {
    expectStrict(file);
  });

  it('has every template sheet under its name in the language, and a very hidden metadata sheet', async () => {
    const sheets = await (await openXlsxFile(file)).listSheets();
    for (const key of SHEET_KEYS) {
      const name = key === '_meta' ? META_SHEET_NAME : sheetDef(key).name[lang];
      expect(sheets).toContainEqual({ name, visibility: key === '_meta' ? 'veryHidden' : 'visible' });
    }
  });

  it('has every register column, found by its header in the language, and rows in every register', async () => {
    const loaded = await loadWorkbook(await openXlsxFile(file));
    expect(loaded.meta).toMatchObject({ schemaVersion: SCHEMA_VERSION(), lang });
    expect(loaded.missingSheets).toEqual([]);
    for (const key of REGISTER_KEYS) {
      const register = loaded.data.registers[key];
      expect([key, register.missingColumns.map((c) => c.key)]).toEqual([key, []]);
      expect(register.rows.length).toBeGreaterThan(0);
      expect(loaded.sheetNames[key]).toBe(sheetDef(key).name[lang]);
      expect(loaded.data.tables[key]).toBe(sheetDef(key).table![lang]);
    }
    // The default demo is Kristiansund (seed 1): about 30 volunteers and fifteen months of their hours.
    expect(loaded.data.settings.municipality).toBe('Kristiansund');
    expect(loaded.data.registers.volunteers.rows.length).toBe(31);
    expect(loaded.data.registers.hours.rows.length).toBeGreaterThan(500);
    expect(loaded.data.settings.lists.cooperationForms).toEqual(valueList('cooperationForms').items.map((i) => i.label[lang]));
  });

  it('defines every settings, list and kpi name', async () => {
    const names = new Set((await (await openXlsxFile(file)).definedNames()).map((n) => n.name));
    for (const p of PARAMETERS) expect(names).toContain(p.name);
    for (const key of SETTINGS_LISTS) expect(names).toContain(`list_${key}`);
    for (const name of [
      'kpi_report_date',
      'kpi_active_agreements',
      'kpi_active_volunteers',
      'kpi_hours_year',
      'kpi_fte',
      'kpi_value',
      'kpi_missing_police_certificate',
      'kpi_hours_month_12',
      'form_agreement_id',
    ])
      expect(names).toContain(name);
  });

  it('writes native validation on every list, date, number and length column of each register, over used rows only', () => {
    const xml = sheetXml(file);
    for (const key of REGISTER_KEYS) {
      const sheet = xml.get(sheetDef(key).name[lang])!;
      const ranges = [...sheet.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
      const validatable = (sheetDef(key).columns ?? []).filter((c) => ['list', 'yesno', 'date', 'number', 'integer'].includes(c.type) || c.maxLength);
      expect([key, ranges.length >= validatable.length]).toEqual([key, true]);
      for (const range of ranges) expect(range).toMatch(/^[A-Z]+2:[A-Z]+\d+$/); // never whole columns
      expect(sheet).not.toMatch(/NaN/);
      expect(sheet).not.toMatch(/<autoFilter/);
    }
  });

  it('protects the settings and summary sheets without a password', () => {
    const xml = sheetXml(file);
    for (const key of ['settings', 'summary'] as const) {
      const protection = /<sheetProtection[^>]*>/.exec(xml.get(sheetDef(key).name[lang])!)?.[0];
      expect(protection).toBeDefined();
      expect(protection).not.toMatch(/password|hashValue/i);
    }
  });
});

describe('samspill new --demo --case', () => {
  it('builds the case asked for and says which, in both languages', async () => {
    const file = join(dir, 'nissedal.xlsx');
    const run = await runCli('new', file, '--demo', '--case', 'nissedal', '--lang', 'nn', '--today', '2026-11-23');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/Demo: Nissedal \(1430 innbyggere i rapporten\), 28 frivillige/);
    expect(run.stdout).toMatch(/1430 inhabitants in the report/);
    const loaded = await loadWorkbook(await openXlsxFile(file));
    expect(loaded.data.settings.municipality).toBe('Nissedal');
    expect(loaded.data.registers.volunteers.rows).toHaveLength(28);
  });

  it('accepts the name with ø, and refuses an unknown name or --case without --demo', async () => {
    expect((await runCli('new', join(dir, 'tromso.xlsx'), '--demo', '--case', 'Tromsø')).code).toBe(0);
    const unknown = await runCli('new', join(dir, 'oslo.xlsx'), '--demo', '--case', 'oslo');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Ukjent kommune for --case: «oslo». Velg en av alta, kristiansund, levanger, nissedal, strand, tromso, vefsn/);
    const alone = await runCli('new', join(dir, 'alene.xlsx'), '--case', 'alta');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/hører sammen med --demo/);
    expect(existsSync(join(dir, 'oslo.xlsx'))).toBe(false);
  });
});

describe('samspill new without --demo', () => {
  it.each(LANGUAGES)('writes an empty workbook (%s) that passes the strict check', async (lang) => {
    const file = join(dir, `tom-${lang}.xlsx`);
    expect((await runCli('new', file, '--lang', lang)).code).toBe(0);
    expectStrict(file);
  });

  it('writes an empty workbook whose checklist is ready to rate', async () => {
    const file = join(dir, 'tom.xlsx');
    expect((await runCli('new', file)).code).toBe(0);
    const loaded = await loadWorkbook(await openXlsxFile(file));
    expect(loaded.data.registers.volunteers.rows).toEqual([]);
    expect(loaded.data.registers.checklist.rows.length).toBeGreaterThan(20);
    expect(loaded.data.registers.checklist.rows.every((r) => r.values.rating === null)).toBe(true);
  });
});

describe('samspill new refuses bad requests with exit code 2 and a clear message', () => {
  it('does not overwrite an existing file without --force', async () => {
    const file = join(dir, 'finnes.xlsx');
    writeFileSync(file, 'mine');
    const run = await runCli('new', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/finnes allerede.*already exists/);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it.each([
    [['--lang', 'sv'], /Ukjent språk «sv»/],
    [['--seed', 'abc'], /--seed må være et heltall/],
    [['--today', '2026-02-30'], /ikke en dato/],
  ])('refuses %j', async (args, message) => {
    const file = join(dir, 'x.xlsx');
    const run = await runCli('new', file, ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a name that is not .xlsx and an unknown command', async () => {
    expect((await runCli('new', join(dir, 'x.xls'))).code).toBe(2);
    const unknown = await runCli('lag', 'x.xlsx');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Feil bruk.*Wrong usage/);
  });
});

describe('the installed command', () => {
  it('runs from bin/samspill.js after npm run build:cli', () => {
    const bin = join(__dirname, '../../bin/samspill.js');
    if (!existsSync(join(__dirname, '../../dist/src/cli/main.js'))) throw new Error('run "npm run build:cli" before the tests (npm test does)');
    const file = join(dir, 'bin.xlsx');
    execFileSync('node', [bin, 'new', file, '--lang', 'nn'], { encoding: 'utf8' });
    expect(statSync(file).size).toBeGreaterThan(10_000);
  });
});

/**
 * `samspill aggregate` end to end: demo workbooks of several municipalities with totals known
 * from their inputs (computed by the core), one damaged file that must be listed with its reason,
 * and no personal data anywhere in the region workbook.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook, type DemoWorkbook } from '../../src/core/demo/demoWorkbook';
import { buildWorkbookPlan, workbookData } from '../../src/core/plan/buildWorkbookPlan';
import { REGION_FIGURES } from '../../src/core/summary/regionPlan';
import { effectiveReportDate, figureValues, summarySections } from '../../src/core/summary/summaryFigures';
import { aggregateCommand } from '../../src/cli/aggregateCommand';
import { UserFacingError } from '../../src/cli/cliText';
import type { CellValue } from '../../src/core/port';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { openXlsxFile } from '../../src/workbook/xlsx';
import { expectStrict } from '../support/strictCheck';
import { withoutColumns, withSchemaVersion } from '../support/schemaV1';
import { SCHEMA_MIGRATIONS } from '../../src/core/model/schemaMigrations';
import { SCHEMA_VERSION } from '../../src/core/content/content';
import { SHEET_KEYS, type RegisterKey } from '../../src/core/content/templateSchema';

const dir = mkdtempSync(join(tmpdir(), 'samspill-aggregate-'));
const TODAY = '2026-11-23';
const SEEDS = [1, 2, 3, 4];
let demos: DemoWorkbook[];
let files: string[];

beforeAll(async () => {
  demos = SEEDS.map((seed) => demoWorkbook({ lang: seed === 2 ? 'nn' : 'nb', seed, today: isoToSerial(TODAY), volunteers: 40 + 10 * seed }));
  files = [];
  for (const [i, demo] of demos.entries()) {
    const file = join(dir, `kommune-${SEEDS[i]}.xlsx`);
    writeFileSync(file, await writePlanToBuffer(buildWorkbookPlan(demo.input)));
    files.push(file);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], output: string): Promise<{ code: number; out: string[]; error: string }> {
  const out: string[] = [];
  try {
    return {
      code: await aggregateCommand(args, { output, today: TODAY }, (l) => out.push(l), { progress: false, now: new Date(2026, 10, 23, 12, 0) }),
      out,
      error: '',
    };
  } catch (error) {
    if (error instanceof UserFacingError) return { code: error.exitCode, out, error: error.message };
    throw error;
  }
}

async function allCells(file: string): Promise<{ sheet: string; value: CellValue }[]> {
  const reader = await openXlsxFile(file);
  const cells: { sheet: string; value: CellValue }[] = [];
  for (const sheet of await reader.listSheets()) {
    const grid = await reader.readSheet(sheet.name);
    for (const row of grid.rows) for (const value of row ?? []) if (value !== null) cells.push({ sheet: sheet.name, value });
  }
  return cells;
}

function expectedFigures(demo: DemoWorkbook): Map<string, number | string> {
  const data = workbookData(demo.input);
  return figureValues(summarySections(data, effectiveReportDate(data, isoToSerial(TODAY))));
}

describe('aggregate over several municipalities and one damaged file', () => {
  let output: string;
  let result: { code: number; out: string[]; error: string };
  const damaged = () => join(dir, 'skadet.xlsx');

  beforeAll(async () => {
    const whole = readFileSync(files[0]);
    writeFileSync(damaged(), whole.subarray(0, Math.floor(whole.length / 2)));
    output = join(dir, 'region.xlsx');
    result = await run([...files.slice(0, 2), damaged(), ...files.slice(2)], output);
  });

  it('writes the region workbook and says which files are in and which are not', () => {
    expect(result.error).toBe('');
    expect(result.code).toBe(0);
    const text = result.out.join('\n');
    expect(text).toMatch(/Ikke med: skadet\.xlsx: .+/);
    expect(text).toContain(`Skrev ${output}: 4 kommuner med, 1 filer ikke med.`);
    expectStrict(output);
  });

  it('has one row per municipality with the figures the core computes from its rows, and their totals', async () => {
    const reader = await openXlsxFile(output);
    const grid = await reader.readSheet('Region');
    const header = grid.rows[3]!;
    const rows = grid.rows.slice(4, 4 + demos.length);
    const expected = demos.map(expectedFigures);
    expect(rows.map((r) => r![1])).toEqual(files.map((f) => f.split('/').pop()));
    REGION_FIGURES.forEach((figure, i) => {
      const col = 5 + i;
      expect(header[col]).toEqual(expect.any(String));
      rows.forEach((row, m) => expect(row![col]).toBeCloseTo(expected[m].get(figure.name) as number, 6));
      const total = grid.rows[4 + demos.length]![col] as number;
      expect(total).toBeCloseTo(
        expected.reduce((sum, e) => sum + (e.get(figure.name) as number), 0),
        6,
      );
    });
    const names = await reader.definedNames();
    const active = names.find((n) => n.name === 'region_kpi_active_volunteers')!;
    expect(active.refersTo).toMatch(/Region'?!\$[A-Z]+\$\d+/);
    expect(expected.reduce((sum, e) => sum + (e.get('kpi_active_volunteers') as number), 0)).toBeGreaterThan(100);
  });

  it('shows the evaluation profiles side by side', async () => {
    const grid = await (await openXlsxFile(output)).readSheet('Evalueringsprofiler');
    const expected = demos.map(expectedFigures);
    const overallRow = grid.rows.find((r) => r?.[0] === 'Samlet')!;
    expected.forEach((e, m) => {
      expect(overallRow[1 + 2 * m]).toBe(e.get('kpi_eval_overall_promoters'));
      expect(overallRow[2 + 2 * m]).toBe(e.get('kpi_eval_overall_barriers'));
    });
  });

  it('lists the damaged file with its reason on the "not included" sheet', async () => {
    const grid = await (await openXlsxFile(output)).readSheet('Ikke med');
    const row = grid.rows.find((r) => r?.[0] === 'skadet.xlsx');
    expect(row).toBeDefined();
    expect(String(row![1])).toMatch(/\w{5,}/);
  });

  it('holds no personal data: no name, phone or email of any volunteer, partner contact or agreement contact', async () => {
    const cells = (await allCells(output)).map((c) => String(c.value));
    const personal = new Set<string>();
    for (const demo of demos) {
      for (const v of demo.input.records.volunteers)
        for (const key of ['name', 'phone', 'email', 'notes']) if (typeof v[key] === 'string') personal.add(v[key] as string);
      for (const p of demo.input.records.partners)
        for (const key of ['contactPerson', 'phone', 'email']) if (typeof p[key] === 'string') personal.add(p[key] as string);
      for (const a of demo.input.records.agreements)
        for (const key of ['contactMunicipality', 'contactPartner']) if (typeof a[key] === 'string') personal.add(a[key] as string);
    }
    expect(personal.size).toBeGreaterThan(300);
    const leaks = cells.filter((cell) => [...personal].some((p) => cell.includes(p)));
    expect(leaks).toEqual([]);
  });
});

describe('a municipality still on the previous template version', () => {
  it('is included: the sheets and columns the newer version adds are not a broken structure', async () => {
    const { input } = demoWorkbook({ lang: 'nb', seed: 5, today: isoToSerial(TODAY), volunteers: 30 });
    const migration = SCHEMA_MIGRATIONS.find((m) => m.to === SCHEMA_VERSION())!;
    const plan = buildWorkbookPlan(
      input,
      SHEET_KEYS.filter((k) => !migration.addSheets.includes(k)),
    );
    const older = join(dir, 'forrige-versjon.xlsx');
    const sheets = plan.sheets.map((sheet) => {
      if (sheet.key === '_meta') return withSchemaVersion(sheet, migration.from);
      const keys = migration.addColumns.filter((a) => a.register === sheet.key).map((a) => a.column);
      return keys.length > 0 ? withoutColumns(sheet, sheet.key as RegisterKey, keys) : sheet;
    });
    writeFileSync(older, await writePlanToBuffer({ ...plan, sheets }));
    const result = await run([files[0], older], join(dir, 'region-eldre.xlsx'));
    expect(result.error).toBe('');
    expect(result.code).toBe(0);
    expect(result.out.join('\n')).not.toMatch(/forrige-versjon\.xlsx.*(struktur|structure)/);
    expect(result.out.filter((l) => l.includes('forrige-versjon.xlsx'))).toHaveLength(1);
  });
});

describe('aggregate refuses what it cannot do', () => {
  it('exit 2 and nothing written when no file can be included', async () => {
    const bad = join(dir, 'tekst.xlsx');
    writeFileSync(bad, 'dette er ikke en arbeidsbok');
    const output = join(dir, 'tom-region.xlsx');
    const result = await run([bad], output);
    expect(result.code).toBe(2);
    expect(result.error).toContain('tekst.xlsx');
    expect(() => readFileSync(output)).toThrow();
  });

  it('exit 2 when the output is one of the inputs', async () => {
    const result = await run(files, files[0]);
    expect(result.code).toBe(2);
  });
});

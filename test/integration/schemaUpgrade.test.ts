/**
 * `samspill add` on a workbook whose templates are of schema version 1: it gains the action plan
 * and the checklist's participants column in place, keeps every row of every register with its
 * values, records the current version, validates without structure errors, opens in LibreOffice with a
 * summary free of error cells, and a second run changes nothing. A version-1 workbook is made the
 * way version 1 wrote it: the demo's plan without the action plan, without the participants
 * column, with schemaVersion 1 in the metadata.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { addTemplates } from '../../src/cli/addCommand';
import { UserFacingError } from '../../src/cli/cliText';
import { SCHEMA_VERSION } from '../../src/core/content/content';
import { loadWorkbook } from '../../src/core/model/loadWorkbook';
import { META_SHEET_NAME } from '../../src/core/model/metaSheet';
import { defaultSheetNames } from '../../src/core/plan/buildWorkbookPlan';
import { REGISTER_KEYS, type RegisterKey } from '../../src/core/content/templateSchema';
import { defaultTableNames } from '../../src/core/model/workbookData';
import type { WorkbookPlan } from '../../src/core/plan/workbookPlan';
import type { CellValue, SheetGrid } from '../../src/core/port';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { openXlsxFile } from '../../src/workbook/xlsx';
import { runCli } from '../support/cli';
import { recalcToCsv, recalcToXlsx, requireLibreOffice } from '../support/libreoffice';
import { USER_HEADER, V1_TODAY, versionOnePlan, withSchemaVersion } from '../support/schemaV1';
import { columnLetter } from '../../src/core/model/a1';
import { expectStrict } from '../support/strictCheck';

const TODAY = V1_TODAY;
const NB_SHEETS = defaultSheetNames('nb');
const NB_TABLES = defaultTableNames('nb');
const LO = requireLibreOffice();
const loTest = LO ? test : test.skip;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'samspill-upgrade-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function versionOneWorkbook(name: string, userChanges = false, edit: (plan: WorkbookPlan) => WorkbookPlan = (p) => p): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, await writePlanToBuffer(edit(versionOnePlan({ userChanges }))));
  return file;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Rows cut or padded to a width, so a grid can be compared with a wider one column by column. */
function cells(grid: SheetGrid, width: number): CellValue[][] {
  return grid.rows.map((row) => Array.from({ length: width }, (_, c) => row?.[c] ?? null));
}

function widthOf(grid: SheetGrid): number {
  return Math.max(0, ...grid.rows.map((row) => row?.length ?? 0));
}

async function registerGrids(file: string): Promise<Map<RegisterKey, SheetGrid>> {
  const reader = await openXlsxFile(file);
  const names = (await reader.listSheets()).map((s) => s.name);
  const grids = new Map<RegisterKey, SheetGrid>();
  for (const key of REGISTER_KEYS) if (names.includes(NB_SHEETS[key])) grids.set(key, await reader.readSheet(NB_SHEETS[key]));
  return grids;
}

/** The XML of the part a sheet or table lives in, found through the package's relationships. */
function sheetXml(zip: Record<string, Uint8Array>, sheetName: string): { part: string; xml: string } {
  const workbook = strFromU8(zip['xl/workbook.xml']);
  const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${sheetName}"`))!;
  const relId = /r:id="([^"]+)"/.exec(tag)![1];
  const rels = strFromU8(zip['xl/_rels/workbook.xml.rels']);
  const target = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${relId}"`))!;
  const part = `xl/${/Target="([^"]+)"/.exec(target)![1].replace(/^\/?xl\//, '')}`;
  return { part, xml: strFromU8(zip[part]) };
}

function tableXml(zip: Record<string, Uint8Array>, displayName: string): { part: string; xml: string } {
  const part = Object.keys(zip).find((name) => name.startsWith('xl/tables/') && strFromU8(zip[name]).includes(`displayName="${displayName}"`))!;
  return { part, xml: strFromU8(zip[part]) };
}

function errorCells(rows: string[][] | undefined): string[] {
  return (rows ?? []).flatMap((row, r) => row.map((cell, c) => (/^(#[A-Z/0!?]+|Err:\d+)/.test(cell) ? `R${r + 1}C${c + 1}=${cell}` : '')).filter(Boolean));
}

const STRUCTURE_PROBLEMS = /^structure\.(sheet\.missing|column\.missing|column\.optionalMissing|schema\.older|header\.notFound)$/;

async function structureIssues(file: string): Promise<string[]> {
  const run = await runCli('validate', file, '--format', 'json', '--today', TODAY);
  expect(run.code).not.toBe(2);
  const report = JSON.parse(run.stdout) as { schemaVersion: number; issues: { rule: string; sheetKey: string }[] };
  return report.issues.filter((i) => STRUCTURE_PROBLEMS.test(i.rule)).map((i) => `${i.rule}:${i.sheetKey}`);
}

describe('a version-1 workbook', () => {
  let file: string;
  let original: Buffer;
  let before: Map<RegisterKey, SheetGrid>;
  const lines: string[] = [];

  beforeAll(async () => {
    file = await versionOneWorkbook('v1.xlsx');
    original = readFileSync(file);
    before = await registerGrids(file);
    expect(await addTemplates(file, {}, (l) => lines.push(l))).toBe(0);
  });

  test('the upgraded file passes the strict check', () => {
    expectStrict(file, original);
  });

  test('was really version 1: validate reports the older schema and the missing participants column; the action plan version 2 added is left to the older-version warning, not an error', async () => {
    expect(before.has('actions')).toBe(false);
    expect(before.get('checklist')!.rows[0]).not.toContain('Deltakere');
    const backup = readdirSync(dir).find((f) => f.startsWith('v1.samspill-backup-'))!;
    expect(sameBytes(readFileSync(join(dir, backup)), original)).toBe(true);
    const issues = await structureIssues(join(dir, backup));
    expect(issues).toEqual(expect.arrayContaining(['structure.schema.older:_meta', 'structure.column.optionalMissing:checklist']));
    expect(issues).not.toContain('structure.sheet.missing:actions');
  });

  test('every row of every register keeps its values; the checklist gains an empty participants column at its end', async () => {
    const after = await registerGrids(file);
    for (const [key, grid] of before) {
      const width = widthOf(grid);
      expect([key, cells(after.get(key)!, width)]).toEqual([key, cells(grid, width)]);
    }
    const checklist = after.get('checklist')!;
    const width = widthOf(before.get('checklist')!);
    expect(widthOf(checklist)).toBe(width + 1);
    expect(checklist.rows[0]![width]).toBe('Deltakere');
    const dataRows = before.get('checklist')!.rows.length - 1;
    expect(dataRows).toBeGreaterThan(50);
    for (let r = 1; r <= dataRows; r++) expect(checklist.rows[r]?.[width] ?? null).toBeNull();
  });

  test('the table, its filter and a length check cover the new column; only the parts that must change did', async () => {
    const was = unzipSync(original);
    const zip = unzipSync(readFileSync(file));
    const table = tableXml(zip, NB_TABLES.checklist);
    const rowsInTable = before.get('checklist')!.rows.length;
    const newCol = columnLetter(widthOf(before.get('checklist')!) + 1);
    expect(/<table\b[^>]*\sref="([^"]+)"/.exec(table.xml)![1]).toBe(`A1:${newCol}${rowsInTable}`);
    expect(/<autoFilter\b[^>]*\sref="([^"]+)"/.exec(table.xml)![1]).toBe(`A1:${newCol}${rowsInTable}`);
    const ids = [...table.xml.matchAll(/<tableColumn\b[^>]*\sid="(\d+)"/g)].map((m) => Number(m[1]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(table.xml).toMatch(/<tableColumns count="12">/);
    expect(table.xml).toMatch(/<tableColumn id="12" name="Deltakere"\/><\/tableColumns>/);

    const sheet = sheetXml(zip, NB_SHEETS.checklist);
    expect(sheet.xml).toContain(`<c r="${newCol}1" t="inlineStr"><is><t xml:space="preserve">Deltakere</t></is></c>`);
    const validation = new RegExp(
      `<dataValidation type="textLength" operator="lessThanOrEqual"[^>]*sqref="${newCol}2:${newCol}(\\d+)"><formula1>200</formula1>`,
    ).exec(sheet.xml);
    const otherLast = /sqref="A2:A(\d+)"/.exec(sheet.xml)![1];
    expect(validation?.[1]).toBe(otherLast);
    expect(sheet.xml).toContain(
      `<col min="${widthOf(before.get('checklist')!) + 1}" max="${widthOf(before.get('checklist')!) + 1}" width="26" customWidth="1"/>`,
    );

    const mayChange = new Set([
      '[Content_Types].xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      sheet.part,
      table.part,
      sheetXml(zip, META_SHEET_NAME).part,
      // The 2→3 columns of the partner, agreement and volunteer registers, and the 3→4 end reason of volunteers and agreements.
      ...(['partners', 'agreements', 'volunteers'] as const).flatMap((k) => [sheetXml(zip, NB_SHEETS[k]).part, tableXml(zip, NB_TABLES[k]).part]),
    ]);
    const changed = Object.keys(was).filter((name) => !sameBytes(was[name], zip[name] ?? new Uint8Array()));
    expect(changed.filter((name) => !mayChange.has(name))).toEqual([]);
    expect(changed).toEqual(expect.arrayContaining([sheet.part, table.part]));
  });

  test('the action plan and the version-3 columns are there, the metadata says the current version, and validate finds no structure problem', async () => {
    const reader = await openXlsxFile(file);
    expect((await reader.listSheets()).map((s) => s.name)).toContain(NB_SHEETS.actions);
    const loaded = await loadWorkbook(reader);
    expect(loaded.meta?.schemaVersion).toBe(SCHEMA_VERSION());
    expect(loaded.data.registers.volunteers.columns.has('endReason')).toBe(true);
    expect(loaded.data.registers.volunteers.columns.has('policeBasis')).toBe(true);
    expect(loaded.data.registers.agreements.columns.has('signerPartner')).toBe(true);
    expect(loaded.data.registers.partners.columns.has('volunteerRegistry')).toBe(true);
    expect(loaded.meta?.sheets.actions).toBe(NB_SHEETS.actions);
    expect(loaded.meta?.tables.actions).toBe(NB_TABLES.actions);
    expect(loaded.data.registers.checklist.columns.has('participants')).toBe(true);
    expect(await structureIssues(file)).toEqual([]);
    expect(lines.join('\n')).toContain(NB_SHEETS.actions);
  });

  test('the command says what the upgrade added, after the done line, in both languages', () => {
    const done = lines.findIndex((l) => l.startsWith('La til '));
    const upgraded = lines.findIndex((l) => l.startsWith('Malene er oppgradert'));
    expect(done).toBeGreaterThanOrEqual(0);
    expect(upgraded).toBe(done + 1);
    const line = lines[upgraded];
    expect(line).toContain(`fra skjemaversjon 1 til ${SCHEMA_VERSION()}: nytt ark «${NB_SHEETS.actions}», ny kolonne «Deltakere» i «${NB_SHEETS.checklist}»`);
    expect(line).toContain(
      `from schema version 1 to ${SCHEMA_VERSION()}: new sheet "${NB_SHEETS.actions}", new column "Deltakere" in "${NB_SHEETS.checklist}"`,
    );
    expect(line).toContain('«Hjemmel for politiattest» i «Frivillige»');
    expect(line).toContain(`ny kolonne «Sluttårsak» i «${NB_SHEETS.volunteers}», ny kolonne «Sluttårsak» i «${NB_SHEETS.agreements}»`);
  });

  loTest('LibreOffice opens it, keeps the new column, and the summary has no error cells', async () => {
    const converted = await recalcToXlsx(file);
    const reader = await openXlsxFile(converted);
    const checklist = await reader.readSheet(NB_SHEETS.checklist);
    expect(checklist.rows[0]).toContain('Deltakere');
    expect(checklist.rows.length).toBe(before.get('checklist')!.rows.length);
    const csv = await recalcToCsv(file);
    const summary = csv.get(NB_SHEETS.summary);
    expect(summary?.length).toBeGreaterThan(5);
    expect(errorCells(summary)).toEqual([]);
  });

  test('adding again changes nothing', async () => {
    const upgraded = readFileSync(file);
    const again: string[] = [];
    expect(await addTemplates(file, {}, (l) => again.push(l))).toBe(0);
    expect(sameBytes(readFileSync(file), upgraded)).toBe(true);
    expect(again.join('\n')).toContain('ingenting er endret');
  });
});

describe('a version-1 workbook the user has changed', () => {
  test('their own column and their sorting survive; participants goes after their column', async () => {
    const file = await versionOneWorkbook('v1-user.xlsx', true);
    const before = await registerGrids(file);
    const output = join(dir, 'v1-user-upgraded.xlsx');
    expect(await addTemplates(file, { output }, () => undefined)).toBe(0);
    const after = await registerGrids(output);
    for (const [key, grid] of before) {
      const width = widthOf(grid);
      expect([key, cells(after.get(key)!, width)]).toEqual([key, cells(grid, width)]);
    }
    const header = after.get('checklist')!.rows[0]!;
    expect(header.indexOf(USER_HEADER)).toBe(header.length - 2);
    expect(header.at(-1)).toBe('Deltakere');
    const loaded = await loadWorkbook(await openXlsxFile(output));
    expect(loaded.data.registers.checklist.columns.get('participants')).toBe(header.length);
    expect(loaded.data.registers.checklist.rows).toHaveLength(before.get('checklist')!.rows.length - 1);
    expect(await structureIssues(output)).toEqual([]);
    if (LO) expect(errorCells((await recalcToCsv(output)).get(NB_SHEETS.summary))).toEqual([]);
  });

  test('a note typed right of the checklist table is never swallowed: the upgrade is refused and the file untouched', async () => {
    const file = await versionOneWorkbook('v1-notes.xlsx', false, (plan) => ({
      ...plan,
      sheets: plan.sheets.map((s) =>
        s.key === 'checklist' ? { ...s, cells: [...s.cells, { row: 4, col: s.tables[0].headers.length + 1, value: 'Husk å spørre Frivilligsentralen' }] } : s,
      ),
    }));
    const original = readFileSync(file);
    const error = await addTemplates(file, {}, () => undefined).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserFacingError);
    const message = (error as UserFacingError).message;
    expect(message).toContain(`Kolonnen til høyre for tabellen «${NB_TABLES.checklist}» i arket «${NB_SHEETS.checklist}» har innhold i L4`);
    expect(message).toContain('«Deltakere»');
    expect(message).toContain('holds data at L4');
    expect(message).not.toContain('kan ikke utvides trygt');
    expect(sameBytes(readFileSync(file), original)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('v1-notes.samspill-backup-'))).toEqual([]);
    expect(existsSync(file)).toBe(true);
  });
});

describe('versions without a way up', () => {
  test('a newer workbook is still refused untouched', async () => {
    const file = await versionOneWorkbook('newer.xlsx', false, (plan) => ({
      ...plan,
      sheets: plan.sheets.map((s) => (s.key === '_meta' ? withSchemaVersion(s, SCHEMA_VERSION() + 1) : s)),
    }));
    const original = readFileSync(file);
    const error = await addTemplates(file, {}, () => undefined).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).message).toContain(`skjemaversjon ${SCHEMA_VERSION() + 1}`);
    expect(sameBytes(readFileSync(file), original)).toBe(true);
  });
});

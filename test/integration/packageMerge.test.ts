/**
 * `samspill add` on real-world workbooks: every corpus file is either extended with every
 * template — all original parts byte-identical except the few shared ones that must list the new
 * sheets, LibreOffice reading every original sheet exactly as before and computing the templates'
 * formulas — or refused with a clear reason and left untouched. Also: idempotence, name
 * collisions, renamed templates, an older schema, a clashing defined name and an interrupted write.
 */
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { expectStrict, withExcelCalcChain } from '../support/strictCheck';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { addTemplates } from '../../src/cli/addCommand';
import { UserFacingError } from '../../src/cli/cliText';
import { defaultSheetNames } from '../../src/core/plan/buildWorkbookPlan';
import { META_SHEET_NAME } from '../../src/core/model/metaSheet';
import { defaultTableNames } from '../../src/core/model/workbookData';
import { inspectPackage, mergeFreshWorkbook } from '../../src/workbook/xlsx/editing/packageMerge';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { openXlsxBuffer, openXlsxFile } from '../../src/workbook/xlsx';
import { handMadePlan, HOURS_SHEET } from '../support/handMadePlan';
import { recalcToCsv, requireLibreOffice } from '../support/libreoffice';
import { CORPUS_DIR } from '../support/sharedFiles';

const CORPUS = CORPUS_DIR();
const CORPUS_FILES = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => /\.xls[xm]$/i.test(f))
      .sort()
  : [];
/** The parts an addition may change; every other original part must keep its bytes. */
const SHARED_PARTS = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml)$/;
/** Why a corpus file must be refused, with a word its message must contain. */
const MUST_REFUSE: Record<string, string> = {
  'apache__hello-world-signed.xlsx': 'signert',
  'apache__workbookProtection_workbook_structure_protected.xlsx': 'beskyttet struktur',
  'apache__SampleSS.strict.xlsx': 'Strict Open XML',
};
const NB_SHEETS = defaultSheetNames('nb');
const NB_TABLES = defaultTableNames('nb');
const TEMPLATE_SHEETS = Object.entries(NB_SHEETS)
  .filter(([k]) => k !== '_meta')
  .map(([, name]) => name);

const LO = requireLibreOffice();
const loTest = LO ? test : test.skip;
let dir: string;
const report: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'samspill-add-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (report.length) console.log(['file | outcome | parts kept | strict-check problems the original already had', ...report].join('\n'));
});

function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Start and empty tags by local name, counted by a regex independent of the code under test. */
function elementCounts(xml: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of xml.matchAll(/<(?![/?!])(?:[\w.-]+:)?([\w.-]+)/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  return counts;
}

function copyToWork(file: string, name = file): string {
  const target = join(dir, name);
  copyFileSync(join(CORPUS, file), target);
  // The corpus is read-only, and add refuses a read-only workbook: the working copy is writable.
  chmodSync(target, 0o644);
  return target;
}

async function expectRefused(run: Promise<number>, words: string): Promise<void> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  expect((error as UserFacingError).exitCode).toBe(2);
  expect((error as UserFacingError).message).toContain(words);
}

/** Cells LibreOffice shows as an error after recalculating. */
function errorCells(rows: string[][] | undefined): string[] {
  return (rows ?? []).flatMap((row, r) => row.map((cell, c) => (/^(#[A-Z/0!?]+|Err:\d+)/.test(cell) ? `R${r + 1}C${c + 1}=${cell}` : '')).filter(Boolean));
}

describe('every corpus workbook', () => {
  test('the corpus is there', () => {
    expect(CORPUS_FILES.length).toBeGreaterThanOrEqual(20);
  });

  test.each(CORPUS_FILES)('%s: all templates added losing nothing, or refused untouched', async (file) => {
    const input = copyToWork(file);
    const original = readFileSync(input);
    const output = join(dir, `added-${file}`);
    const lines: string[] = [];

    if (MUST_REFUSE[file]) {
      await expectRefused(
        addTemplates(input, { output }, (l) => lines.push(l)),
        MUST_REFUSE[file],
      );
      expect(sameBytes(readFileSync(input), original)).toBe(true);
      expect(existsSync(output)).toBe(false);
      report.push(`${file} | refused (${MUST_REFUSE[file]}) | all (untouched)`);
      return;
    }

    expect(await addTemplates(input, { output }, (l) => lines.push(l))).toBe(0);
    expect(sameBytes(readFileSync(input), original)).toBe(true);
    const result = readFileSync(output);
    const before = parts(original);
    const after = parts(result);
    let kept = 0;
    for (const [name, bytes] of Object.entries(before)) {
      expect(after[name]).toBeDefined();
      if (sameBytes(after[name], bytes)) {
        kept++;
        continue;
      }
      // Only the shared parts may differ, and they keep every element they had.
      expect(name).toMatch(SHARED_PARTS);
      const was = elementCounts(strFromU8(bytes));
      const is = elementCounts(strFromU8(after[name]));
      const lost = [...was].filter(([element, count]) => (is.get(element) ?? 0) < count).map(([element]) => element);
      expect([name, lost]).toEqual([name, []]);
    }

    const originalSheets = (await openXlsxBuffer(original).listSheets()).map((s) => s.name);
    const reader = openXlsxBuffer(result);
    const sheets = (await reader.listSheets()).map((s) => s.name);
    expect(sheets.slice(0, originalSheets.length)).toEqual(originalSheets);
    for (const name of [...TEMPLATE_SHEETS, META_SHEET_NAME]) expect(sheets).toContain(name);
    const strict = expectStrict(result, original);
    report.push(
      `${file} | added ${sheets.length - originalSheets.length} sheets | ${kept}/${Object.keys(before).length} | ${strict.inherited.length} of its own`,
    );
  });

  test.each(CORPUS_FILES.filter((f) => !MUST_REFUSE[f]))('%s, saved by Excel with a calculation chain: the result passes the strict check', async (file) => {
    const input = join(dir, `saved-${file}`);
    writeFileSync(input, withExcelCalcChain(new Uint8Array(readFileSync(join(CORPUS, file)))));
    const output = join(dir, `saved-added-${file}`);
    expect(await addTemplates(input, { output }, () => undefined)).toBe(0);
    expectStrict(output, input);
  });
});

describe('LibreOffice reads every original sheet as before and computes the templates', () => {
  const added = CORPUS_FILES.filter((f) => !MUST_REFUSE[f]);
  loTest.each(added)('%s', async (file) => {
    const output = join(dir, `added-${file}`);
    if (!existsSync(output)) await addTemplates(copyToWork(file), { output }, () => undefined);
    const before = await recalcToCsv(join(CORPUS, file));
    const after = await recalcToCsv(output);
    for (const [sheet, rows] of before) expect([sheet, after.get(sheet)]).toEqual([sheet, rows]);
    // The summary's figures are live formulas over the new registers; none may be an error.
    const summary = after.get(NB_SHEETS.summary);
    expect(summary?.length).toBeGreaterThan(5);
    expect(errorCells(summary)).toEqual([]);
    expect(errorCells(after.get(NB_SHEETS.agreement))).toEqual([]);
  });
});

describe('adding twice', () => {
  test('the second run changes nothing and makes no backup', async () => {
    const file = copyToWork('apache__WithThreeCharts.xlsx', 'twice.xlsx');
    const lines: string[] = [];
    expect(await addTemplates(file, {}, (l) => lines.push(l))).toBe(0);
    const backups = readdirSync(dir).filter((f) => f.startsWith('twice.samspill-backup-'));
    expect(backups).toHaveLength(1);
    expect(sameBytes(readFileSync(join(dir, backups[0])), readFileSync(join(CORPUS, 'apache__WithThreeCharts.xlsx')))).toBe(true);
    expect(lines.some((l) => l.includes(backups[0]))).toBe(true);

    const first = readFileSync(file);
    lines.length = 0;
    expect(await addTemplates(file, {}, (l) => lines.push(l))).toBe(0);
    expect(sameBytes(readFileSync(file), first)).toBe(true);
    expect(lines.join('\n')).toContain('ingenting er endret');
    expect(readdirSync(dir).filter((f) => f.startsWith('twice.samspill-backup-'))).toHaveLength(1);
  });
});

async function userWorkbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}

function sheetPart(zip: Record<string, Uint8Array>, sheetName: string): string {
  const workbook = strFromU8(zip['xl/workbook.xml']);
  const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${sheetName}"`));
  const relId = /r:id="([^"]+)"/.exec(tag ?? '')?.[1];
  const rels = strFromU8(zip['xl/_rels/workbook.xml.rels']);
  const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${relId}"`).exec(rels)?.[1];
  return strFromU8(zip[`xl/${target}`]);
}

describe('name collisions', () => {
  test("a user's own sheet and table named like the volunteer register stay theirs; the template takes free names", async () => {
    const file = await userWorkbook('own-frivillige.xlsx', (wb) => {
      const sheet = wb.addWorksheet(NB_SHEETS.volunteers);
      sheet.getCell('A1').value = 'Hytteplan';
      sheet.getCell('B2').value = 42;
      sheet.addTable({ name: NB_TABLES.volunteers, ref: 'D1', headerRow: true, columns: [{ name: 'Hytte' }, { name: 'Uke' }], rows: [['Fjellro', 7]] });
    });
    const before = await (await openXlsxFile(file)).readSheet(NB_SHEETS.volunteers);
    const lines: string[] = [];
    expect(await addTemplates(file, {}, (l) => lines.push(l))).toBe(0);

    const reader = await openXlsxFile(file);
    expect((await reader.readSheet(NB_SHEETS.volunteers)).rows).toEqual(before.rows);
    const renamed = `${NB_SHEETS.volunteers} (2)`;
    expect((await reader.listSheets()).map((s) => s.name)).toContain(renamed);
    expect(lines.join('\n')).toContain(renamed);
    const meta = await reader.readSheet(META_SHEET_NAME);
    const metaValues = new Map(meta.rows.filter(Boolean).map((row) => [row![0], row![1]]));
    expect(metaValues.get('sheet.volunteers')).toBe(renamed);
    expect(metaValues.get('table.volunteers')).toBe(`${NB_TABLES.volunteers}_2`);
    // The summary counts the template's table, not the user's.
    const zip = parts(readFileSync(file));
    expect(sheetPart(zip, NB_SHEETS.summary)).toContain(`${NB_TABLES.volunteers}_2[`);
    if (LO) {
      const csv = await recalcToCsv(file);
      expect(csv.get(NB_SHEETS.volunteers)?.[0]?.[0]).toBe('Hytteplan');
      expect(errorCells(csv.get(NB_SHEETS.summary))).toEqual([]);
    }
  });

  test('a defined name the templates need, meaning something else, is refused and the file left untouched', async () => {
    const file = await userWorkbook('clashing-name.xlsx', (wb) => {
      wb.addWorksheet('Budsjett').getCell('A1').value = 'Kommunen vår';
      wb.definedNames.add('Budsjett!$A$1', 'cfg_municipality');
    });
    const original = readFileSync(file);
    await expectRefused(
      addTemplates(file, {}, () => undefined),
      'cfg_municipality',
    );
    expect(sameBytes(readFileSync(file), original)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('clashing-name.samspill-backup-'))).toEqual([]);
  });

  test("a table of the user's named like a name the templates define (in any case) is a conflict too, and the file is left untouched", async () => {
    // Excel keeps table and defined names in one namespace: a name equal to a table's makes it repair the file (rust_xlsxwriter #189).
    const file = await userWorkbook('clashing-table.xlsx', (wb) => {
      const sheet = wb.addWorksheet('Budsjett');
      sheet.addTable({ name: 'KPI_Hours_Year', ref: 'A1', headerRow: true, columns: [{ name: 'Post' }, { name: 'Beløp' }], rows: [['Lønn', 100]] });
    });
    const original = readFileSync(file);
    await expectRefused(
      addTemplates(file, {}, () => undefined),
      'kpi_hours_year',
    );
    expect(sameBytes(readFileSync(file), original)).toBe(true);
  });
});

/** The package with one part's text changed, re-zipped (test fixtures only). */
function withPartEdited(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const zip = parts(bytes);
  const edited = edit(strFromU8(zip[part]));
  expect(edited).not.toBe(strFromU8(zip[part]));
  return zipSync({ ...zip, [part]: new TextEncoder().encode(edited) });
}

describe('templates already there', () => {
  test('a renamed register is still found, so nothing is added again', async () => {
    const file = copyToWork('sjs__merge_cells.xlsx', 'renamed.xlsx');
    expect(await addTemplates(file, {}, () => undefined)).toBe(0);
    const renamed = withPartEdited(readFileSync(file), 'xl/workbook.xml', (xml) => xml.replace(`name="${NB_SHEETS.volunteers}"`, 'name="Våre frivillige"'));
    writeFileSync(file, renamed);
    const lines: string[] = [];
    expect(await addTemplates(file, {}, (l) => lines.push(l))).toBe(0);
    expect(sameBytes(readFileSync(file), renamed)).toBe(true);
    expect(lines.join('\n')).toContain('nothing was changed');
  });

  test('templates of an older schema version are refused for upgrade and left untouched', async () => {
    const file = copyToWork('sjs__merge_cells.xlsx', 'older.xlsx');
    expect(await addTemplates(file, { templates: 'checklist' }, () => undefined)).toBe(0);
    const zip = parts(readFileSync(file));
    const metaPart = Object.keys(zip).find((name) => name.startsWith('xl/worksheets/') && strFromU8(zip[name]).includes('schemaVersion'))!;
    const older = withPartEdited(readFileSync(file), metaPart, (xml) => xml.replace(/(schemaVersion<\/t><\/is><\/c><c [^>]*>)<v>\d+<\/v>/, '$1<v>0</v>'));
    writeFileSync(file, older);
    await expectRefused(
      addTemplates(file, {}, () => undefined),
      'skjemaversjon 0',
    );
    expect(sameBytes(readFileSync(file), older)).toBe(true);
  });

  test('templates asked for later are added beside the earlier ones, and the metadata lists them all', async () => {
    const file = copyToWork('apache__DataValidations-49244.xlsx', 'later.xlsx');
    expect(await addTemplates(file, { templates: 'checklist' }, () => undefined)).toBe(0);
    const firstSheets = (await (await openXlsxFile(file)).listSheets()).map((s) => s.name);
    expect(firstSheets).toEqual(expect.arrayContaining([NB_SHEETS.settings, NB_SHEETS.checklist, META_SHEET_NAME]));
    expect(firstSheets).not.toContain(NB_SHEETS.summary);

    expect(await addTemplates(file, {}, () => undefined)).toBe(0);
    const reader = await openXlsxFile(file);
    const sheets = (await reader.listSheets()).map((s) => s.name);
    expect(sheets.slice(0, firstSheets.length)).toEqual(firstSheets);
    expect(sheets.filter((s) => s === META_SHEET_NAME)).toHaveLength(1);
    const meta = await reader.readSheet(META_SHEET_NAME);
    const recorded = meta.rows.filter(Boolean).map((row) => String(row![0]));
    for (const key of Object.keys(NB_SHEETS)) expect(recorded).toContain(`sheet.${key}`);
  });
});

describe('writing', () => {
  test('a failure after verification, before the rename, leaves the original byte-identical and no stray files', async () => {
    const file = copyToWork('apache__57181.xlsm', 'crash.xlsm');
    const original = readFileSync(file);
    const run = addTemplates(file, {}, () => undefined, {
      beforeRename: async () => {
        throw new Error('simulated crash');
      },
    });
    await expectRefused(run, 'simulated crash');
    expect(sameBytes(readFileSync(file), original)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('crash') && f !== 'crash.xlsm')).toEqual([]);
  });

  test('an unknown template key and a file that is not a workbook are refused with exit 2', async () => {
    const file = copyToWork('sjs__merge_cells.xlsx', 'usage.xlsx');
    await expectRefused(
      addTemplates(file, { templates: 'volunteers,budget' }, () => undefined),
      'budget',
    );
    const text = join(dir, 'notes.xlsx');
    writeFileSync(text, 'not a workbook');
    await expectRefused(
      addTemplates(text, {}, () => undefined),
      'notes.xlsx',
    );
  });
});

describe('the package merge itself', () => {
  test('transplanted cells keep their look through the renumbered styles of a workbook with many of its own', async () => {
    const original = readFileSync(join(CORPUS, 'apache__57181.xlsm'));
    const fresh = await writePlanToBuffer(handMadePlan());
    const result = mergeFreshWorkbook(inspectPackage(original), fresh);
    const look = (zip: Record<string, Uint8Array>, sheet: string, cell: string) => {
      const styles = strFromU8(zip['xl/styles.xml']);
      const xml = sheetPart(zip, sheet);
      const s = Number(new RegExp(`<c r="${cell}"[^>]*\\ss="(\\d+)"`).exec(xml)?.[1] ?? 0);
      const xfs = [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
      const fonts = [.../<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)![1].matchAll(/<font\b[\s\S]*?<\/font>|<font\/>/g)].map((m) => m[0]);
      const fills = [.../<fills[^>]*>([\s\S]*?)<\/fills>/.exec(styles)![1].matchAll(/<fill\b[\s\S]*?<\/fill>/g)].map((m) => m[0]);
      const xf = xfs[s];
      const attr = (name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(xf)?.[1] ?? 0);
      const numFmtId = attr('numFmtId');
      const code = numFmtId >= 164 ? new RegExp(`numFmtId="${numFmtId}" formatCode="([^"]*)"`).exec(styles)?.[1] : String(numFmtId);
      return { font: fonts[attr('fontId')].replace(/ xmlns="[^"]*"/, ''), fill: fills[attr('fillId')].replace(/ xmlns="[^"]*"/, ''), code };
    };
    const freshZip = parts(fresh);
    const mergedZip = parts(result.data);
    for (const cell of ['A1', 'A4', 'B4', 'D4']) expect(look(mergedZip, HOURS_SHEET, cell)).toEqual(look(freshZip, HOURS_SHEET, cell));
    // Cells hold their text inline; the user's shared strings are untouched.
    expect(sheetPart(mergedZip, HOURS_SHEET)).not.toMatch(/t="s"/);
    expect(sameBytes(mergedZip['xl/sharedStrings.xml'], parts(original)['xl/sharedStrings.xml'])).toBe(true);
  });
});

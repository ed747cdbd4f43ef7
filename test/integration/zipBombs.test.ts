/**
 * Zip bombs and workbooks beyond Excel's limits. A 2.9 MB workbook whose sheet unpacks to
 * gigabytes of cells and a 3.9 MB one of spaces are refused by the command line with exit 2 and a
 * sentence naming the file and the part, within seconds and in bounded memory: refused before
 * anything is inflated when the zip directory tells their size, and while inflating when it
 * understates it. Rows, columns and a cell's text past Excel's own limits are refused as the
 * sheet is read; what lies exactly at the limits reads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { inflateRawSync } from 'node:zlib';
import { basename, join, resolve } from 'node:path';
import { strToU8, zipSync, unzipSync } from 'fflate';
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { openXlsxBuffer, WorkbookReadError } from '../../src/workbook/xlsx';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { runCli } from '../support/cli';
import { bombWorkbook, deflatedBomb, type BombPart } from '../support/zipBomb';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'samspill.js');
const PEAK_MEMORY = join(ROOT, 'test', 'support', 'peakMemory.js');
const TODAY = '2026-11-23';
/** The sheet replaced by a bomb: the settings sheet, which every command reads. */
const PART = 'xl/worksheets/sheet1.xml';
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
/** Cells without addresses, the most a sheet of cells compresses (about 500 times). */
const CELL = '<c><v>1</v></c>';
const SPACES = ' ';

let dir: string;
let base: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zip-bombs-'));
  const demo = demoWorkbook({ lang: 'nb', seed: 3, today: isoToSerial(TODAY), volunteers: 20 });
  base = await writePlanToBuffer(buildWorkbookPlan(demo.input));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stderr: string;
  seconds: number;
  peakMb: number;
}

/** The command line as a user runs it, in a process of its own, with its time and peak memory. */
function samspill(...args: string[]): Run {
  const peakFile = join(dir, `peak-${Date.now()}`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--require', PEAK_MEMORY, CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, SAMSPILL_PEAK_MEMORY_FILE: peakFile },
    timeout: 120_000,
  });
  const seconds = (Date.now() - started) / 1000;
  return { code: run.status, stderr: run.stderr, seconds, peakMb: Number(readFileSync(peakFile, 'utf8')) / 1024 };
}

function bombFile(name: string, part: BombPart): { file: string; unpacksTo: number } {
  const { data, unpacksTo } = bombWorkbook(base, PART, part);
  const file = join(dir, name);
  writeFileSync(file, data);
  return { file, unpacksTo };
}

describe('zip bombs', () => {
  test('the bomb builder makes a valid deflate stream that unpacks to what it says', () => {
    const small = deflatedBomb({
      head: SHEET_HEAD,
      unit: `<row><c t="inlineStr"><is><t>Besøk</t></is></c>${CELL}</row>`,
      tail: SHEET_TAIL,
      compressedBytes: 4000,
    });
    const text = inflateRawSync(small.raw).toString('utf8');
    expect(Buffer.byteLength(text)).toBe(small.size);
    expect(text.startsWith(SHEET_HEAD) && text.endsWith(SHEET_TAIL)).toBe(true);
  });

  /** Its bytes in the file, at least what it unpacks to, and what refuses it. */
  const cases: [string, BombPart, number, number][] = [
    [
      'a 2.9 MB workbook whose sheet unpacks to gigabytes of cells in one row (refused at its 16 385th column)',
      { head: `${SHEET_HEAD}<row>`, unit: CELL, tail: `</row>${SHEET_TAIL}`, compressedBytes: 2.85e6, declare: 'honest' },
      2.9,
      1.4e9,
    ],
    [
      'a 2.9 MB workbook whose sheet unpacks to gigabytes of one-cell rows (refused at its 1 048 577th row)',
      { head: SHEET_HEAD, unit: `<row>${CELL}</row>`, tail: SHEET_TAIL, compressedBytes: 2.85e6, declare: 'honest' },
      2.9,
      1.1e9,
    ],
    [
      'a 3.9 MB workbook of spaces (refused before inflating: 1 000 times its packed size)',
      { head: SHEET_HEAD, unit: SPACES, tail: SHEET_TAIL, compressedBytes: 3.85e6, declare: 'honest' },
      3.9,
      3.5e9,
    ],
    [
      'the spaces bomb when the zip directory says its sheet is 50 MB (refused while inflating)',
      { head: SHEET_HEAD, unit: SPACES, tail: SHEET_TAIL, compressedBytes: 3.85e6, declare: 50e6 },
      3.9,
      3.5e9,
    ],
    [
      'the cells bomb when the zip directory says its sheet is 100 MB',
      { head: `${SHEET_HEAD}<row>`, unit: CELL, tail: `</row>${SHEET_TAIL}`, compressedBytes: 2.85e6, declare: 100e6 },
      2.9,
      1.4e9,
    ],
  ];

  test.each(cases)('%s is refused by validate with exit 2 within seconds and bounded memory', (name, part, fileMb, atLeast) => {
    const { file, unpacksTo } = bombFile(`${name.replace(/\W+/g, '-')}.xlsx`, part);
    expect(statSync(file).size / 1e6).toBeCloseTo(fileMb, 0);
    expect(unpacksTo).toBeGreaterThan(atLeast);
    const run = samspill('validate', file, '--today', TODAY);
    console.log(
      `${name}: ${(statSync(file).size / 1e6).toFixed(1)} MB unpacking to ${(unpacksTo / 1e9).toFixed(1)} GB refused in ${run.seconds.toFixed(2)} s, peak memory ${run.peakMb.toFixed(0)} MB`,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(basename(file));
    expect(run.stderr).toContain(PART);
    expect(run.stderr).toMatch(/kan ikke leses trygt.*zip-bombe.* \/ .*cannot be read safely.*zip bomb/s);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.seconds).toBeLessThan(15);
    expect(run.peakMb).toBeLessThan(200);
  });

  test('summary, add and aggregate refuse the bomb too, writing nothing', async () => {
    const { file } = bombFile('bombe.xlsx', { head: SHEET_HEAD, unit: SPACES, tail: SHEET_TAIL, compressedBytes: 3.85e6, declare: 'honest' });
    const before = readFileSync(file);
    for (const args of [
      ['summary', file, '--today', TODAY],
      ['add', file],
    ]) {
      const run = await runCli(...args);
      expect({ args: args[0], code: run.code }).toEqual({ args: args[0], code: 2 });
      expect(run.stderr).toContain(PART);
    }
    const region = join(dir, 'region.xlsx');
    writeFileSync(join(dir, 'ok.xlsx'), base);
    const aggregate = await runCli('aggregate', join(dir, 'ok.xlsx'), file, '-o', region, '--today', TODAY);
    expect(aggregate.stdout + aggregate.stderr).toContain(basename(file));
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe("Excel's limits", () => {
  /** A workbook whose first sheet is the given sheet data. */
  function withSheetData(rows: string): Uint8Array {
    const parts = unzipSync(base);
    parts[PART] = strToU8(`${SHEET_HEAD}${rows}${SHEET_TAIL}`);
    return zipSync(parts);
  }

  async function readFirstSheet(data: Uint8Array): Promise<unknown> {
    const reader = openXlsxBuffer(data, 'grenser.xlsx');
    const [first] = await reader.listSheets();
    return reader.readSheet(first.name).catch((error: unknown) => error);
  }

  const LONG = 'x'.repeat(32_767);
  test.each([
    ['a row after row 1 048 576', '<row r="1048577"><c><v>1</v></c></row>', '<row r="1048576"><c><v>1</v></c></row>', /rad 1 048 576/],
    ['a cell after column XFD', '<row r="1"><c r="XFE1"><v>1</v></c></row>', '<row r="1"><c r="XFD1"><v>1</v></c></row>', /kolonne 16 384 \(XFD\)/],
    [
      'a cell of more than 32 767 characters',
      `<row r="1"><c r="B1" t="inlineStr"><is><t>${LONG}y</t></is></c></row>`,
      `<row r="1"><c r="B1" t="inlineStr"><is><t>${LONG}</t></is></c></row>`,
      /celle B1 .*32 767 tegn/,
    ],
    [
      'an element of more than 16 MB',
      `<row r="1"><c r="A1" x="${'z'.repeat(17 << 20)}"><v>1</v></c></row>`,
      `<row r="1"><c r="A1" x="${'z'.repeat(1 << 20)}"><v>1</v></c></row>`,
      /større enn 16 MB/,
    ],
  ])('%s is refused, naming the file, sheet and part; what lies at the limit reads', async (_name, beyond, at, detail) => {
    const refused = await readFirstSheet(withSheetData(beyond));
    expect(refused).toBeInstanceOf(WorkbookReadError);
    expect((refused as WorkbookReadError).code).toBe('tooLarge');
    expect((refused as WorkbookReadError).message).toMatch(detail);
    expect((refused as WorkbookReadError).message).toContain('grenser.xlsx');
    expect((refused as WorkbookReadError).message).toContain(PART);
    await expect(readFirstSheet(withSheetData(at))).resolves.toMatchObject({ rows: expect.any(Array) });
  });
});

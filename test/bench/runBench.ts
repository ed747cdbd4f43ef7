/**
 * `npm run bench`: how long validate and summary take on large hours logs, and in how much memory,
 * next to what the file costs to read at all: exceljs's streaming reader alone, and the floor of
 * merely unzipping and scanning the sheet XML. Then aggregate over 356 municipality workbooks.
 *
 * Each measurement runs in a child process of its own, so its peak memory (maxRSS) is its own.
 * The workbooks are generated once per size into test-output/bench/ with exceljs's streaming
 * writer (the in-memory writer needs gigabytes at 500k rows) and reused on later runs.
 * BENCH_SIZES=10000,100000 picks the sizes; BENCH_MUNICIPALITIES the number of workbooks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { aggregateCommand } from '../../src/cli/aggregateCommand';
import { openSamspillWorkbook } from '../../src/cli/openWorkbook';
import { runValidation } from '../../src/cli/validateCommand';
import { SCHEMA_VERSION, sheetDef } from '../../src/core/content/content';
import { isoToSerial, serialToIso } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { refreshSummary } from '../../src/core/evaluation/summaryRefresh';
import { META_SHEET_NAME, metaEntries } from '../../src/core/model/metaSheet';
import { buildWorkbookPlan, defaultSheetNames, GENERATOR } from '../../src/core/plan/buildWorkbookPlan';
import { settingsSheet } from '../../src/core/plan/settingsSheet';
import { BENCHMARK_TODAY, benchmarkWorkbook } from '../support/benchmarkWorkbook';
import { isFormula } from '../../src/core/plan/workbookPlan';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { loadWorkbookStreaming } from '../../src/cli/streamingLoad';
import { validateWorkbook } from '../../src/core/validation/validateWorkbook';
import { openXlsxFile } from '../../src/workbook/xlsx';
import { benchReader } from './readerBench';
import { officeRoundTrips } from './officeRoundTrips';

const CACHE = resolve(__dirname, '../../../test-output/bench');
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,500000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
const MUNICIPALITIES = Number(process.env.BENCH_MUNICIPALITIES ?? 356);
const MEMORY_TARGET_MB = 500;

interface Measured {
  seconds: number;
  maxRssMb: number;
  detail: string;
}

/** What a child measures: one kind of work on one file (or folder), nothing else in the process. */
async function child(kind: string, target: string): Promise<string> {
  switch (kind) {
    case 'validate': {
      const { issues } = await runValidation(target, BENCHMARK_TODAY);
      return `${issues.length} issues`;
    }
    case 'summary': {
      const { loaded } = await openSamspillWorkbook(target);
      const refresh = refreshSummary(loaded.data, BENCHMARK_TODAY, serialToIso(BENCHMARK_TODAY));
      const hours = refresh.sections.flatMap((s) => s.figures).find((f) => f.name === 'kpi_hours_year')!.value;
      return `hours this year ${hours}`;
    }
    case 'validate-streaming': {
      const reader = await openXlsxFile(target);
      const loaded = await loadWorkbookStreaming(reader);
      const issues = validateWorkbook({
        data: loaded.data,
        today: BENCHMARK_TODAY,
        allCells: () => [],
        structure: { missingSheets: loaded.missingSheets, schemaVersion: loaded.meta?.schemaVersion ?? null, knownSchemaVersion: SCHEMA_VERSION() },
      });
      // The privacy scan's pass over every sheet, as validate makes it, without keeping cells.
      let scanned = 0;
      for (const sheet of loaded.sheets) await reader.readSheetRows(sheet.name, (_, cells) => (scanned += cells.length));
      return `${issues.length} issues, ${scanned} cells scanned`;
    }
    case 'summary-streaming': {
      const loaded = await loadWorkbookStreaming(await openXlsxFile(target));
      const refresh = refreshSummary(loaded.data, BENCHMARK_TODAY, serialToIso(BENCHMARK_TODAY));
      const hours = refresh.sections.flatMap((s) => s.figures).find((f) => f.name === 'kpi_hours_year')!.value;
      return `hours this year ${hours}`;
    }
    case 'exceljs': {
      let rows = 0;
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(target, {
        sharedStrings: 'cache',
        worksheets: 'emit',
        hyperlinks: 'ignore',
        styles: 'ignore',
        entries: 'ignore',
      });
      for await (const sheet of reader) for await (const row of sheet) if (row) rows++;
      return `${rows} rows`;
    }
    case 'floor': {
      const result = await benchReader(target);
      return `${result.rows} rows`;
    }
    case 'aggregate': {
      const files = readdirSync(target)
        .filter((f) => f.endsWith('.xlsx'))
        .map((f) => join(target, f));
      let line = '';
      await aggregateCommand(files, { output: join(CACHE, 'region-out', 'region.xlsx'), today: serialToIso(BENCHMARK_TODAY) }, (l) => (line = l), {
        progress: false,
      });
      return line.replace(/^.*?: /, '');
    }
    default:
      throw new Error(`unknown measurement ${kind}`);
  }
}

function measure(kind: string, target: string): Measured {
  const run = spawnSync(process.execPath, ['--max-old-space-size=4096', __filename, '--child', kind, target], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) throw new Error(`${kind} on ${target} failed (exit ${run.status}):\n${run.stderr}`);
  return JSON.parse(line) as Measured;
}

/** The benchmark workbook of n hours rows, written row by row so generation itself stays small. */
async function hoursWorkbook(rows: number): Promise<string> {
  const file = join(CACHE, `hours-${rows}.xlsx`);
  if (existsSync(file)) return file;
  const data = benchmarkWorkbook(rows);
  const names = defaultSheetNames(data.lang);
  const temp = `${file}.part`;
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useSharedStrings: false, useStyles: false });
  const settings = writer.addWorksheet(names.settings);
  const plan = settingsSheet(names.settings, data.lang, data.settings).sheet;
  const byRow = new Map<number, ExcelJS.CellValue[]>();
  for (const cell of plan.cells) {
    const row = byRow.get(cell.row) ?? [];
    row[cell.col - 1] = (isFormula(cell.value) ? cell.value.result : cell.value) as ExcelJS.CellValue;
    byRow.set(cell.row, row);
  }
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) settings.getRow(r).values = byRow.get(r)!;
  settings.commit();
  for (const key of ['volunteers', 'hours'] as const) {
    const sheet = writer.addWorksheet(names[key]);
    const columns = sheetDef(key).columns!;
    sheet.addRow(columns.map((c) => c.label[data.lang])).commit();
    for (const row of data.registers[key].rows) sheet.addRow(columns.map((c) => (row.values[c.key] ?? null) as ExcelJS.CellValue)).commit();
    sheet.commit();
  }
  const meta = writer.addWorksheet(META_SHEET_NAME, { state: 'veryHidden' });
  const sheets = { settings: names.settings, volunteers: names.volunteers, hours: names.hours, _meta: META_SHEET_NAME };
  meta.addRow(['Samspill']).commit();
  for (const [k, v] of metaEntries({ schemaVersion: SCHEMA_VERSION(), lang: data.lang, generator: GENERATOR, sheets, tables: {} }))
    meta.addRow([k, v]).commit();
  meta.commit();
  await writer.commit();
  renameSync(temp, file);
  return file;
}

/** Small demo workbooks of invented municipalities, as a county network would collect them. */
async function municipalityFolder(count: number): Promise<string> {
  const folder = join(CACHE, `municipalities-${count}`);
  mkdirSync(folder, { recursive: true });
  const today = isoToSerial('2025-06-30');
  for (let i = 1; i <= count; i++) {
    const file = join(folder, `kommune-${String(i).padStart(3, '0')}.xlsx`);
    if (existsSync(file)) continue;
    const demo = demoWorkbook({ lang: i % 10 === 0 ? 'nn' : 'nb', seed: i, today, volunteers: 25 + (i % 40) });
    writeFileSync(file, await writePlanToBuffer(buildWorkbookPlan(demo.input)));
  }
  return folder;
}

const pad = (text: string, width: number) => text.padEnd(width);
const seconds = (s: number) => `${s.toFixed(2)} s`;

async function main(): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  console.log(`Samspill benchmark (node ${process.version}); each figure from its own child process; peak memory = maxRSS.`);
  const lines: string[] = [];
  const row = (cells: string[]) => lines.push(cells.map((c, i) => pad(c, [10, 22, 22, 14, 22, 22][i] ?? 14)).join(''));
  row(['rows', 'validate', 'summary', 'exceljs read', 'validate / exceljs', 'validate / floor']);
  const streamingLines: string[] = [];
  const details: string[] = [];
  for (const size of SIZES) {
    const file = await hoursWorkbook(size);
    const validate = measure('validate', file);
    const summary = measure('summary', file);
    const exceljs = measure('exceljs', file);
    const floor = measure('floor', file);
    const validateStreaming = measure('validate-streaming', file);
    const summaryStreaming = measure('summary-streaming', file);
    streamingLines.push(
      `${size}: validate ${seconds(validateStreaming.seconds)} ${validateStreaming.maxRssMb} MB (${validateStreaming.detail}); summary ${seconds(summaryStreaming.seconds)} ${summaryStreaming.maxRssMb} MB (${summaryStreaming.detail})`,
    );
    row([
      String(size),
      `${seconds(validate.seconds)} ${validate.maxRssMb} MB`,
      `${seconds(summary.seconds)} ${summary.maxRssMb} MB`,
      seconds(exceljs.seconds),
      `${(validate.seconds / exceljs.seconds).toFixed(2)}× (summary ${(summary.seconds / exceljs.seconds).toFixed(2)}×)`,
      `${(validate.seconds / floor.seconds).toFixed(1)}× (floor ${seconds(floor.seconds)})`,
    ]);
    details.push(
      `${size}: validate ${validate.detail}; summary ${summary.detail}; exceljs ${exceljs.detail} (${exceljs.maxRssMb} MB); floor ${floor.detail} (${floor.maxRssMb} MB)`,
    );
    const over = [validate, summary].filter((m) => m.maxRssMb > MEMORY_TARGET_MB);
    if (over.length) details.push(`  ${size}: above the ${MEMORY_TARGET_MB} MB target`);
    console.log(lines.at(-1));
  }
  const folder = await municipalityFolder(MUNICIPALITIES);
  const aggregate = measure('aggregate', folder);
  console.log('');
  for (const line of lines) console.log(line);
  console.log('');
  console.log(`aggregate over ${MUNICIPALITIES} municipality workbooks: ${seconds(aggregate.seconds)}, ${aggregate.maxRssMb} MB (${aggregate.detail})`);
  for (const d of details) console.log(d);
  console.log('');
  console.log('Excel add-in: context.sync round trips per action (recording stand-in of the Excel API)');
  console.log(`${'hours rows'.padEnd(12)}${'add templates'.padEnd(15)}${'append a row'.padEnd(14)}${'read hours'.padEnd(12)}write cells`);
  for (const rows of [10, 10_000, 100_000]) {
    const r = await officeRoundTrips(rows);
    console.log(
      `${String(rows).padEnd(12)}${String(r.addTemplates).padEnd(15)}${String(r.appendRow).padEnd(14)}${String(r.readHours).padEnd(12)}${r.writeCells}`,
    );
  }
  console.log('');
  console.log('Measured directly through the streaming loader (src/cli/streamingLoad.ts), which validate and summary use:');
  for (const line of streamingLines) console.log(line);
}

async function runChild(kind: string, target: string): Promise<void> {
  const started = process.hrtime.bigint();
  const detail = await child(kind, target);
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`${JSON.stringify({ seconds: secs, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), detail })}\n`);
}

if (process.argv[2] === '--child') {
  runChild(process.argv[3], process.argv[4]).catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}

/**
 * `npm run bench`: how long validate and summary take on large hours logs, and in how much memory,
 * next to the physical floor of reading the file at all — inflating the largest sheet part and
 * counting its rows by a byte scan, no XML parsing (physicalFloor.ts) — and to a peer, exceljs's
 * streaming reader. Validate and summary are printed as multiples of the floor. Then aggregate
 * over 356 municipality workbooks, and the Excel add-in's round trips.
 *
 * Each measurement runs in a child process of its own, so its peak memory (VmHWM) is its own;
 * the child also reports its CPU time, which a busy machine disturbs less than the wall time.
 * The workbooks are generated once per size into test-output/bench/ and reused on later runs.
 * BENCH_SIZES=10000,100000 picks the sizes; BENCH_MUNICIPALITIES the number of workbooks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { aggregateCommand } from '../../src/cli/aggregateCommand';
import { openSamspillWorkbook } from '../../src/cli/openWorkbook';
import { runValidation } from '../../src/cli/validateCommand';
import { isoToSerial, serialToIso } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { SCHEMA_VERSION } from '../../src/core/content/content';
import { refreshSummary } from '../../src/core/evaluation/summaryRefresh';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { BENCHMARK_TODAY } from '../support/benchmarkWorkbook';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing';
import { benchReader } from './readerBench';
import { officeRoundTrips } from './officeRoundTrips';
import { physicalFloor, physicalFloorZlib } from './physicalFloor';
import { keepYoungGenerationSmall } from '../../src/cli/youngGeneration';

const CACHE = resolve(__dirname, '../../../test-output/bench');
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,500000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
const MUNICIPALITIES = Number(process.env.BENCH_MUNICIPALITIES ?? 356);
/** The goals of issue 19, at the largest size: multiples of the floor, and peak memory. */
const GOALS = { validate: 4, summary: 3, memoryMb: 200 };

interface Measured {
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  detail: string;
}

/**
 * What a child measures: one kind of work on one file (or folder), nothing else in the process.
 * exceljs is imported only where it is measured, so it weighs on no other child's memory.
 */
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
    case 'exceljs': {
      const { default: ExcelJS } = await import('exceljs');
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
      const result = physicalFloor(target);
      return `${result.rows} rows, ${(result.bytes / 1e6).toFixed(0)} MB of XML in ${result.part}`;
    }
    case 'floor-zlib': {
      const result = await physicalFloorZlib(target);
      return `${result.rows} rows`;
    }
    case 'reader': {
      const result = await benchReader(target);
      return `${result.rows} rows`;
    }
    case 'aggregate': {
      const files = readdirSync(target)
        .filter((f) => f.endsWith('.xlsx'))
        .map((f) => join(target, f));
      let line = '';
      // A fresh output each run: aggregate refuses to replace a file (issue 18's output rule).
      rmSync(join(CACHE, 'region-out'), { recursive: true, force: true });
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

/** Small demo workbooks of invented municipalities, as a county network would collect them. */
async function municipalityFolder(count: number): Promise<string> {
  // Per template version, as the hours workbooks: a cache an older version made is not today's workbook.
  const folder = join(CACHE, `municipalities-${count}-v${SCHEMA_VERSION()}`);
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

const times = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

async function main(): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  console.log(`Samspill benchmark (node ${process.version}); each figure from its own child process; peak memory = the child's VmHWM.`);
  console.log(
    "floor = inflate the largest sheet part with Node's zlib (the inflater the reader uses for large parts) and count its rows by a byte scan; ×floor = wall time ÷ floor. fflate = the same with fflate's streaming inflater.",
  );
  const widths = [9, 17, 9, 9, 26, 26, 19];
  const row = (cells: string[]) => cells.map((c, i) => pad(c, widths[i] ?? 14)).join('');
  const lines = [row(['rows', 'floor', 'fflate', 'reader', 'validate', 'summary', 'exceljs read'])];
  console.log(lines[0]);
  const details: string[] = [];
  const verdicts: string[] = [];
  for (const size of SIZES) {
    const file = await (await import('../support/hoursWorkbookFile')).hoursWorkbookFile(CACHE, size);
    // The physical floor is the fastest inflater here; a reader on fflate could not beat fflate's own floor.
    const floor = measure('floor-zlib', file);
    const fflate = measure('floor', file);
    const reader = measure('reader', file);
    const validate = measure('validate', file);
    const summary = measure('summary', file);
    const exceljs = measure('exceljs', file);
    lines.push(
      row([
        String(size),
        `${seconds(floor.seconds)} ${floor.maxRssMb} MB`,
        seconds(fflate.seconds),
        seconds(reader.seconds),
        `${seconds(validate.seconds)} ${validate.maxRssMb} MB ${times(validate.seconds, floor.seconds)}`,
        `${seconds(summary.seconds)} ${summary.maxRssMb} MB ${times(summary.seconds, floor.seconds)}`,
        `${seconds(exceljs.seconds)} ${exceljs.maxRssMb} MB`,
      ]),
    );
    console.log(lines.at(-1));
    details.push(
      `${size}: floor ${floor.detail}; reader ${reader.detail} (${reader.maxRssMb} MB); validate ${validate.detail}; summary ${summary.detail}; exceljs ${exceljs.detail}`,
      `${size}: CPU seconds — floor ${floor.cpuSeconds.toFixed(2)}, fflate ${fflate.cpuSeconds.toFixed(2)}, reader ${reader.cpuSeconds.toFixed(2)}, validate ${validate.cpuSeconds.toFixed(2)} (${times(validate.cpuSeconds, floor.cpuSeconds)}), summary ${summary.cpuSeconds.toFixed(2)} (${times(summary.cpuSeconds, floor.cpuSeconds)}), exceljs ${exceljs.cpuSeconds.toFixed(2)}; validate ÷ exceljs ${(validate.seconds / exceljs.seconds).toFixed(2)}×`,
    );
    if (size === Math.max(...SIZES)) {
      const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
      verdicts.push(
        `goals at ${size} rows: validate ≤ ${GOALS.validate}× floor ${mark(validate.seconds <= GOALS.validate * floor.seconds)}; summary ≤ ${GOALS.summary}× floor ${mark(summary.seconds <= GOALS.summary * floor.seconds)}; peak memory ≤ ${GOALS.memoryMb} MB ${mark(Math.max(validate.maxRssMb, summary.maxRssMb) <= GOALS.memoryMb)}`,
      );
    }
  }
  const folder = await municipalityFolder(MUNICIPALITIES);
  const aggregate = measure('aggregate', folder);
  console.log('');
  for (const line of lines) console.log(line);
  console.log('');
  for (const line of [...details, ...verdicts]) console.log(line);
  console.log(`aggregate over ${MUNICIPALITIES} municipality workbooks: ${seconds(aggregate.seconds)}, ${aggregate.maxRssMb} MB (${aggregate.detail})`);
  console.log('');
  console.log('Excel add-in: context.sync round trips per action (recording stand-in of the Excel API)');
  console.log(`${'hours rows'.padEnd(12)}${'add templates'.padEnd(15)}${'append a row'.padEnd(14)}${'read hours'.padEnd(12)}write cells`);
  for (const rows of [10, 10_000, 100_000]) {
    const r = await officeRoundTrips(rows);
    console.log(
      `${String(rows).padEnd(12)}${String(r.addTemplates).padEnd(15)}${String(r.appendRow).padEnd(14)}${String(r.readHours).padEnd(12)}${r.writeCells}`,
    );
  }
}

/**
 * The child's peak memory in MB. Linux's VmHWM counts this program alone; maxRSS (elsewhere) also
 * counts what the parent held when it forked, since Linux carries that mark across exec.
 */
function peakMb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Math.round(Number(match[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function runChild(kind: string, target: string): Promise<void> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const detail = await child(kind, target);
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  process.stdout.write(`${JSON.stringify({ seconds: secs, cpuSeconds, maxRssMb: peakMb(), detail })}\n`);
}

if (process.argv[2] === '--child') {
  // As bin/samspill.js does, so a child measures the memory the command line uses.
  keepYoungGenerationSmall();
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

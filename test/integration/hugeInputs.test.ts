/**
 * Inputs no sign-up form writes, refused with exit 2 and a sentence, within seconds and in
 * bounded memory: a 1 GB CSV of one line (which once aborted Node with a native stack trace), a
 * 60 MB single line under the size limit (refused by the line-length limit as it streams), and a
 * text report of 500,000 issues (once quadratic). The compiled command line runs in a child
 * process with a 256 MB heap, so reading such a file whole would crash it rather than pass.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { textReport } from '../../src/cli/validateCommand';
import type { Issue } from '../../src/core/validation/validateWorkbook';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';

const dir = mkdtempSync(join(tmpdir(), 'samspill-huge-'));
const bin = join(__dirname, '../../bin/samspill.js');
let workbook: string;

beforeAll(async () => {
  if (!existsSync(join(__dirname, '../../dist/src/cli/main.js'))) throw new Error('run "npm run build:cli" before the tests (npm test does)');
  workbook = join(dir, 'kommune.xlsx');
  writeFileSync(
    workbook,
    await writePlanToBuffer(buildWorkbookPlan(demoWorkbook({ lang: 'nb', seed: 3, today: isoToSerial('2026-11-23'), volunteers: 20 }).input)),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file of a header and one line of `size` bytes, written in pieces (never held in memory). */
function oneLine(name: string, size: number): string {
  const file = join(dir, name);
  const fd = openSync(file, 'w');
  writeSync(fd, 'Navn;Telefon\n');
  const piece = Buffer.alloc(1 << 20, 'a');
  for (let written = 0; written < size; written += piece.length) writeSync(fd, piece, 0, Math.min(piece.length, size - written));
  writeSync(fd, '\n');
  closeSync(fd);
  return file;
}

function importChild(csv: string) {
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--max-old-space-size=256', bin, 'import', workbook, csv, '--today', '2026-11-23'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { ...run, seconds: (Date.now() - started) / 1000 };
}

describe('a CSV too large for any form', () => {
  it('1 GB on one line: exit 2 with a sentence, in seconds, in a 256 MB heap', () => {
    const csv = oneLine('huge.csv', 1 << 30);
    const run = importChild(csv);
    rmSync(csv);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/kan ikke leses som CSV: Filen er større enn 64 MB/);
    expect(run.stderr).not.toMatch(/FATAL|at .*\.js:\d+/);
    expect(run.seconds).toBeLessThan(10);
  }, 120_000);

  it('60 MB on one line (under the size limit): refused by the line-length limit as it streams', () => {
    const csv = oneLine('long-line.csv', 60 << 20);
    const run = importChild(csv);
    rmSync(csv);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Linje 2 er lengre enn 1048576 tegn/);
    expect(run.seconds).toBeLessThan(10);
  }, 120_000);
});

describe('the text report', () => {
  it('500,000 issues in seconds, summarised per rule with the first cells listed', () => {
    const issues: Issue[] = [];
    for (let i = 0; i < 500_000; i++) {
      const rule = i % 5 === 0 ? 'hours.volunteerId.unknown' : 'hours.hours.belowMin';
      issues.push({
        rule,
        severity: i % 5 === 0 ? 'warning' : 'error',
        sheetKey: 'hours',
        sheet: 'Timer',
        cell: `F${i + 2}`,
        message: 'Noe er galt.',
      } as Issue);
    }
    const started = Date.now();
    const lines = textReport('kommune.xlsx', 'nb', issues);
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(5);
    expect(lines.length).toBeLessThan(10);
    expect(lines).toContain('  FEIL 400000 × hours.hours.belowMin: Noe er galt. Første celler: F3, F4, F5, F6, F8, F9, F10, F11 … og 399992 til');
    expect(lines.at(-1)).toContain('--format json');
  });

  it('a short report still lists every issue', () => {
    const issues = [
      { rule: 'volunteers.phone.invalid', severity: 'warning', sheetKey: 'volunteers', sheet: 'Frivillige', cell: 'C5', message: 'Telefon: «12».' } as Issue,
    ];
    expect(textReport('k.xlsx', 'nb', issues)).toEqual([
      'Ark «Frivillige»: 1 funn',
      '  C5      ADVARSEL  Telefon: «12».  [volunteers.phone.invalid]',
      '',
      '0 feil, 1 advarsler, 0 merknader i k.xlsx.',
    ]);
  });
});

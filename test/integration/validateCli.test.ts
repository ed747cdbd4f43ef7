/**
 * `samspill validate` end to end on real files: the demo's planted problems and nothing else;
 * hand-made workbooks the way people change them (moved and extra columns, renamed sheets, blank
 * rows, text in date columns); and damaged inputs, which get exit code 2 and one clear sentence.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { sheetDef } from '../../src/core/content/content';
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { runCli } from '../support/cli';
import { cellAddress } from '../../src/core/model/a1';

const dir = mkdtempSync(join(tmpdir(), 'samspill-validate-'));
const TODAY = '2026-11-23';

interface JsonReport {
  file: string;
  schemaVersion: number | null;
  counts: { error: number; warning: number; info: number };
  issues: { rule: string; severity: string; sheetKey: string | null; sheet: string; cell: string | null; message: string }[];
}

async function validateJson(file: string): Promise<{ code: number; report: JsonReport }> {
  const run = await runCli('validate', file, '--format', 'json', '--today', TODAY);
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport };
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the demo workbook', () => {
  it.each(['nb', 'en'] as const)('(%s) has exactly its planted problems', async (lang) => {
    const demo = demoWorkbook({ lang, seed: 3, today: isoToSerial(TODAY) });
    const file = join(dir, `demo-${lang}.xlsx`);
    writeFileSync(file, await writePlanToBuffer(buildWorkbookPlan(demo.input)));
    const { code, report } = await validateJson(file);
    const found = report.issues.map((i) => `${i.rule} ${i.sheetKey}!${i.cell}`).sort();
    const planted = demo.problems
      .map((p) => {
        const col = sheetDef(p.sheetKey).columns!.findIndex((c) => c.key === p.column) + 1;
        return `${p.rule} ${p.sheetKey}!${cellAddress(p.index + 2, col)}`;
      })
      .sort();
    expect(found).toEqual(planted);
    expect(code).toBe(1);
    expect(report.counts.error).toBeGreaterThan(0);
    for (const issue of report.issues) expect(issue.message.length).toBeGreaterThan(10);
  });
});

describe('a new workbook', () => {
  it.each(['nb', 'nn', 'en'] as const)('(%s) from `samspill new` validates with no error and no warning, its unrated round one progress item', async (lang) => {
    const file = join(dir, `new-${lang}.xlsx`);
    expect((await runCli('new', file, '--lang', lang, '--today', TODAY)).code).toBe(0);
    const { code, report } = await validateJson(file);
    expect(code).toBe(0);
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 1 });
    expect(report.issues.map((i) => i.rule)).toEqual(['checklist.rating.missing']);
    expect(report.issues[0].message).toMatch(/^0 (av|of) \d+ /);
  });
});

/** A workbook made by hand, as a coordinator might: our sheet names but columns of their own order. */
async function handMade(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = join(dir, `hand-${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

const header = (key: 'volunteers' | 'hours', order: string[]) => order.map((k) => sheetDef(key).columns!.find((c) => c.key === k)?.label.nb ?? k);

describe('hand-made workbooks', () => {
  it('finds each problem at its cell, through moved columns, an extra column, a title row and blank rows', async () => {
    const file = await handMade((wb) => {
      const v = wb.addWorksheet('Våre frivillige');
      v.addRow(['Frivillige ved Solsiden']);
      v.addRow(header('volunteers', ['status', 'Kommentar', 'name', 'id', 'phone', 'start', 'affiliation', 'activity', 'consentDate', 'confidentialityDate']));
      v.addRow([
        'Aktiv',
        'hei',
        'Kari Nordmann',
        'F1',
        '912 34 567',
        isoToSerial('2025-01-10'),
        'Uformell hjelper',
        'Trim og turgrupper',
        isoToSerial('2025-01-10'),
        isoToSerial('2025-01-10'),
      ]);
      v.addRow([]);
      v.addRow([
        'Aktiv',
        null,
        'Per Hansen',
        'F2',
        '12345',
        '01.02.2025',
        'Uformell hjelper',
        'Trim og turgrupper',
        isoToSerial('2025-02-01'),
        isoToSerial('2025-02-01'),
      ]);
      const h = wb.addWorksheet('Timer');
      h.addRow(header('hours', ['volunteerId', 'date', 'activity', 'volunteerCount', 'hours']));
      h.addRow(['F1', isoToSerial('2026-03-01'), 'Trim og turgrupper', 1, 2]);
      h.addRow(['F7', isoToSerial('2026-03-02'), 'Trim og turgrupper', 1, 2]);
      h.addRow(['F1', isoToSerial('2026-03-03'), 'Trim og turgrupper', 1, -1]);
    });
    const before = digest(file);
    const { report } = await validateJson(file);
    const byRule = report.issues.filter((i) => i.sheetKey === 'volunteers' || i.sheetKey === 'hours').map((i) => `${i.rule} ${i.sheet}!${i.cell}`);
    expect(byRule).toEqual(
      expect.arrayContaining([
        'volunteers.phone.invalid Våre frivillige!E5',
        'volunteers.start.dateAsText Våre frivillige!F5',
        'hours.volunteerId.unknown Timer!A3',
        'hours.hours.notPositive Timer!E4',
      ]),
    );
    // Row 3 (Kari) is clean; nothing is reported on the blank row 4 or the title row.
    expect(byRule.filter((s) => /!(?:[A-Z]+)(1|3|4)$/.test(s) && s.includes('Våre frivillige'))).toEqual([]);
    expect(digest(file)).toBe(before);
  });

  it('prints a readable text report grouped by sheet, with counts at the end', async () => {
    const demo = demoWorkbook({ lang: 'nb', seed: 4, today: isoToSerial(TODAY), volunteers: 40 });
    const file = join(dir, 'tekst.xlsx');
    writeFileSync(file, await writePlanToBuffer(buildWorkbookPlan(demo.input)));
    const run = await runCli('validate', file, '--today', TODAY);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Ark «Frivillige»: \d+ funn$/m);
    expect(run.stdout).toMatch(/^ {2}[A-Z]+\d+ +FEIL +.+\[volunteers\.[a-zA-Z.]+\]$/m);
    expect(run.stdout.trim().split('\n').pop()).toMatch(/^\d+ feil, \d+ advarsler, \d+ merknader i .*tekst\.xlsx\.$/);
  });

  it('passes an empty new workbook (exit 0: no errors)', async () => {
    const file = join(dir, 'tom.xlsx');
    expect((await runCli('new', file, '--today', TODAY)).code).toBe(0);
    const { code, report } = await validateJson(file);
    expect(report.counts.error).toBe(0);
    expect(code).toBe(0);
  });
});

describe('files that cannot be validated get exit code 2, one clear message, and stay untouched', () => {
  const cases: [string, () => Promise<string> | string, RegExp][] = [
    ['an empty file', () => writeTo('tom-fil.xlsx', new Uint8Array()), /ikke en Excel-arbeidsbok|skadet/],
    [
      'a renamed Word document',
      () => writeTo('brev.xlsx', zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') })),
      /ikke en Excel-arbeidsbok/,
    ],
    [
      'a truncated workbook',
      async () => {
        const demo = demoWorkbook({ lang: 'nb', seed: 2, today: isoToSerial(TODAY), volunteers: 20 });
        const full = await writePlanToBuffer(buildWorkbookPlan(demo.input));
        return writeTo('avkuttet.xlsx', full.subarray(0, Math.floor(full.length * 0.6)));
      },
      /skadet|ufullstendig/,
    ],
    [
      'a password-protected workbook',
      () => writeTo('passord.xlsx', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2048)])),
      /passordbeskyttet/,
    ],
    ['a missing file', () => join(dir, 'finnes-ikke.xlsx'), /finnes ikke/],
    ['a workbook without Samspill templates', () => handMade((wb) => wb.addWorksheet('Budsjett').addRow(['Post', 'Beløp'])), /ingen Samspill-maler/],
  ];

  it.each(cases)('%s', async (_name, make, message) => {
    const file = await make();
    const before = (() => {
      try {
        return digest(file);
      } catch {
        return null;
      }
    })();
    const run = await runCli('validate', file, '--today', TODAY);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    if (before) expect(digest(file)).toBe(before);
  });

  it('refuses an unknown --format and a bad --today', async () => {
    expect((await runCli('validate', 'x.xlsx', '--format', 'xml')).code).toBe(2);
    expect((await runCli('validate', 'x.xlsx', '--today', '23.11.2026')).code).toBe(2);
  });
});

describe('a large register', () => {
  it('validates a 50 000-row hours log without trouble', async () => {
    const demo = demoWorkbook({ lang: 'nb', seed: 9, today: isoToSerial(TODAY), volunteers: 50 });
    const template = demo.input.records.hours[0];
    const hours = Array.from({ length: 50_000 }, (_, i) => ({
      ...template,
      date: isoToSerial('2026-01-01') + (i % 300),
      volunteerId: null,
      volunteerCount: 2,
      hours: 1 + (i % 5),
    }));
    demo.input.records.hours = hours;
    const file = join(dir, 'stor.xlsx');
    writeFileSync(file, await writePlanToBuffer(buildWorkbookPlan(demo.input)));
    const { code, report } = await validateJson(file);
    expect([0, 1]).toContain(code);
    expect(report.issues.filter((i) => i.sheetKey === 'hours')).toEqual([]);
  }, 180_000);
});

function writeTo(name: string, data: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}

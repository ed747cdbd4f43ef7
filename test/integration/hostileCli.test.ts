/**
 * The command line against hostile inputs and timing: control characters in a sign-up export,
 * two runs at once, outputs over existing files, private and linked and read-only workbooks,
 * escape sequences meant for the terminal, a FIFO named .xlsx, a leader's note on the summary
 * sheet, one municipality given twice, and the plain mistakes a user makes. Each case failed
 * before its fix (see /work/notes/closing-18.md for how).
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { unzipSync, strFromU8 } from 'fflate';
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { loadWorkbook } from '../../src/core/model/loadWorkbook';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { importCommand } from '../../src/cli/importCommand';
import { summaryCommand } from '../../src/cli/summaryCommand';
import { addTemplates } from '../../src/cli/addCommand';
import { cliFailure } from '../../src/cli/cliText';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { openXlsxFile, writeCells } from '../../src/workbook/xlsx';
import { runCli } from '../support/cli';
import { recalcToCsv, requireLibreOffice } from '../support/libreoffice';
import { asExcelSaved, sheetPartNamed } from '../support/excelSaved';
import { expectStrict } from '../support/strictCheck';

const TODAY = '2026-11-23';
const dir = mkdtempSync(join(tmpdir(), 'samspill-hostile-'));
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
let template: Uint8Array;

beforeAll(async () => {
  template = await writePlanToBuffer(buildWorkbookPlan(demoWorkbook({ lang: 'nb', seed: 8, today: isoToSerial(TODAY), volunteers: 30 }).input));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command line with --today where the command takes it (add has no date). */
const cli = (...args: string[]) => runCli(...args, ...(args[0] === 'add' ? [] : ['--today', TODAY]));

function workbook(name: string, data: Uint8Array = template): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}

function textFile(name: string, text: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function volunteerNames(file: string): Promise<string[]> {
  return (await loadWorkbook(await openXlsxFile(file))).data.registers.volunteers.rows.map((r) => String(r.values.name));
}

/** Runs a command function as main would: its exit code, what it printed, and its one message. */
async function settle(run: (log: (line: string) => void) => Promise<number>): Promise<{ code: number; out: string[]; error: string }> {
  const out: string[] = [];
  try {
    return { code: await run((l) => out.push(l)), out, error: '' };
  } catch (error) {
    const failure = cliFailure(error);
    return { code: failure.exitCode, out, error: failure.message };
  }
}

/** Every XML part of the package, parsed by a strict XML 1.0 parser; the first error found, or null. */
function strictXmlError(file: string): string | null {
  const parts = unzipSync(readFileSync(file));
  for (const [name, bytes] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const parser = new SaxesParser({ xmlns: true });
    let failed: string | null = null;
    parser.on('error', (e) => {
      failed ??= `${name}: ${e.message}`;
    });
    parser.write(strFromU8(bytes)).close();
    if (failed) return failed;
  }
  return null;
}

const volunteersCsv = (names: string[], phoneBase: number) =>
  ['Navn;Mobilnummer;E-postadresse', ...names.map((n, i) => `${n};${phoneBase + i};${n.toLowerCase().replace(/\W+/g, '.')}@example.no`)].join('\r\n');

describe('control characters in a sign-up field', () => {
  it('are written so the sheet stays well-formed XML and passes the strict check, and LibreOffice shows every row after them', async () => {
    // A workbook as Excel saved it (with its calculation chain), as a coordinator's file would be.
    const saved = asExcelSaved(template);
    const file = workbook('control.xlsx', saved);
    const csv = textFile(
      'control.csv',
      [
        'Navn;Mobilnummer;Kommentar;Aktivitet',
        'Nora\u0000 Nul;41000011;a\u000bb;Besøksvenn',
        'Vera Vt;41000012;esc\u001b[31mred;Besøksvenn',
        'Siste Rad;41000013;ok;Besøksvenn',
      ].join('\n'),
    );
    const run = await runCli('import', file, csv, '--today', TODAY);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(strictXmlError(file)).toBeNull();
    expectStrict(file, saved);
    const names = await volunteerNames(file);
    expect(names.slice(-3)).toEqual(['Nora\u0000 Nul', 'Vera Vt', 'Siste Rad']);
    if (!requireLibreOffice()) return;
    const sheets = await recalcToCsv(file);
    const shown = sheets.get('Frivillige')!.map((r) => r[1]);
    expect(shown).toContain('Siste Rad');
    expect(shown.filter((n) => n !== '').length).toBe(names.length + 1);
  }, 120_000);
});

describe('two runs at once on one workbook', () => {
  it('two imports: every row both claim is in the file, or one refuses and the file holds the other', async () => {
    const file = workbook('twice.xlsx');
    const before = await volunteerNames(file);
    const a = textFile('a.csv', volunteersCsv(['Anne Aa', 'Arne Ab', 'Asta Ac'], 42000001));
    const b = textFile('b.csv', volunteersCsv(['Bente Ba', 'Bjarne Bb', 'Berit Bc'], 43000001));
    const [ra, rb] = await Promise.all([
      settle((log) => importCommand(file, a, { today: TODAY }, log)),
      settle((log) => importCommand(file, b, { today: TODAY }, log)),
    ]);
    const after = await volunteerNames(file);
    const claimed = [...(ra.code === 0 ? ['Anne Aa', 'Arne Ab', 'Asta Ac'] : []), ...(rb.code === 0 ? ['Bente Ba', 'Bjarne Bb', 'Berit Bc'] : [])];
    for (const name of claimed) expect(after).toContain(name);
    expect(after.length).toBe(before.length + claimed.length);
    const refused = [ra, rb].filter((r) => r.code !== 0);
    for (const r of refused) expect(r.error).toMatch(/i bruk|in use/);
  });

  it('summary started during an import does not write back the file from before the import', async () => {
    const file = workbook('during.xlsx');
    const csv = textFile('during.csv', volunteersCsv(['Dag Da', 'Dina Db'], 44000001));
    const [ri, rs] = await Promise.all([
      settle((log) => importCommand(file, csv, { today: TODAY }, log)),
      settle((log) => summaryCommand(file, { today: TODAY }, log)),
    ]);
    const after = await volunteerNames(file);
    if (ri.code === 0) expect(after).toEqual(expect.arrayContaining(['Dag Da', 'Dina Db']));
    expect([ri.code, rs.code]).toContain(0);
  });

  it('a lock held by a live process refuses with a clear message; a dead one is taken over', async () => {
    const file = workbook('locked.xlsx');
    const lock = join(dir, '.locked.xlsx.samspill-lock');
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), started: new Date().toISOString(), command: 'import' }));
    const before = digest(file);
    const held = await runCli('summary', file, '--today', TODAY);
    expect(held.code).toBe(2);
    expect(held.stderr).toMatch(/i bruk av en annen Samspill-kjøring/);
    expect(digest(file)).toBe(before);
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), started: new Date().toISOString(), command: 'import' }));
    const stale = await runCli('summary', file, '--today', TODAY);
    expect(stale.stderr).toBe('');
    expect(stale.code).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('the file changed on disk while a command worked', () => {
  it("add refuses to replace it, leaves the other program's file as it saved it and keeps our result beside it", async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Budsjett').addRow(['Post', 'Beløp']);
    const file = join(dir, 'budsjett.xlsx');
    writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
    book.getWorksheet('Budsjett')!.addRow(['Lagret i Excel', 42]);
    const savedByExcel = Buffer.from(await book.xlsx.writeBuffer());
    const run = await settle((log) =>
      addTemplates(file, {}, log, {
        now: new Date(2026, 10, 23, 12, 0),
        beforeRename: async () => writeFileSync(file, savedByExcel),
      }),
    );
    expect(run.code).toBe(2);
    expect(run.error).toMatch(/ble endret av et annet program mens Samspill arbeidet/);
    expect(readFileSync(file).equals(savedByExcel)).toBe(true);
    const kept = readdirSync(dir).filter((f) => f.startsWith('budsjett.samspill-unsaved-'));
    expect(kept).toHaveLength(1);
    expect(run.error).toContain(kept[0]);
    expect((await (await openXlsxFile(join(dir, kept[0]))).listSheets()).length).toBeGreaterThan(5);
    expect(readdirSync(dir).filter((f) => f.startsWith('budsjett.samspill-backup-'))).toEqual([]);
  });
});

describe('writing over files', () => {
  it('summary --public and -o refuse an existing file unless --force, which keeps a backup', async () => {
    const file = workbook('public-src.xlsx');
    const notes = textFile('notater.xlsx', 'mine notater');
    const run = await runCli('summary', file, '--public', notes, '--today', TODAY);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/finnes allerede/);
    expect(readFileSync(notes, 'utf8')).toBe('mine notater');
    const other = workbook('annen.xlsx');
    const otherDigest = digest(other);
    const o = await runCli('summary', file, '-o', other, '--today', TODAY);
    expect(o.code).toBe(2);
    expect(digest(other)).toBe(otherDigest);
    const forced = await runCli('summary', file, '--public', notes, '--today', TODAY, '--force');
    expect(forced.code).toBe(0);
    const backups = readdirSync(dir).filter((f) => f.startsWith('notater.samspill-backup-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dir, backups[0]), 'utf8')).toBe('mine notater');
  });

  it('refuses output names that are not .xlsx, for every output', async () => {
    const file = workbook('names.xlsx');
    for (const args of [
      ['summary', file, '-o', join(dir, 'ut.txt')],
      ['summary', file, '--public', join(dir, 'ut.csv')],
      ['aggregate', file, '-o', join(dir, 'region.xls')],
      ['add', file, '-o', join(dir, 'ut.docx')],
    ]) {
      const run = await cli(...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/\.xlsx/);
    }
  });
});

describe("the workbook file's own properties", () => {
  it.each([0o600, 0o660, 0o640])('keeps mode %o after import, summary and add, and the backup is no more readable than the file', async (mode) => {
    const file = workbook(`mode-${mode.toString(8)}.xlsx`);
    chmodSync(file, mode);
    const csv = textFile(`mode-${mode.toString(8)}.csv`, volunteersCsv(['Mona Mo'], 45000001));
    expect((await runCli('import', file, csv, '--today', TODAY)).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(mode);
    expect((await runCli('summary', file, '--today', TODAY)).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(mode);
    for (const backup of readdirSync(dir).filter((f) => f.startsWith(`mode-${mode.toString(8)}.samspill-backup-`)))
      expect(statSync(join(dir, backup)).mode & 0o777).toBe(mode);
  });

  it('writes through a symlink to its target and keeps the link', async () => {
    mkdirSync(join(dir, 'real'), { recursive: true });
    const real = join(dir, 'real', 'ekte.xlsx');
    writeFileSync(real, template);
    const link = join(dir, 'lenke.xlsx');
    symlinkSync(real, link);
    const csv = textFile('link.csv', volunteersCsv(['Liv Li'], 45000011));
    const run = await runCli('import', link, csv, '--today', TODAY);
    expect(run.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(await volunteerNames(real)).toContain('Liv Li');
  });

  it('refuses a read-only workbook with a clear message and leaves it as it was', async () => {
    const file = workbook('readonly.xlsx');
    chmodSync(file, 0o444);
    const before = digest(file);
    const csv = textFile('readonly.csv', volunteersCsv(['Rita Ro'], 45000021));
    for (const args of [
      ['import', file, csv],
      ['summary', file],
      ['add', file],
    ]) {
      const run = await cli(...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/skrivebeskyttet/);
      expect(digest(file)).toBe(before);
    }
  });
});

describe('escape sequences meant for the terminal', () => {
  it('import and aggregate print no control characters that came from a file', async () => {
    const file = workbook('escape.xlsx');
    const csv = textFile(
      'escape.csv',
      ['Navn,Mobilnummer,Aktivitet', '\u001b]0;pwned\u0007Eva\u001b[2J Esc,46000001,Besøksvenn', 'Ola\u009b31m Csi,46000002,Besøksvenn'].join('\n'),
    );
    const run = await runCli('import', file, csv, '--today', TODAY);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Eva');
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const municipality = workbook('kommune-esc.xlsx');
    writeFileSync(
      municipality,
      writeCells(new Uint8Array(readFileSync(municipality)), 'Innstillinger', [{ address: 'B4', value: 'Ond\u001b[2J\u001b]0;x\u0007kommune' }]),
    );
    const agg = await runCli('aggregate', municipality, '-o', join(dir, 'region-esc.xlsx'), '--today', TODAY);
    expect(agg.code).toBe(0);
    expectStrict(join(dir, 'region-esc.xlsx'));
    expect(agg.stdout + agg.stderr).toContain('kommune');
    expect(agg.stdout + agg.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('files that block on open', () => {
  it('a FIFO named .xlsx or .csv is refused at once, with a sentence', async () => {
    const fifo = join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const run = await Promise.race([runCli('validate', fifo), new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000))]);
    expect(run).not.toBeNull();
    expect(run!.code).toBe(2);
    expect(run!.stderr).toMatch(/ikke en vanlig fil/);
    expect(Date.now() - started).toBeLessThan(5_000);
    const csvFifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [csvFifo]);
    const imp = await Promise.race([
      runCli('import', workbook('fifo-target.xlsx'), csvFifo),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
    ]);
    expect(imp).not.toBeNull();
    expect(imp!.code).toBe(2);
    expect(imp!.stderr).toMatch(/ikke en vanlig fil/);
  }, 30_000);
});

describe('text a leader typed on the summary sheet', () => {
  it('summary keeps a note and a formula typed outside the generated cells, in a file that passes the strict check', async () => {
    // Typed in Excel and saved there: a text note, a formula below the figures, and Excel's calculation chain listing it.
    const typed = writeCells(template, 'Oppsummering', [{ address: 'H3', value: 'Husk: tall til kommunestyret 12. mars' }]);
    const saved = asExcelSaved(typed, [{ part: sheetPartNamed(typed, 'Oppsummering'), cell: 'H300', formula: 'SUM(B5:B6)' }]);
    const file = workbook('note.xlsx', saved);
    const run = await runCli('summary', file, '--today', TODAY);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const grid = await (await openXlsxFile(file)).readSheet('Oppsummering');
    expect(grid.rows[2]?.[7]).toBe('Husk: tall til kommunestyret 12. mars');
    expect(run.stdout).toContain('Det du har skrevet på Oppsummering utenfor tallene, er tatt vare på (H3, H300).');
    // The chain the summary pruned lists only cells that still hold formulas, the kept one among them.
    const refreshed = new Uint8Array(readFileSync(file));
    expectStrict(refreshed, saved);
    expect(strFromU8(unzipSync(refreshed)[sheetPartNamed(refreshed, 'Oppsummering')])).toMatch(/<c r="H300"[^>]*>\s*<f>SUM\(B5:B6\)<\/f>/);
    // Kept again on the next refresh, and nothing Samspill itself wrote is taken for a note.
    const again = await cli('summary', file);
    expect(again.stdout).toContain('er tatt vare på (H3, H300).');
    expectStrict(file, saved);
    const freshFile = workbook('note-fresh.xlsx');
    for (let i = 0; i < 2; i++) expect((await cli('summary', freshFile)).stdout).not.toContain('utenfor tallene');
  });
});

describe('one municipality given twice', () => {
  it('aggregate lists a copy and a symlink of a workbook as not included', async () => {
    const a = workbook('kommune-a.xlsx');
    const copy = join(dir, 'kommune-a-kopi.xlsx');
    copyFileSync(a, copy);
    const link = join(dir, 'kommune-a-lenke.xlsx');
    symlinkSync(a, link);
    const run = await runCli('aggregate', a, copy, link, '-o', join(dir, 'region-dup.xlsx'), '--today', TODAY);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/kommune-a-kopi\.xlsx.*(samme|same)/);
    expect(run.stdout).toMatch(/kommune-a-lenke\.xlsx.*(samme|same)/);
    expectStrict(join(dir, 'region-dup.xlsx'));
    const region = await openXlsxFile(join(dir, 'region-dup.xlsx'));
    const sheets = await region.listSheets();
    const excluded = await region.readSheet(sheets[sheets.length - 1].name);
    const text = excluded.rows.flat().join(' ');
    expect(text).toContain('kommune-a-kopi.xlsx');
  });
});

describe('plain mistakes get their own sentences', () => {
  const unexpected = /Uventet feil|Unexpected error|ENOENT|EACCES|EISDIR|ENOTDIR|\.tmp\b/;

  it.each([
    ['import into a folder', () => ['import', dir, textFile('m1.csv', volunteersCsv(['Ida'], 47000001))]],
    ['import from a missing CSV', () => ['import', workbook('m2.xlsx'), join(dir, 'finnes-ikke.csv')]],
    ['import from a folder as CSV', () => ['import', workbook('m3.xlsx'), dir]],
    ['summary -o under a file', () => ['summary', workbook('m5.xlsx'), '-o', join(textFile('fil.txt', 'x'), 'o.xlsx')]],
    ['aggregate of only missing files', () => ['aggregate', join(dir, 'borte-a.xlsx'), join(dir, 'borte-b.xlsx'), '-o', join(dir, 'region-borte.xlsx')]],
    ['add -o into a file as folder', () => ['add', workbook('m6.xlsx'), '-o', join(textFile('plain.txt', 'x'), 'o.xlsx')]],
    ['validate a missing file', () => ['validate', join(dir, 'borte.xlsx')]],
    ['new over a folder named .xlsx', () => ['new', folderNamedXlsx()]],
  ])('%s', async (_, args) => {
    const run = await cli(...args());
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).not.toBe('');
    expect(run.stderr).not.toMatch(unexpected);
  });

  it('every output creates its missing folder, as new always did', async () => {
    const pub = join(dir, 'nope', 'x', 'p.xlsx');
    const out = join(dir, 'finnes', 'ikke', 'o.xlsx');
    const run = await cli('summary', workbook('m4.xlsx'), '--public', pub, '-o', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(pub) && existsSync(out)).toBe(true);
  });

  it('a UTF-16 CSV (Excel\'s "Unicode text") is read, not misdiagnosed', async () => {
    const file = workbook('utf16.xlsx');
    const text = 'Navn\tMobilnummer\r\nUlla Sixteen\t48000001\r\n';
    const csv = textFile('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const run = await runCli('import', file, csv, '--today', TODAY);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await volunteerNames(file)).toContain('Ulla Sixteen');
    expect(run.stdout).toMatch(/UTF-16/);
  });

  it('when the write-back fails after the public copy was written, the message says the copy was written', async () => {
    const file = workbook('truth.xlsx');
    const pub = join(dir, 'truth-public.xlsx');
    chmodSync(file, 0o444);
    const run = await runCli('summary', file, '--public', pub, '--today', TODAY);
    expect(run.code).toBe(2);
    if (existsSync(pub)) expect(run.stderr).toMatch(/truth-public\.xlsx.*(skrevet|written)/);
    else expect(run.stderr).not.toMatch(/Ingen filer er endret/);
  });
});

function folderNamedXlsx(): string {
  const folder = join(dir, 'mappe.xlsx');
  mkdirSync(folder, { recursive: true });
  return folder;
}

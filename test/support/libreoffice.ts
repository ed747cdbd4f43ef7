/**
 * LibreOffice Calc as an independent spreadsheet: it opens an .xlsx, recalculates every formula
 * (never trusting the cached results we wrote) and exports each sheet as CSV, or the whole
 * workbook as .xlsx with its own results cached.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';

const SOFFICE = 'soffice';
const TIMEOUT_MS = 90_000;
const XLSX_FILTER = 'xlsx:Calc MS Excel 2007 XML';
/** Comma, double quote, UTF-8, from line 1, cells as shown, one file per sheet (-1). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,true,false,false,-1';

/**
 * OOXMLRecalcMode 0 = always recalculate; the default trusts the cached values in the file. The
 * locale is fixed so that numbers come out as 1,234.5 whatever the machine's language.
 */
const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
</oor:items>
`;

let available: boolean | undefined;

export function libreOfficeAvailable(): boolean {
  if (available === undefined) {
    try {
      execFileSync(SOFFICE, ['--version'], { stdio: 'ignore', timeout: 30_000 });
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

/**
 * Whether a test needing LibreOffice should run. Under CI a missing soffice is a failure, not a
 * reason to skip: the oracle must never silently disappear from the pipeline.
 */
export function requireLibreOffice(): boolean {
  if (libreOfficeAvailable()) return true;
  if (process.env.CI === 'true') throw new Error('LibreOffice (soffice) is required under CI but was not found on PATH.');
  return false;
}

const SCRATCH_PREFIX = 'lo-profile-writer-';
let workRoot: string | undefined;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Jest does not always let a process's exit handlers run, so leftovers of dead processes are swept. */
function sweepLeftovers(): void {
  for (const entry of readdirSync(tmpdir())) {
    const pid = Number(entry.slice(SCRATCH_PREFIX.length));
    if (entry.startsWith(SCRATCH_PREFIX) && Number.isInteger(pid) && pid > 0 && !processAlive(pid)) {
      rmSync(join(tmpdir(), entry), { recursive: true, force: true });
    }
  }
}

/** Per-process scratch space: the profile, and the files callers read after a conversion. */
function scratch(): string {
  if (!workRoot) {
    sweepLeftovers();
    workRoot = join(tmpdir(), `${SCRATCH_PREFIX}${process.pid}`);
    mkdirSync(workRoot, { recursive: true });
    const dir = workRoot;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return workRoot;
}

/** One profile per process; calls within the process are serialised, so it is never shared. */
function profile(): string {
  const dir = join(scratch(), 'profile');
  const settings = join(dir, 'user', 'registrymodifications.xcu');
  if (!existsSync(settings)) {
    mkdirSync(join(dir, 'user'), { recursive: true });
    writeFileSync(settings, ALWAYS_RECALCULATE);
  }
  return dir;
}

/**
 * `soffice` is a wrapper script around soffice.bin; it runs in its own process group so that a
 * timeout ends both, and a stuck instance cannot keep the profile locked for the next call.
 */
function runSoffice(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(SOFFICE, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`soffice could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && !timedOut) return resolve(`${stdout}${stderr}`.trim());
      const why = timedOut ? `timed out after ${TIMEOUT_MS} ms` : `exit code ${code}${signal ? `, signal ${signal}` : ''}`;
      reject(new Error(`soffice failed (${why}).\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs one conversion at a time: a LibreOffice profile cannot be used by two instances at once. */
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}

/** Returns what soffice printed, for the error when it exits cleanly without writing anything. */
function convert(xlsxPath: string | string[], filter: string, outDir: string): Promise<string> {
  return runSoffice([
    '--headless',
    '--norestore',
    `-env:UserInstallation=${pathToFileURL(profile()).href}`,
    '--convert-to',
    filter,
    '--outdir',
    outDir,
    ...(Array.isArray(xlsxPath) ? xlsxPath : [xlsxPath]),
  ]);
}

async function convertToCsv(xlsxPath: string): Promise<Map<string, string[][]>> {
  const outDir = mkdtempSync(join(scratch(), 'csv-'));
  try {
    const said = await convert(xlsxPath, CSV_FILTER, outDir);
    const prefix = `${basename(xlsxPath, extname(xlsxPath))}-`;
    const sheets = new Map<string, string[][]>();
    for (const file of readdirSync(outDir)) {
      if (!file.startsWith(prefix) || !file.endsWith('.csv')) continue;
      const rows = parse(readFileSync(join(outDir, file), 'utf8'), { relax_column_count: true }) as string[][];
      sheets.set(file.slice(prefix.length, -'.csv'.length), rows);
    }
    if (sheets.size === 0)
      throw new Error(`soffice wrote no CSV for ${xlsxPath} (found: ${readdirSync(outDir).join(', ') || 'nothing'}). soffice said: ${said}`);
    return sheets;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Recalculates the workbook in LibreOffice; sheet name → rows of cells as LibreOffice shows them. */
export function recalcToCsv(xlsxPath: string): Promise<Map<string, string[][]>> {
  return serialised(() => convertToCsv(xlsxPath));
}

/**
 * Recalculates the workbook in LibreOffice and saves it again as .xlsx, so its computed values
 * can be read as cached results. Returns the new file's path (removed when the process exits).
 */
export function recalcToXlsx(xlsxPath: string): Promise<string> {
  return serialised(async () => {
    const outDir = mkdtempSync(join(scratch(), 'xlsx-'));
    const said = await convert(xlsxPath, XLSX_FILTER, outDir);
    const out = join(outDir, `${basename(xlsxPath, extname(xlsxPath))}.xlsx`);
    if (!existsSync(out))
      throw new Error(`soffice wrote no .xlsx for ${xlsxPath} (found: ${readdirSync(outDir).join(', ') || 'nothing'}). soffice said: ${said}`);
    return out;
  });
}

/**
 * Recalculates many workbooks in one LibreOffice run (its start-up is most of the ~1.2 s a
 * conversion costs) and saves each again as .xlsx. The files must have different base names.
 * Returns the new files' paths in the order given (removed when the process exits).
 */
export function recalcManyToXlsx(xlsxPaths: string[]): Promise<string[]> {
  const bases = xlsxPaths.map((p) => basename(p, extname(p)));
  if (new Set(bases).size !== bases.length) throw new Error('recalcManyToXlsx needs files with different base names');
  return serialised(async () => {
    const outDir = mkdtempSync(join(scratch(), 'xlsx-'));
    const said = await convert(xlsxPaths, XLSX_FILTER, outDir);
    return bases.map((base) => {
      const out = join(outDir, `${base}.xlsx`);
      if (!existsSync(out))
        throw new Error(`soffice wrote no .xlsx for ${base} (found: ${readdirSync(outDir).join(', ') || 'nothing'}). soffice said: ${said}`);
      return out;
    });
  });
}

/** A number as LibreOffice shows it in the fixed en-US locale ("1,234.5", "12 kr"); NaN if none. */
export function csvNumber(text: string): number {
  const cleaned = text.replace(/kr/g, '').replace(/[,\s\u00a0]/g, '');
  return cleaned === '' ? NaN : Number(cleaned);
}

/** A cell of the CSV (1-based row and column), '' when the row or cell is absent. */
export function csvCell(rows: string[][] | undefined, row: number, col: number): string {
  return rows?.[row - 1]?.[col - 1] ?? '';
}

/**
 * Prints the workbook to PDF as LibreOffice does (every sheet, hidden ones too, each within its print area,
 * formulas recalculated first). Returns the PDF's path (removed when the process exits).
 */
export function printToPdf(xlsxPath: string): Promise<string> {
  return serialised(async () => {
    const outDir = mkdtempSync(join(scratch(), 'pdf-'));
    const said = await convert(xlsxPath, 'pdf:calc_pdf_Export', outDir);
    const out = join(outDir, `${basename(xlsxPath, extname(xlsxPath))}.pdf`);
    if (!existsSync(out))
      throw new Error(`soffice wrote no PDF for ${xlsxPath} (found: ${readdirSync(outDir).join(', ') || 'nothing'}). soffice said: ${said}`);
    return out;
  });
}

/**
 * The summary as leaders print it: the full workbook's summary sheet (its values as the cached
 * results show them) and the copy for the public (summary and action plan), printed by LibreOffice
 * to PDF and checked word by word (poppler's `pdftotext -bbox`, test/support/pdfText.ts): no text
 * drawn over other text, nothing past the page's edge, every definition printed in full. The PDFs
 * are rasterised to PNG (pdftoppm) into test-output/summary-picture/, for a person to look at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { refreshSummary } from '../../src/core/evaluation/summaryRefresh';
import { buildWorkbookPlan, workbookData } from '../../src/core/plan/buildWorkbookPlan';
import { publicWorkbookPlan } from '../../src/core/summary/publicCopy';
import { isFormula, type PlannedSheet, type WorkbookPlan } from '../../src/core/plan/workbookPlan';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { printToPdf, requireLibreOffice } from '../support/libreoffice';
import { missingWords, overlappingWords, pageFaults, pdfPages, pdfText, requirePdftotext, type PdfPage } from '../support/pdfText';
import { LANGUAGES } from '../../src/core/content/language';

const TODAY = isoToSerial('2026-11-23');
const OUT = join(__dirname, '../../test-output/summary-picture');
const run = requireLibreOffice() && requirePdftotext() ? describe : describe.skip;

function havePdftoppm(): boolean {
  return spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).error === undefined;
}

/** PNG width and height from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The sheet as a reader without a spreadsheet engine sees it: each formula as its cached result. */
function asShown(sheet: PlannedSheet): PlannedSheet {
  return { ...sheet, cells: sheet.cells.map((c) => (isFormula(c.value) ? { ...c, value: c.value.result } : c)), protection: undefined };
}

async function printed(plan: WorkbookPlan, name: string): Promise<{ pdf: string; pages: PdfPage[] }> {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (f.startsWith(`${name}.`) || f.startsWith(`${name}-`)) rmSync(join(OUT, f));
  const xlsx = join(OUT, `${name}.xlsx`);
  writeFileSync(xlsx, await writePlanToBuffer(plan));
  const pdf = join(OUT, `${name}.pdf`);
  copyFileSync(await printToPdf(xlsx), pdf);
  expect(existsSync(pdf)).toBe(true);
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  if (havePdftoppm()) execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(OUT, name)], { timeout: 60_000 });
  return { pdf, pages: pdfPages(pdf) };
}

function expectClean(pages: PdfPage[]): void {
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) expect(pageFaults(page)).toEqual({ page: page.number, overlaps: [], atEdge: [] });
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The sheet's texts that are not printed whole: their missing words. */
function textsCut(sheet: PlannedSheet, pages: PdfPage[]): string[] {
  return sheet.cells
    .filter((c) => typeof c.value === 'string' && c.value.trim() !== '')
    .flatMap((c) => {
      const missing = missingWords(pages, c.value as string);
      return missing.length ? [`${String(c.value).slice(0, 60)}: ${missing.join(' ')}`] : [];
    });
}

run('the summary sheet, printed', () => {
  it.each(LANGUAGES)(
    'the full summary (%s) prints without text over text, with every definition in full',
    async (lang) => {
      const demo = demoWorkbook({ lang, seed: 11, today: TODAY, case: 'kristiansund', volunteers: 120 });
      demo.input.settings.reportDate = TODAY - 5;
      const plan = buildWorkbookPlan(demo.input);
      const summary = plan.sheets.find((s) => s.key === 'summary')!;
      const { pdf, pages } = await printed({ sheets: [asShown(summary)], names: [] }, `summary-${lang}`);
      expectClean(pages);
      const text = pdfText(pages);
      const definitions = summary.cells.filter((c) => c.style === 'wrap').map((c) => words(String(c.value)));
      expect(definitions.length).toBeGreaterThan(25);
      expect(definitions.filter((d) => !text.includes(d))).toEqual([]);
      // Every text of the sheet is printed whole: a label or note cut at a cell's edge loses words.
      expect(textsCut(asShown(summary), pages)).toEqual([]);
      // Portrait A4, fitted to one page wide: a few pages tall, never a page per column.
      expect(pages.length).toBeLessThanOrEqual(8);
      if (!havePdftoppm()) return;
      const pngs = readdirSync(OUT).filter((f) => f.startsWith(`summary-${lang}-`) && f.endsWith('.png'));
      expect(pngs.length).toBeGreaterThanOrEqual(1);
      const { width, height } = pngSize(join(OUT, pngs.sort()[0]));
      // A4 portrait at 60 dpi: 496 × 702 pixels.
      expect(Math.abs(width - 496)).toBeLessThanOrEqual(1);
      expect(Math.abs(height - 702)).toBeLessThanOrEqual(1);
      expect(pdf).toContain(`summary-${lang}`);
    },
    180_000,
  );

  it.each(['nb', 'en'] as const)(
    'the public copy (%s) prints its summary and action plan without text over text',
    async (lang) => {
      const demo = demoWorkbook({ lang, seed: 11, today: TODAY, volunteers: 120 });
      demo.input.settings.reportDate = TODAY - 5;
      const refresh = refreshSummary(workbookData(demo.input), TODAY, '2026-11-23 09:00');
      const { pages } = await printed(publicWorkbookPlan(refresh), `public-${lang}`);
      expectClean(pages);
      // The action plan's long texts are there in full (wrapped in their column, so word by word).
      const problems = refresh.actions.rows.map((r) => words(String(r.problem ?? ''))).filter((p) => p.length > 40);
      expect(problems.length).toBeGreaterThan(5);
      expect(problems.flatMap((p) => missingWords(pages, p))).toEqual([]);
      expect(textsCut(publicWorkbookPlan(refresh).sheets[0], pages)).toEqual([]);
    },
    180_000,
  );

  it('finds text over text where a wrapped text has a row too short for it (the check can fail)', async () => {
    const long = 'Dette er en lang tekst som brytes over mange linjer i en smal celle og derfor trenger en høy rad. '.repeat(3);
    const sheet: PlannedSheet = {
      key: 'summary',
      name: 'Prøve',
      visibility: 'visible',
      columnWidths: [20, 20],
      cells: [
        { row: 1, col: 1, value: long, style: 'wrap' },
        { row: 2, col: 1, value: 'Neste rad med tekst', style: 'text' },
        { row: 3, col: 1, value: 'En tekst som er for lang for cellen sin', style: 'text' },
        { row: 3, col: 2, value: 'Nabo', style: 'text' },
      ],
      tables: [],
      validations: [],
      merges: [],
      dataBars: [],
      print: { area: 'A1:B3', orientation: 'portrait', fitToWidth: true },
    };
    const { pages } = await printed({ sheets: [sheet], names: [] }, 'overlap-probe');
    expect(pages.flatMap((p) => overlappingWords(p)).length).toBeGreaterThan(0);
  }, 120_000);
});

/**
 * A picture of the summary sheet as a leader would print it: the demo's summary, as values, alone
 * in a workbook, printed by LibreOffice to PDF and rasterised to PNG (poppler's pdftoppm) into
 * test-output/summary-picture/, for a person to look at. The PDF is always made where LibreOffice
 * runs; the PNG only where pdftoppm is installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { refreshSummary } from '../../src/core/evaluation/summaryRefresh';
import { workbookData } from '../../src/core/plan/buildWorkbookPlan';
import { publicWorkbookPlan } from '../../src/core/summary/publicCopy';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { requireLibreOffice } from '../support/libreoffice';

const TODAY = isoToSerial('2026-11-23');
const OUT = join(__dirname, '../../test-output/summary-picture');
const run = requireLibreOffice() ? describe : describe.skip;

function havePdftoppm(): boolean {
  return spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).error === undefined;
}

/** PNG width and height from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

run('the summary sheet, printed', () => {
  it.each(['nb', 'en'] as const)(
    'prints the %s summary to PDF and PNG',
    async (lang) => {
      const demo = demoWorkbook({ lang, seed: 11, today: TODAY, volunteers: 120 });
      demo.input.settings.reportDate = TODAY - 5;
      const refresh = refreshSummary(workbookData(demo.input), TODAY, '2026-11-23 09:00');
      const plan = publicWorkbookPlan(refresh);
      const summaryOnly = { sheets: plan.sheets.filter((s) => s.key === 'summary'), names: plan.names };
      mkdirSync(OUT, { recursive: true });
      for (const f of readdirSync(OUT)) if (f.startsWith(`summary-${lang}`)) rmSync(join(OUT, f));
      const xlsx = join(OUT, `summary-${lang}.xlsx`);
      writeFileSync(xlsx, await writePlanToBuffer(summaryOnly));

      const profile = mkdtempSync(join(tmpdir(), 'lo-profile-picture-'));
      try {
        execFileSync(
          'soffice',
          ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', 'pdf', '--outdir', OUT, xlsx],
          { stdio: 'ignore', timeout: 90_000 },
        );
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
      const pdf = join(OUT, `summary-${lang}.pdf`);
      expect(existsSync(pdf)).toBe(true);
      const pdfBytes = readFileSync(pdf);
      expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = (pdfBytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      // Portrait A4, fitted to one page wide: a few pages tall, never a page per column.
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(5);

      if (!havePdftoppm()) return;
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(OUT, `summary-${lang}`)], { timeout: 60_000 });
      const pngs = readdirSync(OUT).filter((f) => f.startsWith(`summary-${lang}-`) && f.endsWith('.png'));
      expect(pngs).toHaveLength(pages);
      const { width, height } = pngSize(join(OUT, pngs.sort()[0]));
      // A4 portrait at 60 dpi: 496 × 702 pixels.
      expect(Math.abs(width - 496)).toBeLessThanOrEqual(1);
      expect(Math.abs(height - 702)).toBeLessThanOrEqual(1);
    },
    180_000,
  );
});

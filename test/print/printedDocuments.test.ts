/**
 * The documents people print and sign, on paper: the cooperation agreement and the three volunteer
 * papers, printed by LibreOffice from the sheet in nb and nn. The PDF's words must not overlap,
 * nor reach the edge of the page; every clause heading and signature label is there, whole; the
 * helper cells stay off the paper; an empty amount is left out rather than printed as 0; the
 * footer numbers the pages. With PRINT_OUT=dir the PDFs are kept there to be looked at.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { content, workbookStrings } from '../../src/core/content/content';
import type { Lang } from '../../src/core/content/language';
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import type { SheetKey } from '../../src/core/content/templateSchema';
import { isFormula, type WorkbookPlan } from '../../src/core/plan/workbookPlan';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing';
import { csvCell, printToPdf, recalcToCsv, requireLibreOffice } from '../support/libreoffice';
import { pageFaults, pageText, pdfPages, requirePdftotext, type PdfPage } from '../support/pdfText';

const run = requireLibreOffice() && requirePdftotext();
const maybe = run ? describe : describe.skip;
const TODAY = isoToSerial('2026-11-30');

/**
 * The demo workbook's document sheet alone, its formulas replaced by the text the core computed
 * (LibreOffice prints every sheet of a workbook, hidden ones too): the layout is what is checked
 * here; that LibreOffice computes the same text from the formulas is checked on the whole workbook.
 * Vefsn's demo: the agreement printed is its written agreement with Termik (a grant, both signatories).
 */
function onlySheet(lang: Lang, key: SheetKey, edit?: (input: ReturnType<typeof demoWorkbook>['input']) => void): WorkbookPlan {
  const { input } = demoWorkbook({ lang, seed: 11, today: TODAY, volunteers: 30, case: 'vefsn' });
  edit?.(input);
  const sheet = buildWorkbookPlan(input).sheets.find((s) => s.key === key)!;
  const cells = sheet.cells.map((c) => (isFormula(c.value) ? { ...c, value: c.value.result } : c));
  return { sheets: [{ ...sheet, cells, validations: [] }], names: [] };
}

async function printed(name: string, plan: WorkbookPlan): Promise<PdfPage[]> {
  const dir = mkdtempSync(join(tmpdir(), 'samspill-print-'));
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, await writePlanToBuffer(plan));
  const pdf = await printToPdf(file);
  if (process.env.PRINT_OUT) {
    mkdirSync(process.env.PRINT_OUT, { recursive: true });
    copyFileSync(pdf, join(process.env.PRINT_OUT, `${name}.pdf`));
  }
  return pdfPages(pdf);
}

function expectClean(pages: PdfPage[]): void {
  for (const page of pages) expect(pageFaults(page)).toEqual({ page: page.number, overlaps: [], atEdge: [] });
}

/** Text without line breaks or hyphenation differences: words joined by single spaces. */
const flat = (pages: PdfPage[]) => pages.map(pageText).join(' ').replace(/\s+/g, ' ');

maybe.each(['nb', 'nn'] as Lang[])('printed on A4 (%s)', (lang) => {
  jest.setTimeout(120_000);
  const t = (key: Parameters<typeof workbookStrings.text>[0]) => workbookStrings.text(key, lang);

  test('the cooperation agreement: no overlap, nothing cut, every clause and signature label whole, helpers off the paper', async () => {
    // The first agreement with no payment per activity: its sentence must be left out, not printed as 0 kroner.
    const pages = await printed(
      `agreement-${lang}`,
      onlySheet(lang, 'agreement', (input) => (input.records.agreements[0].paymentPerActivity = null)),
    );
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expectClean(pages);
    const text = flat(pages);
    const doc = content().agreement.documents[0];
    doc.clauses.forEach((clause, i) => expect(text).toContain(`${i + 1}. ${clause.title[lang]}`));
    for (const label of ['document.sign.placeDate', 'document.sign.name', 'document.sign.signature', 'document.sign.role'] as const) {
      expect(text.split(t(label)).length - 1).toBeGreaterThanOrEqual(2);
    }
    expect(text).not.toContain(t('agreement.chooseId'));
    expect(text).not.toMatch(/\b0 kroner/);
    expect(text).toContain('§§ 14-2 og 14-5');
    const last = pages.length;
    expect(flat([pages[last - 1]])).toContain(t('document.footer').replace('&P', String(last)).replace('&N', String(last)));
  });

  test('the volunteer papers: three documents, each from a new page, none overlapping or cut', async () => {
    const pages = await printed(`volunteer-papers-${lang}`, onlySheet(lang, 'volunteerPapers'));
    expectClean(pages);
    const titles = content().volunteerPapers.documents.map((d) => d.title[lang]);
    // Each document's title opens a page.
    for (const title of titles) expect(pages.some((p) => pageText(p).startsWith(title))).toBe(true);
    const text = flat(pages);
    expect(text).not.toContain(t('volunteerPapers.chooseId'));
    expect(text).toContain(t('document.sign.signature'));
  });
});

maybe('the document formulas in LibreOffice', () => {
  jest.setTimeout(120_000);

  test('recalculated from the registers, every clause and signature name reads as the core computed it', async () => {
    const { input } = demoWorkbook({ lang: 'nb', seed: 11, today: TODAY, volunteers: 30, case: 'vefsn' });
    input.records.agreements[0].paymentPerActivity = null;
    const plan = buildWorkbookPlan(input);
    const dir = mkdtempSync(join(tmpdir(), 'samspill-docs-'));
    const file = join(dir, 'documents.xlsx');
    writeFileSync(file, await writePlanToBuffer(plan));
    const sheets = await recalcToCsv(file);
    for (const key of ['agreement', 'volunteerPapers'] as const) {
      const sheet = plan.sheets.find((s) => s.key === key)!;
      const grid = sheets.get(sheet.name)!;
      const formulas = sheet.cells.filter((c) => isFormula(c.value) && c.col <= 3);
      expect(formulas.length).toBeGreaterThan(20);
      for (const cell of formulas) {
        const expected = String((cell.value as { result: unknown }).result ?? '');
        expect({ sheet: key, row: cell.row, text: csvCell(grid, cell.row, cell.col) }).toEqual({ sheet: key, row: cell.row, text: expected });
      }
    }
  });
});

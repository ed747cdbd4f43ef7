/**
 * Browser mode's print page on paper: the same agreement and volunteer papers, made from the same
 * core model and rendered by the print page's component, printed to PDF by Chromium (page.pdf, as
 * the browser's "save as PDF" does) in nb and nn. The words must not overlap nor reach the page
 * edge; every clause heading and signature label is there; pages are numbered. With PRINT_OUT=dir
 * the PDFs are kept there to be looked at.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { content, workbookStrings } from '../../src/core/content/content';
import type { Lang } from '../../src/core/content/language';
import { buildPages, servePages } from '../support/pageServer';
import { pageFaults, pageText, pdfPages, requirePdftotext, type PdfPage } from '../support/pdfText';

const OUT = path.resolve(__dirname, '..', '..', 'test-output', 'print-harness');
const run = requirePdftotext();
const maybe = run ? describe : describe.skip;

let server: http.Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!run) return;
  await buildPages(OUT, { taskpane: path.join(__dirname, 'printHarness.tsx') });
  server = await servePages(OUT);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

async function printed(doc: string, lang: Lang): Promise<PdfPage[]> {
  const page = await browser.newPage();
  // Office.js is the page's one outside request; a print page does not need it.
  await page.route(/appsforoffice/, (route) => route.abort());
  await page.goto(`${base}/taskpane.html?doc=${doc}&lang=${lang}`);
  await page.waitForSelector('body[data-ready]');
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.close();
  const dir = mkdtempSync(join(tmpdir(), 'samspill-page-'));
  const file = join(dir, `${doc}-${lang}.pdf`);
  writeFileSync(file, pdf);
  if (process.env.PRINT_OUT) {
    mkdirSync(process.env.PRINT_OUT, { recursive: true });
    copyFileSync(file, join(process.env.PRINT_OUT, `page-${doc}-${lang}.pdf`));
  }
  return pdfPages(file);
}

function expectClean(pages: PdfPage[]): void {
  for (const page of pages) expect(pageFaults(page)).toEqual({ page: page.number, overlaps: [], atEdge: [] });
}

const flat = (pages: PdfPage[]) => pages.map(pageText).join(' ').replace(/\s+/g, ' ');

maybe.each(['nb', 'nn'] as Lang[])('the print page on A4 (%s)', (lang) => {
  const t = (key: Parameters<typeof workbookStrings.text>[0]) => workbookStrings.text(key, lang);

  test('the cooperation agreement: no overlap, nothing cut, every clause and signature label, numbered pages, no 0 kroner', async () => {
    const pages = await printed('agreement', lang);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expectClean(pages);
    const text = flat(pages);
    content().agreement.documents[0].clauses.forEach((clause, i) => expect(text).toContain(`${i + 1}. ${clause.title[lang]}`));
    for (const label of ['document.sign.placeDate', 'document.sign.name', 'document.sign.signature', 'document.sign.role'] as const) {
      expect(text.split(t(label)).length - 1).toBeGreaterThanOrEqual(2);
    }
    expect(text).not.toMatch(/\b0 kroner/);
    const last = pages.length;
    expect(pageText(pages[last - 1])).toContain(t('document.footer').replace('&P', String(last)).replace('&N', String(last)));
  });

  test('the volunteer papers: each document from a new page, none overlapping or cut', async () => {
    const pages = await printed('volunteerPapers', lang);
    expectClean(pages);
    for (const doc of content().volunteerPapers.documents) expect(pages.some((p) => pageText(p).startsWith(doc.title[lang]))).toBe(true);
  });
});

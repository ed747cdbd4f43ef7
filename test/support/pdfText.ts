/**
 * The words of a PDF with their boxes (poppler's `pdftotext -bbox`), page by page, and the faults a
 * printed page must not have: words drawn over each other (text that ran over a neighbouring cell,
 * wrapped lines in a row too short for them) and words cut off at the page's edge. A spreadsheet
 * that clips a text at a cell's edge still puts the whole text in the PDF, under the clip: so a cut
 * shows as the clipped words overlapping those of the next cell, or as words past the page's edge,
 * and a text that is not there in full (`pdfText`, `missingWords`) was cut by the print area.
 * Used for every sheet people print: the summary and its public copy, the agreement and the
 * volunteer papers (LibreOffice's print and the browser's print page alike).
 */
import { execFileSync, spawnSync } from 'node:child_process';

export interface PdfWord {
  /** 1-based. */
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  words: PdfWord[];
}

export function havePdftotext(): boolean {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
}

/** Whether a test needing poppler-utils should run; under CI a missing tool is a failure, not a skip. */
export function requirePdftotext(): boolean {
  if (havePdftotext()) return true;
  if (process.env.CI === 'true') throw new Error('pdftotext (poppler-utils) is required under CI but was not found on PATH.');
  return false;
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every page of the PDF with its words and their boxes, in points from the top left. */
export function pdfPages(pdfPath: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const page = pages.length + 1;
    const words = [...m[3].matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((w) => ({
      page,
      text: unescapeHtml(w[5]),
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
    }));
    pages.push({ number: page, width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

export interface Overlap {
  page: number;
  a: PdfWord;
  b: PdfWord;
}

/**
 * Pairs of words drawn over each other: their boxes share more than `across` points side by side
 * and more than `down` of the lower box's height. A word's box is taller than the line pitch of
 * wrapped text (it holds the font's ascent and descent), so the lines of one paragraph share a
 * fifth or so of their height; text drawn over text shares most of it.
 */
export function overlappingWords(page: PdfPage, across = 1, down = 0.4): Overlap[] {
  const found: Overlap[] = [];
  const words = [...page.words].sort((p, q) => p.yMin - q.yMin);
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length && words[j].yMin < words[i].yMax; j++) {
      const a = words[i];
      const b = words[j];
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (x > across && y > down * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)) found.push({ page: page.number, a, b });
    }
  }
  return found;
}

/** Words that reach past the page or lie in its outermost `margin` points, where a printer cuts them off. */
export function wordsAtEdge(page: PdfPage, margin = 10): PdfWord[] {
  return page.words.filter((w) => w.xMin < margin || w.yMin < margin || w.xMax > page.width - margin || w.yMax > page.height - margin);
}

/** A page's faults in words a failing test can show: the words drawn over each other, the words at the edge. */
export function pageFaults(page: PdfPage): { page: number; overlaps: string[]; atEdge: string[] } {
  return {
    page: page.number,
    overlaps: overlappingWords(page).map(({ a, b }) => `${a.text} / ${b.text}`),
    atEdge: wordsAtEdge(page).map((w) => w.text),
  };
}

/** The page's words in the order pdftotext reads them (a text block at a time), joined by spaces. */
export function pageText(page: PdfPage): string {
  return page.words.map((w) => w.text).join(' ');
}

/** A page's words as lines of text, top to bottom, for a failure message or a search across columns. */
export function pageLines(page: PdfPage): string[] {
  const lines: { y: number; words: PdfWord[] }[] = [];
  for (const w of [...page.words].sort((p, q) => p.yMin - q.yMin || p.xMin - q.xMin)) {
    const line = lines.find((l) => Math.abs(l.y - w.yMin) < 2);
    if (line) line.words.push(w);
    else lines.push({ y: w.yMin, words: [w] });
  }
  return lines.map((l) =>
    l.words
      .sort((p, q) => p.xMin - q.xMin)
      .map((w) => w.text)
      .join(' '),
  );
}

/** All the words of the pages, line by line, joined by single spaces: to look for a whole text. */
export function pdfText(pages: PdfPage[]): string {
  return pages.flatMap(pageLines).join(' ');
}

/**
 * The words of a text missing from the pages: for a text wrapped inside a column, whose lines a
 * page's reading order interleaves with the columns beside it. A column left out of the print area,
 * or a text cut short, leaves words missing.
 */
export function missingWords(pages: PdfPage[], text: string): string[] {
  const printed = new Set(pages.flatMap((p) => p.words.map((w) => w.text)));
  return text.split(/\s+/).filter((w) => w !== '' && !printed.has(w));
}

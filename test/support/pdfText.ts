/**
 * The words of a PDF with their boxes (poppler's `pdftotext -bbox`), page by page, and the checks
 * a printed page must pass: no words drawn over each other (text that ran over a neighbouring cell,
 * wrapped lines in a row too short for them), none cut off. A spreadsheet that clips a text at a
 * cell's edge still puts the whole text in the PDF, under the clip: so a cut shows as the clipped
 * words overlapping those of the next cell, or as words past the page's edge, and a text that is
 * not there in full (`pdfText`) was cut by the print area.
 */
import { execFileSync, spawnSync } from 'node:child_process';

export interface PdfWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
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
    const words = [...m[3].matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((w) => ({
      text: unescapeHtml(w[5]),
      x0: Number(w[1]),
      y0: Number(w[2]),
      x1: Number(w[3]),
      y1: Number(w[4]),
    }));
    pages.push({ number: pages.length + 1, width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

/** The part of two boxes that both cover, in points (0 when apart). */
function shared(a: PdfWord, b: PdfWord): { x: number; y: number } {
  return { x: Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0), y: Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) };
}

export interface Overlap {
  page: number;
  a: string;
  b: string;
}

/**
 * Pairs of words drawn over each other: their boxes share more than `across` points side by side
 * and more than `down` of the lower box's height. A word's box is taller than the line pitch of
 * wrapped text (it holds the font's ascent and descent), so the lines of one paragraph share a
 * fifth or so of their height; text drawn over text shares most of it.
 */
export function overlappingWords(page: PdfPage, across = 1.5, down = 0.4): Overlap[] {
  const found: Overlap[] = [];
  const words = [...page.words].sort((p, q) => p.y0 - q.y0);
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length && words[j].y0 < words[i].y1; j++) {
      const { x, y } = shared(words[i], words[j]);
      const height = Math.min(words[i].y1 - words[i].y0, words[j].y1 - words[j].y0);
      if (x > across && y > down * height) found.push({ page: page.number, a: words[i].text, b: words[j].text });
    }
  }
  return found;
}

/** Words that reach past the page's edge (less `margin` points): printed, they are cut off. */
export function wordsOffPage(page: PdfPage, margin = 0): PdfWord[] {
  return page.words.filter((w) => w.x0 < margin || w.y0 < margin || w.x1 > page.width - margin || w.y1 > page.height - margin);
}

/** A page's words as lines of text, top to bottom, for a failure message or a search. */
export function pageLines(page: PdfPage): string[] {
  const lines: { y: number; words: PdfWord[] }[] = [];
  for (const w of [...page.words].sort((p, q) => p.y0 - q.y0 || p.x0 - q.x0)) {
    const line = lines.find((l) => Math.abs(l.y - w.y0) < 2);
    if (line) line.words.push(w);
    else lines.push({ y: w.y0, words: [w] });
  }
  return lines.map((l) =>
    l.words
      .sort((p, q) => p.x0 - q.x0)
      .map((w) => w.text)
      .join(' '),
  );
}

/** All the words of the pages, in reading order, joined by single spaces: to look for a whole text. */
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

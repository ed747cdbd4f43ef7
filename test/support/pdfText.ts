/**
 * The words of a PDF with their boxes, as poppler's `pdftotext -bbox-layout` reads them, and the
 * two faults a printed document must not have: text drawn over other text, and text cut off at
 * the edge of the page. Used for every document people print and sign.
 */
import { execFileSync } from 'node:child_process';

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  words: PdfWord[];
}

export function pdftotextAvailable(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether a test needing poppler-utils should run; under CI a missing tool is a failure, not a skip. */
export function requirePdftotext(): boolean {
  if (pdftotextAvailable()) return true;
  if (process.env.CI === 'true') throw new Error('pdftotext (poppler-utils) is required under CI but was not found on PATH.');
  return false;
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

export function pdfPages(pdfPath: string): PdfPage[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const m of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const number = pages.length + 1;
    const words: PdfWord[] = [];
    for (const w of m[3].matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([\s\S]*?)<\/word>/g)) {
      words.push({ page: number, text: decode(w[5]), xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]) });
    }
    pages.push({ number, width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

/**
 * Pairs of words printed over each other: their boxes overlap across by more than a point and
 * down by more than 40 % of the lower word's height. Words of consecutive lines touch (a font's
 * ascent and descent reach past its line spacing), which is not an overlap a reader sees.
 */
export function overlappingWords(page: PdfPage, share = 0.4): [PdfWord, PdfWord][] {
  const found: [PdfWord, PdfWord][] = [];
  const words = [...page.words].sort((a, b) => a.yMin - b.yMin);
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length && words[j].yMin < words[i].yMax; j++) {
      const a = words[i];
      const b = words[j];
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (x > 1 && y > share * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)) found.push([a, b]);
    }
  }
  return found;
}

/** Words that reach past the page or lie in its outermost `margin` points, where a printer cuts them off. */
export function wordsAtEdge(page: PdfPage, margin = 10): PdfWord[] {
  return page.words.filter((w) => w.xMin < margin || w.yMin < margin || w.xMax > page.width - margin || w.yMax > page.height - margin);
}

/** The page's text in reading order, words joined by spaces. */
export function pageText(page: PdfPage): string {
  return page.words.map((w) => w.text).join(' ');
}

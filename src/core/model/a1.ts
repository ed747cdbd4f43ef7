/**
 * A1 addresses, written and read in one place for the core and every adapter: column letters,
 * cell and area addresses, ranges as package parts write them ("B2:K501", "$A$1"), and absolute
 * references on a named sheet, quoted as spreadsheets quote sheet names.
 */

/** Column number to letters: 1 → A, 28 → AB. */
export function columnLetter(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Letters to column number, in either case: "AB" → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** "B5" for a single cell, "B5:D9" for more: how the Excel API takes an area. */
export function areaAddress(top: number, left: number, bottom: number, right: number): string {
  const first = cellAddress(top, left);
  return top === bottom && left === right ? first : `${first}:${cellAddress(bottom, right)}`;
}

/** Row and column of a cell address ("B5", "$B$5", "b5"); null when the text is not one. */
export function parseCell(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address);
  return m ? { row: Number(m[2]), col: columnNumber(m[1]) } : null;
}

/** A rectangle of cells: columns c1..c2, rows r1..r2, all 1-based. */
export interface CellRange {
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}

/** "B2:K501", "$A$1" (one cell is a range of one), surrounding spaces ignored; null otherwise. */
export function parseRange(ref: string): CellRange | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  return { c1, r1, c2: m[3] ? columnNumber(m[3]) : c1, r2: m[4] ? Number(m[4]) : r1 };
}

/** Always "first:last", as ranges are written in package parts. */
export function formatRange(r: CellRange): string {
  return `${columnLetter(r.c1)}${r.r1}:${columnLetter(r.c2)}${r.r2}`;
}

export function overlaps(a: CellRange, b: CellRange): boolean {
  return a.c1 <= b.c2 && b.c1 <= a.c2 && a.r1 <= b.r2 && b.r1 <= a.r2;
}

/** 'Avtaler', with an apostrophe in the name doubled: safe in any reference. */
export function quoteSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** Absolute address such as 'Avtaler'!$C$5, with the sheet name quoted as spreadsheets quote it. */
export function absoluteAddress(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!$${columnLetter(col)}$${row}`;
}

/** The reverse of absoluteAddress: "'Sheet ''s name'!$B$3" → sheet and local address; null for anything else. */
export function parseCellReference(refersTo: string): { sheet: string; address: string } | null {
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(refersTo.replace(/^=/, '').trim());
  if (!match) return null;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  return { sheet, address: `${match[3]}${match[4]}` };
}

/** An area such as "A1:H60" (or "$A$1") on the sheet, made absolute: 'Avtale'!$A$1:$H$60. */
export function absoluteRange(sheet: string, area: string): string {
  const corners = area.replace(/\$/g, '').split(':');
  const absolute = corners.map((corner) => corner.replace(/^([A-Za-z]+)(\d+)$/, (_, col: string, row: string) => `$${col.toUpperCase()}$${row}`));
  return `${quoteSheetName(sheet)}!${absolute.join(':')}`;
}

/** "'Sheet ''s name'!$B$3:$C$4" (or unquoted, with or without "=") → sheet and range; null for anything else. */
export function parseRangeReference(refersTo: string): { sheet: string; range: CellRange } | null {
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/i.exec(refersTo.replace(/^=/, '').trim());
  const range = match ? parseRange(match[3]) : null;
  if (!match || !range) return null;
  return { sheet: match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2], range };
}

/**
 * Whether two name formulas point at the same cells. Excel gives a name's formula back in its own
 * form (`=Oppsummering!$B$5`: "=", quotes only where the sheet name needs them; office-js #740),
 * so a reference is compared as sheet (without case, as Excel compares sheet names) and cells
 * (without "$"); anything that is not a plain reference is compared as text without "=".
 */
export function sameReference(a: string, b: string): boolean {
  const ra = parseRangeReference(a);
  const rb = parseRangeReference(b);
  if (!ra || !rb) return a.replace(/^=/, '').trim() === b.replace(/^=/, '').trim();
  const same = (x: CellRange, y: CellRange) => x.c1 === y.c1 && x.r1 === y.r1 && x.c2 === y.c2 && x.r2 === y.r2;
  return ra.sheet.toLocaleLowerCase('en-US') === rb.sheet.toLocaleLowerCase('en-US') && same(ra.range, rb.range);
}

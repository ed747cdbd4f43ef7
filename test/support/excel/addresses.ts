/** A1 addresses as the Excel API takes them (whole columns and rows too), and rectangles of cells. */
import { fail } from './errors';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function colNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

export function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Splits "'My sheet'!A1:B2" into the sheet name (unquoted) and the local address. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1).trim() };
}

/** Parses A1, $A$1, A1:C3, A:C (whole columns) and 2:5 (whole rows). */
export function parseArea(address: string): Area {
  const { local } = splitSheet(address);
  const parts = local.replace(/\$/g, '').toUpperCase().split(':');
  if (parts.length > 2 || parts[0] === '') fail('InvalidArgument', `Not a range address: ${address}`);
  const ends = parts.map((part) => {
    const m = /^([A-Z]{0,3})(\d{0,7})$/.exec(part);
    if (!m || (!m[1] && !m[2])) return fail('InvalidArgument', `Not a range address: ${address}`);
    return { col: m[1] ? colNumber(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
  });
  const a = ends[0];
  const b = ends[1] ?? a;
  if ((a.col === undefined) !== (b.col === undefined) || (a.row === undefined) !== (b.row === undefined)) {
    fail('InvalidArgument', `Not a range address: ${address}`);
  }
  const area: Area = {
    top: Math.min(a.row ?? 1, b.row ?? 1),
    bottom: a.row === undefined ? MAX_ROWS : Math.max(a.row, b.row!),
    left: Math.min(a.col ?? 1, b.col ?? 1),
    right: a.col === undefined ? MAX_COLS : Math.max(a.col, b.col!),
  };
  if (area.top < 1 || area.left < 1 || area.bottom > MAX_ROWS || area.right > MAX_COLS) fail('InvalidArgument', `Range outside the sheet: ${address}`);
  return area;
}

export function formatArea(area: Area): string {
  const first = `${colLetters(area.left)}${area.top}`;
  if (area.top === area.bottom && area.left === area.right) return first;
  return `${first}:${colLetters(area.right)}${area.bottom}`;
}

export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export const overlaps = (a: Area, b: Area): boolean => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
export const contains = (outer: Area, inner: Area): boolean =>
  outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
export const sameArea = (a: Area, b: Area): boolean => a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
export const rowsOf = (a: Area): number => a.bottom - a.top + 1;
export const colsOf = (a: Area): number => a.right - a.left + 1;
export const wholeColumns = (a: Area): boolean => a.top === 1 && a.bottom === MAX_ROWS;

/** Rows and cells of a worksheet part, as the text edits find them. */
import { cellAddress, columnNumber } from '../../../core/model/a1';
import { attribute, child, children, rootElement, startTag, type ElementSpan } from './xmlEdit';

export interface CellSpan {
  span: ElementSpan;
  /** 1-based column. */
  col: number;
}

export function rowNumber(xml: string, row: ElementSpan): number {
  return Number(attribute(startTag(xml, row), 'r'));
}

/** Each <c> of a row with its column, following the rule that a cell without r= follows its neighbour. */
export function cellsOf(xml: string, row: ElementSpan): CellSpan[] {
  let col = 0;
  return children(xml, row, 'c').map((span) => {
    const ref = attribute(startTag(xml, span), 'r');
    col = ref ? columnNumber(/^[A-Z]+/i.exec(ref)?.[0] ?? '') : col + 1;
    return { span, col };
  });
}

/** Whether a cell holds a value or formula (not merely a style). */
export function isFilled(xml: string, cell: ElementSpan): boolean {
  return ['v', 'is', 'f'].some((name) => child(xml, cell, name) !== undefined);
}

export function hasContent(xml: string, row: ElementSpan): boolean {
  return children(xml, row, 'c').some((c) => isFilled(xml, c));
}

/** The addresses ("B5") of the cells holding a formula (a shared formula's members included). */
export function formulaCells(xml: string): Set<string> {
  const found = new Set<string>();
  const sheetData = child(xml, rootElement(xml), 'sheetData');
  for (const row of sheetData ? children(xml, sheetData, 'row') : []) {
    const r = rowNumber(xml, row);
    for (const { span, col } of cellsOf(xml, row)) if (child(xml, span, 'f')) found.add(cellAddress(r, col));
  }
  return found;
}

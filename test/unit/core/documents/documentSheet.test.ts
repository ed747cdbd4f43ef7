/**
 * The printable sheets as planned: what is printed stays in the print area and the helper cells
 * outside it; every clause text row has a height that holds its text; page breaks never separate
 * a heading from its text; sentences with empty fields are left out; the signature block names
 * the signer in capitals; the footer numbers the pages.
 */
import { demoWorkbook } from '../../../../src/core/demo/demoWorkbook';
import { pageBreaks } from '../../../../src/core/documents/documentLayout';
import { textHeight, wrappedLines } from '../../../../src/core/plan/rowHeights';
import { isoToSerial } from '../../../../src/core/model/dates';
import { parseRange } from '../../../../src/core/model/a1';
import { buildWorkbookPlan } from '../../../../src/core/plan/buildWorkbookPlan';
import { isFormula, type PlannedSheet } from '../../../../src/core/plan/workbookPlan';

const TODAY = isoToSerial('2026-11-30');

function sheetOf(key: 'agreement' | 'volunteerPapers', edit?: (input: ReturnType<typeof demoWorkbook>['input']) => void): PlannedSheet {
  // Vefsn: the agreement printed is the written one with Termik, a yearly grant and no payment per activity.
  const { input } = demoWorkbook({ lang: 'nb', seed: 5, today: TODAY, volunteers: 20, case: 'vefsn' });
  edit?.(input);
  return buildWorkbookPlan(input).sheets.find((s) => s.key === key)!;
}

const textOf = (sheet: PlannedSheet, row: number, col = 1) => {
  const v = sheet.cells.find((c) => c.row === row && c.col === col)?.value;
  return isFormula(v) ? String(v.result ?? '') : String(v ?? '');
};

describe('wrapping and page breaks', () => {
  test('words wrap as a cell wraps them; a word longer than a line takes the lines it needs', () => {
    expect(wrappedLines('', 20)).toBe(1);
    expect(wrappedLines('aaaa bbbb cccc', 9)).toBe(2);
    expect(wrappedLines('aaaa bbbb cccc', 14)).toBe(1);
    expect(wrappedLines('x'.repeat(25), 10)).toBe(3);
    expect(textHeight('ord '.repeat(200), 400)).toBeGreaterThan(textHeight('ord '.repeat(20), 400));
  });

  test('a block that does not fit goes whole to the next page, and a new document starts a page', () => {
    const blocks = [
      { firstRow: 1, heights: [300] },
      { firstRow: 2, heights: [20, 300] },
      { firstRow: 4, heights: [20, 100] },
      { firstRow: 6, heights: [30], pageBreakBefore: true },
    ];
    expect(pageBreaks(blocks, 500)).toEqual([1, 5]);
  });
});

describe('the printable agreement sheet', () => {
  const sheet = sheetOf('agreement', (input) => {
    input.records.agreements[0].paymentPerActivity = null;
  });
  const area = parseRange(sheet.print!.area)!;

  test('prints columns A to C only; the id chooser, its hint and the field lookups stand right of it', () => {
    expect([area.c1, area.c2]).toEqual([1, 3]);
    const outside = sheet.cells.filter((c) => c.col > 3);
    expect(outside.length).toBeGreaterThan(20);
    expect(sheet.protection!.unlocked).toEqual(['F1']);
    expect(sheet.print!.fitToWidth).toBe(false);
    expect(sheet.print!.footer).toBe('Side &P av &N');
  });

  test('every clause text row has a height that holds its text, and no break separates a heading from its text', () => {
    const texts = sheet.cells.filter((c) => c.style === 'docText');
    expect(texts.length).toBe(19);
    for (const cell of texts) {
      const text = isFormula(cell.value) ? String(cell.value.result) : '';
      expect(sheet.rowHeights![cell.row]).toBeGreaterThanOrEqual(textHeight(text, 470));
    }
    const headings = new Set(sheet.cells.filter((c) => c.style === 'docClauseTitle').map((c) => c.row));
    for (const row of sheet.rowBreaks!) expect(headings.has(row)).toBe(false);
  });

  test('an empty payment per activity is left out, not printed as 0; the grant carries the budget reservation', () => {
    const economy = sheet.cells.find((c) => c.style === 'docClauseTitle' && String(c.value).endsWith('Økonomi'))!;
    const text = textOf(sheet, economy.row + 1);
    expect(text).not.toMatch(/\b0 kroner/);
    expect(text).not.toContain('per gjennomførte aktivitet');
    expect(text).toContain('kommuneloven §§ 14-2 og 14-5');
  });

  test('the signature blocks name the signers in capitals, from the register, with a formula that follows the chosen id', () => {
    const names = sheet.cells.filter((c) => c.style === 'docSignLine' && isFormula(c.value) && c.value.formula.startsWith('UPPER('));
    expect(names).toHaveLength(2);
    for (const n of names)
      expect(String((n.value as { result: unknown }).result)).toBe(String((n.value as { result: unknown }).result).toLocaleUpperCase('nb'));
  });
});

describe('the volunteer papers sheet', () => {
  test('three documents, each from a new page', () => {
    const sheet = sheetOf('volunteerPapers');
    const titles = sheet.cells.filter((c) => c.style === 'docTitle').map((c) => c.row);
    expect(titles).toHaveLength(3);
    for (const row of titles.slice(1)) expect(sheet.rowBreaks).toContain(row - 1);
  });
});

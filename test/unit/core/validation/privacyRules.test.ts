import type { CellValue } from '../../../../src/core/port';
import type { SheetKey } from '../../../../src/core/content/templateSchema';
import { cellOf, found, ofRule, validate, withFirst, workbook } from './fixtures';

/** A fødselsnummer made up for the tests: 01.01.1990, individual number 124, check digits computed by hand. */
const FNR = '01019012480';
/** A D-number: day 1 + 40. */
const DNR = '41019012474';

function mod11(digits: string, weights: number[]): number {
  const r = weights.reduce((s, w, i) => s + w * Number(digits[i]), 0) % 11;
  return r === 0 ? 0 : 11 - r;
}

describe('privacy: fødselsnummer anywhere', () => {
  it('the test numbers are valid by their own arithmetic', () => {
    for (const n of [FNR, DNR]) {
      expect(mod11(n, [3, 7, 6, 1, 8, 9, 4, 5, 2])).toBe(Number(n[9]));
      expect(mod11(n, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])).toBe(Number(n[10]));
    }
  });

  it('privacy.fodselsnummer.found: catches one in register notes, and never repeats it in the message', () => {
    const issues = ofRule(validate(withFirst('volunteers', { notes: `Født ${FNR.slice(0, 6)} ${FNR.slice(6)}, ring først` })), 'privacy.fodselsnummer.found');
    expect(issues.map((i) => [i.sheetKey, i.cell, i.severity])).toEqual([['volunteers', cellOf('volunteers', 'notes'), 'error']]);
    expect(issues[0].message).not.toContain(FNR.slice(0, 6));
  });

  it('catches a D-number in a number cell of the registers', () => {
    expect(ofRule(validate(withFirst('partners', { notes: Number(DNR) })), 'privacy.fodselsnummer.found')).toHaveLength(1);
  });

  it('near miss: eleven digits that fail a check digit, and a phone number', () => {
    const wrong = FNR.slice(0, 10) + String((Number(FNR[10]) + 1) % 10);
    expect(ofRule(validate(withFirst('volunteers', { notes: `${wrong} / 91234567` })), 'privacy.fodselsnummer.found')).toEqual([]);
  });

  it('scans every cell of every sheet when given them, the user’s own sheets included', () => {
    const cells: { sheetKey: SheetKey | null; sheet: string; cell: string; value: CellValue }[] = [
      { sheetKey: null, sheet: 'Mine notater', cell: 'C7', value: `Kontakt: ${DNR}` },
      { sheetKey: null, sheet: 'Mine notater', cell: 'C8', value: 'Ingenting her 12345678901' },
      { sheetKey: 'settings', sheet: 'Innstillinger', cell: 'B30', value: Number(FNR) },
      { sheetKey: 'summary', sheet: 'Oppsummering', cell: 'A1', value: true },
    ];
    let calls = 0;
    const allCells = function* () {
      calls++;
      yield* cells;
    };
    const issues = ofRule(validate(workbook(), { allCells }), 'privacy.fodselsnummer.found');
    expect(issues.map((i) => `${i.sheet}!${i.cell}`)).toEqual(['Innstillinger!B30', 'Mine notater!C7']);
    expect(calls).toBe(1);
  });

  it('with a full cell scan, does not also scan the registers (no double reports)', () => {
    const data = withFirst('volunteers', { notes: FNR });
    const allCells = () => [{ sheetKey: 'volunteers' as const, sheet: 'Frivillige', cell: cellOf('volunteers', 'notes'), value: FNR }];
    expect(found(ofRule(validate(data, { allCells }), 'privacy.fodselsnummer.found'))).toHaveLength(1);
  });
});

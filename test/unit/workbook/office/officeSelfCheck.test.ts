/**
 * The in-Excel self-check against the stand-in: every capability passes, a capability this Excel
 * lacks fails alone (the others still pass), and the workbook is as it was afterwards either way.
 */
import { SELF_CHECK_STEPS } from '../../../../src/core/port';
import { OfficeWorkbook } from '../../../../src/workbook/office/officeWorkbook';
import { ExcelStandIn } from '../../../support/excel';
import { handMadePlan } from '../../../support/handMadePlan';

const DIAGNOSTICS = { host: 'Excel', platform: 'PC', version: '16.0.17928.20114' };

/** Everything a user could see or a formula could reach: sheets, cells, tables, names, protection. */
function snapshot(standIn: ExcelStandIn): string {
  return JSON.stringify({
    sheets: standIn.sheets.map((s) => [s.name, s.visibility, [...s.cells], s.protection, s.validations, s.conditionalFormats]),
    tables: standIn.tables.map((t) => [t.name, t.area]),
    names: standIn.names.map((n) => [n.name, n.formula]),
  });
}

async function userWorkbook(listSeparator: ',' | ';' = ';'): Promise<ExcelStandIn> {
  const standIn = new ExcelStandIn({ listSeparator });
  await new OfficeWorkbook(standIn.run).applyPlan(handMadePlan());
  return standIn;
}

describe('the in-Excel self-check', () => {
  test.each([',', ';'] as const)(
    'passes every capability with the list separator "%s", reports the platform and version, and leaves the workbook as it was',
    async (separator) => {
      const standIn = await userWorkbook(separator);
      const before = snapshot(standIn);
      const report = await new OfficeWorkbook(standIn.run, { diagnostics: () => DIAGNOSTICS }).selfCheck();
      expect(report).toMatchObject({ ...DIAGNOSTICS, cleanedUp: true });
      expect(report.steps.map((s) => [s.step, s.ok])).toEqual(SELF_CHECK_STEPS.map((step) => [step, true]));
      expect(report.steps.find((s) => s.step === 'multiAreaFormat')?.detail).toBe(`getRanges: "${separator}"`);
      expect(snapshot(standIn)).toBe(before);
    },
  );

  test('a capability this Excel lacks fails alone, with its code; the scratch sheet and name are gone', async () => {
    const standIn = await userWorkbook();
    const before = snapshot(standIn);
    standIn.failOn('conditionalFormats.add', 'ApiNotFound', 'Finner ikke API-et.');
    const report = await new OfficeWorkbook(standIn.run, { diagnostics: () => DIAGNOSTICS }).selfCheck();
    expect(report.steps.filter((s) => !s.ok)).toEqual([{ step: 'dataBar', ok: false, detail: 'ApiNotFound: Finner ikke API-et.' }]);
    expect(report.cleanedUp).toBe(true);
    expect(snapshot(standIn)).toBe(before);
  });

  test('a step that fails after protecting the sheet still leaves nothing behind', async () => {
    const standIn = await userWorkbook();
    const before = snapshot(standIn);
    standIn.failOn('protection.unprotect', 'AccessDenied', 'Du kan ikke utføre denne handlingen.');
    const report = await new OfficeWorkbook(standIn.run, { diagnostics: () => DIAGNOSTICS }).selfCheck();
    expect(report.steps.find((s) => s.step === 'protection')).toMatchObject({ ok: false, detail: expect.stringContaining('AccessDenied') });
    expect(report.cleanedUp).toBe(true);
    expect(snapshot(standIn)).toBe(before);
  });

  test('a workbook that refuses a new sheet fails every step with the reason, and is unchanged', async () => {
    const standIn = await userWorkbook();
    const before = snapshot(standIn);
    standIn.failOn('worksheets.add', 'AccessDenied', 'Arbeidsbokens struktur er beskyttet.');
    const report = await new OfficeWorkbook(standIn.run, { diagnostics: () => DIAGNOSTICS }).selfCheck();
    expect(report.steps.every((s) => !s.ok && s.detail === 'AccessDenied: Arbeidsbokens struktur er beskyttet.')).toBe(true);
    expect(snapshot(standIn)).toBe(before);
  });
});

/**
 * The hand-worked cases of issue 15 (test/support/figureTrustCases.ts), computed by the core: every
 * figure equals what a person counts from the rows by the definition the summary sheet states.
 * test/oracle/figureTrust.test.ts has LibreOffice recalculate the same workbooks.
 */
import { BREAKDOWN_TOTALS, figureValues, summarySections } from '../../../../src/core/summary/summaryFigures';
import { demoWorkbook } from '../../../../src/core/demo/demoWorkbook';
import { workbookData } from '../../../../src/core/plan/buildWorkbookPlan';
import { validateWorkbook } from '../../../../src/core/validation/validateWorkbook';
import { d, figureCases, REPORT_DATE } from '../../../support/figureTrustCases';
import { matchesText } from '../../../../src/core/model/criteria';
import { isActiveOn } from '../../../../src/core/model/activeRule';
import { valueList } from '../../../../src/core/content/content';
import type { WorkbookData } from '../../../../src/core/model/workbookData';

describe.each(figureCases().map((c) => [`${c.point}: ${c.title}`, c] as const))('%s', (_, c) => {
  it('the core computes the hand-worked figures', () => {
    const values = figureValues(summarySections(workbookData(c.input), REPORT_DATE));
    const actual = Object.fromEntries(Object.keys(c.expected).map((name) => [name, values.get(name)]));
    expect(actual).toEqual(c.expected);
  });

  if (c.rules) {
    it('validation flags what the figures leave out or count differently', () => {
      const issues = validateWorkbook({ data: workbookData(c.input), today: REPORT_DATE });
      const counts = Object.fromEntries(Object.keys(c.rules!).map((rule) => [rule, issues.filter((i) => i.rule === rule).length]));
      expect(counts).toEqual(c.rules);
    });
  }
});

describe('each breakdown adds up to its total', () => {
  const workbooks = [
    ...figureCases().map((c) => [`case ${c.point}`, workbookData(c.input)] as const),
    ['the demo', workbookData(demoWorkbook({ lang: 'nb', seed: 7, today: REPORT_DATE, volunteers: 150 }).input)] as const,
  ];
  /** The rows no list row takes, counted here from the registers: what the "other" row must hold. */
  function leftOver(data: WorkbookData, key: keyof typeof BREAKDOWN_TOTALS): number | null {
    const yearStart = d('2026-01-01');
    const thisYear = data.registers.hours.rows.filter((r) => typeof r.values.date === 'number' && r.values.date >= yearStart && r.values.date <= REPORT_DATE);
    const hoursOutside = (column: string, labels: string[]) =>
      thisYear
        .filter((r) => !labels.some((l) => matchesText(r.values[column], l)))
        .reduce((n, r) => n + (typeof r.values.hours === 'number' ? r.values.hours : 0), 0);
    const active = (register: 'agreements' | 'volunteers') => data.registers[register].rows.filter((r) => isActiveOn(r, register, 'nb', REPORT_DATE));
    const outside = (register: 'agreements' | 'volunteers', column: string, list: string) =>
      active(register).filter((r) => !valueList(list).items.some((i) => matchesText(r.values[column], i.label.nb))).length;
    switch (key) {
      case 'activities':
        return hoursOutside('activity', data.settings.lists.activityTypes);
      case 'units':
        return hoursOutside('unit', data.settings.lists.units);
      case 'cooperationForms':
        return outside('agreements', 'cooperationForm', 'cooperationForms');
      case 'affiliation':
        return outside('volunteers', 'affiliation', 'affiliationForms');
      case 'ageGroups':
        return outside('volunteers', 'ageGroup', 'ageGroups');
      case 'months':
        return null;
    }
  }

  it.each(workbooks)('%s', (_, data) => {
    const sections = summarySections(data, REPORT_DATE);
    const values = figureValues(sections);
    for (const [key, total] of Object.entries(BREAKDOWN_TOTALS) as [keyof typeof BREAKDOWN_TOTALS, string][]) {
      const figures = sections.find((s) => s.key === key)!.figures;
      const listRows = figures.filter((f) => !f.name.endsWith('_other'));
      const sum = listRows.reduce<number>((n, f) => n + (typeof f.value === 'number' ? f.value : 0), 0);
      const other = leftOver(data, key);
      expect([key, other === null ? figures.length : figures.at(-1)!.value]).toEqual([key, other === null ? 12 : expect.closeTo(other, 6)]);
      expect([key, sum + (other ?? 0)]).toEqual([key, expect.closeTo(values.get(total) as number, 6)]);
    }
  });
});

/**
 * The independent check: LibreOffice Calc opens the demo workbook we write, recalculates every
 * formula itself, and every value it computes must equal the value the core computed from the
 * same rows (which we wrote as the formula's cached result). That covers each kpi_* figure on
 * the summary (agreements by cooperation form, volunteers new and ended this year, hours by unit,
 * missing consent, due for deletion, open actions over the action plan and the rest), the
 * volunteer register's formula columns and the printable agreement's clauses, in nb, nn and en
 * workbooks. The evaluation's values, computed by the program, are found under their names too.
 * A formula LibreOffice cannot compute shows up as an error value and fails the test.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoToSerial } from '../../src/core/model/dates';
import { itemLabel } from '../../src/core/content/content';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { newWorkbookInput } from '../../src/core/plan/newWorkbookInput';
import { LANGUAGES } from '../../src/core/content/language';
import { buildWorkbookPlan, workbookData } from '../../src/core/plan/buildWorkbookPlan';
import { effectiveReportDate, figureValues, summarySections } from '../../src/core/summary/summaryFigures';
import { isFormula } from '../../src/core/plan/workbookPlan';
import type { SheetGrid } from '../../src/core/port';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { openXlsxFile } from '../../src/workbook/xlsx';
import { recalcToXlsx, requireLibreOffice } from '../support/libreoffice';
import { expectedFormulas, sameValue as same, valueAt } from '../support/figureOracle';
import { cellAddress } from '../../src/core/model/a1';

const TODAY = isoToSerial('2026-11-23');
const run = requireLibreOffice() ? describe : describe.skip;

run('LibreOffice recalculates what the core computed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samspill-oracle-'));

  describe.each(LANGUAGES)('%s workbook', (lang) => {
    // Kristiansund has every kind of row the figures count: a written agreement, certificates, consents.
    const demo = demoWorkbook({ lang, seed: 11, today: TODAY, case: 'kristiansund', volunteers: 120 });
    // A fixed report date: LibreOffice's TODAY() would otherwise follow the machine's clock.
    demo.input.settings.reportDate = TODAY - 5;
    const plan = buildWorkbookPlan(demo.input);
    let grids: Map<string, SheetGrid>;
    let names: Map<string, string>;

    beforeAll(async () => {
      const file = join(dir, `demo-${lang}.xlsx`);
      writeFileSync(file, await writePlanToBuffer(plan));
      const recalculated = await openXlsxFile(await recalcToXlsx(file));
      grids = new Map();
      for (const sheet of await recalculated.listSheets()) grids.set(sheet.name, await recalculated.readSheet(sheet.name));
      names = new Map((await recalculated.definedNames()).map((n) => [n.name, n.refersTo]));
    }, 180_000);

    it('computes every formula to the value the core computed', () => {
      const expected = expectedFormulas(plan);
      expect(expected.length).toBeGreaterThan(100);
      const wrong = expected
        .map((e) => ({ ...e, actual: valueAt(grids.get(e.sheet)!, e.cell) }))
        .filter((e) => !same(e.actual, e.value))
        .map((e) => `${e.sheet}!${e.cell}: LibreOffice ${JSON.stringify(e.actual)}, core ${JSON.stringify(e.value)} — =${e.formula.slice(0, 160)}`);
      expect(wrong).toEqual([]);
    });

    it('finds each kpi_* figure through its defined name, equal to the core', () => {
      const data = workbookData(demo.input);
      const figures = figureValues(summarySections(data, effectiveReportDate(data, TODAY)));
      expect(figures.size).toBeGreaterThan(40);
      for (const [name, value] of figures) {
        const ref = names.get(name);
        expect([name, ref === undefined]).toEqual([name, false]);
        const m = /^'?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(ref!)!;
        const actual = valueAt(grids.get(m[1].replace(/''/g, "'"))!, `${m[2]}${m[3]}`);
        expect([name, same(actual, value) ? value : actual]).toEqual([name, value]);
      }
      // The demo is not empty: the comparison means something.
      expect(figures.get('kpi_hours_year')).toBeGreaterThan(0);
      expect(figures.get('kpi_active_volunteers')).toBeGreaterThan(0);
      expect(figures.get('kpi_missing_police_certificate')).toBeGreaterThan(0);
      // The figures of the action-plan issue: each one has rows to count in the demo.
      for (const name of [
        'kpi_volunteers_new_year',
        'kpi_volunteers_ended_year',
        'kpi_missing_consent',
        'kpi_due_for_deletion',
        'kpi_open_actions',
        'kpi_agreements_form_writtenAgreement',
        'kpi_hours_unit_01',
      ])
        expect([name, figures.get(name)]).toEqual([name, expect.any(Number)]);
      for (const name of [
        'kpi_missing_police_certificate',
        'kpi_due_for_deletion',
        'kpi_open_actions',
        'kpi_agreements_form_writtenAgreement',
        'kpi_hours_unit_01',
      ])
        expect([name, (figures.get(name) as number) > 0]).toEqual([name, true]);
      // Open actions are fewer than all actions: done and dropped ones are left out.
      expect(figures.get('kpi_open_actions')).toBeLessThan(demo.input.records.actions.length);
      // The evaluation is written as values under its names: a profile and a trend against last year.
      expect(typeof figures.get('kpi_eval_overall_promoters')).toBe('number');
      expect(typeof figures.get('kpi_eval_economy_barriers_change')).toBe('number');
    });

    it('writes the evaluation as plain values, and every other summary figure as a formula', () => {
      const summary = plan.sheets.find((s) => s.key === 'summary')!;
      const valueNames = plan.names.filter((n) => n.name.startsWith('kpi_eval_'));
      expect(valueNames.length).toBeGreaterThan(30);
      for (const n of plan.names.filter((x) => x.name.startsWith('kpi_'))) {
        const m = /\$([A-Z]+)\$(\d+)$/.exec(n.refersTo)!;
        const cell = summary.cells.find((c) => cellAddress(c.row, c.col) === `${m[1]}${m[2]}`)!;
        expect([n.name, isFormula(cell.value)]).toEqual([n.name, !n.name.startsWith('kpi_eval_')]);
      }
    });
  });

  it('agrees on the boundaries: retention cut-off day, blank and upper-case action statuses, ended agreements by form', async () => {
    const day = (iso: string) => isoToSerial(iso);
    const input = newWorkbookInput('nb', TODAY);
    input.settings.reportDate = day('2026-06-30');
    const L = (list: string, item: string) => itemLabel(list, item, 'nb');
    input.records.agreements = [
      {
        id: 'A1',
        partner: 'P',
        unit: 'Sykehjem',
        measure: 'Besøksvenn',
        cooperationForm: L('cooperationForms', 'writtenAgreement'),
        start: day('2025-01-01'),
        end: null,
        status: L('agreementStatuses', 'active'),
      },
      {
        id: 'A2',
        partner: 'P',
        unit: 'Sykehjem',
        measure: 'Besøksvenn',
        cooperationForm: L('cooperationForms', 'writtenAgreement'),
        start: day('2025-01-01'),
        end: day('2026-06-29'),
        status: L('agreementStatuses', 'active'),
      },
    ];
    const v = (id: string, status: string, start: string, end: string | null, consent: string | null) => ({
      id,
      name: `Navn ${id}`,
      affiliation: L('affiliationForms', 'unorganised'),
      activity: 'Besøksvenn',
      status: L('volunteerStatuses', status),
      start: day(start),
      end: end ? day(end) : null,
      consentDate: consent ? day(consent) : null,
    });
    input.records.volunteers = [
      v('V1', 'active', '2026-01-01', null, null),
      v('V2', 'ended', '2026-02-01', '2026-04-01', '2026-02-01'),
      v('V5', 'paused', '2020-01-01', '2024-06-29', '2020-01-01'),
      v('V6', 'ended', '2020-01-01', '2024-06-30', '2020-01-01'),
      v('V7', 'ended', '2018-01-01', '2019-01-31', '2018-01-01'),
    ];
    input.records.hours = [{ date: day('2026-03-01'), activity: 'Besøksvenn', unit: 'Sykehjem', volunteerCount: 1, hours: 10 }];
    const status = (k: string) => L('actionStatuses', k);
    input.records.actions = [
      { round: day('2026-05-01'), statementId: 'recHard', factor: 'Rekruttering', problem: 'x', instrument: 'a', status: status('done').toUpperCase() },
      { round: day('2026-05-01'), statementId: 'recHard', factor: 'Rekruttering', problem: 'x', instrument: 'b', status: null },
      { round: day('2026-05-01'), statementId: 'recHard', factor: 'Rekruttering', problem: 'x', instrument: 'c', status: status('dropped') },
      { round: day('2026-05-01'), statementId: null, factor: null, problem: 'no statement', instrument: 'd', status: status('planned') },
      { round: day('2026-05-01'), statementId: 'recAgeing', factor: 'Rekruttering', problem: 'x', instrument: 'e', status: status('inProgress') },
    ];
    // The register rests on consent here, so the consent figure's formula counts (the demo's default basis counts none).
    input.settings.personalDataBasis = itemLabel('personalDataBases', 'consent', input.lang);
    const plan = buildWorkbookPlan(input);
    const values = figureValues(summarySections(workbookData(input), day('2026-06-30')));
    expect([
      values.get('kpi_due_for_deletion'),
      values.get('kpi_open_actions'),
      values.get('kpi_agreements_form_writtenAgreement'),
      values.get('kpi_volunteers_new_year'),
      values.get('kpi_missing_consent'),
    ]).toEqual([2, 2, 1, 2, 1]);
    const file = join(dir, 'boundaries.xlsx');
    writeFileSync(file, await writePlanToBuffer(plan));
    const recalculated = await openXlsxFile(await recalcToXlsx(file));
    const grids = new Map<string, SheetGrid>();
    for (const sheet of await recalculated.listSheets()) grids.set(sheet.name, await recalculated.readSheet(sheet.name));
    const wrong = expectedFormulas(plan)
      .map((e) => ({ ...e, actual: valueAt(grids.get(e.sheet)!, e.cell) }))
      .filter((e) => !same(e.actual, e.value))
      .map((e) => `${e.sheet}!${e.cell}: LibreOffice ${JSON.stringify(e.actual)}, core ${JSON.stringify(e.value)} — =${e.formula.slice(0, 160)}`);
    expect(wrong).toEqual([]);
  }, 120_000);

  it('is not fooled by cached results: stale values we write are replaced by what LibreOffice computes', async () => {
    const demo = demoWorkbook({ lang: 'nb', seed: 5, today: TODAY, volunteers: 30 });
    demo.input.settings.reportDate = TODAY - 5;
    const plan = buildWorkbookPlan(demo.input);
    const summary = plan.sheets.find((s) => s.key === 'summary')!;
    const hoursCell = summary.cells.find(
      (c) => isFormula(c.value) && /SUMIFS/.test(c.value.formula) && typeof c.value.result === 'number' && c.value.result > 0,
    )!;
    const truth = (hoursCell.value as { result: number }).result;
    (hoursCell.value as { result: number }).result = truth + 12345;
    const file = join(dir, 'stale.xlsx');
    writeFileSync(file, await writePlanToBuffer(plan));
    const recalculated = await openXlsxFile(await recalcToXlsx(file));
    const grid = await recalculated.readSheet(summary.name);
    expect(valueAt(grid, cellAddress(hoursCell.row, hoursCell.col))).toBeCloseTo(truth, 9);
  }, 120_000);
});

/**
 * Each of the seven case demos, as a file: LibreOffice recalculates every formula and each value
 * must equal the core's; the summary's figures follow the case's profile (its agreements in force,
 * its grants, its volunteers); and `samspill validate` finds exactly the planted problems. The
 * languages alternate across the cases, so each is seen. About 1.5 s of LibreOffice per case.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sheetDef, itemLabel } from '../../src/core/content/content';
import { CASE_KEYS } from '../../src/core/content/demoCaseSchema';
import { LANGUAGES } from '../../src/core/content/language';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { isSignedForm } from '../../src/core/demo/demoRegisters';
import { cellAddress } from '../../src/core/model/a1';
import { isoToSerial, serialToIso } from '../../src/core/model/dates';
import { buildWorkbookPlan, workbookData } from '../../src/core/plan/buildWorkbookPlan';
import type { SheetGrid } from '../../src/core/port';
import { effectiveReportDate, figureValues, summarySections } from '../../src/core/summary/summaryFigures';
import { openXlsxFile } from '../../src/workbook/xlsx';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { runCli } from '../support/cli';
import { formulaMismatches, sameValue, valueOfName } from '../support/formulaCheck';
import { recalcToXlsx, requireLibreOffice } from '../support/libreoffice';

const TODAY = isoToSerial('2026-11-23');
const run = requireLibreOffice() ? describe : describe.skip;

run('the seven case demos, recalculated by LibreOffice and validated', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samspill-cases-'));

  describe.each(CASE_KEYS.map((key, i) => [key, LANGUAGES[i % LANGUAGES.length]] as const))('%s (%s)', (key, lang) => {
    const demo = demoWorkbook({ lang, seed: 7, today: TODAY, case: key });
    // A fixed report date: LibreOffice's TODAY() would otherwise follow the machine's clock.
    demo.input.settings.reportDate = TODAY;
    const plan = buildWorkbookPlan(demo.input);
    const data = workbookData(demo.input);
    const figures = figureValues(summarySections(data, effectiveReportDate(data, TODAY)));
    const file = join(dir, `${key}.xlsx`);
    let grids: Map<string, SheetGrid>;
    let names: Map<string, string>;

    beforeAll(async () => {
      writeFileSync(file, await writePlanToBuffer(plan));
      const recalculated = await openXlsxFile(await recalcToXlsx(file));
      grids = new Map();
      for (const sheet of await recalculated.listSheets()) grids.set(sheet.name, await recalculated.readSheet(sheet.name));
      names = new Map((await recalculated.definedNames()).map((n) => [n.name, n.refersTo]));
    }, 120_000);

    it('computes every formula to the value the core computed', () => {
      expect(formulaMismatches(plan, grids)).toEqual([]);
    });

    it("shows on the summary the case's volunteers, its agreements in force and its grants, as LibreOffice computes them", () => {
      const { profile } = demo;
      const recalculated = (name: string) => valueOfName(grids, names.get(name)!);
      for (const [name, value] of figures) expect([name, sameValue(recalculated(name), value) ? value : recalculated(name)]).toEqual([name, value]);
      expect(recalculated('kpi_active_agreements')).toBe(profile.agreements.length);
      expect(recalculated('kpi_grants_total')).toBe(profile.agreements.reduce((n, a) => n + a.grantPerYear, 0));
      const active = demo.input.records.volunteers.filter((v) => v.status === itemLabel('volunteerStatuses', 'active', lang)).length;
      expect(recalculated('kpi_active_volunteers')).toBe(active);
      const written = profile.agreements.filter((a) => a.form === 'writtenAgreement').length;
      expect(recalculated('kpi_agreements_form_writtenAgreement')).toBe(written);
      if (profile.noFormalAgreements) expect(profile.agreements.some((a) => isSignedForm(a.form))).toBe(false);
      expect(recalculated('kpi_hours_year')).toBeGreaterThan(0);
    });

    it('is found by `samspill validate` to have exactly its planted problems', async () => {
      const run = await runCli('validate', file, '--format', 'json', '--today', serialToIso(TODAY));
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout) as { issues: { rule: string; sheetKey: string; cell: string }[] };
      const found = report.issues.map((i) => `${i.rule} ${i.sheetKey}!${i.cell}`).sort();
      const planted = demo.problems
        .map((p) => `${p.rule} ${p.sheetKey}!${cellAddress(p.index + 2, sheetDef(p.sheetKey).columns!.findIndex((c) => c.key === p.column) + 1)}`)
        .sort();
      expect(found).toEqual(planted);
      expect(run.code).toBe(1);
    });
  });
});

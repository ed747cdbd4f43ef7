/**
 * Workbooks made before the column labels were rewritten as words ("Samtykke dato" is now
 * "Samtykkedato", "Kontakt kommune" is "Kontaktperson i kommunen"): their tables keep the old
 * column names, and nothing may break. The reader recognises the old headers, validation finds
 * the same problems, and the formulas a refresh writes (the summary) or an addition brings (the
 * printable agreement) name the columns as the workbook has them — LibreOffice recalculates them
 * to the core's values, with no #REF! or #NAME?.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { itemLabel, sheetDef } from '../../src/core/content/content';
import { hasAssignmentDuties } from '../../src/core/model/assignmentDuties';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { cellAddress } from '../../src/core/model/a1';
import { isoToSerial } from '../../src/core/model/dates';
import { loadWorkbook } from '../../src/core/model/loadWorkbook';
import { buildWorkbookPlan, workbookData } from '../../src/core/plan/buildWorkbookPlan';
import type { WorkbookPlan } from '../../src/core/plan/workbookPlan';
import type { CellValue, SheetGrid } from '../../src/core/port';
import { effectiveReportDate, figureValues, summarySections } from '../../src/core/summary/summaryFigures';
import { openXlsxFile } from '../../src/workbook/xlsx';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { runCli } from '../support/cli';
import { sameValue, valueOfName } from '../support/formulaCheck';
import { recalcToXlsx, requireLibreOffice } from '../support/libreoffice';

const TODAY = '2026-11-23';
const dir = mkdtempSync(join(tmpdir(), 'samspill-old-headers-'));

/** The bokmål headers the earlier version wrote, by register and column. */
const OLD_NB: Record<string, Record<string, string>> = {
  agreements: { contactMunicipality: 'Kontakt kommune', contactPartner: 'Kontakt partner', signedDate: 'Signert dato' },
  volunteers: { confidentialityDate: 'Taushetserklæring dato', policeCertificateDate: 'Politiattest vist dato', consentDate: 'Samtykke dato' },
};

function renames(): [string, string][] {
  return Object.entries(OLD_NB).flatMap(([register, columns]) =>
    Object.entries(columns).map(([key, old]) => {
      const def = sheetDef(register as 'agreements').columns!.find((c) => c.key === key)!;
      expect(def.formerLabels).toContain(old);
      return [def.label.nb, old] as [string, string];
    }),
  );
}

/** Every string of the plan as the earlier version wrote it: old headers, old names in formulas. */
function withOldHeaders<T>(value: T, pairs: [string, string][]): T {
  if (typeof value === 'string') {
    let s: string = value;
    for (const [now, old] of pairs) s = s === now ? old : s.split(`[${now}]`).join(`[${old}]`);
    return s as T;
  }
  if (Array.isArray(value)) return value.map((v) => withOldHeaders(v, pairs)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withOldHeaders(v, pairs)])) as T;
  return value;
}

/** The formulas of one sheet, as written in its part. */
function sheetFormulas(file: string, sheet: string): string[] {
  const zip = unzipSync(readFileSync(file));
  const workbook = strFromU8(zip['xl/workbook.xml']);
  const rels = strFromU8(zip['xl/_rels/workbook.xml.rels']);
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"|<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  const part = (target[1] ?? target[2]).replace(/^\/?(xl\/)?/, 'xl/');
  return [...strFromU8(zip[part]).matchAll(/<f[^>]*>([^<]*)<\/f>/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
}

/** Error values (#REF!, #NAME? …) in a recalculated sheet, with their cells. */
function errorsIn(grid: SheetGrid): string[] {
  return grid.rows.flatMap((row, r) => (row ?? []).flatMap((v, c) => (v !== null && typeof v === 'object' ? [`${cellAddress(r + 1, c + 1)} ${v.error}`] : [])));
}

async function recalculated(file: string): Promise<{ grids: Map<string, SheetGrid>; names: Map<string, string> }> {
  const book = await openXlsxFile(await recalcToXlsx(file));
  const grids = new Map<string, SheetGrid>();
  for (const sheet of await book.listSheets()) grids.set(sheet.name, await book.readSheet(sheet.name));
  return { grids, names: new Map((await book.definedNames()).map((n) => [n.name, n.refersTo])) };
}

describe('a workbook with the column headers of the earlier version', () => {
  const demo = demoWorkbook({ lang: 'nb', seed: 4, today: isoToSerial(TODAY), case: 'kristiansund' });
  demo.input.settings.reportDate = isoToSerial(TODAY);
  // The register rests on consent here, and one volunteer on assignment lacks the date: the consent figure's formula counts
  // under its old header ("Samtykke dato"), and validation reports that one volunteer besides the planted problems.
  demo.input.settings.personalDataBasis = itemLabel('personalDataBases', 'consent', 'nb');
  const planted = new Set(demo.problems.filter((p) => p.sheetKey === 'volunteers').map((p) => p.index));
  const withoutConsent = demo.input.records.volunteers.findIndex(
    (v, i) => !planted.has(i) && v.status === itemLabel('volunteerStatuses', 'active', 'nb') && hasAssignmentDuties(v.affiliation as CellValue),
  );
  demo.input.records.volunteers[withoutConsent].consentDate = null;
  demo.problems.push({ rule: 'volunteers.consentDate.missing', sheetKey: 'volunteers', index: withoutConsent, column: 'consentDate' });
  const plan = buildWorkbookPlan(demo.input);
  const pairs = renames();
  const old: WorkbookPlan = withOldHeaders(plan, pairs);
  const file = join(dir, 'gammel.xlsx');

  beforeAll(async () => {
    writeFileSync(file, await writePlanToBuffer(old));
  });

  it('is read with every column found under its old header', async () => {
    const loaded = await loadWorkbook(await openXlsxFile(file));
    for (const [register, columns] of Object.entries(OLD_NB)) {
      const rows = loaded.data.registers[register as 'volunteers'];
      expect(rows.missingColumns.map((c) => c.key)).toEqual([]);
      for (const [key, header] of Object.entries(columns)) expect(rows.headers?.get(key)).toBe(header);
    }
    expect(loaded.data.registers.volunteers.rows.filter((r) => r.values.consentDate !== null).length).toBeGreaterThan(10);
  });

  it('is found by validate to have exactly the problems planted in it', async () => {
    const run = await runCli('validate', file, '--format', 'json', '--today', TODAY);
    const found = (JSON.parse(run.stdout) as { issues: { rule: string; sheetKey: string; cell: string }[] }).issues
      .map((i) => `${i.rule} ${i.sheetKey}!${i.cell}`)
      .sort();
    const planted = demo.problems
      .map((p) => `${p.rule} ${p.sheetKey}!${cellAddress(p.index + 2, sheetDef(p.sheetKey).columns!.findIndex((c) => c.key === p.column) + 1)}`)
      .sort();
    expect(found).toEqual(planted);
  });

  const run = requireLibreOffice() ? it : it.skip;

  run(
    'gets a refreshed summary whose formulas name the old columns, and LibreOffice computes them to the core values',
    async () => {
      const out = join(dir, 'gammel-oppsummert.xlsx');
      expect((await runCli('summary', file, '-o', out, '--today', TODAY)).code).toBe(0);
      const { grids, names } = await recalculated(out);
      const summaryName = sheetDef('summary').name.nb;
      const formulas = old.sheets.find((s) => s.key === 'summary')!;
      expect(formulas).toBeDefined();
      const data = workbookData(demo.input);
      const figures = figureValues(summarySections(data, effectiveReportDate(data, isoToSerial(TODAY))));
      for (const name of ['kpi_missing_consent', 'kpi_missing_confidentiality', 'kpi_missing_police_certificate', 'kpi_active_volunteers'])
        expect([name, sameValue(valueOfName(grids, names.get(name)!), figures.get(name)!)]).toEqual([name, true]);
      expect(figures.get('kpi_missing_consent')).toBeGreaterThan(0);
      // No error value anywhere on the summary.
      expect(errorsIn(grids.get(summaryName)!)).toEqual([]);
    },
    120_000,
  );

  run(
    'gets a printable agreement added whose lookups name the old columns',
    async () => {
      const withoutForm: WorkbookPlan = {
        ...old,
        sheets: old.sheets.filter((s) => s.key !== 'agreement'),
        names: old.names.filter((n) => !n.name.startsWith('form_')),
      };
      const bare = join(dir, 'uten-avtaleskjema.xlsx');
      writeFileSync(bare, await writePlanToBuffer(withoutForm));
      const added = join(dir, 'med-avtaleskjema.xlsx');
      expect((await runCli('add', bare, '-o', added)).code).toBe(0);
      const { grids } = await recalculated(added);
      const form = grids.get(sheetDef('agreement').name.nb)!;
      expect(errorsIn(form)).toEqual([]);
      // The lookups into the register name its columns as the workbook has them.
      const formulas = sheetFormulas(added, sheetDef('agreement').name.nb).join('\n');
      for (const header of ['Signert dato', 'Kontakt kommune', 'Kontakt partner']) expect(formulas).toContain(`[${header}]`);
      for (const header of ['Signeringsdato', 'Kontaktperson i kommunen', 'Kontaktperson hos partner']) expect(formulas).not.toContain(`[${header}]`);
    },
    120_000,
  );
});

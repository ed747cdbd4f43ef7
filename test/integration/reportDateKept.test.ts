/**
 * Issue 15, points 5 and 8: the report date a user chooses on the command line is kept in the
 * settings, so the workbook's formulas compute the figures the command printed and cached (not
 * those of whatever day it is opened); with none chosen, the sheet says for which day the stored
 * values were computed; `summary` brings the register's computed columns up to the report date;
 * and a summary whose layout moved because a list grew is refreshed, its kpi_* names following.
 *
 * Hand-worked: volunteer F1 logged 10 hours on 1 March 2025 and 20 hours on 1 March 2026. On
 * 30 June 2025 the last twelve months hold 10 hours; on 30 June 2026 they hold 20.
 *
 * Merged with issue 16: a computed cell is refreshed only when it holds the formula the value was
 * computed for; a workbook upgraded from schema 2 keeps its older police-certificate formula.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { itemLabel } from '../../src/core/content/content';
import { isoToSerial, serialToIso } from '../../src/core/model/dates';
import { loadWorkbook } from '../../src/core/model/loadWorkbook';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { isFormula } from '../../src/core/plan/workbookPlan';
import { newWorkbookInput } from '../../src/core/plan/newWorkbookInput';
import type { SheetGrid } from '../../src/core/port';
import { parseCellReference } from '../../src/core/model/a1';
import { openXlsxFile } from '../../src/workbook/xlsx';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { runCli } from '../support/cli';
import { valueAt } from '../support/figureOracle';
import { recalcManyToXlsx, requireLibreOffice } from '../support/libreoffice';

const dir = mkdtempSync(join(tmpdir(), 'samspill-report-date-'));
const WRITTEN = isoToSerial('2025-06-30');
const CHOSEN = '2026-06-30';

/** A workbook written on 30 June 2025 with no report date in its settings. */
async function workbookWithoutReportDate(name: string, activities?: string[]): Promise<string> {
  const input = newWorkbookInput('nb', WRITTEN);
  input.records.checklist = [];
  input.records.volunteers = [
    {
      id: 'F1',
      name: 'Frivillig En',
      status: itemLabel('volunteerStatuses', 'active', 'nb'),
      start: isoToSerial('2024-01-01'),
      activity: 'Trim og turgrupper',
    },
  ];
  input.records.hours = [
    { date: isoToSerial('2025-03-01'), volunteerId: 'F1', activity: 'Trim og turgrupper', hours: 10, volunteerCount: 1 },
    { date: isoToSerial('2026-03-01'), volunteerId: 'F1', activity: 'Trim og turgrupper', hours: 20, volunteerCount: 1 },
  ];
  if (activities) input.settings.lists.activityTypes = activities;
  const file = join(dir, name);
  writeFileSync(file, await writePlanToBuffer(buildWorkbookPlan(input)));
  return file;
}

async function read(file: string) {
  const reader = await openXlsxFile(file);
  const loaded = await loadWorkbook(reader);
  const names = new Map((await reader.definedNames()).map((n) => [n.name, n.refersTo]));
  const grids = new Map<string, SheetGrid>();
  for (const sheet of await reader.listSheets()) grids.set(sheet.name, await reader.readSheet(sheet.name));
  const named = (name: string) => {
    const target = parseCellReference(names.get(name) ?? '');
    return target ? valueAt(grids.get(target.sheet), target.address) : undefined;
  };
  return { loaded, names, named };
}

describe('the report date is kept', () => {
  it('new --today writes the date into the settings', async () => {
    const file = join(dir, 'ny.xlsx');
    expect((await runCli('new', file, '--today', CHOSEN)).code).toBe(0);
    const { loaded, named } = await read(file);
    expect(loaded.data.settings.reportDate).toBe(isoToSerial(CHOSEN));
    expect(named('kpi_report_date')).toBe(isoToSerial(CHOSEN));
  });

  it('summary --today writes the date into settings that had none, and refreshes the computed register columns for it', async () => {
    const file = await workbookWithoutReportDate('uten-dato.xlsx');
    const before = await read(file);
    expect(before.loaded.data.settings.reportDate).toBeNull();
    expect(before.loaded.data.registers.volunteers.rows[0].values.hoursLast12Months).toBe(10);

    expect((await runCli('summary', file, '--today', CHOSEN)).code).toBe(0);
    const after = await read(file);
    expect(after.loaded.data.settings.reportDate).toBe(isoToSerial(CHOSEN));
    expect(after.loaded.data.registers.volunteers.rows[0].values.hoursLast12Months).toBe(20);
    expect(after.named('kpi_core_volunteers')).toBe(0);
    expect(after.named('kpi_hours_year')).toBe(20);
  });

  it('summary refreshes the police column only where it holds the formula the core computes for; an older formula keeps its cached value', async () => {
    // Besøkslaget's agreement (§ 5-4) starts on 1 January 2026: on 30 June 2025 neither volunteer needs a certificate, on 30 June 2026 both do.
    const input = newWorkbookInput('nb', WRITTEN);
    input.records.checklist = [];
    const active = itemLabel('volunteerStatuses', 'active', 'nb');
    input.records.partners = [{ name: 'Besøkslaget' }];
    input.records.agreements = [
      {
        id: 'S1',
        partner: 'Besøkslaget',
        status: itemLabel('agreementStatuses', 'active', 'nb'),
        start: isoToSerial('2026-01-01'),
        policeBasis: itemLabel('policeBases', 'hol54', 'nb'),
      },
    ];
    input.records.volunteers = ['F1', 'F2'].map((id) => ({
      id,
      name: `Frivillig ${id}`,
      status: active,
      start: isoToSerial('2024-01-01'),
      partner: 'Besøkslaget',
    }));
    const plan = buildWorkbookPlan(input);
    const table = plan.sheets.find((s) => s.key === 'volunteers')!.tables[0];
    const police = table.rows[0].findIndex((v) => isFormula(v) && v.formula.includes('Hjemmel for politiattest'));
    expect(table.rows.map((r) => (r[police] as { result: unknown }).result)).toEqual(['Nei', 'Nei']);
    // F1's cell as an upgraded workbook has it: another (older) formula.
    table.rows[0][police] = { formula: 'IF(FALSE,"Ja","Nei")', result: 'Nei' };
    const file = join(dir, 'eldre-formel.xlsx');
    writeFileSync(file, await writePlanToBuffer(plan));

    expect((await runCli('summary', file, '--today', CHOSEN)).code).toBe(0);
    const rows = (await read(file)).loaded.data.registers.volunteers.rows;
    expect(rows.map((r) => r.values.policeCertificateRequired)).toEqual(['Nei', 'Ja']);
  });

  it('says on the sheet, when no report date is chosen, for which day the stored figures were computed', async () => {
    const file = await workbookWithoutReportDate('notat.xlsx');
    const { loaded } = await read(file);
    const summary = await (await openXlsxFile(file)).readSheet(loaded.sheetNames.summary!);
    const texts = summary.rows.flat().filter((v): v is string => typeof v === 'string');
    expect(texts.find((t) => t.startsWith('Ingen rapportdato er valgt'))).toContain(serialToIso(WRITTEN));
  });

  it('refreshes a summary whose rows moved because the activity list grew, the names following their figures', async () => {
    const file = await workbookWithoutReportDate('lengre-liste.xlsx', ['Trim og turgrupper', 'Besøksvenn']);
    const before = await read(file);
    expect(before.names.has('kpi_hours_activity_03')).toBe(false);
    // The coordinator adds a third activity to the list in the settings sheet.
    const { writeCells } = await import('../../src/workbook/xlsx');
    const { readFileSync } = await import('node:fs');
    const settingsName = before.loaded.sheetNames.settings!;
    const grid = await (await openXlsxFile(file)).readSheet(settingsName);
    const row = grid.rows.findIndex((r) => r?.some((v) => v === 'Besøksvenn'));
    const col = grid.rows[row]!.findIndex((v) => v === 'Besøksvenn');
    writeFileSync(
      file,
      writeCells(new Uint8Array(readFileSync(file)), settingsName, [{ address: `${String.fromCharCode(65 + col)}${row + 2}`, value: 'Sorgstøtte' }]),
    );

    const result = await runCli('summary', file, '--today', CHOSEN);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const after = await read(file);
    expect(after.named('kpi_hours_activity_01')).toBe(20);
    expect(after.named('kpi_hours_activity_03')).toBe(0);
    expect(after.named('kpi_hours_activity_other')).toBe(0);
    expect(after.named('kpi_hours_unit_other')).toBe(20);
  });
});

const lo = requireLibreOffice() ? it : it.skip;
describe('LibreOffice computes the figures for the chosen date, not for its own today', () => {
  lo(
    'every kpi_* it recalculates equals the value cached by new --today and by summary --today',
    async () => {
      const fresh = join(dir, 'lo-ny.xlsx');
      await runCli('new', fresh, '--demo', '--today', CHOSEN);
      const refreshed = await workbookWithoutReportDate('lo-oppdatert.xlsx');
      await runCli('summary', refreshed, '--today', CHOSEN);
      const recalculated = await recalcManyToXlsx([fresh, refreshed]);
      for (const [i, file] of [fresh, refreshed].entries()) {
        const cached = await read(file);
        const computed = await read(recalculated[i]);
        expect(computed.named('kpi_report_date')).toBe(isoToSerial(CHOSEN));
        const differ = [...cached.names.keys()]
          .filter((n) => n.startsWith('kpi_'))
          .filter((n) => {
            const a = cached.named(n);
            const b = computed.named(n);
            return typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a)) : (a ?? '') !== (b ?? '');
          })
          .map((n) => `${n}: cached ${String(cached.named(n))}, recalculated ${String(computed.named(n))}`);
        expect(differ).toEqual([]);
      }
    },
    180_000,
  );
});

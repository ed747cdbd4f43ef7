/**
 * `samspill summary` writes the refreshed summary back into the workbook: new actions from the
 * latest evaluation are appended to the action plan (existing ones kept, never duplicated), the
 * summary sheet is rendered afresh, and every other part of the file stays as it was.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoToSerial } from '../../src/core/model/dates';
import { sheetDef } from '../../src/core/content/content';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { loadWorkbook } from '../../src/core/model/loadWorkbook';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import type { RegisterRecord } from '../../src/core/model/workbookData';
import { strFromU8, unzipSync } from 'fflate';
import { asExcelSaved, sheetPartNamed } from '../support/excelSaved';
import { expectStrict } from '../support/strictCheck';
import { readStoredEntries } from '../../src/workbook/xlsx/editing/packageZip';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { openXlsxFile } from '../../src/workbook/xlsx';
import { runCli } from '../support/cli';
import { recalcToXlsx, requireLibreOffice } from '../support/libreoffice';

const TODAY = '2026-11-23';
const dir = mkdtempSync(join(tmpdir(), 'samspill-summary-'));
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The demo with an action plan holding only the first proposed action, marked done by a coordinator. */
async function workbookWithOneAction(name: string): Promise<{ file: string; done: string }> {
  const demo = demoWorkbook({ lang: 'nb', seed: 21, today: isoToSerial(TODAY), volunteers: 40 });
  const first: RegisterRecord = { ...demo.input.records.actions[0], status: 'Fullført', responsible: 'Kari, enhetsleder' };
  demo.input.records.actions = [first];
  const file = join(dir, name);
  writeFileSync(file, await writePlanToBuffer(buildWorkbookPlan(demo.input)));
  return { file, done: String(first.statementId) };
}

async function actionRows(file: string) {
  return (await loadWorkbook(await openXlsxFile(file))).data.registers.actions.rows;
}

describe('samspill summary writes back', () => {
  it('adds the missing actions once, keeps the edited one, and leaves the other parts byte-identical', async () => {
    const { file, done } = await workbookWithOneAction('ett-tiltak.xlsx');
    const before = new Map(readStoredEntries(new Uint8Array(readFileSync(file))).map((e) => [e.name, e.crc]));

    const first = await runCli('summary', file, '--today', TODAY);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Oppsummeringen er oppdatert i .*ett-tiltak\.xlsx \((\d+) nye tiltak/);
    const added = Number(/\((\d+) nye tiltak/.exec(first.stdout)![1]);
    expect(added).toBeGreaterThan(5);
    expect(readdirSync(dir).some((f) => f.startsWith('ett-tiltak.samspill-backup-'))).toBe(true);

    const rows = await actionRows(file);
    expect(rows).toHaveLength(1 + added);
    expect(rows[0].values).toMatchObject({ statementId: done, status: 'Fullført', responsible: 'Kari, enhetsleder' });
    const pairs = rows.map((r) => `${r.values.statementId}|${r.values.instrument}`);
    expect(new Set(pairs).size).toBe(pairs.length);

    // Only the action plan, the summary, the metadata and the shared workbook parts changed.
    const after = readStoredEntries(new Uint8Array(readFileSync(file)));
    const changed = after.filter((e) => before.has(e.name) && before.get(e.name) !== e.crc).map((e) => e.name);
    expect(changed.length).toBeLessThanOrEqual(7);
    expect(after.filter((e) => !before.has(e.name))).toEqual([]);

    expectStrict(
      file,
      join(
        dir,
        readdirSync(dir).find((f) => f.startsWith('ett-tiltak.samspill-backup-'))!,
      ),
    );
    const second = await runCli('summary', file, '--today', TODAY);
    expect(second.stdout).toMatch(/\(0 nye tiltak/);
    expect(await actionRows(file)).toHaveLength(1 + added);
  });

  it('writes to -o and leaves the original untouched', async () => {
    const { file } = await workbookWithOneAction('original.xlsx');
    const was = digest(file);
    const out = join(dir, 'kopi.xlsx');
    expect((await runCli('summary', file, '-o', out, '--today', TODAY)).code).toBe(0);
    expect(digest(file)).toBe(was);
    expect((await actionRows(out)).length).toBeGreaterThan(1);
    expectStrict(out, file);
    expect(readdirSync(dir).some((f) => f.startsWith('original.samspill-backup-'))).toBe(false);
  });

  const lo = requireLibreOffice() ? it : it.skip;
  lo(
    'gives a workbook LibreOffice recalculates without errors, counting the new open actions',
    async () => {
      const { file } = await workbookWithOneAction('lo.xlsx');
      await runCli('summary', file, '--today', TODAY);
      const open = (await actionRows(file)).filter((r) => !['Fullført', 'Avbrutt'].includes(String(r.values.status))).length;
      const recalculated = await openXlsxFile(await recalcToXlsx(file));
      const names = new Map((await recalculated.definedNames()).map((n) => [n.name, n.refersTo]));
      const ref = /^'?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(names.get('kpi_open_actions')!)!;
      const grid = await recalculated.readSheet(ref[1]);
      const col = ref[2].charCodeAt(0) - 64;
      expect(grid.rows[Number(ref[3]) - 1]![col - 1]).toBe(open);
      for (const row of grid.rows) for (const v of row ?? []) expect(typeof v === 'object' && v !== null ? v : 'ok').toBe('ok');
      expect(existsSync(file)).toBe(true);
    },
    120_000,
  );

  it('refreshes a workbook Excel has saved: its own form of the kpi names, and a calculation chain left pointing only at formulas', async () => {
    const { file } = await workbookWithOneAction('excel-saved.xlsx');
    // Found by name: the part's number moves as sheets are added to the template (the volunteer papers came before it).
    const summaryPart = sheetPartNamed(new Uint8Array(readFileSync(file)), sheetDef('summary').name.nb);
    expect(strFromU8(unzipSync(readFileSync(file))[summaryPart])).toMatch(/kpi|Oppsummering|<f>/);
    // A coordinator's own formula below the figures (the sheet is protected without a password); Excel lists it in the chain.
    const saved = asExcelSaved(new Uint8Array(readFileSync(file)), [{ part: summaryPart, cell: 'E300', formula: 'SUM(B5:B6)' }]);
    writeFileSync(file, saved);
    const run = await runCli('summary', file, '--today', TODAY);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expectStrict(readFileSync(file), saved);
  });
});

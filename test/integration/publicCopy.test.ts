/**
 * `samspill summary --public` on a demo workbook written to disk: the copy holds the summary and
 * the action plan as values, no formula, and not one name, phone number or email of a volunteer
 * or contact person from the source registers — not even one typed into the action plan by mistake.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { summaryCommand } from '../../src/cli/summaryCommand';
import { asText } from '../../src/core/model/cellValues';
import { sheetDef, workbookStrings } from '../../src/core/content/content';

const { text } = workbookStrings;
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { refreshSummary } from '../../src/core/evaluation/summaryRefresh';
import { buildWorkbookPlan, workbookData } from '../../src/core/plan/buildWorkbookPlan';
import { figureValues } from '../../src/core/summary/summaryFigures';
import type { RegisterRecord } from '../../src/core/model/workbookData';
import type { CellValue } from '../../src/core/port';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { openXlsxFile } from '../../src/workbook/xlsx';
import { expectStrict } from '../support/strictCheck';

const TODAY = '2026-11-23';
const dir = mkdtempSync(join(tmpdir(), 'samspill-public-'));

/** Every identifying value of the source: names, phones, emails of volunteers and contacts. */
function personalValues(records: Record<string, RegisterRecord[]>): string[] {
  const pick = (key: string, columns: string[]) => records[key].flatMap((r) => columns.map((c) => asText(r[c] as CellValue)));
  return [
    ...pick('volunteers', ['name', 'phone', 'email']),
    ...pick('partners', ['contactPerson', 'phone', 'email']),
    ...pick('agreements', ['contactMunicipality', 'contactPartner']),
  ].filter((v) => v.length >= 4);
}

function digits(value: string): string {
  return value.replace(/\D/g, '');
}

describe.each(['nb', 'en'] as const)('samspill summary --public (%s)', (lang) => {
  const demo = demoWorkbook({ lang, seed: 3, today: isoToSerial(TODAY), volunteers: 80 });
  demo.input.settings.reportDate = isoToSerial(TODAY) - 5;
  const records = demo.input.records;
  const leakedName = String(records.volunteers[4].name);
  const leakedPhone = String(records.partners[1].phone);
  // Three actions removed, so the refresh has something to add back from the latest evaluation.
  const allActions = records.actions.length;
  records.actions = records.actions.slice(0, -3);
  // Personal data typed where it does not belong: must not reach the copy.
  Object.assign(records.actions[0], { responsible: leakedName, notes: `Ring ${leakedPhone}` });
  Object.assign(records.actions[1], { problem: `Avklar med ${leakedName} (${leakedPhone})` });

  const source = join(dir, `kilde-${lang}.xlsx`);
  const copy = join(dir, `offentlig-${lang}.xlsx`);
  const lines: string[] = [];
  let code: number;
  let sourceBytes: Buffer;

  beforeAll(async () => {
    writeFileSync(source, await writePlanToBuffer(buildWorkbookPlan(demo.input)));
    sourceBytes = readFileSync(source);
    code = await summaryCommand(source, { public: copy, today: TODAY }, (line) => lines.push(line));
  }, 120_000);

  it('prints the summary, the evaluation and the action plan, and refreshes the workbook keeping a backup', () => {
    expect(code).toBe(0);
    const out = lines.join('\n');
    expect(out).toContain(sheetDef('summary').name[lang] === 'Summary' ? 'Summary of' : 'Oppsummering av');
    expect(out).toMatch(
      lang === 'en' ? /Latest evaluation \d{4}-\d\d-\d\d, previous \d{4}-\d\d-\d\d/ : /Siste evaluering \d{4}-\d\d-\d\d, forrige \d{4}-\d\d-\d\d/,
    );
    expect(out).toMatch(lang === 'en' ? /3 new from the latest evaluation/ : /3 nye fra siste evaluering/);
    expect(out).toContain(copy);
    const backup = /(\S+samspill-backup-\S+\.xlsx)/.exec(out)?.[1];
    expect(backup).toBeDefined();
    expect(readFileSync(backup!.replace(/\.$/, '')).equals(sourceBytes)).toBe(true);
    // The refreshed workbook and the copy both pass the strict check.
    expectStrict(source, sourceBytes);
    expectStrict(copy);
  });

  it('holds exactly the summary and the action plan, with no formula anywhere', () => {
    const zip = unzipSync(readFileSync(copy));
    const sheetParts = Object.keys(zip).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p));
    expect(sheetParts).toHaveLength(2);
    for (const part of sheetParts) expect([part, /<f[\s>]/.test(strFromU8(zip[part]))]).toEqual([part, false]);
    const workbookXml = strFromU8(zip['xl/workbook.xml']);
    // Defined names point at cells of the copy, never at a register.
    for (const table of Object.values(demo.input.tables)) expect(workbookXml).not.toContain(`${table}[`);
  });

  it('contains no name, phone number or email from the source registers in any cell', async () => {
    const reader = await openXlsxFile(copy);
    const sheets = await reader.listSheets();
    expect(sheets.map((s) => s.name)).toEqual([sheetDef('summary').name[lang], sheetDef('actions').name[lang]]);
    const cells: string[] = [];
    for (const sheet of sheets)
      for (const row of (await reader.readSheet(sheet.name)).rows) for (const v of row ?? []) if (v !== null && v !== undefined) cells.push(asText(v));
    expect(cells.length).toBeGreaterThan(200);
    const personal = personalValues(records);
    expect(personal.length).toBeGreaterThan(150);
    const folded = cells.map((c) => c.toLocaleLowerCase('nb'));
    const cellDigits = cells.map(digits).filter((d) => d.length >= 8);
    const found = personal.filter((p) => {
      const needle = p.toLocaleLowerCase('nb');
      const number = digits(p);
      return folded.some((c) => c.includes(needle)) || (number.length >= 8 && cellDigits.some((c) => c.includes(number.slice(-8))));
    });
    expect(found).toEqual([]);
    // The raw package too: shared strings and every other part.
    const raw = Object.values(unzipSync(readFileSync(copy)))
      .map((bytes) => strFromU8(bytes))
      .join('\n');
    expect([leakedName, leakedPhone].filter((p) => raw.includes(p))).toEqual([]);
    expect(cells.some((c) => c.includes(text('public.removed', lang)))).toBe(true);
  });

  it('shows the figures the core computed, and the whole action plan with the added actions', async () => {
    const reader = await openXlsxFile(copy);
    const names = new Map((await reader.definedNames()).map((n) => [n.name, n.refersTo]));
    const summary = await reader.readSheet(sheetDef('summary').name[lang]);
    const refresh = refreshSummary(workbookData(demo.input), isoToSerial(TODAY), 'test');
    const expected = figureValues(refresh.sections);
    for (const name of [
      'kpi_active_volunteers',
      'kpi_hours_year',
      'kpi_open_actions',
      'kpi_eval_overall_promoters',
      'kpi_eval_economy_barriers_change',
      'kpi_due_for_deletion',
    ]) {
      const m = /\$([A-Z]+)\$(\d+)$/.exec(names.get(name)!)!;
      const actual = summary.rows[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
      expect([name, actual]).toEqual([name, expected.get(name)]);
    }
    const actionsSheet = await reader.readSheet(sheetDef('actions').name[lang]);
    const header = actionsSheet.rows[2]!.map((v) => asText(v));
    expect(header).not.toContain(sheetDef('actions').columns!.find((c) => c.key === 'notes')!.label[lang]);
    const dataRows = actionsSheet.rows.slice(3).filter((r) => r && r.some((v) => v !== null && v !== ''));
    expect(dataRows).toHaveLength(allActions);
  });
});

describe('samspill summary refuses what it cannot do safely', () => {
  const demo = demoWorkbook({ lang: 'nb', seed: 4, today: isoToSerial(TODAY), volunteers: 20 });
  const source = join(dir, 'avvis.xlsx');
  beforeAll(async () => writeFileSync(source, await writePlanToBuffer(buildWorkbookPlan(demo.input))));

  it('will not write the public copy over the workbook itself', async () => {
    const before = readFileSync(source);
    await expect(summaryCommand(source, { public: source, today: TODAY }, () => undefined)).rejects.toMatchObject({ exitCode: 2 });
    expect(readFileSync(source).equals(before)).toBe(true);
  });

  it('refuses a copy that is not .xlsx', async () => {
    await expect(summaryCommand(source, { public: join(dir, 'kopi.csv'), today: TODAY }, () => undefined)).rejects.toMatchObject({ exitCode: 2 });
  });
});

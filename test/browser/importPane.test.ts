/**
 * Import in the pane, end to end in Debian's Chromium (browser mode, a 350 px wide window as in
 * Excel's task pane): the demo workbook is opened, a sign-up export is chosen on the Registrer tab,
 * its columns are shown mapped to fields, one row shows its problem (a phone number that is none)
 * and will be skipped, a default activity is chosen, the import is confirmed, and the downloaded
 * workbook is read by the command line, passes the strict check (the demo opened as Excel saved it,
 * with its calculation chain; a comment carrying a character XML cannot hold) and is recalculated by
 * LibreOffice with the new volunteers in it. Labelled fields, no serious axe violation.
 * Screenshots: test-output/import-pane-*.png.
 */
import fs from 'fs';
import http from 'http';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { loadWorkbook } from '../../src/core/model/loadWorkbook';
import { paneStrings } from '../../src/taskpane/i18n';
import { browserStrings } from '../../src/browser/browserText';
import { openXlsxBuffer } from '../../src/workbook/xlsx/reading/xlsxReader';
import { runCli } from '../support/cli';
import { recalcToCsv, requireLibreOffice } from '../support/libreoffice';
import { asExcelSaved } from '../support/excelSaved';
import { expectStrict } from '../support/strictCheck';
import { chromiumPresent, startBrowserSession, stopBrowserSession } from '../support/browserSession';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-output');
const OUT = path.join(SHOTS, 'import-build');
const AXE = require.resolve('axe-core/axe.min.js');
const TODAY = '2026-11-23';

const present = chromiumPresent();
const maybe = present ? test : test.skip;

let server: http.Server;
let base: string;
let browser: Browser;
let work: string;

beforeAll(async () => {
  if (!present) return;
  ({ server, base, browser, work } = await startBrowserSession(OUT, 'import-pane-'));
}, 240_000);

afterAll(() => stopBrowserSession({ server, browser, work }));

async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { html: string }[] }[] }> } }
    ).axe;
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.html))}`);
  });
}

/** Fields of the import panel without an accessible name from a <label> or aria-labelledby. */
async function unlabelledFields(page: Page): Promise<string[]> {
  return page.$$eval('section[aria-labelledby="import-title"] input, section[aria-labelledby="import-title"] select', (fields) =>
    fields
      .filter((el) => {
        const field = el as HTMLInputElement;
        const labelledBy = field.getAttribute('aria-labelledby');
        const named = labelledBy && labelledBy.split(' ').some((id) => document.getElementById(id)?.textContent?.trim());
        return !field.labels?.length && !named && !field.getAttribute('aria-label')?.trim();
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

maybe(
  'choose an export, see the mapping and the row with a problem, confirm; the CLI and LibreOffice read the result',
  async () => {
    const t = (key: Parameters<typeof paneStrings.text>[0], values?: Record<string, string | number>) => paneStrings.text(key, 'nb', values);
    const demo = path.join(work, 'demo.xlsx');
    expect((await runCli('new', demo, '--demo', '--lang', 'nb', '--today', TODAY)).code).toBe(0);
    const saved = asExcelSaved(new Uint8Array(fs.readFileSync(demo)));
    fs.writeFileSync(demo, saved);
    const before = (await loadWorkbook(openXlsxBuffer(new Uint8Array(fs.readFileSync(demo))))).data.registers.volunteers.rows.length;
    const csv = path.join(work, 'pamelding.csv');
    fs.writeFileSync(
      csv,
      [
        'Tidsstempel;Fullt navn;Mobilnummer;E-postadresse;Hvor gammel er du?;Kommentar',
        '01.03.2026 12:00;Ingrid Import;91 23 45 01;ingrid@example.no;45;Kan kjøre\u000bbil',
        '01.03.2026 12:05;Nils Nummerfeil;123;nils@example.no;52;',
        '02.03.2026 09:00;Petter Påmeldt;+47 912 34 503;petter@example.no;23;"Sier ""ja"" til alt"',
      ].join('\r\n'),
    );

    const context = await browser.newContext({ viewport: { width: 350, height: 900 }, locale: 'nb-NO', acceptDownloads: true });
    const page = await context.newPage();
    const shot = async (name: string) => {
      await page.screenshot({ path: path.join(SHOTS, `import-pane-${name}.png`), fullPage: true });
      const section = page.locator('section[aria-labelledby="import-title"]');
      if (await section.count()) await section.screenshot({ path: path.join(SHOTS, `import-pane-${name}-section.png`) });
    };
    try {
      await page.goto(`${base}/browser.html?lang=nb&today=${TODAY}`);
      await page.waitForSelector('body[data-ready]');
      await page.setInputFiles('#open-file', demo);
      await page.getByRole('tab', { name: t('tab.register.label') }).click();
      await page.locator('#import-file').waitFor();
      await page.setInputFiles('#import-file', csv);

      // The mapping: the headers matched to their fields, each choice labelled with its header.
      await page.locator('#import-map-5').waitFor();
      expect(await Promise.all([0, 1, 2, 3, 4, 5].map((i) => page.locator(`#import-map-${i}`).inputValue()))).toEqual([
        'submitted',
        'name',
        'phone',
        'email',
        'age',
        'notes',
      ]);
      const rows = page.locator('[data-import-row]');
      await rows.nth(2).waitFor();
      const skipped = page.locator('[data-import-kind="skipped"]');
      expect(await skipped.count()).toBe(1);
      expect(await skipped.getAttribute('data-import-row')).toBe('3');
      expect(await skipped.textContent()).toContain('«123» er ikke et norsk telefonnummer');
      // Without an activity, each imported row says so; choosing a default takes it away.
      expect(await page.locator('[data-import-kind="imported"]').first().textContent()).toContain('Aktivitet mangler');
      await page.locator('#import-activity').selectOption('Besøksvenn');
      await page
        .getByRole('status')
        .filter({ hasText: t('import.counts', { imported: 2, followUps: 0, skipped: 1 }) })
        .waitFor();
      expect(await unlabelledFields(page)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await shot('preview');

      await page.getByRole('button', { name: t('import.confirm', { count: 2 }) }).click();
      await page
        .getByRole('status')
        .filter({ hasText: t('import.done', { count: 2, sheet: 'Frivillige' }) })
        .waitFor();
      await page.getByText(browserStrings.text('file.unsaved', 'nb'), { exact: false }).waitFor();
      await shot('done');
    } catch (error) {
      await shot('failure').catch(() => undefined);
      throw error;
    }
    const [event] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: browserStrings.text('file.download', 'nb'), exact: true }).click(),
    ]);
    const downloaded = path.join(work, 'importert.xlsx');
    await event.saveAs(downloaded);
    await context.close();

    expectStrict(downloaded, saved);
    const validation = await runCli('validate', downloaded, '--format', 'json', '--today', TODAY);
    const report = JSON.parse(validation.stdout) as { issues: { rule: string; cell: string | null; sheet: string }[] };
    expect(report.issues.filter((i) => i.rule.startsWith('structure.'))).toEqual([]);
    const volunteers = (await loadWorkbook(openXlsxBuffer(new Uint8Array(fs.readFileSync(downloaded))))).data.registers.volunteers.rows;
    expect(volunteers).toHaveLength(before + 2);
    const added = volunteers.slice(-2);
    expect(added.map((r) => [r.values.name, r.values.phone, r.values.activity, r.values.status, r.values.notes])).toEqual([
      ['Ingrid Import', '91 23 45 01', 'Besøksvenn', 'Interessert', 'Kan kjøre\u000bbil'],
      ['Petter Påmeldt', '+47 912 34 503', 'Besøksvenn', 'Interessert', 'Sier "ja" til alt'],
    ]);
    // The new rows raise nothing the rules call an error.
    const rowsAdded = new Set(added.map((r) => r.rowNumber));
    expect(
      report.issues.filter((i) => i.sheet === 'Frivillige' && i.cell && rowsAdded.has(Number(/\d+$/.exec(i.cell)![0])) && i.rule.endsWith('.required')),
    ).toEqual([]);

    if (!requireLibreOffice()) return;
    const sheets = await recalcToCsv(downloaded);
    const names = sheets.get('Frivillige')!.map((r) => r[1]);
    expect(names).toEqual(expect.arrayContaining(['Ingrid Import', 'Petter Påmeldt']));
    expect(names).not.toContain('Nils Nummerfeil');
  },
  300_000,
);

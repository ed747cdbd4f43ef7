/**
 * The task pane's tabs in a real browser (Debian's Chromium via playwright-core), over the
 * recording Excel stand-in and the Office adapter: the same components Excel shows, built by the
 * project's webpack configuration from paneHarness.tsx. Forms reject invalid input with the rule's
 * message and write nothing, then write one row; the validation list selects the right cell; an
 * error from Excel becomes a message; every field is labelled, axe finds nothing serious, and the
 * pane is usable from the keyboard. Screenshots of each tab go to test-output/pane-*.png.
 */
import http from 'http';
import path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildPages, servePages } from '../support/pageServer';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test-output', 'pane-harness');
const SHOTS = path.join(ROOT, 'test-output');
const AXE = require.resolve('axe-core/axe.min.js');

let server: http.Server;
let base: string;
let browser: Browser;

async function open(query: string, locale = 'nb-NO'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 }, locale });
  const page = await context.newPage();
  // Office.js is the page's one outside request; outside Office it is not needed.
  await page.route(/appsforoffice/, (route) => route.abort());
  await page.goto(`${base}/taskpane.html?${query}`);
  await page.waitForSelector('body[data-ready]');
  return page;
}

/** The table's rows that hold a value (a new table's one blank row does not count). */
async function tableRows(page: Page, table: string): Promise<unknown[][]> {
  const rows = await page.evaluate(
    (name) => (window as unknown as { standIn: { tableContent(n: string): { rows: unknown[][] } } }).standIn.tableContent(name).rows,
    table,
  );
  return rows.filter((row) => row.some((v) => v !== '' && v !== null && !String(v).startsWith('=')));
}

/** Fields in the tab panel without an accessible name from a <label> or aria-labelledby. */
async function unlabelledFields(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[role=tabpanel] input, [role=tabpanel] select, [role=tabpanel] textarea')]
      .filter((el) => {
        const field = el as HTMLInputElement;
        if (field.type === 'radio') return !field.labels?.length;
        const labelledBy = field.getAttribute('aria-labelledby');
        return !field.labels?.length && !(labelledBy && labelledBy.split(' ').some((id) => document.getElementById(id)?.textContent?.trim()));
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
    ).axe;
    // Fluent's focus manager (tabster) keeps invisible focus sentinels marked aria-hidden that hand
    // focus straight on; they are not content, and axe's aria-hidden-focus flags them regardless.
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => (n as { html: string }).html))}`);
  });
}

beforeAll(async () => {
  await buildPages(OUT, { taskpane: path.join(__dirname, 'paneHarness.tsx') });
  server = await servePages(OUT);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const VOLUNTEERS = 'Frivillige';

describe('the task pane in Chromium over the Excel stand-in', () => {
  test('Maler adds the templates beside a user sheet named "Frivillige", then has nothing left to add', async () => {
    const page = await open('tab=templates&userSheet=Frivillige');
    await page.getByRole('button', { name: /Legg til manglende maler/ }).click();
    await page.getByRole('status').getByText('«Frivillige (2)»').waitFor();
    await page.getByRole('button', { name: 'Alle malene finnes' }).waitFor();
    expect(await page.getByRole('button', { name: 'Alle malene finnes' }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'pane-templates.png'), fullPage: true });
    await page.context().close();
  });

  test("Registrer refuses an invalid phone with the rule's message and writes nothing; a valid volunteer is one new row", async () => {
    const page = await open('tab=register&templates=1');
    const before = await tableRows(page, VOLUNTEERS);
    await page.getByLabel('Navn').fill('Kari Nordmann');
    await page.getByLabel('Telefon').fill('12');
    await page.getByRole('button', { name: 'Lagre' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '«12» er ikke et norsk telefonnummer' });
    await alert.waitFor();
    expect(await tableRows(page, VOLUNTEERS)).toEqual(before);
    await page.screenshot({ path: path.join(SHOTS, 'pane-register.png'), fullPage: true });

    await page.getByLabel('Telefon').fill('+47 912 34 567');
    await page.getByLabel('Tilknytning').selectOption({ index: 1 });
    await page.getByLabel('Aktivitet').selectOption({ index: 2 });
    await page.getByLabel(/^Start/).fill('2026-11-02');
    await page.getByLabel('Samtykkedato').fill('2026-11-02');
    await page.getByLabel('Dato for taushetserklæring').fill('2026-11-02');
    await page.getByLabel('Politiattest vist (dato)').fill('2026-11-02');
    await page.getByLabel('Status').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('status').filter({ hasText: 'Lagret som ny rad' }).waitFor();
    const after = await tableRows(page, VOLUNTEERS);
    expect(after).toHaveLength(before.length + 1);
    const row = after[after.length - 1];
    expect(row.slice(0, 3)).toEqual([expect.stringMatching(/^F[0-9A-HJKMNP-TV-Z]{6}$/), 'Kari Nordmann', '+47 912 34 567']);
    await page.context().close();
  });

  test('Kontroll lists issues by sheet with severity; choosing one selects its cell', async () => {
    const page = await open('tab=validation&templates=1');
    await page.evaluate(() =>
      (window as unknown as { standIn: { run(b: (c: Excel.RequestContext) => Promise<void>): Promise<void> } }).standIn.run(async (context) => {
        context.workbook.tables.getItem('Timelogg').rows.add(undefined, [[46300, 'Ukjent', '', '', '', 1, 2, '', '']]);
        await context.sync();
      }),
    );
    await page.getByRole('button', { name: 'Kontroller arbeidsboken' }).click();
    const section = page.getByRole('region', { name: 'Timer' });
    await section.waitFor();
    const issue = section.getByRole('button').filter({ hasText: 'Ukjent' }).first();
    const text = await issue.textContent();
    const cell = /([A-Z]+\d+) ·/.exec(text ?? '')![1];
    await issue.click();
    await page.waitForFunction(() => (window as unknown as { standIn: { selection?: unknown } }).standIn.selection !== undefined);
    expect(await page.evaluate(() => (window as unknown as { standIn: { selection: unknown } }).standIn.selection)).toEqual({ sheet: 'Timer', address: cell });
    expect(await section.getByText('Advarsel').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'pane-validation.png'), fullPage: false });
    await page.context().close();
  });

  test("an error from Excel shows as a message in the user's language, not a blank pane", async () => {
    const page = await open('tab=validation&templates=1&lang=en', 'en-US');
    await page.evaluate(() => {
      (window as unknown as { standIn: { cellEditMode: boolean } }).standIn.cellEditMode = true;
    });
    await page.getByRole('button', { name: 'Check the workbook' }).click();
    await page.getByRole('alert').filter({ hasText: 'You are editing a cell. Press Enter or Esc' }).waitFor();
    expect(await page.getByRole('tab').count()).toBe(6);
    await page.context().close();
  });

  test.each(['templates', 'register', 'evaluation', 'validation', 'summary', 'settings'])(
    '%s: every field labelled, no serious axe violations',
    async (tab) => {
      const page = await open(`tab=${tab}&templates=1`);
      await page.waitForTimeout(300);
      await page.locator('[role=tabpanel] >> text=/\\S/').first().waitFor();
      if (tab === 'summary') await page.getByRole('button', { name: 'Oppdater oppsummeringen' }).click();
      if (tab === 'validation') await page.getByRole('button', { name: 'Kontroller arbeidsboken' }).click();
      await page.waitForTimeout(500);
      expect(await unlabelledFields(page)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      if (!['templates', 'register', 'validation'].includes(tab)) await page.screenshot({ path: path.join(SHOTS, `pane-${tab}.png`), fullPage: true });
      await page.context().close();
    },
  );

  test('by keyboard alone: arrow to Registrer, type a record, submit with Enter', async () => {
    const page = await open('tab=templates&templates=1&lang=en');
    await page.getByRole('tab', { name: 'Templates' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Register', selected: true }).waitFor();
    await page.getByLabel('What do you want to register?').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kari');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).id)).toBe('field-id');
    await page.keyboard.press('Enter');
    // Enter submits the form: the rules answer with the required fields' messages.
    await page.getByRole('alert').filter({ hasText: /Name/ }).first().waitFor();
    await page.context().close();
  });

  test('Innstillinger > Kontroller Excel: OK per capability, a failing one marked FEIL, a report to copy, the workbook unchanged', async () => {
    const page = await open('tab=settings&templates=1&fail=conditionalFormats.add');
    const snapshot = () =>
      page.evaluate(() => {
        const s = (window as unknown as { standIn: { sheets: { name: string; visibility: string }[]; names: { name: string }[] } }).standIn;
        return JSON.stringify([s.sheets.map((x) => [x.name, x.visibility]), s.names.map((n) => n.name)]);
      });
    const before = await snapshot();
    await page.getByRole('button', { name: 'Kontroller Excel' }).click();
    const report = page.getByRole('textbox', { name: 'Rapport', exact: true });
    await report.waitFor();
    const text = await report.inputValue();
    expect(text).toContain('Excel: PC, versjon 16.0.17928.20114');
    expect(text).toContain('FEIL  Datastolpe (betinget formatering) — ApiNotFound: Finner ikke API-et.');
    expect(text).toContain('6 av 7 kontroller bestått.');
    expect(await page.getByText('FEIL', { exact: true }).count()).toBe(1);
    expect(await page.getByText('OK', { exact: true }).count()).toBe(6);
    expect(await snapshot()).toBe(before);
    expect(await seriousViolations(page)).toEqual([]);
    await report.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'pane-selfcheck.png'), fullPage: true });
    await page.context().close();
  });

  test('with no workbook (outside Office) the pane says where it works', async () => {
    const page = await open('noWorkbook=1&lang=nn');
    await page.getByText('Excel er ikkje til stades').waitFor();
    await page.context().close();
  });
});

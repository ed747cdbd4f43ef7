/**
 * The task pane's tabs in a real browser (Debian's Chromium via playwright-core), over the
 * recording Excel stand-in and the Office adapter: the same components Excel shows, built by the
 * project's webpack configuration from paneHarness.tsx. Forms refuse invalid input with one alert
 * that takes the focus and write nothing, then write one row named by its id; a half-filled form
 * survives a tab switch; a row selected in the sheet opens its record; the validation list groups
 * what is alike and fixes or shows each place; an error from Excel becomes a message; every field
 * is labelled, axe finds nothing serious, and the pane is usable from the keyboard. Screenshots of
 * each tab go to test-output/pane-*.png.
 */
import http from 'http';
import path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { axeCheck } from '../support/axe';
import { buildPages, servePages } from '../support/pageServer';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test-output', 'pane-harness');
const SHOTS = path.join(ROOT, 'test-output');

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

/** Serious or critical axe violations, Fluent's focus sentinels included (see test/support/axe.ts). */
async function seriousViolations(page: Page): Promise<string[]> {
  return (await axeCheck(page)).serious;
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

  test('Registrer refuses an invalid phone with one alert that takes the focus, writes nothing; a valid volunteer is one new row, named with its id', async () => {
    const page = await open('tab=register&templates=1');
    const before = await tableRows(page, VOLUNTEERS);
    // An empty register opens on its form; an active volunteer's confidentiality date is required at once (the live check's answer).
    await page.getByLabel('Navn').fill('Kari Nordmann');
    await page.locator('#field-confidentialityDate[required]').waitFor();
    await page.getByLabel('Telefon').fill('12');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: '«12» er ikke et norsk telefonnummer' });
    await alert.waitFor();
    expect(await page.getByRole('alert').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await tableRows(page, VOLUNTEERS)).toEqual(before);
    await page.screenshot({ path: path.join(SHOTS, 'pane-register.png'), fullPage: true });
    // The summary's link takes the user to the field.
    await alert.getByRole('link', { name: /telefonnummer/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-phone');

    await page.getByLabel('Telefon').fill('+47 912 34 567');
    await page.getByLabel('Tilknytning').selectOption({ index: 1 });
    await page.locator('#field-activity').selectOption({ index: 2 });
    for (const field of ['Samtykkedato', 'Dato for taushetserklæring', 'Politiattest vist (dato)'])
      await page.getByRole('button', { name: `I dag som ${field}` }).click();
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Lagret: Kari Nordmann \(F[0-9A-Z]{6}\)\./ })
      .waitFor();
    const after = await tableRows(page, VOLUNTEERS);
    expect(after).toHaveLength(before.length + 1);
    const row = after[after.length - 1];
    expect(row.slice(0, 3)).toEqual([expect.stringMatching(/^F[0-9A-HJKMNP-TV-Z]{6}$/), 'Kari Nordmann', '+47 912 34 567']);
    // Ready for the next volunteer: the form is empty again and the focus in its first field.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-name');
    await page.context().close();
  });

  test('a half-filled form survives a tab switch; leaving it for another register asks first', async () => {
    const page = await open('tab=register&templates=1');
    await page.getByLabel('Navn').fill('Halvferdig Hansen');
    await page.getByRole('tab', { name: 'Evaluering' }).click();
    await page.getByRole('tab', { name: 'Registrer' }).click();
    expect(await page.getByLabel('Navn').inputValue()).toBe('Halvferdig Hansen');
    await page.getByRole('radio', { name: 'Timer og aktiviteter' }).click(); // stays unchecked while the question is open
    const dialog = page.getByRole('alertdialog', { name: 'Forkaste det du har skrevet?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Fortsett å skrive' }).click();
    expect(await page.getByLabel('Navn').inputValue()).toBe('Halvferdig Hansen');
    await page.context().close();
  });

  test('selecting a register row in Excel opens that record in the pane', async () => {
    const page = await open('tab=register&templates=1');
    await page.getByLabel('Navn').fill('Kari Nordmann');
    await page.getByLabel('Tilknytning').selectOption({ index: 1 });
    await page.locator('#field-activity').selectOption({ index: 2 });
    for (const field of ['Samtykkedato', 'Dato for taushetserklæring', 'Politiattest vist (dato)'])
      await page.getByRole('button', { name: `I dag som ${field}` }).click();
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    const saved = page.getByRole('status').filter({ hasText: /Kari Nordmann \(F[0-9A-Z]{6}\)/ });
    await saved.waitFor();
    const title = /Kari Nordmann \(F[0-9A-Z]{6}\)/.exec((await saved.textContent()) ?? '')![0];
    await page.getByRole('tab', { name: 'Oppsummering' }).click();
    // The user clicks a cell of Kari's row in the sheet.
    await page.evaluate(() =>
      (window as unknown as { standIn: { userSelects(sheet: string, address: string): Promise<void> } }).standIn.userSelects('Frivillige', 'C2'),
    );
    await page.getByRole('heading', { name: title }).waitFor();
    expect(await page.getByRole('tab', { name: 'Registrer', selected: true }).count()).toBe(1);
    await page.context().close();
  });

  test('Kontroll is a to-do list: identical messages grouped, each with a fix; showing a place selects its cell', async () => {
    const page = await open('tab=summary&templates=1');
    await page.evaluate(() =>
      (window as unknown as { standIn: { run(b: (c: Excel.RequestContext) => Promise<void>): Promise<void> } }).standIn.run(async (context) => {
        context.workbook.tables.getItem('Timelogg').rows.add(undefined, [
          [46300, 'Ukjent', '', '', '', 1, 2, '', ''],
          [46301, 'Ukjent', '', '', '', 1, -1, '', ''],
        ]);
        await context.sync();
      }),
    );
    await page.getByRole('tab', { name: 'Kontroll' }).click();
    const section = page.getByRole('region', { name: 'Timer' });
    await section.waitFor();
    const item = section.getByRole('listitem').filter({ hasText: 'Ukjent' }).first();
    await item.getByText('(2 steder)').waitFor();
    await item.getByRole('button', { name: 'Alle 2 steder' }).click();
    // The new table's blank first row stays row 2: the rows added by hand are 3 and 4.
    await item.getByRole('button', { name: 'Åpne rad 4' }).waitFor();
    // A single place: its cell is shown in the sheet.
    const single = section.getByRole('listitem').filter({ hasText: 'Antall timer er -1' }).first();
    const show = single.getByRole('button', { name: /^Vis [A-Z]+\d+$/ });
    const cell = (/^Vis ([A-Z]+\d+)$/.exec((await show.textContent()) ?? '') ?? [])[1];
    await show.click();
    await page.waitForFunction(() => (window as unknown as { standIn: { selection?: unknown } }).standIn.selection !== undefined);
    expect(await page.evaluate(() => (window as unknown as { standIn: { selection: unknown } }).standIn.selection)).toEqual({ sheet: 'Timer', address: cell });
    expect(await section.getByText('Feil').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'pane-validation.png'), fullPage: false });
    // The fix opens the record in the register tab.
    await item.getByRole('button', { name: 'Åpne rad 3' }).click();
    await page.getByRole('tab', { name: 'Registrer', selected: true }).waitFor();
    await page.getByText('Rad 3 i «Timer»').waitFor();
    await page.context().close();
  });

  test("an error from Excel shows as a message in the user's language, not a blank pane", async () => {
    const page = await open('tab=validation&templates=1&lang=en', 'en-US');
    await page.getByRole('button', { name: 'Check again' }).waitFor();
    await page.evaluate(() => {
      (window as unknown as { standIn: { cellEditMode: boolean } }).standIn.cellEditMode = true;
    });
    await page.getByRole('button', { name: 'Check again' }).click();
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
      if (tab === 'validation') await page.getByRole('button', { name: 'Kontroller på nytt' }).waitFor();
      await page.waitForTimeout(500);
      expect(await unlabelledFields(page)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      if (!['templates', 'register', 'validation'].includes(tab)) await page.screenshot({ path: path.join(SHOTS, `pane-${tab}.png`), fullPage: true });
      await page.context().close();
    },
  );

  test('by keyboard alone: arrow to Registrer, type a record, submit with Enter; the one alert takes the focus', async () => {
    const page = await open('tab=templates&templates=1&lang=en');
    await page.getByRole('tab', { name: 'Templates' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Register', selected: true }).waitFor();
    await page.getByLabel('Name').waitFor();
    await page.locator('#register-choose input:checked').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).id)).toBe('field-name');
    await page.keyboard.type('Kari');
    await page.keyboard.press('Enter');
    // Enter submits the form: the rules answer with the required fields, in one summary that has the focus.
    await page
      .getByRole('alert')
      .filter({ hasText: /Affiliation/ })
      .first()
      .waitFor();
    expect(await page.getByRole('alert').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
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

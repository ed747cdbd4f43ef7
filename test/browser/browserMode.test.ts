/**
 * Browser mode end to end, in Debian's Chromium driven by playwright-core, once in bokmål and once
 * in English: the page built by the project's webpack configuration opens the demo workbook from
 * disk; a volunteer is refused with the phone rule's message and nothing is written, then saved
 * (typed by keyboard alone); hours are logged for them; validation points at a cell the preview
 * shows; an evaluation round is rated; the summary is refreshed; the workbook is downloaded. The
 * download is then checked by the command line and recalculated by LibreOffice: the volunteer and
 * the hours are in the registers and the summary counts them. Every tab has labelled fields and no
 * serious axe violation (Fluent's focus sentinels included); no request leaves 127.0.0.1.
 * Screenshots: test-output/browser-<lang>-<tab>.png.
 */
import fs from 'fs';
import http from 'http';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { fillPlaceholders, type Lang } from '../../src/core/content/language';
import { loadWorkbook } from '../../src/core/model/loadWorkbook';
import { sheetDef } from '../../src/core/content/content';
import { paneStrings, type PaneStringKey } from '../../src/taskpane/i18n';
import { browserStrings } from '../../src/browser/browserText';
import { openXlsxBuffer } from '../../src/workbook/xlsx/reading/xlsxReader';
import rules from '../../templates/ui/rules.json';
import { runCli } from '../support/cli';
import { recalcToXlsx, requireLibreOffice } from '../support/libreoffice';
import { axeCheck } from '../support/axe';
import { chromiumPresent, startBrowserSession, stopBrowserSession } from '../support/browserSession';
import { expectStrict } from '../support/strictCheck';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-output');
const OUT = path.join(SHOTS, 'browser-build');
const TODAY = '2026-11-23';
const HOURS_LOGGED = 3.5;
const LOCALES: Record<'nb' | 'en', string> = { nb: 'nb-NO', en: 'en-US' };

/** Under CI a missing Chromium fails the suite; elsewhere the suite is skipped. */

const present = chromiumPresent();
const maybe = present ? describe : describe.skip;

let server: http.Server;
let base: string;
let browser: Browser;
let work: string;

/** The figures the summary's named cells hold once LibreOffice has recalculated the file. */
async function kpis(file: string): Promise<Record<string, number>> {
  const reader = openXlsxBuffer(new Uint8Array(fs.readFileSync(await recalcToXlsx(file))));
  const figures: Record<string, number> = {};
  for (const name of await reader.definedNames()) {
    if (!['kpi_active_volunteers', 'kpi_hours_year'].includes(name.name)) continue;
    const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(name.refersTo)!;
    const grid = await reader.readSheet(m[1].replace(/''/g, "'"));
    const col = [...m[2]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    figures[name.name] = Number(grid.rows[Number(m[3]) - 1]?.[col - 1]);
  }
  return figures;
}

async function registers(file: string) {
  return (await loadWorkbook(openXlsxBuffer(new Uint8Array(fs.readFileSync(file))))).data.registers;
}

/** Fields on the page without an accessible name from a <label> or aria-labelledby. */
async function unlabelledFields(page: Page): Promise<string[]> {
  return page.$$eval('input, select, textarea', (fields) =>
    fields
      .filter((el) => {
        const field = el as HTMLInputElement;
        if (field.type === 'hidden') return false;
        const labelledBy = field.getAttribute('aria-labelledby');
        const named = labelledBy && labelledBy.split(' ').some((id) => document.getElementById(id)?.textContent?.trim());
        return !field.labels?.length && !named && !field.getAttribute('aria-label')?.trim();
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

/** Serious or critical axe violations, Fluent's focus sentinels included (see test/support/axe.ts). */
async function seriousViolations(page: Page): Promise<string[]> {
  // A button that has just become enabled fades to its colours: judge contrast once it has.
  await page.waitForFunction(() => document.getAnimations().every((animation) => !(animation instanceof CSSTransition) || animation.playState !== 'running'));
  return (await axeCheck(page)).serious;
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabUntil(page: Page, matches: string, limit = 20): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, matches)) return;
  }
  throw new Error(`Tab never reached ${matches}`);
}

/**
 * Types an ISO day into a focused date input. Chromium lays the input out by its own interface
 * language (not the page's locale), which the launch fixes to en-US: month, day, year.
 */
async function typeDate(page: Page, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-');
  for (const part of [m, d, y]) await page.keyboard.type(part);
}

beforeAll(async () => {
  if (!present) return;
  ({ server, base, browser, work } = await startBrowserSession(OUT, 'browser-mode-'));
}, 240_000);

afterAll(() => stopBrowserSession({ server, browser, work }));

maybe.each(['nb', 'en'] as const)('browser mode in %s', (lang: 'nb' | 'en') => {
  const t = (key: PaneStringKey, values?: Record<string, string | number>) => paneStrings.text(key, lang, values);
  const browserText = browserStrings.text;
  const label = (sheet: 'volunteers' | 'hours', key: string) => sheetDef(sheet).columns!.find((c) => c.key === key)!.label[lang as Lang];
  /** A pane message with its placeholders as wildcards. */
  const pattern = (key: PaneStringKey) =>
    new RegExp(
      t(key)
        .split(/\{\w+\}/)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*'),
    );

  test('open the demo, register, log hours, validate, evaluate, summarise, download; the CLI and LibreOffice agree', async () => {
    if (!requireLibreOffice()) return;
    const demo = path.join(work, `demo-${lang}.xlsx`);
    expect((await runCli('new', demo, '--demo', '--lang', lang, '--today', TODAY)).code).toBe(0);
    const before = await kpis(demo);
    const volunteersBefore = (await registers(demo)).volunteers.rows.length;
    expect(Number.isFinite(before.kpi_active_volunteers) && Number.isFinite(before.kpi_hours_year)).toBe(true);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: LOCALES[lang], acceptDownloads: true });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['blob:', 'data:'].includes(url.protocol) && url.hostname !== '127.0.0.1') outside.push(request.url());
    });
    const download = async (name: string): Promise<string> => {
      const [event] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: browserText('file.download', lang), exact: true }).click(),
      ]);
      const file = path.join(work, name);
      await event.saveAs(file);
      return file;
    };
    const checkTab = async (tab: string) => {
      expect([tab, await unlabelledFields(page)]).toEqual([tab, []]);
      expect([tab, await seriousViolations(page)]).toEqual([tab, []]);
      await page.screenshot({ path: path.join(SHOTS, `browser-${lang}-${tab}.png`), fullPage: true });
    };
    const openTab = async (section: string) => {
      await page.getByRole('tab', { name: t(`tab.${section}.label` as PaneStringKey) }).click();
      await page.locator(`#panel-${section}`).waitFor();
    };

    // A failure leaves a picture of the page behind, to see what the user would have seen.
    const failureShot = () => page.screenshot({ path: path.join(SHOTS, `browser-${lang}-failure.png`), fullPage: true }).catch(() => undefined);
    let newId: string | undefined;
    try {
      await page.goto(`${base}/browser.html?lang=${lang}&today=${TODAY}`);
      await page.waitForSelector('body[data-ready]');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await checkTab('start');
      await page.setInputFiles('#open-file', demo);
      await page.getByRole('tab').nth(5).waitFor();
      expect(await page.getByRole('tab').count()).toBe(6);
      await page.locator('#panel-templates button').first().waitFor();
      await checkTab('templates');

      // Registrer, by keyboard alone from the register chooser: the rules refuse "12" as a phone.
      await openTab('register');
      // The register chooser: one radio per register; the chosen one is where Tab starts.
      const chooser = page.locator('#register-choose input:checked');
      const chooseRegister = (key: 'volunteers' | 'hours') =>
        page
          .locator('#register-choose')
          .getByRole('radio', { name: t(`register.kind.${key}`) })
          .check();
      await chooseRegister('volunteers');
      await page.getByRole('button', { name: t('register.new.volunteers') }).click();
      await page.locator('#field-name').waitFor();
      newId = /(F[0-9A-Z]{6})/.exec((await page.locator('#field-id').getAttribute('placeholder')) ?? '')?.[1];
      expect(newId).toBeDefined();
      await chooser.focus();
      await tabUntil(page, '#field-name');
      await page.keyboard.type('Test Frivillig');
      await tabUntil(page, '#field-phone');
      await page.keyboard.type('12');
      await page.keyboard.press('Enter');
      const phoneMessage = fillPlaceholders(rules['column.phoneInvalid'][lang], { column: label('volunteers', 'phone'), value: '12' });
      await page
        .getByRole('alert')
        .filter({ hasText: phoneMessage.slice(0, 40) })
        .first()
        .waitFor();
      expect(await page.getByText(browserText('file.unsaved', lang)).count()).toBe(0);
      await checkTab('register');
      const afterRefusal = await download(`refused-${lang}.xlsx`);
      expect((await registers(afterRefusal)).volunteers.rows.length).toBe(volunteersBefore);

      // The download moved focus to its button: start again from the chooser, by Tab.
      await chooser.focus();
      await tabUntil(page, '#field-phone');
      await page.keyboard.press('End');
      for (let i = 0; i < 2; i++) await page.keyboard.press('Backspace');
      await page.keyboard.type('+47 912 34 567');
      await tabUntil(page, '#field-affiliation');
      await page.keyboard.press('ArrowDown');
      await tabUntil(page, '#field-activity');
      await page.keyboard.press('ArrowDown');
      // Start is today and the status Aktiv already; the three dates an active volunteer needs are typed.
      for (const date of ['confidentialityDate', 'policeCertificateDate', 'consentDate']) {
        await tabUntil(page, `#field-${date}`);
        await typeDate(page, TODAY);
      }
      await tabUntil(page, 'button[type=submit]', 30);
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: t('register.saved', { title: `Test Frivillig (${newId})` }) })
        .waitFor();

      // The volunteer's papers: made in the worker beside the registers, shown as the print page, closed with Esc.
      await page.getByRole('button', { name: t('print.volunteerPapers', { id: newId! }) }).click();
      const printPage = page.getByRole('dialog', { name: browserText('print.heading', lang) });
      await printPage.waitFor();
      expect(await printPage.textContent()).toContain('Test Frivillig');
      await page.keyboard.press('Escape');
      await printPage.waitFor({ state: 'detached' });

      // Hours for the new volunteer, chosen by name.
      await chooseRegister('hours');
      await page.getByRole('button', { name: t('register.new.hours') }).click();
      await page.locator('#field-hours').waitFor();
      await page.locator('#field-date').fill(TODAY);
      await page.locator('#field-activity').selectOption({ index: 1 });
      await page.locator('#field-volunteerId').click();
      await page.locator('#field-volunteerId').pressSequentially('Test Frivillig');
      await page
        .locator('[role=option], [role=menuitemcheckbox]')
        .filter({ hasText: `Test Frivillig (${newId})` })
        .first()
        .click();
      await page.locator('#field-hours').fill(String(HOURS_LOGGED));
      await page
        .getByRole('tabpanel')
        .getByRole('button', { name: t('register.save'), exact: true })
        .click();
      await page
        .getByRole('status')
        .filter({ hasText: new RegExp(`Test Frivillig \\(${newId}\\)`) })
        .first()
        .waitFor();
      await page.getByText(browserText('file.unsaved', lang), { exact: false }).waitFor();

      // Kontroll (checked as the tab opens): showing an issue's cell previews its sheet in a drawer, the cell marked.
      await openTab('validation');
      await page.locator('#panel-validation [role=status]').waitFor();
      const issue = page
        .locator('#panel-validation section li button')
        .filter({ hasText: /^(Vis|Show) [A-Z]+\d+$/ })
        .first();
      const [, cell] = /([A-Z]+\d+)$/.exec((await issue.textContent()) ?? '') ?? [];
      const sheet = await issue.locator('xpath=ancestor::section[1]').getAttribute('aria-label');
      expect(cell).toBeDefined();
      await issue.click();
      const preview = page.locator('section[data-preview-sheet]');
      await preview.waitFor();
      expect([await preview.getAttribute('data-preview-sheet'), await preview.getAttribute('data-preview-cell')]).toEqual([sheet, cell]);
      const marked = preview.locator('td[aria-current="true"]');
      await marked.waitFor();
      expect(await marked.getAttribute('data-address')).toBe(cell);
      expect(await marked.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
      // The drawer has the focus; Esc closes it and the focus goes back to the button.
      expect(await page.evaluate(() => !!document.activeElement?.closest('.fui-OverlayDrawer, [role=dialog]'))).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, `browser-${lang}-preview.png`), fullPage: false });
      await page.keyboard.press('Escape');
      await preview.waitFor({ state: 'detached' });
      expect(await issue.evaluate((el) => el === document.activeElement)).toBe(true);
      await checkTab('validation');

      // Evaluering: rate every statement of the first factor, then save the round.
      await openTab('evaluation');
      const groups = page.locator('#panel-evaluation [role=radiogroup]');
      await groups.first().waitFor();
      const statements = await groups.count();
      expect(statements).toBeGreaterThan(0);
      for (let i = 0; i < statements; i++)
        await groups
          .nth(i)
          .getByRole('radio')
          .nth(i % 2)
          .check();
      await page.getByRole('button', { name: t('evaluation.save') }).click();
      await page.locator('#panel-evaluation [role=status]').waitFor();
      expect(await page.locator('#panel-evaluation [role=status]').textContent()).toMatch(new RegExp(`\\b${statements}\\b`));
      await checkTab('evaluation');

      // Oppsummering: refresh the computed parts.
      await openTab('summary');
      await page.getByRole('button', { name: t('summary.refresh') }).click();
      await page.locator('#panel-summary').getByText(pattern('summary.refreshed')).waitFor();
      await checkTab('summary');

      await openTab('settings');
      await page.locator('#panel-settings input').first().waitFor();
      await checkTab('settings');
    } catch (error) {
      await failureShot();
      throw error;
    }
    const downloaded = await download(`result-${lang}.xlsx`);
    expect(outside).toEqual([]);
    // What the browser mode hands back passes the schemas and Excel's cross-part rules.
    expectStrict(downloaded, demo);
    await context.close();

    // The command line reads the download: no structural issue, and the new rows are there.
    const validation = await runCli('validate', downloaded, '--format', 'json', '--today', TODAY);
    const report = JSON.parse(validation.stdout) as { issues: { rule: string }[] };
    expect(report.issues.filter((i) => i.rule.startsWith('structure.'))).toEqual([]);
    const after = await registers(downloaded);
    expect(after.volunteers.rows).toHaveLength(volunteersBefore + 1);
    const volunteer = after.volunteers.rows.find((r) => r.values.id === newId)!;
    expect([volunteer.values.name, volunteer.values.phone]).toEqual(['Test Frivillig', '+47 912 34 567']);
    expect(after.hours.rows.filter((r) => r.values.volunteerId === newId).map((r) => r.values.hours)).toEqual([HOURS_LOGGED]);

    // LibreOffice recalculates the download: one more active volunteer, the hours counted.
    const figures = await kpis(downloaded);
    expect(figures.kpi_active_volunteers).toBe(before.kpi_active_volunteers + 1);
    expect(figures.kpi_hours_year).toBeCloseTo(before.kpi_hours_year + HOURS_LOGGED, 6);
  }, 300_000);

  test('save is the primary button only with changes; a new workbook over unsaved work asks first', async () => {
    const file = path.join(work, `small-${lang}.xlsx`);
    expect((await runCli('new', file, '--lang', lang, '--today', TODAY)).code).toBe(0);
    const context = await browser.newContext({ viewport: { width: 350, height: 800 }, locale: LOCALES[lang] });
    const page = await context.newPage();
    await page.goto(`${base}/browser.html?lang=${lang}&today=${TODAY}`);
    await page.waitForSelector('body[data-ready]');
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe(browserText('start.heading', lang));
    await page.setInputFiles('#open-file', file);
    const save = page.locator('header').getByRole('button', { name: browserText('file.download', lang), exact: true });
    await save.waitFor();
    // A primary button is the brand colour with white text; a secondary one has dark text.
    const primary = () => save.evaluate((el) => getComputedStyle(el).color === 'rgb(255, 255, 255)');
    expect(await primary()).toBe(false);
    // A change: the municipality's name.
    await page.getByRole('tab', { name: t('tab.settings.label') }).click();
    await page.locator('#setting-municipality').fill('Moldal');
    await page.getByRole('button', { name: t('settings.save') }).click();
    await page
      .getByRole('status')
      .filter({ hasText: t('settings.saved', { sheet: sheetDef('settings').name[lang] }) })
      .waitFor();
    await page.waitForFunction(
      (name) => {
        const button = [...document.querySelectorAll('header button')].find((b) => b.textContent === name);
        return !!button && getComputedStyle(button).color === 'rgb(255, 255, 255)';
      },
      browserText('file.download', lang),
    );
    expect(await primary()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, `browser-${lang}-350-header.png`) });
    // "New" would replace the unsaved change: the page asks, and "cancel" keeps it.
    await page
      .locator('header')
      .getByRole('button', { name: browserText('file.newLong', lang) })
      .click();
    const dialog = page.getByRole('alertdialog', { name: browserText('replace.title', lang) });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: browserText('replace.cancel', lang) }).click();
    expect(await page.locator('#setting-municipality').inputValue()).toBe('Moldal');
    await page
      .locator('header')
      .getByRole('button', { name: browserText('file.newLong', lang) })
      .click();
    await dialog.getByRole('button', { name: browserText('replace.confirm', lang) }).click();
    await page.getByText(browserText('file.newName', lang)).first().waitFor();
    await context.close();
  }, 120_000);
});

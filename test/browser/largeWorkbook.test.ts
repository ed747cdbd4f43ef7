/**
 * Browser mode with a 200 000-row hours log, in Debian's Chromium: the workbook is opened and the
 * missing templates are added while the page keeps answering — a tab switch is handled within
 * 200 ms while the worker reads, and again while it adds the templates — and the progress of the
 * work is shown. The page also records every task that kept its thread busy over 50 ms, and the
 * longest gap between ticks of a 20 ms timer: both are wall times, which a busy shared machine
 * stretches several times over, so they are reported, and only a freeze (a task of a second, as
 * reading the log in the page took before) fails the test. The downloaded result has the new
 * sheets and every row. A zip bomb is refused with a sentence.
 * Screenshots: test-output/browser-large-*.png. The workbook is made once into test-output/.
 */
import fs from 'fs';
import http from 'http';
import path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { loadWorkbook } from '../../src/core/model/loadWorkbook';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { openXlsxBuffer } from '../../src/workbook/xlsx/reading/xlsxReader';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { hoursWorkbookFile } from '../support/hoursWorkbookFile';
import { buildPages, servePages } from '../support/pageServer';
import { CHROMIUM, chromiumPresent } from '../support/browserSession';
import { bombWorkbook } from '../support/zipBomb';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test-output');
const BUILD = path.join(OUT, 'browser-large-build');
const ROWS = 200_000;
/** Longest a tab switch may take while the worker works. */
const RESPONSIVE_MS = 200;
/** A task this long is a freeze, however busy the machine. */
const FROZEN_MS = 1000;

const present = chromiumPresent();
const maybe = present ? describe : describe.skip;

let server: http.Server;
let base: string;
let browser: Browser;
let workbookFile: string;

beforeAll(async () => {
  if (!present) return;
  workbookFile = await hoursWorkbookFile(path.join(OUT, 'browser-large'), ROWS);
  await buildPages(BUILD, { browser: path.join(ROOT, 'src/browser/browserMain.tsx') });
  server = await servePages(BUILD);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--lang=en-US'] });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise((resolve) => server.close(resolve));
});

/** A tab switch as the page saw it: from click to the tab selected, and whether the worker's progress showed at the click and at the selection. */
interface TabSwitch {
  tab: string;
  ms: number;
  workingAtClick: boolean;
  workingAtSelect: boolean;
}

/**
 * Records in the page the tasks that kept its thread busy over 50 ms (the browser's long tasks),
 * the longest gap between ticks of a 20 ms timer, and for each tab clicked, the time from the
 * click to the tab being selected and whether the work's progress was showing then.
 */
async function watchResponsiveness(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longestGap: number; tabSwitches: TabSwitch[]; longTasks: number[] };
    w.longestGap = 0;
    w.tabSwitches = [];
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => w.longTasks.push(entry.duration))).observe({ entryTypes: ['longtask'] });
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.longestGap = Math.max(w.longestGap, now - last);
      last = now;
    }, 20);
    document.addEventListener(
      'click',
      (event) => {
        const tab = (event.target as Element).closest('[role=tab]');
        if (!tab) return;
        const clicked = event.timeStamp;
        const working = () => document.querySelector('[data-progress]') !== null;
        const workingAtClick = working();
        const observer = new MutationObserver(() => {
          if (tab.getAttribute('aria-selected') !== 'true') return;
          w.tabSwitches.push({ tab: tab.textContent ?? '', ms: performance.now() - clicked, workingAtClick, workingAtSelect: working() });
          observer.disconnect();
        });
        observer.observe(tab, { attributes: true });
      },
      true,
    );
  });
}

function responsiveness(page: Page): Promise<{ longestGap: number; tabSwitches: TabSwitch[]; longTasks: number[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { longestGap: number; tabSwitches: TabSwitch[]; longTasks: number[] };
    return { longestGap: w.longestGap, tabSwitches: w.tabSwitches, longTasks: w.longTasks };
  });
}

/**
 * Switches tab while the worker is at work (its progress showing). The click goes in at once, as a
 * user's does, whether or not the page is ready for it (Playwright's locator.click would first wait
 * until the page answers); the page measures from the click to the tab being selected.
 */
async function switchTabWhileWorking(page: Page, tab: string): Promise<void> {
  await page.locator('[data-progress]').waitFor({ state: 'visible', timeout: 30_000 });
  const box = (await page.getByRole('tab', { name: tab }).boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByRole('tab', { name: tab, selected: true }).waitFor({ timeout: 30_000 });
}

maybe('a 200 000-row workbook in browser mode', () => {
  test('is opened and given its templates while the page answers input and shows progress', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/browser.html?lang=nb&today=2025-06-30`);
    await page.waitForSelector('body[data-ready=true]');
    await watchResponsiveness(page);

    const opened = Date.now();
    await page.setInputFiles('#open-file', workbookFile);
    // While the worker reads the hours log: the progress bar and its sentence, and a tab switch.
    await page.locator('[data-progress=reading]').waitFor({ state: 'visible', timeout: 30_000 });
    await page.screenshot({ path: path.join(OUT, 'browser-large-reading.png') });
    await page.getByRole('progressbar', { name: 'Framdrift' }).waitFor();
    expect(await page.locator('[data-progress=reading] [role=status]').textContent()).toMatch(/^Leser (arbeidsboken|«.+») … \d+ %$/);
    await switchTabWhileWorking(page, 'Registrer');
    await page.getByRole('tab', { name: 'Maler' }).click();
    const add = page.getByRole('button', { name: /Legg til manglende maler/ });
    await page
      .locator('#panel-templates button:not([disabled])')
      .filter({ hasText: /Legg til manglende maler/ })
      .waitFor({ timeout: 60_000 });
    const openSeconds = (Date.now() - opened) / 1000;

    const adding = Date.now();
    await add.click();
    await page.locator('[data-progress]').waitFor({ state: 'visible', timeout: 30_000 });
    await page.screenshot({ path: path.join(OUT, 'browser-large-adding.png') });
    await switchTabWhileWorking(page, 'Kontroll');
    await page.getByRole('tab', { name: 'Maler' }).click();
    // The tab reads the workbook again once the templates are in: every one of them is there.
    await page.locator('#panel-templates li').filter({ hasText: 'Oppsummering' }).filter({ hasText: 'Finnes' }).waitFor({ timeout: 120_000 });
    expect(await page.locator('#panel-templates li').filter({ hasText: 'Mangler' }).count()).toBe(0);
    await page.locator('[data-progress]').waitFor({ state: 'detached', timeout: 60_000 });
    const addSeconds = (Date.now() - adding) / 1000;
    await page.screenshot({ path: path.join(OUT, 'browser-large-added.png') });

    const { longestGap, tabSwitches, longTasks } = await responsiveness(page);
    const longest = Math.max(0, ...longTasks);
    console.log(
      `${ROWS} rows: opened in ${openSeconds.toFixed(1)} s, templates added in ${addSeconds.toFixed(1)} s; ` +
        `tab switches handled in ${tabSwitches.map((s) => `${s.ms.toFixed(0)} ms (${s.tab}${s.workingAtSelect ? ', while working' : ''})`).join(', ')}; ${longTasks.length} tasks over 50 ms, the longest ${longest.toFixed(0)} ms; ` +
        `longest gap between timer ticks ${longestGap.toFixed(0)} ms`,
    );
    expect(tabSwitches.length).toBeGreaterThanOrEqual(4);
    for (const { ms } of tabSwitches) expect(ms).toBeLessThan(RESPONSIVE_MS);
    // The two switches made while reading and while adding were handled while the work still ran.
    expect(tabSwitches.filter((s) => s.workingAtClick && s.workingAtSelect).map((s) => s.tab)).toEqual(expect.arrayContaining(['Registrer', 'Kontroll']));
    expect(longest).toBeLessThan(FROZEN_MS);
    expect(errors).toEqual([]);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Last ned' }).click();
    const file = await (await download).path();
    const loaded = await loadWorkbook(openXlsxBuffer(new Uint8Array(fs.readFileSync(file!))));
    expect(loaded.missingSheets).toEqual([]);
    expect(loaded.data.registers.hours.rows).toHaveLength(ROWS);
    await page.close();
  }, 300_000);

  test('a zip bomb is refused with a sentence naming the file and part, and the page goes on', async () => {
    const demo = demoWorkbook({ lang: 'nb', seed: 3, today: isoToSerial('2025-06-30'), volunteers: 20 });
    const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    const bomb = bombWorkbook(await writePlanToBuffer(buildWorkbookPlan(demo.input)), 'xl/worksheets/sheet1.xml', {
      head,
      unit: ' ',
      tail: '</sheetData></worksheet>',
      compressedBytes: 3.85e6,
      declare: 'honest',
    });
    const page = await browser.newPage();
    await page.goto(`${base}/browser.html?lang=nb&today=2025-06-30`);
    await page.waitForSelector('body[data-ready=true]');
    const started = Date.now();
    await page.setInputFiles('#open-file', { name: 'bombe.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(bomb.data) });
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    const said = await alert.textContent();
    expect(said).toContain('bombe.xlsx');
    expect(said).toContain('xl/worksheets/sheet1.xml');
    expect(said).toContain('zip-bombe');
    console.log(
      `zip bomb (${(bomb.data.length / 1e6).toFixed(1)} MB, unpacking to ${(bomb.unpacksTo / 1e9).toFixed(1)} GB) refused in the page in ${((Date.now() - started) / 1000).toFixed(2)} s`,
    );
    await page.screenshot({ path: path.join(OUT, 'browser-large-bomb.png') });
    // The start screen's own button (the file bar has a short one with the same name).
    await page.getByRole('main').getByRole('button', { name: 'Ny arbeidsbok' }).click();
    await page.getByRole('tab', { name: 'Maler' }).waitFor({ timeout: 60_000 });
    await page.close();
  }, 120_000);
});

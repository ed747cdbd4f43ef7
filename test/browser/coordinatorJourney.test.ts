/**
 * A coordinator's first day, scripted in Chromium in browser mode on a real .xlsx (`samspill new`),
 * in bokmål at full width and in nynorsk at 350 px, counting every click and keystroke per task
 * (test/support/journeyCounter.ts): set the municipality; register a partner, an agreement and
 * three volunteers, the third a duplicate caught before saving; log hours for two by name in one
 * entry; correct a phone number; end a volunteer; evaluate two factors and give the resulting
 * actions an owner; refresh the summary; save back into the same file. The saved file is then read
 * by the command line and recalculated by LibreOffice.
 *
 * The counts before issue 14 were measured with the same counter on main at b8386e9 (the script is
 * in the closing note of issue 14); where a task could be done then, the journey must cost no more
 * now, and the tasks the pane made costly (volunteers, hours) at most half. Along the way: axe
 * (Fluent's focus helpers included, see test/support/axe.ts), one alert per refused save, and the
 * focus where the user's work continues. Counts: test-output/journey-<lang>.txt; pictures:
 * test-output/journey-<lang>-<step>.png.
 */
import fs from 'fs';
import http from 'http';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { sheetDef } from '../../src/core/content/content';
import type { Lang } from '../../src/core/content/language';
import { loadWorkbook } from '../../src/core/model/loadWorkbook';
import { browserStrings, type BrowserStringKey } from '../../src/browser/browserText';
import { paneStrings, type PaneStringKey } from '../../src/taskpane/i18n';
import { openXlsxBuffer } from '../../src/workbook/xlsx/reading/xlsxReader';
import { axeCheck } from '../support/axe';
import { runCli } from '../support/cli';
import { JourneyCounter, type TaskCount } from '../support/journeyCounter';
import { recalcToXlsx, requireLibreOffice } from '../support/libreoffice';
import { chromiumPresent, startBrowserSession, stopBrowserSession } from '../support/browserSession';
import { expectStrict } from '../support/strictCheck';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-output');
const OUT = path.join(SHOTS, 'journey-build');
const TODAY = '2026-11-23';

/** The same day on main before issue 14 (bokmål, 1280 px); impossible tasks are left out. */
const BEFORE: Record<string, TaskCount> = {
  'open the workbook': { clicks: 2, keys: 0 },
  'register a partner': { clicks: 9, keys: 45 },
  'register an agreement': { clicks: 16, keys: 8 },
  'register three volunteers (one a duplicate)': { clicks: 48, keys: 158 },
  'log hours for two': { clicks: 16, keys: 30 },
  // 17 statements in the first two factors then (a click each) and the tab, "next" and save;
  // the checklist has grown since, so the test adds a click per statement it rates beyond 17.
  'evaluate two factors': { clicks: 20, keys: 0 },
  'refresh the summary': { clicks: 2, keys: 0 },
  save: { clicks: 1, keys: 0 },
};
/** The statements the first two factors had when the counts before were measured. */
const STATEMENTS_BEFORE = 17;
/** Tasks the pane's friction made costly: the goal is half. */
const HALVED = ['register three volunteers (one a duplicate)', 'log hours for two'];

const present = chromiumPresent();
const maybe = present ? describe : describe.skip;

let server: http.Server;
let base: string;
let browser: Browser;
let work: string;

beforeAll(async () => {
  if (!present) return;
  ({ server, base, browser, work } = await startBrowserSession(OUT, 'journey-'));
}, 240_000);

afterAll(() => stopBrowserSession({ server, browser, work }));

/**
 * The File System Access API as Chromium offers it, with the system's picker answered by the test:
 * the page gets a handle to the file and writes back through it; what it writes is kept for the test.
 */
async function stubFilePicker(page: Page, file: string): Promise<void> {
  const data = fs.readFileSync(file).toString('base64');
  await page.addInitScript(
    ({ data, name }) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const store = window as unknown as { savedFile?: string; pickerOpened?: number };
      const handle = {
        name,
        kind: 'file',
        getFile: async () => new File([bytes], name),
        queryPermission: async () => 'granted',
        requestPermission: async () => 'granted',
        createWritable: async () => {
          const parts: BlobPart[] = [];
          return {
            write: async (part: BlobPart) => void parts.push(part),
            close: async () => {
              const buffer = new Uint8Array(await new Blob(parts).arrayBuffer());
              let binary = '';
              for (let i = 0; i < buffer.length; i += 0x8000) binary += String.fromCharCode(...buffer.subarray(i, i + 0x8000));
              store.savedFile = btoa(binary);
            },
          };
        },
      };
      (window as unknown as { showOpenFilePicker: () => Promise<unknown[]> }).showOpenFilePicker = async () => {
        store.pickerOpened = (store.pickerOpened ?? 0) + 1;
        return [handle];
      };
    },
    { data, name: path.basename(file) },
  );
}

maybe.each([
  ['nb', 1280],
  ['nn', 350],
] as const)("a coordinator's first day in %s at %i px", (lang: Lang, width: number) => {
  const t = (key: PaneStringKey, values?: Record<string, string | number>) => paneStrings.text(key, lang, values);
  const b = (key: BrowserStringKey, values?: Record<string, string | number>) => browserStrings.text(key, lang, values);
  const label = (sheet: 'volunteers' | 'hours' | 'agreements', key: string) => sheetDef(sheet).columns!.find((c) => c.key === key)!.label[lang];

  test('every task counted, the saved file read back by the command line and LibreOffice', async () => {
    const file = path.join(work, `first-day-${lang}.xlsx`);
    expect((await runCli('new', file, '--lang', lang, '--today', TODAY)).code).toBe(0);
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang === 'nb' ? 'nb-NO' : 'nn-NO' });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['blob:', 'data:'].includes(url.protocol) && url.hostname !== '127.0.0.1') outside.push(request.url());
    });
    await stubFilePicker(page, file);
    const c = new JourneyCounter(page);
    const shot = (step: string) => page.screenshot({ path: path.join(SHOTS, `journey-${lang}-${step}.png`), fullPage: true });
    const tab = (section: string) => page.getByRole('tab', { name: t(`tab.${section}.label` as PaneStringKey) });
    const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).first().waitFor();
    const sentinels: string[] = [];
    const accessible = async (step: string) => {
      const result = await axeCheck(page);
      expect([step, result.serious]).toEqual([step, []]);
      sentinels.push(...result.sentinels.map((s) => `${step}: ${s}`));
    };
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');
    const chooseRegister = (key: string) => c.check(page.locator('#register-choose').getByRole('radio', { name: t(`register.kind.${key}` as PaneStringKey) }));
    let kari = '';
    let ola = '';
    let rated = 0;
    const panel = page.getByRole('tabpanel');
    const option = (name: RegExp) => page.locator('[role=option], [role=menuitemcheckbox]').filter({ hasText: name }).first();
    const save = () => c.click(panel.getByRole('button', { name: t('register.save'), exact: true }));

    try {
      await page.goto(`${base}/browser.html?lang=${lang}&today=${TODAY}`);
      await page.waitForSelector('body[data-ready]');
      await shot('start');
      await accessible('start');

      c.task('open the workbook');
      await c.click(page.getByRole('button', { name: b('file.openLong') }).first());
      c.add(1); // the file picked in the system's dialog
      await tab('register').waitFor();

      c.task('set the municipality');
      await c.click(tab('settings'));
      await c.type(page.locator('#setting-municipality'), 'Moldal kommune', { replace: true });
      await c.click(page.getByRole('button', { name: t('settings.save') }));
      await status(t('settings.saved', { sheet: sheetDef('settings').name[lang] }));

      c.task('register a partner');
      await c.click(tab('register'));
      await chooseRegister('partners');
      await page.locator('#field-name').waitFor();
      await c.type(page.locator('#field-name'), 'Frivilligsentralen i Moldal');
      await c.choose(page.locator('#field-type'), { index: 2 });
      await c.type(page.locator('#field-contactPerson'), 'Per Hansen');
      await c.type(page.locator('#field-phone'), '91234567');
      await save();
      await status(t('register.saved', { title: 'Frivilligsentralen i Moldal' }));
      // Ready for the next partner: the focus is back in the first field.
      expect(await focused()).toBe('field-name');

      c.task('register an agreement');
      await chooseRegister('agreements');
      await page.locator('#field-measure').waitFor();
      // One partner so far: the agreement is with it, already filled in.
      expect(await page.locator('#field-partner').inputValue()).toContain('Frivilligsentralen i Moldal');
      await c.choose(page.locator('#field-unit'), { index: 1 });
      await c.choose(page.locator('#field-measure'), { index: 1 });
      await c.choose(page.locator('#field-cooperationForm'), { index: 1 });
      const yes = paneYes(lang);
      await c.check(page.locator('#field-requiresConfidentiality').getByRole('radio', { name: yes }));
      await c.check(page.locator('#field-requiresPoliceCertificate').getByRole('radio', { name: yes }));
      await save();
      await status(/AVT-[0-9A-Z]{6}/);
      const agreementId = /AVT-[0-9A-Z]{6}/.exec(
        (await page
          .getByRole('status')
          .filter({ hasText: /AVT-[0-9A-Z]{6}/ })
          .first()
          .textContent()) ?? '',
      )![0];
      await shot('agreement');

      c.task('register three volunteers (one a duplicate)');
      await chooseRegister('volunteers');
      await page.locator('#field-name').waitFor();
      const volunteer = async (name: string, phone: string, first: boolean) => {
        await c.type(page.locator('#field-name'), name);
        await c.type(page.locator('#field-phone'), phone);
        if (first) {
          await c.choose(page.locator('#field-affiliation'), { index: 1 });
          await c.click(page.locator('#field-partner'));
          await c.pick(option(/Frivilligsentralen i Moldal/));
          await c.choose(page.locator('#field-activity'), { index: 1 });
        } else {
          // The second comes from the same meeting: affiliation, partner and activity stayed.
          expect(await page.locator('#field-activity').inputValue()).not.toBe('');
          expect(await page.locator('#field-partner').inputValue()).toContain('Frivilligsentralen i Moldal');
        }
        // The dates the rules ask of this volunteer (the declaration always; the police certificate and consent
        // by the legal bases the workbook names), all from today's meeting: one button for them all, each its own too.
        await page.getByRole('button', { name: t('register.todayFor', { field: label('volunteers', 'confidentialityDate') }) }).waitFor();
        const missing: string[] = [];
        for (const field of ['confidentialityDate', 'policeCertificateDate', 'consentDate'])
          if (await page.locator(`#field-${field}`).evaluate((el) => (el as HTMLInputElement).required && (el as HTMLInputElement).value === ''))
            missing.push(field);
        await c.click(
          page.getByRole('button', {
            name: missing.length > 1 ? t('register.todayAll', { count: missing.length }) : t('register.todayFor', { field: label('volunteers', missing[0]) }),
          }),
        );
        for (const field of missing) expect([field, await page.locator(`#field-${field}`).inputValue()]).toEqual([field, TODAY]);
        await save();
      };
      // Required as soon as the status (Aktiv by default) and the activity call for it.
      expect(await page.locator('#field-confidentialityDate').evaluate((el) => (el as HTMLInputElement).required)).toBe(true);
      // The id each gets is said in the saved message (ids are made so two coordinators never clash).
      const savedId = async (name: string) => {
        const message = page
          .getByRole('status')
          .filter({ hasText: new RegExp(`${name} \\(F[0-9A-Z]{6}\\)`) })
          .first();
        await message.waitFor();
        return new RegExp(`${name} \\((F[0-9A-Z]{6})\\)`).exec((await message.textContent()) ?? '')![1];
      };
      await volunteer('Kari Nordmann', '91234567', true);
      kari = await savedId('Kari Nordmann');
      await volunteer('Ola Nordmann', '92345678', false);
      ola = await savedId('Ola Nordmann');
      // The third is Kari again: found while her name is typed, before anything is saved.
      await c.type(page.locator('#field-name'), 'Kari Nordmann');
      const notice = page.locator('#duplicate-notice');
      await notice.waitFor();
      await shot('duplicate');
      await accessible('duplicate');
      await c.click(notice.getByRole('button', { name: t('register.openTitle', { title: `Kari Nordmann (${kari})` }) }));
      await page.getByRole('heading', { name: `Kari Nordmann (${kari})` }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
      await shot('record');
      await accessible('record');

      c.task('log hours for two');
      await chooseRegister('hours');
      await page.locator('#field-hours').waitFor();
      await c.type(page.locator('#field-volunteerId'), 'Kari');
      await c.pick(option(new RegExp(`Kari Nordmann \\(${kari}\\)`)));
      // The activity Kari is registered for fills the empty activity.
      expect(await page.locator('#field-activity').inputValue()).not.toBe('');
      await c.type(page.locator('#field-volunteerId'), 'Ola');
      await c.pick(option(new RegExp(`Ola Nordmann \\(${ola}\\)`)));
      await c.type(page.locator('#field-hours'), '2');
      await save();
      await status(new RegExp(`${kari}.*${ola}`, 's'));
      await shot('hours');

      c.task('correct a phone number');
      await chooseRegister('volunteers');
      await c.type(page.locator('#register-search'), 'Ola');
      await c.click(page.getByRole('button', { name: new RegExp(`Ola Nordmann \\(${ola}\\)`) }));
      await c.click(page.getByRole('button', { name: t('register.edit'), exact: true }));
      await c.type(page.locator('#field-phone'), '98765432', { replace: true });
      await c.click(page.getByRole('button', { name: t('register.saveChanges') }));
      await status(t('register.updated', { title: `Ola Nordmann (${ola})` }));

      c.task('end a volunteer');
      // Her one hours row is said in the singular.
      await page.getByText(t('register.referencedByOne', { register: t('register.kind.hours') }), { exact: true }).waitFor();
      await c.click(page.getByRole('button', { name: t('register.end'), exact: true }));
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor();
      // axe waits for the dialog to stand still; the picture after it shows the dialog, not its fade.
      await accessible('end dialog');
      await shot('end');
      await c.type(dialog.getByLabel(t('end.reason')), 'Flyttet');
      await c.click(dialog.getByRole('button', { name: t('end.confirm') }));
      await status(new RegExp(ola));

      c.task('evaluate two factors');
      await c.click(tab('evaluation'));
      const groups = page.locator('#panel-evaluation [role=radiogroup]');
      await groups.first().waitFor();
      const owner = page.getByLabel(t('evaluation.responsible'));
      for (let factor = 0; factor < 2; factor++) {
        const n = await groups.count();
        rated += n;
        for (let i = 0; i < n; i++)
          await c.check(
            groups
              .nth(i)
              .getByRole('radio')
              .nth(i % 3 === 0 ? 0 : 2),
          );
        if (factor === 0) {
          c.task('assign the resulting actions');
          // The first action asks for its owner; the next ones take the owner typed last.
          await c.type(owner.first(), 'Enhetsleder');
          await shot('evaluation');
          await accessible('evaluation');
          c.task('evaluate two factors');
          await c.click(page.getByRole('button', { name: t('evaluation.next') }));
        }
      }
      await c.click(page.getByRole('button', { name: t('evaluation.save') }));
      await status(pattern(t('evaluation.savedExisting', { date: TODAY.split('-').reverse().join('.'), rated: '{n}' })));

      c.task('print the agreement');
      // From the agreement's record: the register, the agreement in its list, "Skriv ut avtale"; the print page is made in the worker.
      await c.click(tab('register'));
      await chooseRegister('agreements');
      await c.click(page.getByRole('button', { name: new RegExp(agreementId) }).first());
      await c.click(page.getByRole('button', { name: t('print.agreement', { id: agreementId }) }));
      const printPage = page.getByRole('dialog', { name: b('print.heading') });
      await printPage.waitFor();
      const printed = (await printPage.textContent()) ?? '';
      // The agreement names the municipality set in the morning and the partner registered.
      expect([printed.includes('Moldal kommune'), printed.includes('Frivilligsentralen i Moldal')]).toEqual([true, true]);
      await shot('print');
      await c.press('Escape');
      await printPage.waitFor({ state: 'detached' });

      c.task('refresh the summary');
      await c.click(tab('summary'));
      await c.click(page.getByRole('button', { name: t('summary.refresh') }));
      await page.locator('#panel-summary [role=status]').first().waitFor();

      c.task('save');
      await c.click(page.locator('header').getByRole('button', { name: b('file.save'), exact: true }));
      await status(b('file.saved', { file: path.basename(file) }));
      await shot('saved');
    } catch (error) {
      await shot('failure').catch(() => undefined);
      throw error;
    }

    const saved = await page.evaluate(() => (window as unknown as { savedFile?: string }).savedFile);
    expect(saved).toBeDefined();
    expect(outside).toEqual([]);
    await context.close();
    const result = path.join(work, `first-day-${lang}-saved.xlsx`);
    fs.writeFileSync(result, Buffer.from(saved!, 'base64'));
    // What the day's edits (appended, edited, ended rows, settings, lists) leave passes the schemas and Excel's cross-part rules.
    expectStrict(result, file);

    // The counts, task by task, against the same day before.
    const lines = [
      `${lang} at ${width} px`,
      c.report(),
      `total ${JSON.stringify(c.total())}`,
      `axe on Fluent's focus sentinels only: ${sentinels.length}`,
      ...sentinels,
    ];
    const before = (task: string): TaskCount =>
      task === 'evaluate two factors' ? { clicks: BEFORE[task].clicks + rated - STATEMENTS_BEFORE, keys: 0 } : BEFORE[task];
    for (const task of Object.keys(BEFORE)) {
      const [was, after] = [before(task), c.tasks.get(task)!];
      lines.push(`${task}: before ${was.clicks}+${was.keys}, after ${after.clicks}+${after.keys}`);
      expect([task, after.clicks + after.keys <= was.clicks + was.keys]).toEqual([task, true]);
      if (HALVED.includes(task)) expect([task, after.clicks + after.keys <= (was.clicks + was.keys) / 2]).toEqual([task, true]);
    }
    // The issue's goal: the tasks that could be done before cost at most half as much now.
    const sum = (counts: TaskCount[]) => counts.reduce((n, count) => n + count.clicks + count.keys, 0);
    const [wasTotal, nowTotal] = [sum(Object.keys(BEFORE).map(before)), sum(Object.keys(BEFORE).map((task) => c.tasks.get(task)!))];
    lines.push(`tasks possible before: before ${wasTotal}, after ${nowTotal}, ratio ${(nowTotal / wasTotal).toFixed(3)}`);
    fs.writeFileSync(path.join(SHOTS, `journey-${lang}.txt`), `${lines.join('\n')}\n`);
    expect(nowTotal).toBeLessThanOrEqual(wasTotal / 2);

    // The command line reads the saved file: what the day registered is there, nothing else.
    const validation = JSON.parse((await runCli('validate', result, '--format', 'json', '--today', TODAY)).stdout) as {
      issues: { rule: string; severity: string }[];
    };
    expect(validation.issues.filter((i) => i.rule.startsWith('structure.'))).toEqual([]);
    const loaded = await loadWorkbook(openXlsxBuffer(new Uint8Array(fs.readFileSync(result))));
    const { registers, settings } = loaded.data;
    expect(settings.municipality).toBe('Moldal kommune');
    expect(registers.partners.rows.map((r) => r.values.name)).toEqual(['Frivilligsentralen i Moldal']);
    expect(registers.agreements.rows.map((r) => [r.values.id, r.values.partner])).toEqual([
      [expect.stringMatching(/^AVT-[0-9A-Z]{6}$/), 'Frivilligsentralen i Moldal'],
    ]);
    expect(registers.volunteers.rows.map((r) => [r.values.id, r.values.name, r.values.phone, r.values.endReason ?? null])).toEqual([
      [kari, 'Kari Nordmann', '91234567', null],
      [ola, 'Ola Nordmann', '98765432', 'Flyttet'],
    ]);
    expect(registers.hours.rows.map((r) => [r.values.volunteerId, r.values.hours])).toEqual([
      [kari, 2],
      [ola, 2],
    ]);
    const owners = new Set(registers.actions.rows.map((r) => r.values.responsible));
    expect(registers.actions.rows.length).toBeGreaterThan(0);
    expect(owners).toEqual(new Set(['Enhetsleder']));

    // LibreOffice recalculates the saved file: one volunteer active (Ola ended), four hours.
    if (!requireLibreOffice()) return;
    const recalculated = openXlsxBuffer(new Uint8Array(fs.readFileSync(await recalcToXlsx(result))));
    const figures = await kpiValues(recalculated, ['kpi_active_volunteers', 'kpi_hours_year']);
    expect(figures).toEqual({ kpi_active_volunteers: 1, kpi_hours_year: 4 });
  }, 400_000);
});

/** "Ja" / "Yes" as the workbook's yes/no list writes it. */
function paneYes(lang: Lang): string {
  return lang === 'en' ? 'Yes' : 'Ja';
}

/** A message with its remaining placeholders as wildcards. */
function pattern(text: string): RegExp {
  return new RegExp(
    text
      .split(/\{\w+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*'),
  );
}

async function kpiValues(reader: ReturnType<typeof openXlsxBuffer>, names: string[]): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const name of await reader.definedNames()) {
    if (!names.includes(name.name)) continue;
    const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(name.refersTo)!;
    const grid = await reader.readSheet(m[1].replace(/''/g, "'"));
    const col = [...m[2]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    figures[name.name] = Number(grid.rows[Number(m[3]) - 1]?.[col - 1]);
  }
  return figures;
}

/** `samspill new OUT.xlsx [--lang] [--demo] [--seed N]`: a new workbook with every template. */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { demoWorkbook } from '../core/demo/demoWorkbook';
import { buildWorkbookPlan } from '../core/plan/buildWorkbookPlan';
import { newWorkbookInput } from '../core/plan/newWorkbookInput';
import { REGISTER_KEYS } from '../core/content/templateSchema';
import { openXlsxFile, writePlanToBuffer } from '../workbook/xlsx';
import { writeFileAtomic } from './atomicWrite';
import { cliStrings, UserFacingError } from './cliText';
import { parseLang, parseSeed, parseToday } from './options';

export interface NewOptions {
  lang?: string;
  demo?: boolean;
  seed?: string;
  today?: string;
  force?: boolean;
}

export async function newCommand(file: string, options: NewOptions, log: (line: string) => void): Promise<number> {
  if (!/\.xlsx$/i.test(file)) throw new UserFacingError(cliStrings.phrase('cli.error.extension', { file }));
  const lang = parseLang(options.lang);
  const seed = parseSeed(options.seed, 1);
  const today = parseToday(options.today);
  if (existsSync(file) && !options.force) throw new UserFacingError(cliStrings.phrase('cli.error.exists', { file }));
  const input = options.demo ? demoWorkbook({ lang, seed, today }).input : newWorkbookInput(lang, today);
  // A date given on the command line is the report date: the formulas compute for it, not for the day the file is opened.
  if (options.today !== undefined) input.settings.reportDate = today;
  const plan = buildWorkbookPlan(input);
  const data = await writePlanToBuffer(plan);
  mkdirSync(dirname(file), { recursive: true });
  await writeFileAtomic(file, data, async (temp) => {
    // The result must open as a workbook with every planned sheet before it replaces anything.
    const sheets = await (await openXlsxFile(temp)).listSheets();
    const missing = plan.sheets.filter((s) => !sheets.some((x) => x.name === s.name));
    if (missing.length) throw new Error(`missing sheets ${missing.map((s) => s.name).join(', ')}`);
  });
  const rows = REGISTER_KEYS.reduce((n, key) => n + input.records[key].length, 0);
  log(cliStrings.both('cli.new.done', { file, sheets: plan.sheets.length, rows }));
  return 0;
}

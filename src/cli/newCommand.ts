/**
 * `samspill new OUT.xlsx [--lang] [--demo [--case NAME]] [--seed N] [--force]`: a new workbook with every
 * template; with --demo, one of the report's seven case municipalities (the seed picks one when
 * --case is left out: seed 1, the default, is Kristiansund).
 */
import { demoWorkbook } from '../core/demo/demoWorkbook';
import { buildWorkbookPlan } from '../core/plan/buildWorkbookPlan';
import { newWorkbookInput } from '../core/plan/newWorkbookInput';
import { REGISTER_KEYS } from '../core/content/templateSchema';
import { writePlanToBuffer } from '../workbook/xlsx';
import { writeFileAtomic } from './atomicWrite';
import { cliStrings } from './cliText';
import { verifyNewWorkbook } from './newWorkbookCheck';
import { parseCase, parseLang, parseSeed, parseToday } from './options';
import { checkOutput } from './outputFile';
import { readRegularFile } from './regularFile';
import { withLocks } from './workbookLock';

export interface NewOptions {
  lang?: string;
  demo?: boolean;
  case?: string;
  seed?: string;
  today?: string;
  force?: boolean;
}

export async function newCommand(file: string, options: NewOptions, log: (line: string) => void, now: Date = new Date()): Promise<number> {
  const lang = parseLang(options.lang);
  const seed = parseSeed(options.seed, 1);
  const caseKey = parseCase(options.case, options.demo);
  const today = parseToday(options.today);
  await checkOutput(file, { force: options.force, inputs: [] });
  const demo = options.demo ? demoWorkbook({ lang, seed, today, case: caseKey }) : null;
  const input = demo?.input ?? newWorkbookInput(lang, today);
  // A date given on the command line is the report date: the formulas compute for it, not for the day the file is opened.
  if (options.today !== undefined) input.settings.reportDate = today;
  const plan = buildWorkbookPlan(input);
  const data = await writePlanToBuffer(plan);
  const { backup } = await withLocks([file], 'new', () =>
    writeFileAtomic(file, data, { backupAt: now, verify: async (temp) => verifyNewWorkbook((await readRegularFile(temp)).bytes, plan) }),
  );
  const rows = REGISTER_KEYS.reduce((n, key) => n + input.records[key].length, 0);
  log(cliStrings.both('cli.new.done', { file, sheets: plan.sheets.length, rows }));
  if (demo) {
    const { profile } = demo;
    log(
      cliStrings.both('cli.new.demo', {
        municipality: profile.municipality,
        inhabitants: profile.inhabitants,
        volunteers: input.records.volunteers.length,
        partners: input.records.partners.length,
      }),
    );
  }
  if (backup) log(cliStrings.both('cli.output.replaced', { file, backup }));
  return 0;
}

/**
 * `samspill aggregate FILE.xlsx... -o REGION.xlsx [--today YYYY-MM-DD] [--lang nb|nn|en]`: one
 * regional workbook from many municipalities' workbooks. Each is read with the fast reader,
 * validated and summarised by the same core as `validate` and `summary`; a file that cannot be
 * read, is not a Samspill workbook, or whose structure validation rejects is listed on the "not
 * included" sheet with the reason, never dropped in silence. Nothing personal leaves a workbook:
 * only the summary's figures do.
 */
import { mkdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { localMinute } from '../core/model/dates';
import { regionPlan, type ExcludedFile, type MunicipalityFigures } from '../core/summary/regionPlan';
import { effectiveReportDate, figureValues, summarySections } from '../core/summary/summaryFigures';
import { countIssues } from '../core/validation/validateWorkbook';
import { openXlsxFile, writePlanToBuffer } from '../workbook/xlsx';
import { sayBoth } from '../core/content/stringTable';
import { phraseOf } from '../core/samspillError';
import { writeFileAtomic } from './atomicWrite';
import { aggregateStrings, UserFacingError } from './cliText';
import { parseLang, parseToday } from './options';
import { runValidation } from './validateCommand';

export interface AggregateOptions {
  output?: string;
  today?: string;
  lang?: string;
}

/** Seams for tests and the benchmark: a fixed clock, and whether to draw the progress bar. */
export interface AggregateHooks {
  now?: Date;
  progress?: boolean;
}

type Outcome = { included: MunicipalityFigures } | { excluded: ExcludedFile };

/** The figures of one workbook, or why it cannot be part of the region. */
export async function municipalityFigures(file: string, today: number): Promise<Outcome> {
  const name = basename(file);
  try {
    const { loaded, issues } = await runValidation(file, today);
    const broken = issues.filter((i) => i.severity === 'error' && i.rule.startsWith('structure.'));
    if (broken.length) return { excluded: { file: name, reason: aggregateStrings.phrase('structure', { problems: broken.map((i) => i.message).join('; ') }) } };
    const reportDate = effectiveReportDate(loaded.data, today);
    const counts = countIssues(issues);
    return {
      included: {
        file: name,
        municipality: loaded.data.settings.municipality || name.replace(/\.xls[xm]$/i, ''),
        reportDate,
        errors: counts.error,
        warnings: counts.warning,
        figures: figureValues(summarySections(loaded.data, reportDate)),
      },
    };
  } catch (error) {
    return { excluded: { file: name, reason: phraseOf(error) } };
  }
}

function progressBar(enabled: boolean, total: number): SingleBar | null {
  if (!enabled) return null;
  const bar = new SingleBar({ stream: process.stderr, format: '{bar} {value}/{total} {file}', hideCursor: true, clearOnComplete: true });
  bar.start(total, 0, { file: '' });
  return bar;
}

export async function aggregateCommand(files: string[], options: AggregateOptions, log: (line: string) => void, hooks: AggregateHooks = {}): Promise<number> {
  const output = options.output;
  if (!output) throw new UserFacingError(aggregateStrings.phrase('error.output'));
  if (!/\.xlsx$/i.test(output)) throw new UserFacingError(aggregateStrings.phrase('error.extension', { file: output }));
  if (files.some((f) => resolve(f) === resolve(output))) throw new UserFacingError(aggregateStrings.phrase('error.outputIsInput', { file: output }));
  const lang = parseLang(options.lang);
  const today = parseToday(options.today);

  const included: MunicipalityFigures[] = [];
  const excluded: ExcludedFile[] = [];
  const seen = new Set<string>();
  const bar = progressBar(hooks.progress ?? (process.stderr.isTTY === true && !process.env.CI), files.length);
  for (const file of files) {
    bar?.increment(0, { file: basename(file) });
    if (seen.has(resolve(file))) excluded.push({ file: basename(file), reason: aggregateStrings.phrase('duplicate') });
    else {
      seen.add(resolve(file));
      const outcome = await municipalityFigures(file, today);
      if ('included' in outcome) included.push(outcome.included);
      else excluded.push(outcome.excluded);
    }
    bar?.increment(1);
  }
  bar?.stop();

  for (const m of included) log(aggregateStrings.text('included', lang, { file: m.file, municipality: m.municipality, errors: m.errors }));
  for (const e of excluded) log(aggregateStrings.text('excluded', lang, { file: e.file, reason: e.reason }));
  if (included.length === 0)
    throw new UserFacingError(
      aggregateStrings.phrase('error.none', { file: output }),
      excluded.map((e) => `${e.file}: ${sayBoth(e.reason)}`),
    );

  const plan = regionPlan({ lang, included, excluded, madeAt: localMinute(hooks.now ?? new Date()) });
  const bytes = await writePlanToBuffer(plan);
  try {
    mkdirSync(dirname(resolve(output)), { recursive: true });
    await writeFileAtomic(output, bytes, async (temp) => {
      const sheets = await (await openXlsxFile(temp)).listSheets();
      if (sheets.length !== plan.sheets.length) throw new Error(`the region workbook has ${sheets.length} sheets, not ${plan.sheets.length}`);
    });
  } catch (error) {
    throw new UserFacingError(aggregateStrings.phrase('error.write', { file: output, reason: phraseOf(error) }));
  }
  log(aggregateStrings.text('done', lang, { file: output, included: included.length, excluded: excluded.length }));
  return 0;
}

/**
 * `samspill aggregate FILE.xlsx... -o REGION.xlsx [--today YYYY-MM-DD] [--lang nb|nn|en]`: one
 * regional workbook from many municipalities' workbooks. Each is read with the fast reader,
 * validated and summarised by the same core as `validate` and `summary`; a file that cannot be
 * read, is not a Samspill workbook, or whose structure validation rejects is listed on the "not
 * included" sheet with the reason, never dropped in silence; so is a workbook given twice (a copy,
 * a link), which would otherwise be counted twice. Nothing personal leaves a workbook:
 * only the summary's figures do.
 */
import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import { localMinute } from '../core/model/dates';
import { regionPlan, type ExcludedFile, type MunicipalityFigures } from '../core/summary/regionPlan';
import { effectiveReportDate, figureValues, summarySections } from '../core/summary/summaryFigures';
import { countIssues } from '../core/validation/validateWorkbook';
import { writePlanToBuffer } from '../workbook/xlsx';
import { sayBoth, type Phrase } from '../core/content/stringTable';
import type { Lang } from '../core/content/language';
import { phraseOf } from '../core/samspillError';
import { writeFileAtomic } from './atomicWrite';
import { aggregateStrings, cliStrings, UserFacingError } from './cliText';
import { verifyNewWorkbook } from './newWorkbookCheck';
import { parseLang, parseToday } from './options';
import { checkOutput } from './outputFile';
import { readRegularFile } from './regularFile';
import { terminalSafe } from './terminalText';
import { runValidation } from './validateCommand';
import { withLocks } from './workbookLock';

export interface AggregateOptions {
  output?: string;
  today?: string;
  lang?: string;
  force?: boolean;
}

/** Seams for tests and the benchmark: a fixed clock, and whether to draw the progress bar. */
export interface AggregateHooks {
  now?: Date;
  progress?: boolean;
}

type Outcome = { included: MunicipalityFigures; identity: FileIdentity } | { excluded: ExcludedFile; identity?: FileIdentity };

/** What makes two files the same workbook: the same file on disk (a link), or the same bytes (a copy). */
interface FileIdentity {
  inode: string;
  sha256: string;
}

/** The figures of one workbook, or why it cannot be part of the region. */
export async function municipalityFigures(file: string, today: number): Promise<Outcome> {
  const name = basename(file);
  try {
    const { loaded, issues, fingerprint } = await runValidation(file, today);
    const identity = { inode: `${fingerprint.dev}:${fingerprint.ino}`, sha256: fingerprint.sha256 };
    const broken = issues.filter((i) => i.severity === 'error' && i.rule.startsWith('structure.'));
    if (broken.length)
      return { excluded: { file: name, reason: aggregateStrings.phrase('structure', { problems: broken.map((i) => i.message).join('; ') }) }, identity };
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
      identity,
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

/**
 * Workbooks already counted, by what makes them the same: the file (a symbolic or hard link),
 * its bytes (a copy under another name), or the municipality with exactly the same figures (a
 * copy Excel saved again). A second one is listed as not included, naming the first.
 */
class SeenWorkbooks {
  private readonly byInode = new Map<string, string>();
  private readonly byContent = new Map<string, string>();
  private readonly byFigures = new Map<string, string>();

  duplicateOf(outcome: Outcome & { included: MunicipalityFigures; identity: FileIdentity }): Phrase | null {
    const { included: m, identity } = outcome;
    const figures = `${m.municipality.trim().toLowerCase()}\u0000${JSON.stringify([...m.figures].sort())}`;
    const first = this.byInode.get(identity.inode);
    if (first) return aggregateStrings.phrase('duplicate', { first });
    const copy = this.byContent.get(identity.sha256);
    if (copy) return aggregateStrings.phrase('duplicateContent', { first: copy });
    const same = this.byFigures.get(figures);
    if (same) return aggregateStrings.phrase('duplicateMunicipality', { first: same, municipality: m.municipality });
    this.byInode.set(identity.inode, m.file);
    this.byContent.set(identity.sha256, m.file);
    this.byFigures.set(figures, m.file);
    return null;
  }
}

/** Municipalities named by more than one included workbook, with different figures: worth a note, not a refusal. */
function sameNameLines(included: MunicipalityFigures[], lang: Lang): string[] {
  const byName = new Map<string, MunicipalityFigures[]>();
  for (const m of included) {
    const key = m.municipality.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), m]);
  }
  return [...byName.values()]
    .filter((list) => list.length > 1)
    .map((list) => aggregateStrings.text('sameName', lang, { files: list.map((m) => m.file).join(', '), municipality: list[0].municipality }));
}

export async function aggregateCommand(files: string[], options: AggregateOptions, log: (line: string) => void, hooks: AggregateHooks = {}): Promise<number> {
  const output = options.output;
  if (!output) throw new UserFacingError(aggregateStrings.phrase('error.output'));
  const lang = parseLang(options.lang);
  const today = parseToday(options.today);
  await checkOutput(output, { force: options.force, inputs: files });

  const included: MunicipalityFigures[] = [];
  const excluded: ExcludedFile[] = [];
  const seen = new SeenWorkbooks();
  const bar = progressBar(hooks.progress ?? (process.stderr.isTTY === true && !process.env.CI), files.length);
  for (const file of files) {
    bar?.increment(0, { file: terminalSafe(basename(file)) });
    const outcome = await municipalityFigures(file, today);
    if ('included' in outcome) {
      const duplicate = seen.duplicateOf(outcome);
      if (duplicate) excluded.push({ file: outcome.included.file, reason: duplicate });
      else included.push(outcome.included);
    } else excluded.push(outcome.excluded);
    bar?.increment(1);
  }
  bar?.stop();

  for (const m of included) log(aggregateStrings.text('included', lang, { file: m.file, municipality: m.municipality, errors: m.errors }));
  for (const e of excluded) log(aggregateStrings.text('excluded', lang, { file: e.file, reason: e.reason }));
  for (const line of sameNameLines(included, lang)) log(line);
  if (included.length === 0)
    throw new UserFacingError(
      aggregateStrings.phrase('error.none', { file: output }),
      excluded.map((e) => `${e.file}: ${sayBoth(e.reason)}`),
    );

  const plan = regionPlan({ lang, included, excluded, madeAt: localMinute(hooks.now ?? new Date()) });
  const bytes = await writePlanToBuffer(plan);
  let backup: string | undefined;
  try {
    backup = await withLocks([output], 'aggregate', async () => {
      const written = await writeFileAtomic(output, bytes, {
        backupAt: hooks.now ?? new Date(),
        verify: async (temp) => verifyNewWorkbook((await readRegularFile(temp)).bytes, plan),
      });
      return written.backup;
    });
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError(aggregateStrings.phrase('error.write', { file: output, reason: phraseOf(error) }));
  }
  log(aggregateStrings.text('done', lang, { file: output, included: included.length, excluded: excluded.length }));
  if (backup) log(cliStrings.text('cli.output.replaced', lang, { file: output, backup }));
  return 0;
}

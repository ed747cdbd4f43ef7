/**
 * `samspill summary FILE.xlsx [-o OUT.xlsx] [--public PUBLIC.xlsx] [--today YYYY-MM-DD]`: computes
 * the summary and brings the action plan up to date with the latest evaluation, prints it, and
 * with --public writes the copy for leaders (summary and action plan as values, nothing from the
 * registers). The refreshed summary and the new actions are written back into the workbook, in
 * place (with a backup) or to -o, without touching any other part of the file.
 */
import type { FactorKey } from '../core/content/contentSchema';
import { localMinute, serialToIso } from '../core/model/dates';
import { factorLabel } from '../core/evaluation/checklistRows';
import { itemLabel } from '../core/content/content';
import { participantLabels } from '../core/evaluation/evaluationRounds';
import { barrierPercent, changeSince, promoterPercent, scoreRound, topBarriers, type FactorChange, type FactorScore } from '../core/evaluation/scoring';
import { refreshSummary, type SummaryRefresh } from '../core/evaluation/summaryRefresh';
import { publicWorkbookPlan } from '../core/summary/publicCopy';
import type { Figure } from '../core/summary/summaryFigures';
import { writePlanToBuffer } from '../workbook/xlsx';
import { phraseOf } from '../core/samspillError';
import { replaceableFile, writeFileAtomic } from './atomicWrite';
import { cliStrings, evaluationStrings, UserFacingError } from './cliText';
import { verifyNewWorkbook } from './newWorkbookCheck';
import { openSamspillWorkbook } from './openWorkbook';
import { parseToday } from './options';
import { checkOutput } from './outputFile';
import { realTarget } from './realTarget';
import { readRegularFile } from './regularFile';
import { withLocks } from './workbookLock';
import { refreshedWorkbook } from './summaryInput';
import { SummaryLayoutChanged, writeRefreshedSummary } from './summaryWriteBack';

function shown(value: number | string, style: Figure['style']): string {
  if (value === '') return '–';
  if (typeof value === 'string') return value;
  if (style === 'date') return serialToIso(value);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Key figures and compliance: the sections computed by live formulas in the workbook. */
function figureLines(refresh: SummaryRefresh): string[] {
  const lines: string[] = [];
  for (const section of refresh.sections.filter((s) => s.key === 'keyFigures' || s.key === 'compliance')) {
    lines.push(section.title);
    for (const f of section.figures) lines.push(`  ${f.label}: ${shown(f.value, f.style)}`);
  }
  return lines;
}

function signed(n: number | null): string {
  return n === null ? '–' : n > 0 ? `+${n}` : String(n);
}

function profileLine(score: FactorScore, change: FactorChange | undefined, label: string): string {
  const pct = (n: number | null) => (n === null ? '–' : String(n));
  const trend = change ? ` (${signed(change.promoters)} / ${signed(change.barriers)})` : '';
  return `  ${label}: ${pct(promoterPercent(score))} / ${pct(barrierPercent(score))}${trend}`;
}

function evaluationLines(refresh: SummaryRefresh): string[] {
  const lang = refresh.data.lang;
  const { latest, previous } = refresh;
  if (!latest) return [evaluationStrings.text('summary.cli.noEvaluation', lang)];
  const none = evaluationStrings.text('summary.cli.none', lang);
  const who = participantLabels(latest.participants, lang).join(', ') || none;
  const lines = [
    evaluationStrings.text('summary.cli.evaluation', lang, {
      date: serialToIso(latest.date),
      previous: previous ? serialToIso(previous.date) : none,
      participants: who,
    }),
  ];
  const score = scoreRound(latest);
  const changes = previous ? changeSince(score, scoreRound(previous)) : [];
  lines.push(evaluationStrings.text('summary.cli.profileHeader', lang));
  score.factors.forEach((f, i) => lines.push(profileLine(f, changes[i], factorLabel(f.factor as FactorKey, lang))));
  lines.push(profileLine(score.overall, changes.at(-1), refresh.sections.find((s) => s.key === 'evaluationProfile')!.figures.at(-1)!.label));
  const top = topBarriers(latest);
  if (top.length) {
    lines.push(evaluationStrings.text('summary.cli.topBarriers', lang));
    top.forEach((b, i) => lines.push(`  ${i + 1}. ${b.text} (${itemLabel('ratingScale', b.rating!, lang)})`));
  }
  return lines;
}

function actionLine(refresh: SummaryRefresh): string {
  const open = refresh.sections.flatMap((s) => s.figures).find((f) => f.name === 'kpi_open_actions')!.value;
  return evaluationStrings.text('summary.cli.actions', refresh.data.lang, { open, added: refresh.actions.added.length, kept: refresh.actions.kept });
}

async function writePublic(target: string, refresh: SummaryRefresh, now: Date): Promise<string | undefined> {
  const plan = publicWorkbookPlan(refresh);
  const bytes = await writePlanToBuffer(plan);
  const { backup } = await writeFileAtomic(target, bytes, {
    backupAt: now,
    // The copy must be well-formed and open with every planned sheet before it replaces anything.
    verify: async (temp) => verifyNewWorkbook((await readRegularFile(temp)).bytes, plan),
  });
  return backup;
}

export async function summaryCommand(
  file: string,
  options: { output?: string; public?: string; today?: string; force?: boolean },
  log: (line: string) => void,
  now: Date = new Date(),
): Promise<number> {
  const today = parseToday(options.today);
  if (options.output !== undefined) await checkOutput(options.output, { force: options.force, inputs: [file] });
  if (options.public !== undefined) await checkOutput(options.public, { force: options.force, inputs: [file, ...(options.output ? [options.output] : [])] });
  if (options.output === undefined) await replaceableFile(file, await realTarget(file));
  const written = [options.output ?? file, ...(options.public !== undefined ? [options.public] : [])];
  return withLocks(written, 'summary', async () => {
    const { loaded, bytes, fingerprint } = await openSamspillWorkbook(file);
    const refresh = refreshSummary(loaded.data, today, localMinute(now));
    const lang = refresh.data.lang;
    log(evaluationStrings.text('summary.cli.heading', lang, { file, date: serialToIso(refresh.reportDate) }));
    for (const line of [...figureLines(refresh), ...evaluationLines(refresh), actionLine(refresh)]) log(line);
    // The workbook first: the copy is made from it, and a message about a failed copy can then say the workbook was updated.
    let target: string;
    try {
      const chosen = options.today !== undefined ? today : undefined;
      const result = await writeRefreshedSummary(file, options.output, refreshedWorkbook(loaded, refresh, today, chosen), now, { bytes, fingerprint });
      target = result.target;
      log(evaluationStrings.both('summary.cli.written', { file: result.target, added: refresh.actions.added.length }));
      if (result.kept.length) log(evaluationStrings.text('summary.cli.kept', lang, { sheet: loaded.sheetNames.summary ?? '', cells: result.kept.join(', ') }));
      if (result.backup)
        log(
          options.output === undefined
            ? evaluationStrings.both('summary.cli.backup', { backup: result.backup })
            : cliStrings.both('cli.output.replaced', { file: result.target, backup: result.backup }),
        );
    } catch (error) {
      if (error instanceof SummaryLayoutChanged) throw new UserFacingError(evaluationStrings.phrase('summary.cli.error.layout', { file, reason: error }));
      if (error instanceof UserFacingError) throw error;
      throw new UserFacingError(evaluationStrings.phrase('summary.cli.error.write', { file: options.output ?? file, reason: phraseOf(error) }));
    }
    if (options.public !== undefined) {
      try {
        const backup = await writePublic(options.public, refresh, now);
        log(evaluationStrings.both('summary.cli.publicWritten', { file: options.public }));
        if (backup) log(cliStrings.both('cli.output.replaced', { file: options.public, backup }));
      } catch (error) {
        throw new UserFacingError(
          evaluationStrings.phrase('summary.cli.error.publicAfterWrite', { workbook: target, file: options.public, reason: phraseOf(error) }),
        );
      }
    }
    return 0;
  });
}

/**
 * `samspill summary FILE.xlsx [-o OUT.xlsx] [--public PUBLIC.xlsx] [--today YYYY-MM-DD]`: computes
 * the summary and brings the action plan up to date with the latest evaluation, prints it, and
 * with --public writes the copy for leaders (summary and action plan as values, nothing from the
 * registers). The refreshed summary and the new actions are written back into the workbook, in
 * place (with a backup) or to -o, without touching any other part of the file.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FactorKey } from '../core/content/contentSchema';
import { localMinute, serialToIso } from '../core/model/dates';
import { factorLabel } from '../core/evaluation/checklistRows';
import { itemLabel } from '../core/content/content';
import { participantLabels } from '../core/evaluation/evaluationRounds';
import { barrierPercent, changeSince, promoterPercent, scoreRound, topBarriers, type FactorChange, type FactorScore } from '../core/evaluation/scoring';
import { refreshSummary, type SummaryRefresh } from '../core/evaluation/summaryRefresh';
import { publicWorkbookPlan } from '../core/summary/publicCopy';
import type { Figure } from '../core/summary/summaryFigures';
import { openXlsxFile, writePlanToBuffer } from '../workbook/xlsx';
import { phraseOf } from '../core/samspillError';
import { writeFileAtomic } from './atomicWrite';
import { evaluationStrings, UserFacingError } from './cliText';
import { openSamspillWorkbook } from './openWorkbook';
import { parseToday } from './options';
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

async function writePublic(target: string, refresh: SummaryRefresh): Promise<void> {
  const plan = publicWorkbookPlan(refresh);
  const bytes = await writePlanToBuffer(plan);
  try {
    mkdirSync(dirname(resolve(target)), { recursive: true });
    await writeFileAtomic(target, bytes, async (temp) => {
      // The copy must open with both its sheets before it replaces anything.
      const sheets = await (await openXlsxFile(temp)).listSheets();
      const missing = plan.sheets.filter((s) => !sheets.some((x) => x.name === s.name));
      if (missing.length) throw new Error(`missing sheets ${missing.map((s) => s.name).join(', ')}`);
    });
  } catch (error) {
    throw new UserFacingError(evaluationStrings.phrase('summary.cli.error.write', { file: target, reason: phraseOf(error) }));
  }
}

export async function summaryCommand(
  file: string,
  options: { output?: string; public?: string; today?: string },
  log: (line: string) => void,
): Promise<number> {
  const today = parseToday(options.today);
  if (options.public !== undefined) {
    if (!/\.xlsx$/i.test(options.public)) throw new UserFacingError(evaluationStrings.phrase('summary.cli.error.publicExtension', { file: options.public }));
    if (resolve(options.public) === resolve(file))
      throw new UserFacingError(evaluationStrings.phrase('summary.cli.error.publicIsSource', { file: options.public }));
  }
  const { loaded } = await openSamspillWorkbook(file);
  const refresh = refreshSummary(loaded.data, today, localMinute(new Date()));
  const lang = refresh.data.lang;
  log(evaluationStrings.text('summary.cli.heading', lang, { file, date: serialToIso(refresh.reportDate) }));
  for (const line of [...figureLines(refresh), ...evaluationLines(refresh), actionLine(refresh)]) log(line);
  if (options.public !== undefined) {
    await writePublic(options.public, refresh);
    log(evaluationStrings.both('summary.cli.publicWritten', { file: options.public }));
  }
  try {
    const chosen = options.today !== undefined ? today : undefined;
    const written = await writeRefreshedSummary(file, options.output, refreshedWorkbook(loaded, refresh, today, chosen), new Date());
    log(evaluationStrings.both('summary.cli.written', { file: written.target, added: refresh.actions.added.length }));
    if (written.backup) log(evaluationStrings.both('summary.cli.backup', { backup: written.backup }));
  } catch (error) {
    if (error instanceof SummaryLayoutChanged) throw new UserFacingError(evaluationStrings.phrase('summary.cli.error.layout', { file, reason: error }));
    throw error;
  }
  return 0;
}

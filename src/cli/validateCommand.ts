/**
 * `samspill validate FILE.xlsx [--format text|json] [--today YYYY-MM-DD]`: reports what is wrong,
 * where and why, in the workbook's language. Exit 0 with no errors (warnings allowed), 1 with
 * errors, 2 when the file cannot be read. It never writes anything.
 */
import { SCHEMA_VERSION } from '../core/content/content';
import type { LoadedWorkbook } from '../core/model/loadWorkbook';
import type { Lang } from '../core/content/language';
import { countIssues, validateWorkbook, type Issue } from '../core/validation/validateWorkbook';
import { cliStrings, UserFacingError } from './cliText';
import { openSamspillWorkbook } from './openWorkbook';
import type { Fingerprint } from './regularFile';
import { jsonSafe } from './terminalText';
import { parseToday } from './options';

export interface ValidateOptions {
  format?: string;
  today?: string;
}

export async function runValidation(file: string, today: number): Promise<{ loaded: LoadedWorkbook; issues: Issue[]; fingerprint: Fingerprint }> {
  // One pass: the registers and every cell that could hold a fødselsnummer.
  const { loaded, identityCandidates, fingerprint } = await openSamspillWorkbook(file, { privacyScan: true });
  const issues = validateWorkbook({
    data: loaded.data,
    today,
    allCells: () => identityCandidates,
    structure: { missingSheets: loaded.missingSheets, schemaVersion: loaded.meta?.schemaVersion ?? null, knownSchemaVersion: SCHEMA_VERSION() },
  });
  return { loaded, issues, fingerprint };
}

/** A sheet with more findings than this is summarised per rule instead of listed cell by cell. */
export const DETAIL_LIMIT = 200;
/** Cells named per rule in a summarised sheet. */
const FIRST_CELLS = 8;
const SEVERITY_ORDER: Record<Issue['severity'], number> = { error: 0, warning: 1, info: 2 };

function detailLines(lang: Lang, list: Issue[]): string[] {
  return list.map((issue) => {
    const where = (issue.cell ?? '').padEnd(7);
    return `  ${where} ${cliStrings.text(`cli.severity.${issue.severity}`, lang).padEnd(9)} ${issue.message}  [${issue.rule}]`;
  });
}

/** One line per rule: how many, the first message, the first cells. */
function ruleLines(lang: Lang, list: Issue[]): string[] {
  const byRule = new Map<string, Issue[]>();
  for (const issue of list) {
    const same = byRule.get(issue.rule);
    if (same) same.push(issue);
    else byRule.set(issue.rule, [issue]);
  }
  return [...byRule.values()]
    .sort((a, b) => SEVERITY_ORDER[a[0].severity] - SEVERITY_ORDER[b[0].severity] || b.length - a.length)
    .map((same) =>
      cliStrings.text('cli.validate.rule', lang, {
        severity: cliStrings.text(`cli.severity.${same[0].severity}`, lang),
        count: same.length,
        rule: same[0].rule,
        message: same[0].message,
        cells: same
          .slice(0, FIRST_CELLS)
          .map((i) => i.cell ?? '—')
          .join(', '),
        more: same.length > FIRST_CELLS ? cliStrings.text('cli.validate.more', lang, { count: same.length - FIRST_CELLS }) : '',
      }),
    );
}

/** The report as text, grouped by sheet: linear in the number of issues, and summarised per rule when long. */
export function textReport(file: string, lang: Lang, issues: Issue[]): string[] {
  const lines: string[] = [];
  const bySheet = new Map<string, Issue[]>();
  for (const issue of issues) {
    const sheet = issue.sheet || cliStrings.text('cli.validate.workbook', lang);
    const list = bySheet.get(sheet);
    if (list) list.push(issue);
    else bySheet.set(sheet, [issue]);
  }
  let summarised = false;
  for (const [sheet, list] of bySheet) {
    lines.push(cliStrings.text('cli.validate.sheet', lang, { sheet, count: list.length }));
    if (list.length > DETAIL_LIMIT) {
      summarised = true;
      lines.push(...ruleLines(lang, list));
    } else lines.push(...detailLines(lang, list));
    lines.push('');
  }
  const counts = countIssues(issues);
  lines.push(issues.length === 0 ? cliStrings.text('cli.validate.clean', lang, { file }) : cliStrings.text('cli.validate.counts', lang, { ...counts, file }));
  if (summarised) lines.push(cliStrings.text('cli.validate.summarised', lang, { file }));
  return lines;
}

export async function validateCommand(file: string, options: ValidateOptions, out: (line: string) => void): Promise<number> {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UserFacingError(cliStrings.phrase('cli.error.format', { value: format }));
  const today = parseToday(options.today);
  const { loaded, issues } = await runValidation(file, today);
  const counts = countIssues(issues);
  if (format === 'json') {
    out(
      jsonSafe(
        JSON.stringify(
          {
            file,
            schemaVersion: loaded.meta?.schemaVersion ?? null,
            counts,
            issues: issues.map(({ rule, severity, sheetKey, sheet, cell, message }) => ({ rule, severity, sheetKey, sheet, cell, message })),
          },
          null,
          2,
        ),
      ),
    );
  } else for (const line of textReport(file, loaded.data.lang, issues)) out(line);
  return counts.error > 0 ? 1 : 0;
}

/**
 * Innstillinger > Kontroller Excel: runs the host's self-check (the port's HostSelfCheck, which the
 * Office adapter implements; browser mode has none) and words its report in the pane's language,
 * as plain text a person can copy into a support request.
 */
import type { Lang } from '../../core/content/language';
import { localMinute } from '../../core/model/dates';
import type { SelfCheckReport } from '../../core/port';
import { paneStrings } from '../i18n';
import { systemClock, type Clock } from './paneClock';
import type { PaneWorkbook } from './paneWorkbook';

export interface SelfCheckOutcome {
  report: SelfCheckReport;
  /** The report as copyable text. */
  text: string;
}

/** The report as text: what was checked, where, when, each capability's result and the cleanup. */
export function selfCheckText(report: SelfCheckReport, lang: Lang, at: Date): string {
  const t = (key: Parameters<typeof paneStrings.text>[0], values?: Parameters<typeof paneStrings.text>[2]) => paneStrings.text(key, lang, values);
  const passed = report.steps.filter((s) => s.ok).length;
  // The results in one column, however long each language's words for them are.
  const width = Math.max(t('selfCheck.report.ok').length, t('selfCheck.report.fail').length);
  const status = (ok: boolean) => t(ok ? 'selfCheck.report.ok' : 'selfCheck.report.fail').padEnd(width);
  const lines = [
    t('selfCheck.report.title'),
    t('selfCheck.report.host', { platform: report.platform, version: report.version }),
    t('selfCheck.report.time', { time: localMinute(at) }),
    '',
    ...report.steps.map((s) => `${status(s.ok)}  ${t(`selfCheck.step.${s.step}`)}${s.detail ? ` — ${s.detail}` : ''}`),
    '',
    t('selfCheck.report.summary', { passed, total: report.steps.length }),
    t(report.cleanedUp ? 'selfCheck.report.cleanedUp' : 'selfCheck.report.leftBehind'),
  ];
  return lines.join('\n');
}

export class SelfCheckService {
  constructor(
    private readonly workbook: PaneWorkbook,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Only a host that can run it offers the check (Excel; not browser mode). */
  get available(): boolean {
    return typeof this.workbook.selfCheck === 'function';
  }

  async run(lang: Lang): Promise<SelfCheckOutcome> {
    if (!this.workbook.selfCheck) throw new Error('This workbook adapter has no self-check.');
    const report = await this.workbook.selfCheck();
    return { report, text: selfCheckText(report, lang, this.clock()) };
  }
}

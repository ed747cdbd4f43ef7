/**
 * Oppsummering: the key figures are live formulas in the sheet; "refresh" re-reads the workbook,
 * brings the evaluation's computed parts and the action plan up to date, and says when.
 */
import { useMemo, useState } from 'react';
import { Body1, Button, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/content/language';
import type { Figure } from '../../core/summary/summaryFigures';
import { formatDay, formatNumber } from '../../core/validation/messages';
import { usePane, usePaneWorkbook } from '../paneContext';
import { SummaryService, type SummaryReport } from '../services/summaryService';
import { paneService } from '../services/paneService';
import { ErrorMessage } from './ErrorMessage';
import { useAction } from './useAction';

const useStyles = makeStyles({
  figures: { display: 'grid', gridTemplateColumns: '1fr auto', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  value: { margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

/** Sections a leader reads first; the rest (by activity, by unit, statements) stay in the sheet. */
const SHOWN = new Set(['keyFigures', 'compliance', 'evaluationProfile']);

function shown(value: number | string, style: Figure['style'], lang: Lang): string {
  if (value === '') return '–';
  if (typeof value === 'string') return value;
  if (style === 'date') return formatDay(value, lang);
  return formatNumber(value, lang);
}

export default function SummaryTab() {
  const styles = useStyles();
  const { t, clock } = usePane();
  const workbook = usePaneWorkbook();
  const service = useMemo(() => paneService(workbook, 'summary', clock, () => new SummaryService(workbook, clock)), [workbook, clock]);
  const [report, setReport] = useState<SummaryReport | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  return (
    <>
      <Body1>{t('summary.intro')}</Body1>
      <Button appearance="primary" disabled={busy} onClick={() => void run(async () => setReport(await service.refresh()))}>
        {t('summary.refresh')}
      </Button>
      {workbook.openCopy && (
        <Button disabled={busy} onClick={() => void run(async () => setCopied(await service.publicCopy()))}>
          {t('summary.publicCopy')}
        </Button>
      )}
      {busy && <Spinner size="tiny" label={t('common.working')} />}
      <ErrorMessage error={error} />
      {copied && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('summary.publicCopyMade', { file: copied })}</MessageBarBody>
        </MessageBar>
      )}
      {report && !report.hasSummary && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('summary.noSummary')}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {t('summary.refreshed', { time: report.refreshedAt, date: formatDay(report.reportDate, report.lang) })}
            {report.actionsAdded > 0 && <div>{t('summary.actionsAdded', { count: report.actionsAdded })}</div>}
            {!report.stamped && <div>{t('summary.notStamped')}</div>}
            {report.summaryWritten && <div>{t('summary.sheetWritten')}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
      {report?.sections
        .filter((s) => SHOWN.has(s.key))
        .map((section) => (
          <section key={section.key} aria-label={section.title}>
            <Subtitle2 as="h2">{section.title}</Subtitle2>
            <dl className={styles.figures}>
              {section.figures.map((figure) => (
                <div key={figure.name} style={{ display: 'contents' }}>
                  <dt>{figure.labelFormula?.result ?? figure.label}</dt>
                  <dd className={styles.value}>
                    {shown(figure.value, figure.style, report.lang)}
                    {figure.second ? ` / ${shown(figure.second.value, figure.second.style, report.lang)}` : ''}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
    </>
  );
}

/**
 * Kontroll: validate the workbook with the same rules as `samspill validate`; issues listed by
 * sheet with their severity; choosing one selects its cell in the sheet.
 */
import { useMemo, useState } from 'react';
import { Badge, Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Issue } from '../../core/validation/issue';
import { usePane, usePaneWorkbook } from '../paneContext';
import { ValidationService, type ValidationReport } from '../services/validationService';
import { paneService } from '../services/paneService';
import { ErrorMessage } from './ErrorMessage';
import { useAction } from './useAction';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  issue: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'left',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    height: 'auto',
    paddingBlock: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  badge: { flexShrink: 0, minWidth: 'max-content' },
});

const COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export default function ValidationTab() {
  const styles = useStyles();
  const { t, clock } = usePane();
  const workbook = usePaneWorkbook();
  const service = useMemo(() => paneService(workbook, 'validation', clock, () => new ValidationService(workbook, clock)), [workbook, clock]);
  const [report, setReport] = useState<ValidationReport | null>(null);
  const { busy, error, run } = useAction();

  const show = (issue: Issue) => run(() => service.show(issue));

  return (
    <>
      <Body1>{t('validation.intro')}</Body1>
      <Button appearance="primary" disabled={busy} onClick={() => void run(async () => setReport(await service.validate()))}>
        {t('validation.run')}
      </Button>
      {busy && <Spinner size="tiny" label={t('common.working')} />}
      <ErrorMessage error={error} />
      {report && (
        <MessageBar intent={report.counts.error > 0 ? 'error' : report.counts.warning > 0 ? 'warning' : 'success'} role="status">
          <MessageBarBody>{report.groups.length === 0 ? t('validation.clean') : t('validation.counts', report.counts)}</MessageBarBody>
        </MessageBar>
      )}
      {report?.groups.map((group) => (
        <section key={group.sheet} aria-label={group.sheet || t('validation.workbook')}>
          <Subtitle2 as="h2">
            {group.sheet || t('validation.workbook')} ({group.issues.length})
          </Subtitle2>
          <ul className={styles.list}>
            {group.issues.map((issue, i) => (
              <li key={`${issue.rule}-${issue.cell}-${i}`}>
                <Button appearance="subtle" className={styles.issue} disabled={!issue.cell} onClick={() => void show(issue)}>
                  <Badge appearance="filled" color={COLOR[issue.severity]} className={styles.badge}>
                    {t(`severity.${issue.severity}`)}
                  </Badge>
                  <span>
                    {issue.cell && <Caption1>{issue.cell} · </Caption1>}
                    {issue.message}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/**
 * Kontroll as a to-do list: the workbook validated with the same rules as `samspill validate`
 * each time the tab opens, identical messages of a rule as one item with the number of places,
 * filtered by severity and sheet, and for each item what the pane can do about it — open the
 * record, merge a duplicate, set an action's owner and deadline, go on with the evaluation — and
 * the cell it points to.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { isoToSerial, serialToIso } from '../../core/model/dates';
import type { Issue } from '../../core/validation/issue';
import { SEVERITIES, type Severity } from '../../core/validation/issue';
import { usePane, usePaneWorkbook } from '../paneContext';
import { useKept, usePaneWork } from '../paneWork';
import { todayOf } from '../services/paneClock';
import { RecordService } from '../services/recordService';
import { ValidationService, type IssueFix, type IssueGroup, type ValidationReport } from '../services/validationService';
import { ConfirmDialog } from './ConfirmDialog';
import { paneService } from '../services/paneService';
import { ErrorMessage } from './ErrorMessage';
import { useAction } from './useAction';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  badge: { flexShrink: 0, minWidth: 'max-content' },
  message: { overflowWrap: 'anywhere' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  places: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

const COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export default function ValidationTab() {
  const styles = useStyles();
  const { t, clock } = usePane();
  const workbook = usePaneWorkbook();
  const service = useMemo(() => paneService(workbook, 'validation', clock, () => new ValidationService(workbook, clock)), [workbook, clock]);
  const records = useMemo(() => paneService(workbook, 'record', clock, () => new RecordService(workbook)), [workbook, clock]);
  const [report, setReport] = useKept<ValidationReport | null>('validation.report', null);
  const [shown, setShown] = useKept<Severity[]>('validation.severities', [...SEVERITIES]);
  const [sheet, setSheet] = useKept<string>('validation.sheet', '');
  const [assigning, setAssigning] = useState<Extract<IssueFix, { kind: 'assign' }> | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const check = () => run(async () => setReport(await service.validate()));
  // A to-do list is current when it is looked at: checked each time the tab opens.
  useEffect(() => {
    void check();
  }, [service]);

  const sheets = report?.sheets.map((s) => s.sheet) ?? [];
  const visible = (report?.sheets ?? [])
    .filter((s) => sheet === '' || s.sheet === sheet)
    .map((s) => ({ ...s, groups: s.groups.filter((g) => shown.includes(g.severity)) }))
    .filter((s) => s.groups.length > 0);
  const total = report ? report.counts.error + report.counts.warning + report.counts.info : 0;
  const visibleCount = visible.reduce((n, s) => n + s.groups.reduce((m, g) => m + g.issues.length, 0), 0);

  return (
    <>
      <Body1>{t('validation.intro')}</Body1>
      <Button appearance={report ? 'secondary' : 'primary'} disabled={busy} onClick={() => void check()}>
        {report ? t('validation.rerun') : t('validation.run')}
      </Button>
      {busy && <Spinner size="tiny" label={t('common.working')} />}
      <ErrorMessage error={error} />
      {note && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <MessageBar intent={report.counts.error > 0 ? 'error' : report.counts.warning > 0 ? 'warning' : 'success'} role="status">
          <MessageBarBody>{total === 0 ? t('validation.clean') : t('validation.counts', report.counts)}</MessageBarBody>
        </MessageBar>
      )}
      {report && total > 0 && (
        <div className={styles.filters} role="group" aria-label={t('validation.filter')}>
          {SEVERITIES.map((severity) => (
            <ToggleButton
              key={severity}
              size="small"
              checked={shown.includes(severity)}
              onClick={() => setShown(shown.includes(severity) ? shown.filter((s) => s !== severity) : [...shown, severity])}
            >
              {t('validation.filterSeverity', { label: t(`severity.${severity}`), count: report.counts[severity] })}
            </ToggleButton>
          ))}
          {sheets.length > 1 && (
            <Field label={t('validation.sheetFilter')} orientation="horizontal">
              <Select size="small" value={sheet} onChange={(_, d) => setSheet(d.value)}>
                <option value="">{t('validation.allSheets')}</option>
                {sheets.map((s) => (
                  <option key={s} value={s}>
                    {s || t('validation.workbook')}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
      )}
      {report && visibleCount < total && <Caption1>{t('validation.hidden', { count: total - visibleCount })}</Caption1>}
      {visible.map((group) => (
        <section key={group.sheet} aria-label={group.sheet || t('validation.workbook')}>
          <Subtitle2 as="h2">
            {group.sheet || t('validation.workbook')} ({group.groups.reduce((n, g) => n + g.issues.length, 0)})
          </Subtitle2>
          <ul className={styles.list}>
            {group.groups.map((item) => (
              <IssueItem key={`${item.rule}-${item.message}`} item={item} onShow={(issue) => void run(() => service.show(issue))} onAssign={setAssigning} />
            ))}
          </ul>
        </section>
      ))}
      {assigning && (
        <AssignDialog
          fix={assigning}
          today={todayOf(clock)}
          onCancel={() => setAssigning(null)}
          onSave={(responsible, deadline) =>
            void run(async () => {
              await records.assign(assigning.round, assigning.statementId, responsible, deadline);
              setAssigning(null);
              setNote(t('assign.saved'));
              setReport(await service.validate());
            })
          }
        />
      )}
    </>
  );
}

/** One message, the number of places it stands in, and what can be done about it. */
function IssueItem({
  item,
  onShow,
  onAssign,
}: {
  item: IssueGroup;
  onShow: (issue: Issue) => void;
  onAssign: (fix: Extract<IssueFix, { kind: 'assign' }>) => void;
}) {
  const styles = useStyles();
  const { t } = usePane();
  const [open, setOpen] = useState(false);
  const first = item.issues[0];
  const many = item.issues.length > 1;
  return (
    <li className={styles.item}>
      <div className={styles.line}>
        <Badge appearance="filled" color={COLOR[item.severity]} className={styles.badge}>
          {t(`severity.${item.severity}`)}
        </Badge>
        <span className={styles.message}>
          {!many && first.cell && <Caption1>{first.cell} · </Caption1>}
          {item.message}
          {many && <Caption1> ({t('validation.times', { count: item.issues.length })})</Caption1>}
        </span>
      </div>
      <div className={styles.buttons}>
        {!many && <FixButton fix={item.fixes[0]} issue={first} onAssign={onAssign} />}
        {!many && first.cell && (
          <Button size="small" appearance="subtle" onClick={() => onShow(first)}>
            {t('validation.showCell', { cell: first.cell })}
          </Button>
        )}
        {many && (
          <Button size="small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t('validation.showAll', { count: item.issues.length })}
          </Button>
        )}
      </div>
      {many && open && (
        <ul className={styles.places}>
          {item.issues.map((issue, i) => (
            <li key={`${issue.cell}-${i}`}>
              <FixButton fix={item.fixes[i]} issue={issue} onAssign={onAssign} compact />
              {!item.fixes[i] && issue.cell && (
                <Button size="small" appearance="subtle" onClick={() => onShow(issue)}>
                  {t('validation.showCell', { cell: issue.cell })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function FixButton({
  fix,
  issue,
  onAssign,
  compact,
}: {
  fix: IssueFix | null;
  issue: Issue;
  onAssign: (fix: Extract<IssueFix, { kind: 'assign' }>) => void;
  compact?: boolean;
}) {
  const { t } = usePane();
  const { navigate } = usePaneWork();
  if (!fix) return null;
  switch (fix.kind) {
    case 'open':
      return (
        <Button size="small" onClick={() => navigate('register', { register: fix.register, rowNumber: fix.rowNumber })}>
          {compact ? t('validation.fix.openRow', { row: fix.rowNumber }) : t('validation.fix.open')}
        </Button>
      );
    case 'merge':
      return (
        <Button size="small" onClick={() => navigate('register', { register: 'volunteers', rowNumber: fix.keep, merge: fix.drop })}>
          {t('validation.fix.merge')}
          {compact ? ` (${issue.cell})` : ''}
        </Button>
      );
    case 'assign':
      return (
        <Button size="small" onClick={() => onAssign(fix)}>
          {t('validation.fix.assign')}
          {compact ? ` (${issue.cell})` : ''}
        </Button>
      );
    case 'evaluate':
      return (
        <Button size="small" onClick={() => navigate('evaluation')}>
          {t('validation.fix.evaluate')}
        </Button>
      );
  }
}

/** Who is responsible for a barrier's actions, and by when. */
function AssignDialog({
  fix,
  today,
  onSave,
  onCancel,
}: {
  fix: Extract<IssueFix, { kind: 'assign' }>;
  today: number;
  onSave: (responsible: string, deadline: number | null) => void;
  onCancel: () => void;
}) {
  const { t } = usePane();
  const [responsible, setResponsible] = useState('');
  const [deadline, setDeadline] = useState(serialToIso(today + 90));
  const valid = responsible.trim() !== '' && /^\d{4}-\d{2}-\d{2}$/.test(deadline);
  return (
    <ConfirmDialog
      open
      title={t('assign.title')}
      confirm={t('assign.confirm')}
      cancel={t('register.cancel')}
      confirmDisabled={!valid}
      onCancel={onCancel}
      onConfirm={() => onSave(responsible, isoToSerial(deadline))}
    >
      <Body1>{t('assign.body', { statement: fix.statement })}</Body1>
      <Field label={t('assign.responsible')} required>
        <Input value={responsible} maxLength={100} onChange={(_, d) => setResponsible(d.value)} />
      </Field>
      <Field label={t('assign.deadline')} required>
        <Input type="date" value={deadline} onChange={(_, d) => setDeadline(d.value)} />
      </Field>
    </ConfirmDialog>
  );
}

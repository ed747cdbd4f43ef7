/**
 * One record, read back from the workbook as it stands now: its values as the language writes
 * them, what refers to it, and what a coordinator does with it — edit, end (a date and a reason,
 * kept for the statistics), delete where the rules allow, merge a duplicate volunteer, log hours
 * for a volunteer, fill the printable agreement. Each change is compared with the row as read;
 * a row changed in the sheet meanwhile is refused and read again.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { isoToSerial, serialToIso } from '../../../core/model/dates';
import { RowChanged } from '../../../core/port';
import { formatDay } from '../../../core/validation/messages';
import { usePane, usePaneWorkbook } from '../../paneContext';
import { todayOf } from '../../services/paneClock';
import { paneService } from '../../services/paneService';
import { PrintDocumentButton } from '../print/PrintDocumentButton';
import { RecordService, type RecordView } from '../../services/recordService';
import type { FormRegister } from '../../services/registerService';
import { ConfirmDialog } from '../ConfirmDialog';
import { ErrorMessage } from '../ErrorMessage';
import { FocusHeading } from '../FocusHeading';
import { useAction } from '../useAction';
import { PersonChooser } from './PersonChooser';

const useStyles = makeStyles({
  fields: { display: 'grid', gridTemplateColumns: 'minmax(7em, 40%) 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  value: { margin: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  sub: { ...typographyStyles.body1Strong, margin: 0 },
  // A way back above the heading, at the start of the line like the rest; a column stretches a button otherwise.
  back: { alignSelf: 'flex-start', paddingLeft: 0 },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

type Dialog = 'end' | 'delete' | 'merge' | null;

interface Props {
  register: FormRegister;
  rowNumber: number;
  /** A message from the action that led here (saved, merged). */
  message: string | null;
  /** Start merging with this row (a duplicate validation found). */
  mergeWith?: number;
  onBack: (message?: string) => void;
  onEdit: (view: RecordView) => void;
  onLogHours: (volunteerId: string) => void;
  onOpen: (register: FormRegister, rowNumber: number) => void;
}

export function RecordDetails({ register, rowNumber, message, mergeWith, onBack, onEdit, onLogHours, onOpen }: Props) {
  const styles = useStyles();
  const { t, lang, clock } = usePane();
  const workbook = usePaneWorkbook();
  const service = useMemo(() => paneService(workbook, 'record', clock, () => new RecordService(workbook)), [workbook, clock]);
  const [view, setView] = useState<RecordView | null | undefined>(undefined);
  const [note, setNote] = useState<string | null>(message);
  const [dialog, setDialog] = useState<Dialog>(mergeWith ? 'merge' : null);
  const { busy, error, run, setError } = useAction();
  const kind = (key: string) => t(`register.kind.${key}` as 'register.kind.hours');

  const load = () =>
    run(async () => {
      const opened = await service.open(register, rowNumber);
      setView(opened);
    });
  useEffect(() => {
    void load();
    // Read again whenever another record is asked for.
  }, [service, register, rowNumber]);

  /** Runs a change; a row changed in the sheet meanwhile is said, and the record read again. */
  const change = (action: () => Promise<string | void>) =>
    run(async () => {
      try {
        const said = await action();
        setDialog(null);
        if (typeof said === 'string') setNote(said);
      } catch (caught) {
        setDialog(null);
        if (caught instanceof RowChanged) setView(await service.open(register, rowNumber));
        throw caught;
      }
    });

  if (view === undefined) return busy ? <Spinner size="tiny" label={t('common.reading')} /> : <ErrorMessage error={error} />;
  if (view === null) {
    return (
      <>
        <MessageBar intent="warning" role="status">
          <MessageBarBody>{t('register.gone')}</MessageBarBody>
        </MessageBar>
        <Button onClick={() => onBack()}>{t('register.back')}</Button>
      </>
    );
  }

  const name = t(`register.kind.${register}`);
  return (
    <>
      <Button className={styles.back} appearance="transparent" onClick={() => onBack()}>
        ← {t('register.back')}
      </Button>
      <FocusHeading focusKey={`${register}-${rowNumber}`}>{view.title}</FocusHeading>
      <Caption1>{t('register.inSheet', { row: view.rowNumber, sheet: view.sheet })}</Caption1>
      {note && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={error} />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => onEdit(view)}>
          {t('register.edit')}
        </Button>
        {view.mayEnd && <Button onClick={() => setDialog('end')}>{t('register.end')}</Button>}
        {view.mayDelete && <Button onClick={() => setDialog('delete')}>{t('register.delete')}</Button>}
        {register === 'volunteers' && view.others.length > 0 && <Button onClick={() => setDialog('merge')}>{t('register.merge')}</Button>}
        {register === 'volunteers' && typeof view.values.id === 'string' && (
          <Button onClick={() => onLogHours(view.values.id as string)}>{t('register.logHours', { name: String(view.values.name ?? view.values.id) })}</Button>
        )}
        {/* The agreement to sign, or the volunteer's papers (declaration, police certificate record): issue 16's documents. */}
        {register === 'agreements' && typeof view.values.id === 'string' && view.values.id !== '' && (
          <PrintDocumentButton kind="agreement" id={view.values.id} />
        )}
        {register === 'volunteers' && typeof view.values.id === 'string' && view.values.id !== '' && (
          <PrintDocumentButton kind="volunteerPapers" id={view.values.id} />
        )}
      </div>
      <dl className={styles.fields} aria-label={name}>
        {view.fields.map((f) => (
          <div key={f.key} style={{ display: 'contents' }}>
            <dt className={styles.term}>{f.label}</dt>
            <dd className={styles.value}>{f.text}</dd>
          </div>
        ))}
      </dl>
      {view.references.map((r) => (
        <Body1 key={r.register}>
          {r.count === 1
            ? t('register.referencedByOne', { register: kind(r.register) })
            : t('register.referencedBy', { count: r.count, register: kind(r.register) })}
        </Body1>
      ))}
      {!view.mayDelete && register !== 'hours' && register !== 'actions' && <Caption1>{t('register.cannotDelete')}</Caption1>}
      {view.hours.length > 0 && (
        <section aria-labelledby="latest-hours">
          <h3 id="latest-hours" className={styles.sub}>
            {t('register.latestHours')}
          </h3>
          <ul className={styles.list}>
            {view.hours.map((h) => (
              <li key={h.rowNumber}>
                <Link onClick={() => onOpen('hours', h.rowNumber)}>{`${h.title} · ${h.detail}`}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <EndDialog
        open={dialog === 'end'}
        view={view}
        today={todayOf(clock)}
        onCancel={() => setDialog(null)}
        onEnd={(day, reason) =>
          change(async () => {
            await service.end(view, day, reason);
            setView(await service.open(register, rowNumber));
            return t('register.ended', { title: view.title, date: formatDay(day, lang) });
          })
        }
      />
      <ConfirmDialog
        open={dialog === 'delete'}
        title={t('delete.title', { title: view.title })}
        confirm={t('delete.confirm')}
        cancel={t('register.cancel')}
        onCancel={() => setDialog(null)}
        onConfirm={() =>
          change(async () => {
            await service.remove([view]);
            onBack(t('register.deleted', { title: view.title }));
          })
        }
      >
        <Body1>{t('delete.body', { sheet: view.sheet })}</Body1>
      </ConfirmDialog>
      <MergeDialog
        open={dialog === 'merge'}
        view={view}
        initial={mergeWith}
        onCancel={() => {
          setDialog(null);
          setError(null);
        }}
        onMerge={(other) =>
          change(async () => {
            const { hoursMoved } = await service.merge(view, other);
            const reopened = await service.open(register, other < rowNumber ? rowNumber - 1 : rowNumber);
            setView(reopened);
            if (reopened && reopened.rowNumber !== rowNumber) onOpen(register, reopened.rowNumber);
            return t('register.merged', { title: view.title, hours: hoursMoved });
          })
        }
      />
    </>
  );
}

/** Ending a volunteer or an agreement: the day (today unless changed) and why, in a few words. */
function EndDialog({
  open,
  view,
  today,
  onEnd,
  onCancel,
}: {
  open: boolean;
  view: RecordView;
  today: number;
  onEnd: (day: number, reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = usePane();
  const [day, setDay] = useState(serialToIso(today));
  const [reason, setReason] = useState('');
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(day);
  return (
    <ConfirmDialog
      open={open}
      title={t('end.title', { title: view.title })}
      confirm={t('end.confirm')}
      cancel={t('register.cancel')}
      confirmDisabled={!valid}
      onCancel={onCancel}
      onConfirm={() => onEnd(isoToSerial(day), reason)}
    >
      <Body1>{t('end.body')}</Body1>
      <Field label={t('end.date')} required>
        <Input type="date" value={day} onChange={(_, d) => setDay(d.value)} />
      </Field>
      <Field label={t('end.reason')} hint={t('end.reasonHint')}>
        <Input value={reason} maxLength={200} list="end-reasons" onChange={(_, d) => setReason(d.value)} />
      </Field>
      <datalist id="end-reasons">
        {view.endReasons.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
    </ConfirmDialog>
  );
}

/** Merging a duplicate volunteer into this one: the other chosen by name. */
function MergeDialog({
  open,
  view,
  initial,
  onMerge,
  onCancel,
}: {
  open: boolean;
  view: RecordView;
  initial?: number;
  onMerge: (rowNumber: number) => void;
  onCancel: () => void;
}) {
  const { t } = usePane();
  const [other, setOther] = useState('');
  const rowOf = (id: string) => view.others.find((c) => c.value === id);
  useEffect(() => {
    if (open && initial !== undefined && other === '') setOther(view.others.find((c) => c.rowNumber === initial)?.value ?? '');
  }, [open, initial]);
  const chosen = rowOf(other);
  return (
    <ConfirmDialog
      open={open}
      title={t('merge.title', { title: view.title })}
      confirm={t('merge.confirm')}
      cancel={t('register.cancel')}
      confirmDisabled={!chosen}
      onCancel={onCancel}
      onConfirm={() => chosen?.rowNumber && onMerge(chosen.rowNumber)}
    >
      <Body1>{t('merge.body', { keep: view.title })}</Body1>
      <Field label={t('merge.other')} required>
        <PersonChooser
          id="merge-other"
          choices={view.others}
          value={other}
          onChange={setOther}
          placeholder={t('register.choosePerson')}
          noMatch={t('register.noPerson')}
          removeLabel={(name) => t('register.remove', { name })}
          chosenLabel={t('register.chosen')}
        />
      </Field>
    </ConfirmDialog>
  );
}

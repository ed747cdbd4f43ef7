/**
 * Registrer: working in the registers (partners, agreements, volunteers, hours, actions). A
 * register opens as a list to search; a record opens to read, edit, end, delete or merge; "new"
 * opens a form. Where the user is and what they typed is kept above the tabs; leaving a form with
 * unsaved changes asks first. Another tab (validation's "open") or a selection in Excel can send
 * the user to a record here.
 */
import { useEffect, useMemo, useState } from 'react';
import { Field, MessageBar, MessageBarActions, MessageBarBody, Radio, RadioGroup, Spinner, Button, Body1, makeStyles } from '@fluentui/react-components';
import { usePane, usePaneWorkbook } from '../paneContext';
import { useKept, usePaneWork, type RegisterIntent } from '../paneWork';
import { RecordService, type RecordList as Records, type RecordView } from '../services/recordService';
import { FORM_REGISTERS, RegisterService, type FormInput, type FormRegister, type RecordForm, type RecordRef } from '../services/registerService';
import { ConfirmDialog } from './ConfirmDialog';
import { paneService } from '../services/paneService';
import { ErrorMessage } from './ErrorMessage';
import { RecordDetails } from './register/RecordDetails';
import { RecordFormView, unsavedKey } from './register/RecordFormView';
import { LIST_PAGE, RecordList } from './register/RecordList';
import { ImportPanel } from './import/ImportPanel';
import { useLoad } from './useLoad';

const useStyles = makeStyles({
  registers: { flexWrap: 'wrap', rowGap: '0' },
});

type View =
  | { mode: 'list'; message?: string }
  | { mode: 'record'; rowNumber: number; message?: string | null; merge?: number }
  | { mode: 'new'; preset?: FormInput }
  | { mode: 'edit'; ref: RecordRef & { title: string } };

export default function RegisterTab() {
  const styles = useStyles();
  const { t } = usePane();
  const workbook = usePaneWorkbook();
  const { clock } = usePane();
  const work = usePaneWork();
  const [register, setRegister] = useKept<FormRegister>('register.key', 'volunteers');
  const [view, setView] = useKept<View>('register.view', { mode: 'list' });
  const [seen, setSeen] = useKept<number>('register.intentSeen', 0);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const records = useMemo(() => paneService(workbook, 'record', clock, () => new RecordService(workbook)), [workbook, clock]);
  const forms = useMemo(() => paneService(workbook, 'register', clock, () => new RegisterService(workbook, clock)), [workbook, clock]);
  const [version, setVersion] = useState(0);
  const unsaved = work.unsaved.has(unsavedKey(false)) || work.unsaved.has(unsavedKey(true));

  /** Goes somewhere else, asking first when a form holds unsaved changes. */
  const guarded = (go: () => void) => {
    if (unsaved) setPending(() => go);
    else go();
  };
  const discardForms = () => {
    for (const key of [...work.kept.keys()]) if (key.startsWith('register.new.') || key.startsWith('register.edit.')) work.keep(key, undefined);
    work.setUnsaved(unsavedKey(false), false);
    work.setUnsaved(unsavedKey(true), false);
  };

  // Another tab or a selection in Excel asked for a record: go there once.
  const intent = work.intent;
  useEffect(() => {
    if (!intent || intent.serial <= seen) return;
    setSeen(intent.serial);
    const go = () => applyIntent(intent.value);
    guarded(go);
    // Only a new intent matters; the rest is read when it arrives.
  }, [intent?.serial]);

  function applyIntent(value: RegisterIntent) {
    setRegister(value.register);
    if (value.rowNumber === undefined) setView({ mode: 'list' });
    else setView({ mode: 'record', rowNumber: value.rowNumber, merge: value.merge });
  }

  // The list's search and length (RecordList sets them): the service searches, and sends only what is shown.
  const [query] = useKept(`register.search.${register}`, '');
  const [shown] = useKept(`register.shown.${register}`, LIST_PAGE);
  const listed = useLoad(view.mode === 'list' ? () => records.list(register, query, shown).then((read) => ({ ...read, version })) : null, [
    records,
    register,
    view.mode,
    version,
    query,
    shown,
  ]);
  // A list read for another register, or before the last change, is not this one's; one read for
  // an earlier search stays until the new search's answer comes (typing does not blank the list).
  const list: Records | null = listed.value?.key === register && listed.value.version === version ? listed.value : null;
  // An empty register has nothing to list: its form is what the user came for.
  const empty = view.mode === 'list' && list !== null && list.sheet !== null && list.total === 0;
  const needsForm = view.mode === 'new' || view.mode === 'edit' || empty;
  const loadedForm = useLoad(needsForm ? () => forms.form(register) : null, [forms, register, needsForm, version]);
  const form: RecordForm | null = loadedForm.value?.key === register ? loadedForm.value : null;
  const busy = listed.loading || loadedForm.loading;
  const error = listed.error ?? loadedForm.error;

  const open = (key: FormRegister, rowNumber: number, message?: string | null) => {
    setRegister(key);
    setView({ mode: 'record', rowNumber, message });
  };

  return (
    <>
      {/* One click to another register (a coordinator moves between them all day); the radios wrap at 350 px. */}
      <Field label={t('register.choose')}>
        <RadioGroup
          id="register-choose"
          className={styles.registers}
          layout="horizontal"
          value={register}
          onChange={(_, d) =>
            guarded(() => {
              discardForms();
              setRegister(d.value as FormRegister);
              setView({ mode: 'list' });
            })
          }
        >
          {FORM_REGISTERS.map((key) => (
            <Radio key={key} value={key} label={t(`register.kind.${key}`)} />
          ))}
        </RadioGroup>
      </Field>
      <SelectionNotice onOpen={(value) => guarded(() => applyIntent(value))} />
      <ErrorMessage error={error} />
      {view.mode === 'list' && (
        <>
          {view.message && (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{view.message}</MessageBarBody>
            </MessageBar>
          )}
          {list && !list.sheet ? (
            <MessageBar intent="warning">
              <MessageBarBody>{t('register.noRegister')}</MessageBarBody>
            </MessageBar>
          ) : empty ? null : (
            <RecordList register={register} records={list} busy={busy} onOpen={(row) => open(register, row)} onNew={() => setView({ mode: 'new' })} />
          )}
        </>
      )}
      {view.mode === 'record' && (
        <RecordDetails
          key={`${register}-${view.rowNumber}`}
          register={register}
          rowNumber={view.rowNumber}
          message={view.message ?? null}
          mergeWith={view.merge}
          onBack={(message) => {
            setView({ mode: 'list', message });
            setVersion((v) => v + 1);
          }}
          onEdit={(opened: RecordView) =>
            setView({
              mode: 'edit',
              ref: { key: register, rowNumber: opened.rowNumber, snapshot: opened.snapshot, values: opened.values, title: opened.title },
            })
          }
          onLogHours={(id) => {
            setRegister('hours');
            setView({ mode: 'new', preset: { volunteerId: id } });
          }}
          onOpen={(key, row) => open(key, row)}
        />
      )}
      {needsForm && !form && busy && <Spinner size="tiny" label={t('common.reading')} />}
      {needsForm && form && form.key === register && !form.sheet && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('register.noRegister')}</MessageBarBody>
        </MessageBar>
      )}
      {needsForm && form && form.key === register && form.sheet && (
        <RecordFormView
          key={view.mode === 'edit' ? `edit-${view.ref.rowNumber}` : `new-${register}`}
          focusHeading={!empty}
          service={forms}
          form={form}
          editing={view.mode === 'edit' ? view.ref : undefined}
          preset={view.mode === 'new' ? view.preset : undefined}
          onOpen={(row) => {
            // "Open" on a possible duplicate is the user's answer: the new record is not wanted.
            discardForms();
            open(register, row);
          }}
          onDone={(message, row) => {
            discardForms();
            if (row !== undefined) open(register, row, message);
            else setView({ mode: 'list', message: message ?? undefined });
          }}
          onSavedNew={() => {
            // The first record of an empty register: from now on the register has a list to return to.
            if (empty) setView({ mode: 'new' });
            setVersion((v) => v + 1);
          }}
          onCancel={() =>
            guarded(() => {
              discardForms();
              if (view.mode === 'edit') open(register, view.ref.rowNumber);
              else setView({ mode: 'list' });
            })
          }
        />
      )}
      <ConfirmDialog
        open={pending !== null}
        title={t('confirm.discard.title')}
        confirm={t('confirm.discard')}
        cancel={t('confirm.keep')}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          const go = pending;
          setPending(null);
          discardForms();
          go?.();
        }}
      >
        <Body1>{t('confirm.discard.body')}</Body1>
      </ConfirmDialog>
      {/* Import from a sign-up form's export fills the volunteer register: offered under its list (or its first form), hidden only where there is no register to fill. */}
      {view.mode === 'list' && register === 'volunteers' && !(list && !list.sheet) && <ImportPanel onImported={() => setVersion((v) => v + 1)} />}
    </>
  );
}

/** A register row the user selected in Excel while a form here had unsaved changes: offered, not forced. */
function SelectionNotice({ onOpen }: { onOpen: (intent: RegisterIntent) => void }) {
  const { t } = usePane();
  const [selected, setSelected] = useKept<{ intent: RegisterIntent; sheet: string } | null>('selection.pending', null);
  if (!selected || selected.intent.rowNumber === undefined) return null;
  return (
    <MessageBar intent="info" role="status">
      <MessageBarBody>{t('register.selected', { row: selected.intent.rowNumber, sheet: selected.sheet })}</MessageBarBody>
      <MessageBarActions>
        <Button
          onClick={() => {
            setSelected(null);
            onOpen(selected.intent);
          }}
        >
          {t('register.selectedOpen')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/**
 * Registrer: a form per register (partner, agreement, volunteer, hours), built from the column
 * definitions. The record is checked by the workbook's own rules before anything is written;
 * their messages show at the fields they concern.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Body1, Button, Field, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Issue } from '../../core/validation/issue';
import { usePane, usePaneWorkbook } from '../paneContext';
import { PrintDocumentButton } from './print/PrintDocumentButton';
import { FORM_REGISTERS, RegisterService, type FormInput, type FormRegister, type RecordForm } from '../services/registerService';
import { paneService } from '../services/paneService';
import { ErrorMessage } from './ErrorMessage';
import { FieldInput } from './FieldInput';
import { ImportPanel } from './import/ImportPanel';
import { useAction } from './useAction';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type Outcome =
  | { kind: 'appended'; sheet: string; warnings: Issue[]; values: Record<string, unknown> }
  | { kind: 'refused'; byField: Record<string, Issue[]>; other: Issue[] }
  | { kind: 'noRegister' };

export default function RegisterTab() {
  const styles = useStyles();
  const { t } = usePane();
  const [register, setRegister] = useState<FormRegister>('volunteers');
  const { form, input, outcome, busy, error, submit, setField } = useRecordForm(register);

  return (
    <>
      <Field label={t('register.choose')}>
        <Select value={register} onChange={(_, d) => setRegister(d.value as FormRegister)}>
          {FORM_REGISTERS.map((key) => (
            <option key={key} value={key}>
              {t(`register.kind.${key}`)}
            </option>
          ))}
        </Select>
      </Field>
      <ErrorMessage error={error} />
      {!form && busy && <Spinner size="tiny" label={t('common.reading')} />}
      {form && !form.sheet && <NoRegister />}
      {form && form.sheet && (
        <form className={styles.form} onSubmit={submit} aria-label={t(`register.kind.${register}`)} noValidate>
          <Body1>{t('register.intro', { sheet: form.sheet })}</Body1>
          <RecordFields form={form} input={input} byField={outcome?.kind === 'refused' ? outcome.byField : {}} onChange={setField} />
          <OutcomeMessages outcome={outcome} />
          {outcome?.kind === 'appended' && (register === 'agreements' || register === 'volunteers') && typeof outcome.values.id === 'string' && (
            <PrintDocumentButton kind={register === 'agreements' ? 'agreement' : 'volunteerPapers'} id={outcome.values.id} />
          )}
          <Button type="submit" appearance="primary" disabled={busy}>
            {t('register.save')}
          </Button>
        </form>
      )}
      {register === 'volunteers' && form?.sheet && <ImportPanel />}
    </>
  );
}

/**
 * The chosen register's form and what happens to it: the fields and the typed input, saving a
 * record (checked by the workbook's rules first), and the outcome.
 */
function useRecordForm(register: FormRegister) {
  const { clock } = usePane();
  const workbook = usePaneWorkbook();
  const service = useMemo(() => paneService(workbook, 'register', clock, () => new RegisterService(workbook, clock)), [workbook, clock]);
  const [form, setForm] = useState<RecordForm | null>(null);
  const [input, setInput] = useState<FormInput>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { busy, error, run, setError } = useAction();
  // The register chosen now: a form that arrives for another (the user switched meanwhile) is not shown.
  const chosen = useRef(register);
  chosen.current = register;

  // Not through `run`, which drops a call while a save is running: a switch made then must still load its form.
  useEffect(() => {
    setForm(null);
    setInput({});
    setOutcome(null);
    service.form(register).then(
      (loaded) => chosen.current === register && setForm(loaded),
      (caught: unknown) => chosen.current === register && setError(caught),
    );
  }, [service, register, setError]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const result = await service.append(register, input);
      setOutcome(result);
      if (result.kind === 'appended') {
        setInput({});
        const next = await service.form(register);
        if (chosen.current === register) setForm(next);
      }
    });
  };
  const setField = (key: string, value: string) => setInput((prev) => ({ ...prev, [key]: value }));
  return { form, input, outcome, busy, error, submit, setField };
}

/** A field per column of the register, showing the issues the last save found in it. */
function RecordFields({
  form,
  input,
  byField,
  onChange,
}: {
  form: RecordForm;
  input: FormInput;
  byField: Record<string, Issue[]>;
  onChange: (key: string, value: string) => void;
}) {
  const { t, lang } = usePane();
  return (
    <>
      {form.fields.map((field) => (
        <FieldInput
          key={field.column.key}
          field={field}
          lang={lang}
          value={input[field.column.key] ?? ''}
          onChange={(value) => onChange(field.column.key, value)}
          issues={byField[field.column.key]}
          placeholder={field.generated && form.nextId ? t('register.generatedId', { id: form.nextId }) : undefined}
          requiredLabel={t('register.required')}
          noChoice={t('register.noChoice')}
        />
      ))}
    </>
  );
}

/** What the last save did: refused (with the issues no field shows), found no register, or appended (with warnings). */
function OutcomeMessages({ outcome }: { outcome: Outcome | null }) {
  const { t } = usePane();
  if (outcome?.kind === 'refused') {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          {t('register.refused')}
          {outcome.other.map((i) => (
            <div key={`${i.rule}-${i.cell}`}>{i.message}</div>
          ))}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (outcome?.kind === 'noRegister') return <NoRegister />;
  if (outcome?.kind === 'appended') {
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>
          {t('register.appended', { sheet: outcome.sheet })}
          {outcome.warnings.map((i) => (
            <div key={`${i.rule}-${i.cell}`}>{i.message}</div>
          ))}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}

function NoRegister() {
  const { t } = usePane();
  return (
    <MessageBar intent="warning">
      <MessageBarBody>{t('register.noRegister')}</MessageBarBody>
    </MessageBar>
  );
}

/** Whether filling the printable agreement worked (null: not tried since the last save). */

/**
 * A record's form, new or edited. It helps before it refuses: it starts from what a coordinator
 * would type anyway, marks a field required as soon as the record needs it (the workbook's rules
 * decide), and says "Kari Nordmann is already registered — open / save anyway" while the name is
 * typed, before anything is saved. A refused save is one alert at the top with links to the
 * fields, and takes the focus; a saved new record names its id and leaves the form ready for the
 * next (hours keep their date and activity, volunteers their affiliation, partner and activity; an hours entry takes the chosen volunteer's activity). What is typed is kept above the tabs, so a tab
 * switch loses nothing.
 */
import { Fragment, useDeferredValue, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Body1, Button, Caption1, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { serialToIso } from '../../../core/model/dates';
import { usePane } from '../../paneContext';
import { useKept, usePaneWork } from '../../paneWork';
import {
  followingFields,
  inputOf,
  KEPT_FOR_NEXT,
  RegisterService,
  type FormInput,
  type LiveCheck,
  type RecordForm,
  type RecordRef,
  type SaveResult,
} from '../../services/registerService';
import { ErrorMessage } from '../ErrorMessage';
import { ErrorSummary, type SummaryItem } from '../ErrorSummary';
import { FieldInput, fieldId } from '../FieldInput';
import { FocusHeading } from '../FocusHeading';
import { useAction } from '../useAction';
import { PersonChooser } from './PersonChooser';
import { PrintDocumentButton } from '../print/PrintDocumentButton';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** What the last save said, kept with the form. */
type Outcome = { serial: number; result: SaveResult } | null;

interface Props {
  /** The service that made the form: it writes the id the form showed for a blank id field. */
  service: RegisterService;
  form: RecordForm;
  /** The record edited, with its title; without it, a new one. */
  editing?: RecordRef & { title: string };
  /** Values to start a new record with beyond the defaults (hours for a chosen volunteer). */
  preset?: FormInput;
  onOpen: (rowNumber: number) => void;
  onDone: (message: string | null, rowNumber?: number) => void;
  onSavedNew: () => void;
  onCancel: () => void;
  /** Whether the heading takes the focus when the form appears (not when it stands in for an empty list). */
  focusHeading?: boolean;
}

export function unsavedKey(editing: boolean): string {
  return editing ? 'register.edit' : 'register.new';
}

export function RecordFormView({ service, form, editing, preset, onOpen, onDone, onSavedNew, onCancel, focusHeading = true }: Props) {
  const styles = useStyles();
  const { t, lang } = usePane();
  const { setUnsaved } = usePaneWork();
  const inputKey = editing ? `register.edit.${form.key}.${editing.rowNumber}` : `register.new.${form.key}`;
  // What the form holds before the user types: the record, or the defaults (after a save, what stays for the next entry).
  const [baseline, setBaseline] = useKept<FormInput | null>(`${inputKey}.baseline`, null);
  const start = useMemo(() => baseline ?? (editing ? inputOf(form.key, editing.values) : { ...form.defaults, ...preset }), [baseline, editing, form, preset]);
  const [input, setInput] = useKept<FormInput>(inputKey, start);
  const [outcome, setOutcome] = useKept<Outcome>(`${inputKey}.outcome`, null);
  const [allowDuplicate, setAllowDuplicate] = useState(false);
  const { busy, error, run } = useAction();
  const serial = useRef(outcome?.serial ?? 0);

  const live = useLiveCheck(service, form, input, editing?.rowNumber);
  // After a save, in the same commit as the save's other changes and after the heading's own effect
  // (a child's effects run first): the heading of a form that stood in for an empty register may
  // take the focus as the register gets its list, and the first field must have it last.
  const [focusFirst, setFocusFirst] = useState(0);
  useEffect(() => {
    if (focusFirst > 0) document.getElementById(fieldId(form.fields[0].column.key))?.focus();
  }, [focusFirst]);
  const changed = Object.keys({ ...start, ...input }).some((k) => (input[k] ?? '') !== (start[k] ?? ''));
  useEffect(() => {
    setUnsaved(unsavedKey(!!editing), changed);
  }, [changed, editing, setUnsaved]);

  const refused = outcome?.result.kind === 'refused' ? outcome.result : null;
  const duplicate = outcome?.result.kind === 'duplicate' ? outcome.result.matches : live.duplicates;
  const saved = outcome?.result.kind === 'saved' ? outcome.result : null;
  const setField = (key: string, value: string) => {
    setInput((prev) => ({ ...prev, ...followingFields(form, prev, key, value), [key]: value }));
    if (key === 'name' || key === 'orgNumber') setAllowDuplicate(false);
  };

  const save = (options: { anyway?: boolean } = {}) =>
    run(async () => {
      const result = await service.save(form.key, input, { editing, allowDuplicate: allowDuplicate || !!options.anyway || !!editing });
      serial.current += 1;
      if (result.kind === 'saved') {
        if (editing) {
          setOutcome(null);
          setUnsaved(unsavedKey(true), false);
          onDone(t('register.updated', { title: result.titles[0] }), editing.rowNumber);
          return;
        }
        const next: FormInput = { ...form.defaults };
        for (const k of KEPT_FOR_NEXT[form.key] ?? []) if (input[k]) next[k] = input[k];
        setInput(next);
        setBaseline(next);
        setAllowDuplicate(false);
        setOutcome({ serial: serial.current, result });
        onSavedNew();
        // Ready for the next record: the first field takes the focus (see the effect below).
        setFocusFirst((n) => n + 1);
        return;
      }
      setOutcome({ serial: serial.current, result });
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!editing && live.duplicates.length > 0 && !allowDuplicate) {
      // The possible duplicate is on screen: the user answers it (open or save anyway) first.
      setOutcome({ serial: ++serial.current, result: { kind: 'duplicate', matches: live.duplicates } });
      setTimeout(() => document.getElementById('duplicate-notice')?.focus(), 0);
      return;
    }
    void save();
  };

  const summary: SummaryItem[] = refused
    ? [
        ...Object.entries(refused.byField).flatMap(([key, issues]) => issues.map((i) => ({ target: fieldId(key), text: i.message }))),
        ...refused.other.map((i) => ({ target: fieldId(form.fields[0].column.key), text: i.message })),
      ]
    : [];
  const title = editing ? t('register.editTitle', { title: editing.title }) : t(`register.new.${form.key}`);
  const todayIso = serialToIso(form.today);
  // Dates the record now needs and lacks (an active volunteer's declaration, consent, certificate):
  // often all from the meeting of the day, so one button fills them; each keeps its own too.
  const missingDates = form.fields
    .filter((f) => f.column.type === 'date' && live.required.includes(f.column.key) && !(input[f.column.key] ?? ''))
    .map((f) => f.column.key);
  const fillMissingDates = () => setInput((prev) => ({ ...prev, ...Object.fromEntries(missingDates.map((key) => [key, todayIso])) }));

  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby="record-form-heading" noValidate>
      <FocusHeading id="record-form-heading" focus={focusHeading}>
        {title}
      </FocusHeading>
      {saved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {saved.titles.length === 1
              ? t('register.saved', { title: saved.titles[0] })
              : t('register.savedMany', { count: saved.titles.length, titles: saved.titles.join('; ') })}
            {saved.warnings.length > 0 && (
              <div>
                {t('register.warnings')} {[...new Set(saved.warnings.map((w) => w.message))].join(' ')}
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {/* What a new agreement or volunteer is printed for (issue 16): the agreement to sign, the volunteer's papers. */}
      {saved && saved.values.length === 1 && typeof saved.values[0].id === 'string' && (form.key === 'agreements' || form.key === 'volunteers') && (
        <PrintDocumentButton kind={form.key === 'agreements' ? 'agreement' : 'volunteerPapers'} id={saved.values[0].id} />
      )}
      {refused && (
        <ErrorSummary
          serial={outcome!.serial}
          title={summary.length === 1 ? t('register.summaryOne') : t('register.summary', { count: summary.length })}
          items={summary}
        />
      )}
      <ErrorMessage error={error} />
      {!editing && duplicate.length > 0 && !allowDuplicate && (
        <MessageBar intent="warning" id="duplicate-notice" tabIndex={-1} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('register.duplicateTitle')}</MessageBarTitle>
            {duplicate.slice(0, 3).map((d) => (
              <div key={d.rowNumber}>
                {t('register.duplicate', { title: d.title, detail: d.detail || t('register.inSheet', { row: d.rowNumber, sheet: form.sheet ?? '' }) })}
              </div>
            ))}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => onOpen(duplicate[0].rowNumber)} aria-label={t('register.openTitle', { title: duplicate[0].title })}>
              {t('register.open')}
            </Button>
            <Button
              onClick={() => {
                setAllowDuplicate(true);
                if (outcome?.result.kind === 'duplicate') void save({ anyway: true });
              }}
            >
              {t('register.saveAnyway')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {form.fields.map((field) => {
        const key = field.column.key;
        const message = refused?.byField[key]?.map((i) => i.message).join(' ');
        if (field.chooser) {
          const multiple = field.chooser === 'volunteers' && !editing;
          return (
            <Field
              key={key}
              label={field.column.label[lang]}
              hint={multiple ? t('register.manyVolunteers') : field.column.help[lang]}
              required={live.required.includes(key)}
              validationState={message ? 'error' : undefined}
              validationMessage={message ? { children: message, role: undefined } : undefined}
              validationMessageIcon={null}
            >
              <PersonChooser
                id={fieldId(key)}
                choices={field.chooser === 'volunteers' ? form.volunteers : form.partners}
                value={input[key] ?? ''}
                onChange={(value) => setField(key, value)}
                multiple={multiple}
                placeholder={t('register.choosePerson')}
                noMatch={t('register.noPerson')}
                removeLabel={(name) => t('register.remove', { name })}
                chosenLabel={t('register.chosen')}
              />
            </Field>
          );
        }
        const input_ = (
          <FieldInput
            key={key}
            field={field}
            lang={lang}
            value={input[key] ?? ''}
            onChange={(value) => setField(key, value)}
            required={live.required.includes(key)}
            message={message}
            placeholder={field.generated && form.nextId && !editing ? t('register.generatedId', { id: form.nextId }) : undefined}
            noChoice={t('register.noChoice')}
            today={{ iso: todayIso, label: t('register.today'), name: t('register.todayFor', { field: field.column.label[lang] }) }}
          />
        );
        // Always in a fragment of its own, so the button moving on never remounts a field being typed in.
        return (
          <Fragment key={key}>
            {missingDates.length >= 2 && key === missingDates[0] && (
              <div>
                <Button id="today-all" onClick={fillMissingDates}>
                  {t('register.todayAll', { count: missingDates.length })}
                </Button>
              </div>
            )}
            {input_}
          </Fragment>
        );
      })}
      {form.key === 'hours' && !editing && <Caption1>{t('register.keptHint')}</Caption1>}
      {form.key === 'volunteers' && !editing && <Caption1>{t('register.keptHintVolunteers')}</Caption1>}
      {form.sheet && <Body1>{editing ? t('register.inSheet', { row: editing.rowNumber, sheet: form.sheet }) : null}</Body1>}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {editing ? t('register.saveChanges') : t('register.save')}
        </Button>
        <Button onClick={onCancel}>{editing ? t('register.cancel') : t('register.back')}</Button>
      </div>
    </form>
  );
}

const NOTHING_FOUND: LiveCheck = { required: [], duplicates: [] };

/**
 * The live check of what is typed, asked of the service that made the form (in browser mode it
 * runs in the worker, beside the registers, which never come to the page). Typing faster than the
 * answers come asks only for the latest input; an answer for an input since replaced is dropped.
 */
function useLiveCheck(service: RegisterService, form: RecordForm, input: FormInput, editingRow?: number): LiveCheck {
  const deferred = useDeferredValue(input);
  const [checked, setChecked] = useState<{ input: FormInput; form: RecordForm; live: LiveCheck } | null>(null);
  useEffect(() => {
    let current = true;
    service.check(form.key, deferred, editingRow).then(
      (live) => current && setChecked({ input: deferred, form, live }),
      // A check that fails says nothing; the save checks again and says why.
      () => current && setChecked({ input: deferred, form, live: NOTHING_FOUND }),
    );
    return () => {
      current = false;
    };
  }, [service, form, deferred, editingRow]);
  return checked && checked.form === form ? checked.live : NOTHING_FOUND;
}

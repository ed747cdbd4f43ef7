/**
 * Innstillinger: the settings a coordinator keeps — the municipality's name (as the agreements
 * name it), the parameters the figures and warnings depend on, the municipality's own value
 * lists (units, activities and whether each needs a police certificate, user groups, training),
 * with the same checks as the sheet — and the language new templates get. In browser mode this is
 * the only way to change them. What is typed is kept above the tabs until it is saved.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { valueList } from '../../core/content/content';
import { isoToSerial, serialToIso } from '../../core/model/dates';
import { LANGUAGES, type Lang } from '../../core/content/language';
import { PARAMETERS, POLICE_COLUMN_LIST } from '../../core/model/settingsModel';
import { usePane, usePaneWorkbook } from '../paneContext';
import { useKept, usePaneWork } from '../paneWork';
import {
  ListRefusal,
  SettingsChanged,
  PANE_LISTS,
  PANE_PARAMETERS,
  PANE_TEXTS,
  SettingsRefusal,
  SettingsService,
  type ListItemEdit,
  type ListProblem,
  type PaneList,
  type PaneParameter,
  type PaneText,
  type ParameterProblem,
  type ParameterValues,
  type SettingsView,
} from '../services/settingsService';
import { paneService } from '../services/paneService';
import { ErrorMessage } from './ErrorMessage';
import ExcelSelfCheck from './ExcelSelfCheck';
import { useAction } from './useAction';

type Typed = Record<PaneParameter | PaneText, string>;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-end', flexWrap: 'wrap' },
  itemInput: { flexGrow: 1, minWidth: '10em' },
  items: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

function typedOf(view: SettingsView, lang: Lang): Typed {
  const typed = {} as Typed;
  for (const key of PANE_PARAMETERS) {
    const value = view.values[key];
    typed[key] = value === null ? '' : key === 'reportDate' ? serialToIso(value) : lang === 'en' ? String(value) : String(value).replace('.', ',');
  }
  for (const key of PANE_TEXTS) typed[key] = view.values[key] ?? '';
  return typed;
}

function valuesOf(typed: Typed): ParameterValues {
  const values: ParameterValues = {};
  for (const key of PANE_PARAMETERS) {
    const text = typed[key].trim();
    if (key === 'reportDate') values[key] = /^\d{4}-\d{2}-\d{2}$/.test(text) ? isoToSerial(text) : text === '' ? null : Number.NaN;
    else values[key] = text === '' ? Number.NaN : Number(text.replace(/\s/g, '').replace(',', '.'));
  }
  for (const key of PANE_TEXTS) values[key] = typed[key];
  return values;
}

function itemsOf(view: SettingsView, list: PaneList): ListItemEdit[] {
  return view.values.lists[list].map((label) => ({ label, police: list === POLICE_COLUMN_LIST ? view.values.policeActivities.includes(label) : undefined }));
}

export default function SettingsTab() {
  const { t, lang, templateLang, setTemplateLang, clock } = usePane();
  const workbook = usePaneWorkbook();
  const { setUnsaved } = usePaneWork();
  const service = useMemo(() => paneService(workbook, 'settings', clock, () => new SettingsService(workbook)), [workbook, clock]);
  const [view, setView] = useState<SettingsView | null>(null);
  const [typed, setTyped] = useKept<Typed | null>('settings.typed', null);
  // What the fields started from: only what the user changed is written, and only while the sheet still holds this.
  const [base, setBase] = useKept<SettingsView | null>('settings.base', null);
  const [problems, setProblems] = useState<ParameterProblem[]>([]);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();

  useEffect(() => {
    void run(async () => {
      const read = await service.read();
      setView(read);
      if (!typed || !base) {
        setTyped(typedOf(read, lang));
        setBase(read);
      }
    });
  }, [service, lang, run]);

  const started = base ?? view;
  const changedKeys = started && typed ? (Object.keys(typed) as (keyof Typed)[]).filter((k) => typed[k] !== typedOf(started, lang)[k]) : [];
  const changed = changedKeys.length > 0;
  useEffect(() => setUnsaved('settings.parameters', changed), [changed, setUnsaved]);

  const save = () => {
    if (!typed) return;
    setSaved(false);
    void run(async () => {
      const all = valuesOf(typed);
      const values = Object.fromEntries(changedKeys.map((k) => [k, all[k]])) as ParameterValues;
      try {
        const written = await service.write(values, started?.values);
        setProblems([]);
        setView(written);
        setBase(written);
        setTyped(typedOf(written, lang));
        setSaved(true);
      } catch (caught) {
        if (caught instanceof SettingsRefusal) setProblems(caught.problems);
        else if (caught instanceof SettingsChanged) {
          // Read again; the user's own changes stay on top, to look over and save again.
          const fresh = await service.read();
          const next = typedOf(fresh, lang);
          for (const k of changedKeys) next[k] = typed[k];
          setView(fresh);
          setBase(fresh);
          setTyped(next);
          throw caught;
        } else throw caught;
      }
    });
  };

  const problemText = (key: PaneParameter) =>
    problems
      .filter((p) => p.key === key)
      .map((p) => t(`settings.problem.${p.problem}`, { min: p.min ?? '', max: p.max ?? '' }))
      .join(' ');

  return (
    <>
      <ErrorMessage error={error} />
      {!view && busy && <Spinner size="tiny" label={t('common.reading')} />}
      {view && !view.sheet && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('settings.noSheet')}</MessageBarBody>
        </MessageBar>
      )}
      {view && view.sheet && typed && (
        <>
          <Body1>{t('settings.intro', { sheet: view.sheet })}</Body1>
          {!view.writable && (
            <MessageBar intent="info">
              <MessageBarBody>{t('settings.readOnly', { sheet: view.sheet })}</MessageBarBody>
            </MessageBar>
          )}
          <Subtitle2 as="h2">{t('settings.municipality')}</Subtitle2>
          {PANE_TEXTS.map((key) => (
            <Field key={key} label={t(`settings.param.${key}`)} hint={t(`settings.param.${key}.hint`)}>
              <Input
                id={`setting-${key}`}
                value={typed[key]}
                maxLength={120}
                disabled={!view.writable}
                onChange={(_, d) => setTyped({ ...typed, [key]: d.value })}
              />
            </Field>
          ))}
          <Subtitle2 as="h2">{t('settings.parameters')}</Subtitle2>
          {PANE_PARAMETERS.map((key) => {
            const def = PARAMETERS.find((p) => p.key === key)!;
            const message = problemText(key);
            return (
              <Field
                key={key}
                label={t(`settings.param.${key}`)}
                hint={t(`settings.param.${key}.hint`)}
                validationState={message ? 'error' : undefined}
                validationMessage={message || undefined}
                validationMessageIcon={null}
              >
                <Input
                  id={`setting-${key}`}
                  type={def.type === 'date' ? 'date' : 'text'}
                  inputMode={def.type === 'integer' ? 'numeric' : def.type === 'number' ? 'decimal' : undefined}
                  value={typed[key]}
                  disabled={!view.writable}
                  onChange={(_, d) => setTyped({ ...typed, [key]: d.value })}
                />
              </Field>
            );
          })}
          <Button appearance={changed ? 'primary' : 'secondary'} disabled={busy || !view.writable} onClick={save}>
            {t('settings.save')}
          </Button>
          {saved && (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{t('settings.saved', { sheet: view.sheet })}</MessageBarBody>
            </MessageBar>
          )}
          <ListEditor view={view} onSaved={setView} />
        </>
      )}

      <Subtitle2 as="h2">{t('settings.templateLang')}</Subtitle2>
      <Field label={t('settings.templateLang.label')} hint={t('settings.templateLang.hint')}>
        <RadioGroup value={templateLang} onChange={(_, d) => setTemplateLang(d.value as Lang)}>
          {LANGUAGES.map((l) => (
            <Radio key={l} value={l} label={t(`lang.${l}`)} />
          ))}
        </RadioGroup>
      </Field>
      <ExcelSelfCheck />
    </>
  );
}

/** One of the municipality's lists as editable lines: add, rename, remove, and the police-certificate mark for activities. */
function ListEditor({ view, onSaved }: { view: SettingsView; onSaved: (view: SettingsView) => void }) {
  const styles = useStyles();
  const { t, clock } = usePane();
  const workbook = usePaneWorkbook();
  const { setUnsaved } = usePaneWork();
  const service = useMemo(() => paneService(workbook, 'settings', clock, () => new SettingsService(workbook)), [workbook, clock]);
  const [list, setList] = useKept<PaneList>('settings.list', 'units');
  const [edited, setEdited] = useKept<Partial<Record<PaneList, ListItemEdit[]>>>('settings.lists', {});
  const [listBase, setListBase] = useKept<SettingsView | null>('settings.listsBase', null);
  const [problems, setProblems] = useState<ListProblem[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const items = edited[list] ?? itemsOf(view, list);
  const changed = edited[list] !== undefined && JSON.stringify(edited[list]) !== JSON.stringify(itemsOf(view, list));
  useEffect(() => setUnsaved(`settings.list.${list}`, changed), [changed, list, setUnsaved]);
  const title = valueList(list).title[view.lang];

  const put = (next: ListItemEdit[]) => {
    if (!listBase) setListBase(view);
    setEdited({ ...edited, [list]: next });
    setSaved(null);
  };
  const problemOf = (index: number) => problems.find((p) => p.index === index);

  return (
    <section aria-labelledby="lists-heading" className={styles.section}>
      <Subtitle2 as="h2" id="lists-heading">
        {t('settings.lists')}
      </Subtitle2>
      <Body1>{t('settings.lists.intro')}</Body1>
      <Field label={t('settings.list')}>
        <Select
          value={list}
          onChange={(_, d) => {
            setList(d.value as PaneList);
            setProblems([]);
            setSaved(null);
          }}
        >
          {PANE_LISTS.map((key) => (
            <option key={key} value={key}>
              {valueList(key).title[view.lang]}
            </option>
          ))}
        </Select>
      </Field>
      <ul className={styles.items} aria-label={title}>
        {items.map((item, index) => {
          const used = view.usage[list][item.label.trim().toLowerCase()] ?? 0;
          const problem = problemOf(index);
          return (
            <li key={index} className={styles.item}>
              <Field
                className={styles.itemInput}
                label={t('settings.list.item', { n: index + 1 })}
                hint={used > 0 ? t('settings.list.used', { count: used }) : undefined}
                validationState={problem ? 'error' : undefined}
                validationMessage={problem ? t(`settings.list.problem.${problem.problem}`, { max: 0 }) : undefined}
                validationMessageIcon={null}
              >
                <Input value={item.label} onChange={(_, d) => put(items.map((it, i) => (i === index ? { ...it, label: d.value } : it)))} />
              </Field>
              {list === POLICE_COLUMN_LIST && (
                <Checkbox
                  label={t('settings.list.police')}
                  checked={!!item.police}
                  onChange={(_, d) => put(items.map((it, i) => (i === index ? { ...it, police: !!d.checked } : it)))}
                />
              )}
              <Button size="small" appearance="subtle" onClick={() => put(items.filter((_, i) => i !== index))}>
                {t('settings.list.remove', { item: item.label || t('settings.list.item', { n: index + 1 }) })}
              </Button>
            </li>
          );
        })}
      </ul>
      {problems.some((p) => p.problem === 'tooMany') && <Caption1>{t('settings.list.problem.tooMany', { max: 60 })}</Caption1>}
      <div className={styles.row}>
        <Button onClick={() => put([...items, { label: '', police: list === POLICE_COLUMN_LIST ? false : undefined }])}>{t('settings.list.add')}</Button>
        <Button
          appearance={changed ? 'primary' : 'secondary'}
          disabled={busy || !view.writable || !changed}
          onClick={() =>
            void run(async () => {
              try {
                const written = await service.writeList(list, items, (listBase ?? view).values);
                setProblems([]);
                setEdited({ ...edited, [list]: undefined });
                setListBase(null);
                onSaved(written);
                setSaved(t('settings.list.saved', { list: title, sheet: view.sheet ?? '' }));
              } catch (caught) {
                if (caught instanceof ListRefusal) setProblems(caught.problems);
                else if (caught instanceof SettingsChanged) {
                  // The list as the sheet has it now is what the user's edit is kept over.
                  setListBase(await service.read());
                  throw caught;
                } else throw caught;
              }
            })
          }
        >
          {t('settings.list.save')}
        </Button>
      </div>
      {problems.length > 0 && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('settings.list.refused')}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={error} />
      {saved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

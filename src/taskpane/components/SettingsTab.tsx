/**
 * Innstillinger: the language new templates get, and the parameters the figures and warnings
 * depend on. They are written to the settings sheet, where the lists are edited directly.
 */
import { useEffect, useMemo, useState } from 'react';
import { Body1, Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Subtitle2 } from '@fluentui/react-components';
import { isoToSerial, serialToIso } from '../../core/model/dates';
import { LANGUAGES, type Lang } from '../../core/content/language';
import { PARAMETERS } from '../../core/model/settingsModel';
import { usePane, usePaneWorkbook } from '../paneContext';
import {
  PANE_PARAMETERS,
  SettingsRefusal,
  SettingsService,
  type PaneParameter,
  type ParameterProblem,
  type ParameterValues,
  type SettingsView,
} from '../services/settingsService';
import { paneService } from '../services/paneService';
import { ErrorMessage } from './ErrorMessage';
import ExcelSelfCheck from './ExcelSelfCheck';
import { useAction } from './useAction';

type Typed = Record<PaneParameter, string>;

function typedOf(view: SettingsView, lang: Lang): Typed {
  const typed = {} as Typed;
  for (const key of PANE_PARAMETERS) {
    const value = view.values[key];
    typed[key] = value === null ? '' : key === 'reportDate' ? serialToIso(value) : lang === 'en' ? String(value) : String(value).replace('.', ',');
  }
  return typed;
}

function valuesOf(typed: Typed): ParameterValues {
  const values: ParameterValues = {};
  for (const key of PANE_PARAMETERS) {
    const text = typed[key].trim();
    if (key === 'reportDate') values[key] = /^\d{4}-\d{2}-\d{2}$/.test(text) ? isoToSerial(text) : text === '' ? null : Number.NaN;
    else values[key] = text === '' ? Number.NaN : Number(text.replace(/\s/g, '').replace(',', '.'));
  }
  return values;
}

export default function SettingsTab() {
  const { t, lang, templateLang, setTemplateLang, clock } = usePane();
  const workbook = usePaneWorkbook();
  const service = useMemo(() => paneService(workbook, 'settings', clock, () => new SettingsService(workbook)), [workbook, clock]);
  const [view, setView] = useState<SettingsView | null>(null);
  const [typed, setTyped] = useState<Typed | null>(null);
  const [problems, setProblems] = useState<ParameterProblem[]>([]);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();

  useEffect(() => {
    void run(async () => {
      const read = await service.read();
      setView(read);
      setTyped(typedOf(read, lang));
    });
  }, [service, lang, run]);

  const save = () => {
    if (!typed) return;
    setSaved(false);
    void run(async () => {
      try {
        const written = await service.write(valuesOf(typed));
        setProblems([]);
        setView(written);
        setTyped(typedOf(written, lang));
        setSaved(true);
      } catch (caught) {
        if (caught instanceof SettingsRefusal) setProblems(caught.problems);
        else throw caught;
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
      <Subtitle2 as="h2">{t('settings.templateLang')}</Subtitle2>
      <Field label={t('settings.templateLang.label')} hint={t('settings.templateLang.hint')}>
        <RadioGroup value={templateLang} onChange={(_, d) => setTemplateLang(d.value as Lang)}>
          {LANGUAGES.map((l) => (
            <Radio key={l} value={l} label={t(`lang.${l}`)} />
          ))}
        </RadioGroup>
      </Field>

      <Subtitle2 as="h2">{t('settings.parameters')}</Subtitle2>
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
                  type={def.type === 'date' ? 'date' : 'text'}
                  inputMode={def.type === 'integer' ? 'numeric' : def.type === 'number' ? 'decimal' : undefined}
                  value={typed[key]}
                  disabled={!view.writable}
                  onChange={(_, d) => setTyped({ ...typed, [key]: d.value })}
                />
              </Field>
            );
          })}
          <Button appearance="primary" disabled={busy || !view.writable} onClick={save}>
            {t('settings.save')}
          </Button>
          {saved && (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{t('settings.saved', { sheet: view.sheet })}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      <ExcelSelfCheck />
    </>
  );
}

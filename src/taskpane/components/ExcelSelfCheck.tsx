/**
 * Innstillinger > Kontroller Excel: the in-Excel self-check for the people who deploy the add-in —
 * one button, pass or fail per capability, and the report as text to copy into a support request.
 * Shown only where the host can run it (inside Excel).
 */
import { useMemo, useState } from 'react';
import { Body1, Button, Field, Spinner, Subtitle2, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { usePane } from '../paneContext';
import { SelfCheckService, type SelfCheckOutcome } from '../services/selfCheckService';
import { ErrorMessage } from './ErrorMessage';
import { useAction } from './useAction';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalL },
  list: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  fail: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground3, wordBreak: 'break-word' },
  report: { fontFamily: tokens.fontFamilyMonospace },
});

export default function ExcelSelfCheck() {
  const { t, lang, workbook, clock } = usePane();
  const styles = useStyles();
  const service = useMemo(() => (workbook ? new SelfCheckService(workbook, clock) : null), [workbook, clock]);
  const [outcome, setOutcome] = useState<SelfCheckOutcome | null>(null);
  const [copied, setCopied] = useState(false);
  const { busy, error, run } = useAction();
  if (!service?.available) return null;

  const check = () => {
    setCopied(false);
    void run(async () => setOutcome(await service.run(lang)));
  };
  const copy = async () => {
    if (!outcome) return;
    try {
      await navigator.clipboard.writeText(outcome.text);
      setCopied(true);
    } catch {
      // Without clipboard access the text is there to select in the report field.
      setCopied(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="self-check-title">
      <Subtitle2 as="h2" id="self-check-title">
        {t('selfCheck.title')}
      </Subtitle2>
      <Body1>{t('selfCheck.intro')}</Body1>
      <Button appearance="secondary" disabled={busy} onClick={check}>
        {t('selfCheck.run')}
      </Button>
      {busy && <Spinner size="tiny" label={t('selfCheck.running')} />}
      <ErrorMessage error={error} />
      {outcome && (
        <>
          <ul className={styles.list}>
            {outcome.report.steps.map((s) => (
              <li key={s.step}>
                <Text className={s.ok ? styles.ok : styles.fail}>{t(s.ok ? 'selfCheck.report.ok' : 'selfCheck.report.fail')}</Text>{' '}
                <Text>{t(`selfCheck.step.${s.step}`)}</Text>
                {!s.ok && s.detail && (
                  <div>
                    <Text size={200} className={styles.detail}>
                      {s.detail}
                    </Text>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <Field label={t('selfCheck.reportLabel')}>
            <Textarea className={styles.report} readOnly resize="vertical" rows={8} value={outcome.text} />
          </Field>
          <Button onClick={() => void copy()}>{t('selfCheck.copy')}</Button>
          {copied && (
            <Text role="status" size={200}>
              {t('selfCheck.copied')}
            </Text>
          )}
        </>
      )}
    </section>
  );
}

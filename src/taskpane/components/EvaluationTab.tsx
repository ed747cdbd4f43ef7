/**
 * Evaluering: the checklist as a guided form, one factor at a time. Each statement gets a rating
 * from the scale and, where it helps, the evidence for it; saving writes the round's rows.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { isoToSerial, serialToIso } from '../../core/model/dates';
import type { RatingKey } from '../../core/evaluation/evaluationRounds';
import { usePane, usePaneWorkbook } from '../paneContext';
import { EvaluationService, type EvaluationDraft, type SavedRound, type StatementAnswer } from '../services/evaluationService';
import { paneService } from '../services/paneService';
import { ErrorMessage } from './ErrorMessage';
import { useAction } from './useAction';

const useStyles = makeStyles({
  statement: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  nav: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export default function EvaluationTab() {
  const styles = useStyles();
  const { t, clock } = usePane();
  const workbook = usePaneWorkbook();
  const service = useMemo(() => paneService(workbook, 'evaluation', clock, () => new EvaluationService(workbook, clock)), [workbook, clock]);
  const [draft, setDraft] = useState<EvaluationDraft | null>(null);
  const [answers, setAnswers] = useState<Record<string, StatementAnswer>>({});
  const [factor, setFactor] = useState(0);
  const [date, setDate] = useState('');
  const [scope, setScope] = useState('');
  const [participants, setParticipants] = useState('');
  const [saved, setSaved] = useState<SavedRound | null>(null);
  const { busy, error, run } = useAction();

  const open = (day?: number) =>
    run(async () => {
      const next = await service.draft(day);
      setDraft(next);
      setDate(serialToIso(next.date));
      setScope(next.scope);
      setParticipants(next.participants);
      setAnswers(Object.fromEntries(next.factors.flatMap((f) => f.statements).map((s) => [s.id, { rating: s.rating, evidence: s.evidence }])));
    });

  useEffect(() => {
    void open();
    // Once per workbook: `open` is rebuilt on every render, the workbook is what matters.
  }, [service]);

  if (!draft) return busy ? <Spinner size="tiny" label={t('common.reading')} /> : <ErrorMessage error={error} />;
  if (!draft.hasChecklist) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t('evaluation.noChecklist')}</MessageBarBody>
      </MessageBar>
    );
  }
  const current = draft.factors[factor];
  const answer = (id: string): StatementAnswer => answers[id] ?? { rating: null, evidence: '' };
  const update = (id: string, change: Partial<StatementAnswer>) => setAnswers((prev) => ({ ...prev, [id]: { ...answer(id), ...change } }));
  const save = () =>
    run(async () => {
      setSaved(await service.save(draft.date, answers, scope, participants));
      await open(draft.date);
    });

  return (
    <>
      <Body1>{t('evaluation.intro')}</Body1>
      <Field label={t('evaluation.date')} hint={draft.existing ? t('evaluation.existingRound') : t('evaluation.newRound')}>
        <Input
          type="date"
          value={date}
          onChange={(_, d) => setDate(d.value)}
          onBlur={() => /^\d{4}-\d{2}-\d{2}$/.test(date) && isoToSerial(date) !== draft.date && void open(isoToSerial(date))}
        />
      </Field>
      {!draft.existing && (
        <>
          <Field label={t('evaluation.scope')}>
            <Input value={scope} onChange={(_, d) => setScope(d.value)} />
          </Field>
          <Field label={t('evaluation.participants')} hint={t('evaluation.participantsHint')}>
            <Input value={participants} onChange={(_, d) => setParticipants(d.value)} />
          </Field>
        </>
      )}
      <Subtitle2 as="h2">{t('evaluation.factorHeading', { n: factor + 1, count: draft.factors.length, factor: current.label })}</Subtitle2>
      {current.statements.map((statement) => (
        <div key={statement.id} className={styles.statement}>
          <Field label={`${statement.kindLabel}: ${statement.text}`}>
            <RadioGroup value={answer(statement.id).rating ?? ''} onChange={(_, d) => update(statement.id, { rating: d.value as RatingKey })}>
              {draft.ratings.map((rating) => (
                <Radio key={rating.key} value={rating.key} label={rating.label} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={t('evaluation.evidence')}>
            <Textarea value={answer(statement.id).evidence} resize="vertical" onChange={(_, d) => update(statement.id, { evidence: d.value })} />
          </Field>
        </div>
      ))}
      <div className={styles.nav}>
        <Button disabled={factor === 0} onClick={() => setFactor(factor - 1)}>
          {t('evaluation.previous')}
        </Button>
        <Button disabled={factor === draft.factors.length - 1} onClick={() => setFactor(factor + 1)}>
          {t('evaluation.next')}
        </Button>
        <Button appearance="primary" disabled={busy} onClick={() => void save()}>
          {t('evaluation.save')}
        </Button>
      </div>
      <ErrorMessage error={error} />
      {saved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {t(saved.how === 'appended' ? 'evaluation.savedNew' : 'evaluation.savedExisting', { rated: saved.rated, date: date })}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/**
 * Evaluering on one screen per factor: the round's progress ("17 av 70 vurdert") and the factor's,
 * a compact grid with one row per statement and the ratings side by side where there is room, the
 * evidence behind a toggle, and — as soon as a barrier is rated present (or a promoter missing) —
 * its actions' owner and deadline right there, saved with the ratings and put into the action plan
 * in the same save. The round's scope and participants can be changed for an existing round too.
 * Unsaved ratings are kept above the tabs.
 */
import { useEffect, useMemo } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { isoToSerial, serialToIso } from '../../core/model/dates';
import { RowChanged } from '../../core/port';
import { formatDay } from '../../core/validation/messages';
import { usePane, usePaneWorkbook } from '../paneContext';
import { useKept, usePaneWork } from '../paneWork';
import { todayOf } from '../services/paneClock';
import {
  callsForAction,
  EvaluationService,
  type Assignment,
  type DraftStatement,
  type EvaluationDraft,
  type SavedRound,
  type StatementAnswer,
} from '../services/evaluationService';
import { paneService } from '../services/paneService';
import { ErrorMessage } from './ErrorMessage';
import { useAction } from './useAction';

const useStyles = makeStyles({
  statement: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  text: { ...typographyStyles.body1, margin: 0 },
  kind: { ...typographyStyles.caption1Strong, color: tokens.colorNeutralForeground3 },
  ratings: { flexWrap: 'wrap', columnGap: 0 },
  action: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorderActive}`,
  },
  actionFields: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  actionField: { flexGrow: 1, flexBasis: '9em', minWidth: 0 },
  nav: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

interface Work {
  date: string;
  scope: string;
  participants: string;
  answers: Record<string, StatementAnswer>;
  assignments: Record<string, Assignment>;
}

function workOf(draft: EvaluationDraft): Work {
  const statements = draft.factors.flatMap((f) => f.statements);
  return {
    date: serialToIso(draft.date),
    scope: draft.scope,
    participants: draft.participants,
    answers: Object.fromEntries(statements.map((s) => [s.id, { rating: s.rating, evidence: s.evidence }])),
    assignments: Object.fromEntries(statements.filter((s) => s.assignment.responsible || s.assignment.deadline !== null).map((s) => [s.id, s.assignment])),
  };
}

/** The user's changes (mine against what they started from) laid over a round read again (theirs). */
function rebased(mine: Work, started: Work, theirs: Work): Work {
  const changed = <T,>(a: T, b: T) => JSON.stringify(a) !== JSON.stringify(b);
  const answers = { ...theirs.answers };
  for (const [id, answer] of Object.entries(mine.answers)) if (changed(answer, started.answers[id])) answers[id] = answer;
  const assignments = { ...theirs.assignments };
  for (const [id, given] of Object.entries(mine.assignments)) if (changed(given, started.assignments[id])) assignments[id] = given;
  return {
    date: theirs.date,
    scope: changed(mine.scope, started.scope) ? mine.scope : theirs.scope,
    participants: changed(mine.participants, started.participants) ? mine.participants : theirs.participants,
    answers,
    assignments,
  };
}

export default function EvaluationTab() {
  const styles = useStyles();
  const { t, clock, lang } = usePane();
  const workbook = usePaneWorkbook();
  const { setUnsaved } = usePaneWork();
  const service = useMemo(() => paneService(workbook, 'evaluation', clock, () => new EvaluationService(workbook, clock)), [workbook, clock]);
  const [draft, setDraft] = useKept<EvaluationDraft | null>('evaluation.draft', null);
  const [work, setWork] = useKept<Work | null>('evaluation.work', null);
  const [factor, setFactor] = useKept('evaluation.factor', 0);
  const [saved, setSaved] = useKept<SavedRound | null>('evaluation.saved', null);
  const [evidenceOpen, setEvidenceOpen] = useKept<Record<string, boolean>>('evaluation.evidenceOpen', {});
  const { busy, error, run } = useAction();

  const open = (day?: number) =>
    run(async () => {
      const next = await service.draft(day);
      setDraft(next);
      setWork(workOf(next));
    });

  useEffect(() => {
    // Unsaved ratings survive a tab switch: only a first visit reads the round.
    if (!draft) void open();
  }, [service]);

  const changed = !!draft && !!work && JSON.stringify(work) !== JSON.stringify(workOf(draft));
  useEffect(() => setUnsaved('evaluation', changed), [changed, setUnsaved]);

  if (!draft || !work) return busy ? <Spinner size="tiny" label={t('common.reading')} /> : <ErrorMessage error={error} />;
  if (!draft.hasChecklist) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t('evaluation.noChecklist')}</MessageBarBody>
      </MessageBar>
    );
  }
  const all = draft.factors.flatMap((f) => f.statements);
  const ratedIn = (statements: DraftStatement[]) => statements.filter((s) => work.answers[s.id]?.rating).length;
  const current = draft.factors[Math.min(factor, draft.factors.length - 1)];
  const answer = (id: string): StatementAnswer => work.answers[id] ?? { rating: null, evidence: '' };
  const update = (id: string, change: Partial<StatementAnswer>) => setWork({ ...work, answers: { ...work.answers, [id]: { ...answer(id), ...change } } });
  const defaultDeadline = todayOf(clock) + 90;
  /** The owner typed last is the likeliest for the next barrier of the same round. */
  const lastOwner = [...Object.values(work.assignments)].reverse().find((a) => a.responsible.trim() !== '')?.responsible ?? '';
  const assignment = (id: string): Assignment => work.assignments[id] ?? { responsible: '', deadline: null };
  const assign = (id: string, change: Partial<Assignment>) => {
    const before = work.assignments[id]?.responsible ?? '';
    const assignments = { ...work.assignments, [id]: { ...{ responsible: lastOwner, deadline: defaultDeadline }, ...work.assignments[id], ...change } };
    // An owner typed is proposed, as it is typed, to the round's other actions that have none yet
    // (or that followed this one so far).
    if (change.responsible !== undefined)
      for (const [other, given] of Object.entries(assignments))
        if (other !== id && (given.responsible.trim() === '' || given.responsible === before))
          assignments[other] = { ...given, responsible: change.responsible };
    setWork({ ...work, assignments });
  };
  // Owner and deadline are saved for the statements that call for action now.
  const toAssign = () =>
    Object.fromEntries(
      all
        .filter((s) => callsForAction(s.kind, answer(s.id).rating) && work.assignments[s.id])
        .map((s) => [s.id, { responsible: assignment(s.id).responsible, deadline: assignment(s.id).deadline ?? defaultDeadline }]),
    );
  const save = () =>
    run(async () => {
      setSaved(await service.save(draft.date, work.answers, work.scope, work.participants, toAssign(), draft));
      const next = await service.draft(draft.date);
      setDraft(next);
      setWork(workOf(next));
    });
  const roundRated = ratedIn(all);
  /** The round read again after a refusal, with what the user changed in the pane laid over it. */
  const reread = () =>
    run(async () => {
      const next = await service.draft(draft.date);
      setDraft(next);
      setWork(rebased(work, workOf(draft), workOf(next)));
    });

  return (
    <>
      <Body1>{t('evaluation.intro')}</Body1>
      <Field label={t('evaluation.roundProgress', { date: formatDay(draft.date, lang), rated: roundRated, total: all.length })}>
        <ProgressBar value={all.length ? roundRated / all.length : 0} thickness="large" />
      </Field>
      <details>
        <summary>{t('evaluation.roundDetails')}</summary>
        <div className={styles.details}>
          <Field label={t('evaluation.date')} hint={draft.existing ? t('evaluation.existingRound') : t('evaluation.newRound')}>
            <Input
              type="date"
              value={work.date}
              onChange={(_, d) => setWork({ ...work, date: d.value })}
              onBlur={() => /^\d{4}-\d{2}-\d{2}$/.test(work.date) && isoToSerial(work.date) !== draft.date && void open(isoToSerial(work.date))}
            />
          </Field>
          <Field label={t('evaluation.scope')}>
            <Input value={work.scope} onChange={(_, d) => setWork({ ...work, scope: d.value })} />
          </Field>
          <Field label={t('evaluation.participants')} hint={t('evaluation.participantsHint')}>
            <Input value={work.participants} onChange={(_, d) => setWork({ ...work, participants: d.value })} />
          </Field>
        </div>
      </details>
      <Field label={t('evaluation.factor')}>
        <Select value={String(factor)} onChange={(_, d) => setFactor(Number(d.value))}>
          {draft.factors.map((f, i) => (
            <option key={f.key} value={i}>
              {t('evaluation.factorOption', { n: i + 1, factor: f.label, rated: ratedIn(f.statements), total: f.statements.length })}
            </option>
          ))}
        </Select>
      </Field>
      <h2 className={styles.kind} aria-live="polite">
        {t('evaluation.factorHeading', { n: factor + 1, count: draft.factors.length, factor: current.label })} ·{' '}
        {t('evaluation.factorProgress', { rated: ratedIn(current.statements), total: current.statements.length })}
      </h2>
      {current.statements.map((statement, i) => {
        const rating = answer(statement.id).rating;
        const needs = callsForAction(statement.kind, rating);
        const textId = `statement-${statement.id}`;
        return (
          <div key={statement.id} className={styles.statement} role="group" aria-labelledby={textId}>
            <p className={styles.text} id={textId}>
              <span className={styles.kind}>{statement.kindLabel}</span> {statement.text}
            </p>
            <RadioGroup
              layout="horizontal"
              className={styles.ratings}
              aria-labelledby={textId}
              value={rating ?? ''}
              onChange={(_, d) => {
                const next = d.value as StatementAnswer['rating'];
                const answers = { ...work.answers, [statement.id]: { ...answer(statement.id), rating: next } };
                // A barrier found present asks at once who follows it up: the last owner typed, in 90 days.
                const assignments =
                  callsForAction(statement.kind, next) && !work.assignments[statement.id]
                    ? { ...work.assignments, [statement.id]: { responsible: lastOwner, deadline: defaultDeadline } }
                    : work.assignments;
                setWork({ ...work, answers, assignments });
              }}
            >
              {draft.ratings.map((r) => (
                <Radio key={r.key} value={r.key} label={r.label} />
              ))}
            </RadioGroup>
            {needs && (
              <div className={styles.action}>
                <Caption1>
                  {statement.instruments.length ? t('evaluation.action', { instruments: statement.instruments.join(', ') }) : t('evaluation.actionOwn')}
                </Caption1>
                {!lastOwner && <Caption1>{t('evaluation.ownerHint')}</Caption1>}
                <div className={styles.actionFields}>
                  <Field className={styles.actionField} label={t('evaluation.responsible')} size="small">
                    <Input
                      size="small"
                      value={work.assignments[statement.id]?.responsible ?? ''}
                      onChange={(_, d) => assign(statement.id, { responsible: d.value })}
                    />
                  </Field>
                  <Field className={styles.actionField} label={t('evaluation.deadline')} size="small">
                    <Input
                      size="small"
                      type="date"
                      value={serialToIso(assignment(statement.id).deadline ?? defaultDeadline)}
                      onChange={(_, d) => /^\d{4}-\d{2}-\d{2}$/.test(d.value) && assign(statement.id, { deadline: isoToSerial(d.value) })}
                    />
                  </Field>
                </div>
              </div>
            )}
            {evidenceOpen[statement.id] || answer(statement.id).evidence ? (
              <Field label={t('evaluation.evidenceFor', { n: i + 1 })} size="small">
                <Textarea value={answer(statement.id).evidence} resize="vertical" onChange={(_, d) => update(statement.id, { evidence: d.value })} />
              </Field>
            ) : (
              <Button
                size="small"
                appearance="subtle"
                onClick={() => setEvidenceOpen({ ...evidenceOpen, [statement.id]: true })}
                aria-label={t('evaluation.evidenceFor', { n: i + 1 })}
              >
                + {t('evaluation.evidenceToggle')}
              </Button>
            )}
          </div>
        );
      })}
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
      {error instanceof RowChanged && <Button onClick={() => void reread()}>{t('evaluation.reread')}</Button>}
      {saved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {t(saved.how === 'appended' ? 'evaluation.savedNew' : 'evaluation.savedExisting', { rated: saved.rated, date: formatDay(saved.date, lang) })}
            {saved.actionsAdded > 0 && <div>{t('evaluation.actionsAdded', { count: saved.actionsAdded })}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

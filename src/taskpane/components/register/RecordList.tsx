/**
 * A register as a list to search, fit for a 350 px pane: one line per record saying whose or which
 * it is, a second with what tells records apart (status, activity, phone), ended ones last and
 * dimmed. Every word typed must be somewhere in the record. Choosing a record opens it; "new"
 * starts a form. The search is kept above the tabs.
 */
import { useEffect, useRef } from 'react';
import { Body1, Button, Caption1, Field, SearchBox, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { usePane } from '../../paneContext';
import { useKept } from '../../paneWork';
import type { RecordList as Records, RecordSummary } from '../../services/recordService';
import type { FormRegister } from '../../services/registerService';

/** Records shown at first, and added by each "show more". */
export const LIST_PAGE = 30;
const PAGE = LIST_PAGE;

const useStyles = makeStyles({
  top: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column' },
  item: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'left',
    height: 'auto',
    minHeight: '44px',
    paddingBlock: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    borderRadius: 0,
  },
  lines: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  detail: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  closed: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  register: FormRegister;
  records: Records | null;
  busy: boolean;
  onOpen: (rowNumber: number) => void;
  onNew: () => void;
}

export function RecordList({ register, records, busy, onOpen, onNew }: Props) {
  const styles = useStyles();
  const { t } = usePane();
  const [query, setQuery] = useKept(`register.search.${register}`, '');
  const [shown, setShown] = useKept(`register.shown.${register}`, PAGE);
  // The service searched already: these are the first `shown` records that match.
  const found = records?.records ?? [];
  const name = t(`register.kind.${register}`);
  const list = useRef<HTMLUListElement>(null);
  const lastShown = useRef(shown);
  // "Show more": the focus goes to the first record that came into view (once it has come), not back to the top.
  useEffect(() => {
    if (shown <= lastShown.current) lastShown.current = shown;
    else {
      const first = list.current?.querySelector<HTMLButtonElement>(`li[data-index="${lastShown.current}"] button`);
      if (!first) return;
      first.focus();
      lastShown.current = shown;
    }
  }, [shown, records]);

  return (
    <>
      <div className={styles.top}>
        <Button appearance="primary" onClick={onNew}>
          {t(`register.new.${register}`)}
        </Button>
        <Field label={t('register.search', { register: name.toLowerCase() })} hint={t('register.searchHint')}>
          <SearchBox
            id="register-search"
            value={query}
            onChange={(_, data) => {
              setQuery(data.value);
              setShown(PAGE);
            }}
          />
        </Field>
      </div>
      {!records && busy && <Spinner size="tiny" label={t('common.reading')} />}
      {records && (
        <Caption1 role="status">
          {records.total === 0
            ? t('register.none')
            : records.found === 0
              ? t('register.noMatch', { query })
              : t('register.count', { shown: Math.min(shown, records.found), total: records.found })}
        </Caption1>
      )}
      {found.length > 0 && (
        <ul className={styles.list} ref={list} aria-label={t('register.listLabel', { register: name })}>
          {found.slice(0, shown).map((record: RecordSummary, i) => (
            <li key={record.rowNumber} data-index={i}>
              <Button appearance="subtle" className={mergeClasses(styles.item, record.closed && styles.closed)} onClick={() => onOpen(record.rowNumber)}>
                <span className={styles.lines}>
                  <Body1 className={styles.title}>{record.title}</Body1>
                  {record.detail && <Caption1 className={styles.detail}>{record.detail}</Caption1>}
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {records && records.found > shown && <Button onClick={() => setShown(shown + PAGE)}>{t('register.showMore')}</Button>}
    </>
  );
}

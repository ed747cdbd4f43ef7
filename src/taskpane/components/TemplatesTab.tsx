/** Maler: which templates the workbook has, which are missing or outdated, and adding them. */
import { useEffect, useMemo, useState } from 'react';
import { Badge, Body1, Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { sheetDef } from '../../core/content/content';
import { usePane, usePaneWorkbook } from '../paneContext';
import { TemplateService, type AddResult, type TemplateStatus } from '../services/templateService';
import { paneService } from '../services/paneService';
import { ErrorMessage } from './ErrorMessage';
import { useAction } from './useAction';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const BADGE = { present: 'success', missing: 'danger', outdated: 'warning' } as const;

export default function TemplatesTab() {
  const styles = useStyles();
  const { t, lang, templateLang, clock } = usePane();
  const workbook = usePaneWorkbook();
  const service = useMemo(() => paneService(workbook, 'templates', clock, () => new TemplateService(workbook, clock)), [workbook, clock]);
  const [status, setStatus] = useState<TemplateStatus | null>(null);
  const [added, setAdded] = useState<AddResult | null>(null);
  const { busy, error, run } = useAction();

  useEffect(() => {
    void run(async () => setStatus(await service.status(templateLang)));
  }, [service, templateLang, run]);

  const add = () =>
    run(async () => {
      setAdded(await service.addMissing(templateLang));
      setStatus(await service.status(templateLang));
    });

  return (
    <>
      <Body1>{t('templates.intro')}</Body1>
      <ErrorMessage error={error} />
      {!status && busy && <Spinner size="tiny" label={t('common.reading')} />}
      {status && (
        <ul className={styles.list} aria-label={t('templates.listLabel')}>
          {status.templates.map((item) => (
            <li key={item.key} className={styles.item}>
              <span>
                {sheetDef(item.key).name[status.lang]}
                {item.state !== 'missing' && item.sheet !== sheetDef(item.key).name[status.lang] ? ` (${item.sheet})` : ''}
              </span>
              <Badge appearance="tint" color={BADGE[item.state]}>
                {t(`templates.state.${item.state}`)}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      {status?.schema.kind === 'upgrade' && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('templates.schema.upgrade', { from: status.schema.from, to: status.schema.to })}</MessageBarBody>
        </MessageBar>
      )}
      {status?.schema.kind === 'newer' && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('error.templates.newerSchema', { found: status.schema.found, supported: status.schema.supported })}</MessageBarBody>
        </MessageBar>
      )}
      {status && (
        <Button appearance="primary" disabled={busy || !status.canAdd} onClick={() => void add()}>
          {status.canAdd ? t('templates.add', { lang: t(`lang.${status.lang}`) }) : t('templates.allPresent')}
        </Button>
      )}
      {busy && status && <Spinner size="tiny" label={t('common.working')} />}
      {added && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {added.added.length === 0 ? t('templates.nothingAdded') : t('templates.added', { sheets: added.added.map((a) => a.sheet).join(', ') })}
            {added.renamed.map((r) => (
              <div key={r.key}>{t('templates.renamed', { wanted: r.wanted, name: r.name })}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {lang !== templateLang && <Body1>{t('templates.langNote', { lang: t(`lang.${templateLang}`) })}</Body1>}
    </>
  );
}

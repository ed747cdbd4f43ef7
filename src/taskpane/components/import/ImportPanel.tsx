/**
 * Import from a sign-up form on the Registrer tab: the user chooses or drops an export, sees its
 * columns mapped to fields (and may change them), a default activity for those who did not say,
 * and every row with what will happen to it; nothing is written until they confirm. The reading,
 * mapping and rules are the core's, shared with `samspill import` (see ImportService).
 */
import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { Body1, Button, Field, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ExportTable } from '../../../core/import/exportTable';
import type { ImportField } from '../../../core/import/importMapping';
import type { ImportDefaults } from '../../../core/import/importDefaults';
import { usePane, usePaneWorkbook } from '../../paneContext';
import { ImportService, type ImportOutcome, type ImportPreview } from '../../services/importService';
import { paneService } from '../../services/paneService';
import { ErrorMessage } from '../ErrorMessage';
import { useAction } from '../useAction';
import { ImportRowList } from './ImportRowList';
import { MappingTable } from './MappingTable';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dragging: { backgroundColor: tokens.colorBrandBackground2, border: `1px dashed ${tokens.colorBrandStroke1}` },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface Chosen {
  name: string;
  table: ExportTable;
}

export function ImportPanel() {
  const styles = useStyles();
  const { t, clock } = usePane();
  const workbook = usePaneWorkbook();
  const service = useMemo(() => paneService(workbook, 'import', clock, () => new ImportService(workbook, clock)), [workbook, clock]);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [fields, setFields] = useState<(ImportField | null)[]>([]);
  const [activity, setActivity] = useState('');
  const [dragging, setDragging] = useState(false);
  const [done, setDone] = useState<ImportOutcome | null>(null);
  const { busy, error, run } = useAction();
  const defaults = useMemo<ImportDefaults>(() => (activity ? { activity } : {}), [activity]);
  const preview = usePreview(service, chosen, fields, defaults);

  const choose = (file: File | undefined) => {
    if (!file) return;
    void run(async () => {
      setDone(null);
      const table = await service.read({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      setFields((await service.mapping(table)).fields);
      setActivity('');
      setChosen({ name: file.name, table });
    });
  };
  const onDrop = (event: DragEvent) => {
    // The page may take a dropped file as a workbook to open; this drop is an export to import.
    event.preventDefault();
    event.stopPropagation();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };
  const confirm = () =>
    void run(async () => {
      if (!chosen) return;
      setDone(await service.import(chosen.table, fields, defaults));
      setChosen(null);
    });

  return (
    <section className={styles.panel} aria-labelledby="import-title">
      <Subtitle2 as="h2" id="import-title">
        {t('import.title')}
      </Subtitle2>
      <div
        className={mergeClasses(styles.drop, dragging && styles.dragging)}
        onDragOver={(event) => {
          event.preventDefault();
          event.stopPropagation();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Body1>{t('import.intro')}</Body1>
        <label htmlFor="import-file">{dragging ? t('import.drop') : t('import.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.txt,.tsv,.xlsx"
          onChange={(event) => {
            choose(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
      <ErrorMessage error={error ?? preview.error} />
      {busy && <Spinner size="tiny" label={t('common.reading')} />}
      <DoneMessage outcome={done} />
      {chosen && (
        <>
          <Body1>
            {chosen.table.source.kind === 'xlsx'
              ? t('import.source.xlsx', { file: chosen.name, sheet: chosen.table.source.sheet, rows: chosen.table.rows.length })
              : t('import.source.csv', { file: chosen.name, rows: chosen.table.rows.length })}
          </Body1>
          <MappingTable
            headers={chosen.table.headers}
            fields={fields}
            onChange={(i, field) => setFields((prev) => prev.map((f, j) => (j === i ? field : f)))}
          />
          {preview.value?.kind === 'noRegister' && (
            <MessageBar intent="warning">
              <MessageBarBody>{t('import.noRegister')}</MessageBarBody>
            </MessageBar>
          )}
          {preview.value?.kind === 'preview' && (
            <Planned preview={preview.value} activity={activity} onActivity={setActivity} busy={busy} onConfirm={confirm} onCancel={() => setChosen(null)} />
          )}
        </>
      )}
    </section>
  );
}

/** The preview, recomputed whenever the mapping or the defaults change. */
function usePreview(service: ImportService, chosen: Chosen | null, fields: (ImportField | null)[], defaults: ImportDefaults) {
  const [state, setState] = useState<{ value: ImportPreview | { kind: 'noRegister' } | null; error: unknown }>({ value: null, error: null });
  useEffect(() => {
    if (!chosen) {
      setState({ value: null, error: null });
      return;
    }
    let current = true;
    service.preview(chosen.table, fields, defaults).then(
      (value) => current && setState({ value, error: null }),
      (error: unknown) => current && setState({ value: null, error }),
    );
    return () => {
      current = false;
    };
  }, [service, chosen, fields, defaults]);
  return state;
}

function Planned({
  preview,
  activity,
  onActivity,
  busy,
  onConfirm,
  onCancel,
}: {
  preview: ImportPreview;
  activity: string;
  onActivity: (value: string) => void;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { t } = usePane();
  const { plan } = preview;
  const followUps = plan.imported.filter((v) => v.issues.some((i) => i.severity === 'error') || v.unusable.length > 0).length;
  return (
    <>
      <Field label={t('import.activity')}>
        <Select id="import-activity" value={activity} onChange={(_, d) => onActivity(d.value)}>
          <option value="">{t('import.activity.none')}</option>
          {preview.activities.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      </Field>
      <Body1 role="status">{t('import.counts', { imported: plan.imported.length, followUps, skipped: plan.skipped.length })}</Body1>
      <ImportRowList plan={plan} />
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy || plan.imported.length === 0} onClick={onConfirm}>
          {t('import.confirm', { count: plan.imported.length })}
        </Button>
        <Button onClick={onCancel}>{t('import.cancel')}</Button>
      </div>
    </>
  );
}

function DoneMessage({ outcome }: { outcome: ImportOutcome | null }) {
  const { t } = usePane();
  if (!outcome) return null;
  if (outcome.kind === 'noRegister') {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t('import.noRegister')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="success" role="status">
      <MessageBarBody>{t('import.done', { count: outcome.count, sheet: outcome.sheet })}</MessageBarBody>
    </MessageBar>
  );
}

/**
 * What would happen to each row of the export, in the export's order: imported (with its new id
 * and what to follow up), or skipped with the reason. The rules' own messages are shown, the same
 * as the command line prints.
 */
import { Body1Strong, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ImportPlan, SkipReason } from '../../../core/import/importRows';
import { usePane } from '../../paneContext';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  skipped: { color: tokens.colorPaletteRedForeground1 },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Entry = { row: number; kind: 'imported' | 'skipped'; title: string; notes: string[] };

function skipNotes(reason: SkipReason, t: ReturnType<typeof usePane>['t']): string[] {
  switch (reason.kind) {
    case 'invalid':
      return reason.issues.map((i) => i.message);
    case 'duplicateOfVolunteer':
      return [t('import.skip.duplicateOfVolunteer', { id: reason.id, sheetRow: reason.sheetRow })];
    case 'duplicateInFile':
      return [t('import.skip.duplicateInFile', { first: reason.row })];
    default:
      return [t(`import.skip.${reason.kind}`)];
  }
}

export function ImportRowList({ plan }: { plan: ImportPlan }) {
  const styles = useStyles();
  const { t } = usePane();
  const entries: Entry[] = [
    ...plan.imported.map((v) => ({
      row: v.sourceRow,
      kind: 'imported' as const,
      title: t('import.row.imported', { row: v.sourceRow, name: String(v.values.name), id: v.id }),
      notes: [
        ...v.issues.filter((i) => i.severity !== 'info').map((i) => i.message),
        ...v.unusable.map((u) => t('import.keptInNotes', { value: u.value, header: u.header })),
      ],
    })),
    ...plan.skipped.map((s) => ({
      row: s.sourceRow,
      kind: 'skipped' as const,
      title: t('import.row.skipped', { row: s.sourceRow }),
      notes: skipNotes(s.reason, t),
    })),
  ].sort((a, b) => a.row - b.row);
  return (
    <ul className={styles.list} aria-label={t('import.rows')}>
      {entries.map((e) => (
        <li key={`${e.kind}-${e.row}`} data-import-row={e.row} data-import-kind={e.kind}>
          <Body1Strong className={e.kind === 'skipped' ? styles.skipped : undefined}>{e.title}</Body1Strong>
          {e.notes.length > 0 && (
            <ul className={styles.notes}>
              {e.notes.map((note, i) => (
                <li key={i}>
                  <Caption1>{note}</Caption1>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

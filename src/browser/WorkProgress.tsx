/**
 * How far browser mode's worker has come with the workbook — opening it, reading a sheet, writing
 * — as a bar and a sentence under the file bar, shown only while it works. The page stays usable
 * meanwhile; this says that something is happening and roughly how much is left.
 */
import { Caption1, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkProgress as Progress } from './worker/workerProtocol';
import type { BrowserSay } from './useOpenWorkbook';

const useStyles = makeStyles({
  // The row keeps its height when idle, so the pane below does not jump as work starts and stops.
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '24px',
    padding: `0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  bar: { flexBasis: '12em', flexShrink: 0 },
});

function sentence(progress: Progress, t: BrowserSay): string {
  switch (progress.phase) {
    case 'opening':
      return t('progress.opening');
    case 'reading':
      return progress.sheet === null ? t('progress.readingHidden') : t('progress.reading', { sheet: progress.sheet });
    case 'writing':
      return t('progress.writing');
    case 'preparing':
      return t('progress.preparing');
  }
}

export function WorkProgress({ progress, t }: { progress: Progress | null; t: BrowserSay }) {
  const styles = useStyles();
  if (!progress) return <div className={styles.root} />;
  const fraction = progress.phase === 'reading' ? Math.min(1, Math.max(0, progress.fraction)) : undefined;
  return (
    <div className={styles.root} data-progress={progress.phase}>
      <ProgressBar className={styles.bar} value={fraction} thickness="large" aria-label={t('progress.bar')} />
      <Caption1 role="status">
        {sentence(progress, t)}
        {fraction === undefined ? '' : <span aria-hidden="true"> {Math.round(fraction * 100)} %</span>}
      </Caption1>
    </div>
  );
}

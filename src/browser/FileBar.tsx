/**
 * The browser page's bar: what the page is and its promise (nothing leaves the browser), and the
 * file controls — open from disk or by dropping, start a new workbook, download — with the name
 * of the open file and whether it has unsaved changes.
 */
import { Body1, Button, Caption1, Spinner, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { BrowserSay, OpenWorkbook } from './useOpenWorkbook';

const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexBasis: '22em', flexGrow: 1 },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  open: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  drop: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  status: { color: tokens.colorNeutralForeground2 },
});

interface FileBarProps {
  t: BrowserSay;
  open: OpenWorkbook | null;
  dirty: boolean;
  busy: boolean;
  /** A file is being dragged over the page. */
  dragging: boolean;
  onOpenFile: (file: File | undefined) => void;
  onNew: () => void;
  onDownload: () => void;
}

export function FileBar({ t, open, dirty, busy, dragging, onOpenFile, onNew, onDownload }: FileBarProps) {
  const styles = useStyles();
  return (
    <header className={styles.bar}>
      <div className={styles.brand}>
        <Title3 as="p">{t('page.title')}</Title3>
        <Caption1>{t('page.privacy')}</Caption1>
      </div>
      <div className={styles.controls} role="group" aria-label={t('file.bar')}>
        <div className={styles.open}>
          <label htmlFor="open-file">{t('file.open')}</label>
          <input
            id="open-file"
            type="file"
            accept={XLSX_TYPES}
            onChange={(event) => {
              onOpenFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </div>
        <div className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}>{t('file.drop')}</div>
        <Button onClick={onNew} disabled={busy}>
          {t('file.new')}
        </Button>
        <Button appearance="primary" onClick={onDownload} disabled={!open || busy}>
          {t('file.download')}
        </Button>
        {busy && <Spinner size="tiny" label={t('file.opening')} />}
        {open && (
          <Body1 className={styles.status} role="status">
            {t('file.current', { file: open.fileName })}
            {dirty ? ` · ${t('file.unsaved')}` : ''}
          </Body1>
        )}
      </div>
    </header>
  );
}

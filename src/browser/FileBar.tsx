/**
 * The browser page's one header, compact enough for a 350 px window: the product's name, the open
 * file and whether it has changes not saved, and the file controls — open (the system's picker
 * where the browser offers one, else a styled button over the plain file input), new, save (the
 * primary button only when there is something to save: back into the same file where the browser
 * can, a download otherwise) and, in a menu, a download of a copy.
 */
import { useRef } from 'react';
import {
  Button,
  Caption1,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import type { BrowserSay, OpenWorkbook } from './useOpenWorkbook';

export const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, flexGrow: 1, minWidth: 0, flexWrap: 'wrap' },
  title: { ...typographyStyles.subtitle1, margin: 0 },
  file: { color: tokens.colorNeutralForeground2, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: '100%' },
  unsaved: { color: tokens.colorPaletteDarkOrangeForeground2, fontWeight: tokens.fontWeightSemibold },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  input: { display: 'none' },
});

interface FileBarProps {
  t: BrowserSay;
  open: OpenWorkbook | null;
  dirty: boolean;
  busy: boolean;
  onOpenFile: (file: File | undefined) => void;
  /** The system's picker; resolves false where the browser has none (the file input is used then). */
  onPick: () => Promise<boolean>;
  onNew: () => void;
  onSave: () => void;
  onDownload: () => void;
}

export function FileBar({ t, open, dirty, busy, onOpenFile, onPick, onNew, onSave, onDownload }: FileBarProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const choose = async () => {
    if (!(await onPick())) input.current?.click();
  };
  return (
    <header className={styles.bar}>
      <div className={styles.brand}>
        <h1 className={styles.title}>{t('page.heading')}</h1>
        {open && (
          <Caption1 className={styles.file} role="status">
            {open.fileName}
            {dirty && (
              <span className={styles.unsaved} title={t('file.unsavedLong')}>
                {' '}
                · {t('file.unsaved')}
              </span>
            )}
          </Caption1>
        )}
      </div>
      <div className={styles.controls} role="group" aria-label={t('file.bar')}>
        <input
          id="open-file"
          ref={input}
          className={styles.input}
          type="file"
          accept={XLSX_TYPES}
          aria-label={t('file.input')}
          tabIndex={-1}
          onChange={(event) => {
            onOpenFile(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        <Button size="small" onClick={() => void choose()} disabled={busy} aria-label={t('file.openLong')}>
          {t('file.open')}
        </Button>
        <Button size="small" onClick={onNew} disabled={busy} aria-label={t('file.newLong')}>
          {t('file.new')}
        </Button>
        {open && (
          <Button
            size="small"
            appearance={dirty ? 'primary' : 'secondary'}
            onClick={onSave}
            disabled={busy}
            title={open.handle ? t('file.saveTitle', { file: open.fileName }) : undefined}
          >
            {open.handle ? t('file.save') : t('file.download')}
          </Button>
        )}
        {open?.handle && (
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button size="small" appearance="subtle" aria-label={t('file.more')}>
                …
              </Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem onClick={onDownload}>{t('file.downloadCopy')}</MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        )}
        {busy && <Spinner size="tiny" label={t('file.opening')} />}
      </div>
    </header>
  );
}

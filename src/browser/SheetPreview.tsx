/**
 * A read-only look at the sheet a validation issue points to, in a drawer over the page: about
 * forty rows and twelve columns around the cell, with the cell outlined and marked aria-current,
 * dates as the language writes them, so the user sees what is wrong where it is, without a
 * spreadsheet on the page. The drawer takes the focus when it opens; Esc or "close" shuts it and
 * the focus returns to where it was.
 */
import { useEffect, useRef, useState } from 'react';
import {
  Body1,
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  MessageBar,
  MessageBarBody,
  OverlayDrawer,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Lang } from '../core/content/language';
import { columnLetter, parseCell } from '../core/model/a1';
import type { CellValue, SheetGrid } from '../core/port';
import { formatDay } from '../core/validation/messages';
import { browserStrings, type BrowserStringKey } from './browserText';

const ROWS = 40;
const COLUMNS = 12;

export interface PreviewTarget {
  sheet: string;
  address: string;
  /** Changes on every selection, so choosing the same cell again reads the sheet again. */
  serial: number;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  scroller: { overflow: 'auto', maxHeight: '70vh', border: `1px solid ${tokens.colorNeutralStroke1}` },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  header: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    padding: '2px 6px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    position: 'sticky',
    top: 0,
  },
  cell: {
    padding: '2px 6px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    maxWidth: '14em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  // Read by screen readers, not shown: the heading above says the same.
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  current: {
    outline: `3px solid ${tokens.colorPaletteRedBorderActive}`,
    outlineOffset: '-3px',
    backgroundColor: tokens.colorPaletteYellowBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** A cell as the sheet would show it: a date column's serial as a day. */
function shown(value: CellValue | undefined, isDate: boolean, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value.error;
  if (isDate && typeof value === 'number' && Number.isInteger(value) && value > 0) return formatDay(value, lang);
  if (typeof value === 'number' && lang !== 'en') return String(value).replace('.', ',');
  return String(value);
}

/** The first row and column of a window of the given size that has the cell near its middle. */
function windowStart(target: number, size: number): number {
  return Math.max(1, target - Math.floor(size / 2));
}

interface Props {
  target: PreviewTarget | null;
  lang: Lang;
  read: (sheet: string) => Promise<SheetGrid>;
  /** The columns of a sheet that hold dates (a register's date columns), 1-based. */
  dateColumns: (sheet: string) => Promise<Set<number>>;
  onClose: () => void;
}

/** The drawer: open while there is a cell to show. */
export function SheetPreview(props: Props) {
  const t = (key: BrowserStringKey, values?: Record<string, string | number>) => browserStrings.text(key, props.lang, values);
  const { target, onClose } = props;
  // The drawer keeps its title and content while it slides away: a dialog without a name is none.
  const [last, setLast] = useState<PreviewTarget | null>(target);
  useEffect(() => {
    if (target) setLast(target);
  }, [target]);
  const shown = target ?? last;
  return (
    <OverlayDrawer position="end" size="large" open={target !== null} onOpenChange={(_, data) => !data.open && onClose()}>
      {shown && (
        <>
          <DrawerHeader>
            <DrawerHeaderTitle
              action={
                <Button appearance="subtle" onClick={onClose}>
                  {t('preview.close')}
                </Button>
              }
            >
              {t('preview.heading', { sheet: shown.sheet, cell: shown.address })}
            </DrawerHeaderTitle>
          </DrawerHeader>
          <DrawerBody>
            <PreviewGrid {...props} target={shown} />
          </DrawerBody>
        </>
      )}
    </OverlayDrawer>
  );
}

function PreviewGrid({ target, lang, read, dateColumns }: Props & { target: PreviewTarget }) {
  const styles = useStyles();
  const t = (key: BrowserStringKey, values?: Record<string, string | number>) => browserStrings.text(key, lang, values);
  const [grid, setGrid] = useState<SheetGrid | null>(null);
  const [dates, setDates] = useState<Set<number>>(new Set());
  const [missing, setMissing] = useState(false);
  const currentCell = useRef<HTMLTableCellElement>(null);

  useEffect(() => {
    let live = true;
    setGrid(null);
    setMissing(false);
    Promise.all([read(target.sheet), dateColumns(target.sheet).catch(() => new Set<number>())]).then(
      ([result, found]) => {
        if (!live) return;
        setDates(found);
        setGrid(result);
      },
      () => live && setMissing(true),
    );
    return () => {
      live = false;
    };
  }, [target, read, dateColumns]);

  useEffect(() => {
    currentCell.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [grid]);

  const { row, col } = parseCell(target.address) ?? { row: 1, col: 1 };
  const firstRow = windowStart(row, ROWS);
  const firstCol = windowStart(col, COLUMNS);
  const rows = Array.from({ length: ROWS }, (_, i) => firstRow + i);
  const cols = Array.from({ length: COLUMNS }, (_, i) => firstCol + i);

  return (
    <section
      className={styles.root}
      aria-label={t('preview.label', { sheet: target.sheet })}
      data-preview-sheet={target.sheet}
      data-preview-cell={target.address}
    >
      <Body1>{t('preview.readOnly')}</Body1>
      {missing && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('preview.missing', { sheet: target.sheet })}</MessageBarBody>
        </MessageBar>
      )}
      {grid && (
        <div className={styles.scroller} tabIndex={0} role="group" aria-label={t('preview.label', { sheet: target.sheet })}>
          <table className={styles.table}>
            <caption className={styles.hidden}>{t('preview.heading', { sheet: target.sheet, cell: target.address })}</caption>
            <thead>
              <tr>
                <th scope="col" className={styles.header}>
                  {t('preview.corner')}
                </th>
                {cols.map((c) => (
                  <th key={c} scope="col" className={styles.header}>
                    {columnLetter(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r}>
                  <th scope="row" className={styles.header}>
                    {r}
                  </th>
                  {cols.map((c) => {
                    const isCurrent = r === row && c === col;
                    const text = shown(grid.rows[r - 1]?.[c - 1], dates.has(c) && r > 1, lang);
                    return (
                      <td
                        key={c}
                        ref={isCurrent ? currentCell : undefined}
                        className={isCurrent ? `${styles.cell} ${styles.current}` : styles.cell}
                        aria-current={isCurrent ? 'true' : undefined}
                        data-address={`${columnLetter(c)}${r}`}
                        title={text || undefined}
                      >
                        {text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * Inside Excel: selecting a row of a register table in the sheet opens that record in the pane
 * (the adapter's selection events; the pane's own "show this cell" is not passed on). When a form
 * in the Registrer tab holds unsaved changes, the record is offered there instead of replacing it.
 * Renders nothing.
 */
import { useEffect, useMemo, useRef } from 'react';
import { parseCell } from '../../core/model/a1';
import { usePane, usePaneWorkbook } from '../paneContext';
import { usePaneWork } from '../paneWork';
import { paneService } from '../services/paneService';
import { RecordService } from '../services/recordService';
import { unsavedKey } from './register/RecordFormView';

export default function SelectionFollower() {
  const { clock } = usePane();
  const workbook = usePaneWorkbook();
  const work = usePaneWork();
  const records = useMemo(() => paneService(workbook, 'record', clock, () => new RecordService(workbook)), [workbook, clock]);
  // The handler outlives renders; it reads the latest work through this.
  const latest = useRef(work);
  latest.current = work;

  useEffect(() => {
    if (!workbook.watchSelection) return;
    let stop: (() => void) | undefined;
    let live = true;
    void workbook
      .watchSelection(async ({ sheetName, address }) => {
        const cell = parseCell(address.split(':')[0]);
        if (!cell) return;
        const found = await records.recordAt(sheetName, cell.row).catch(() => null);
        if (!found || !live) return;
        const current = latest.current;
        const intent = { register: found.key, rowNumber: found.rowNumber };
        if (current.unsaved.has(unsavedKey(false)) || current.unsaved.has(unsavedKey(true))) {
          current.keep('selection.pending', { intent, sheet: sheetName });
          current.navigate('register');
        } else current.navigate('register', intent);
      })
      .then(
        (off) => {
          if (live) stop = off;
          else off();
        },
        // Without selection events (an older Excel) the pane works as before.
        () => undefined,
      );
    return () => {
      live = false;
      stop?.();
    };
  }, [workbook, records]);
  return null;
}

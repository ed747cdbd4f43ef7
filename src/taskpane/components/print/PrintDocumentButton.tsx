/**
 * "Skriv ut avtale" / "Skriv ut papirer": from an agreement or a volunteer, the documents to print.
 * Inside Excel the printable sheet is filled for that id and shown, ready for File > Print; in
 * browser mode the print page opens with the same documents. A self-contained piece, so a record
 * view can place it wherever it shows an agreement or a volunteer.
 */
import { useMemo, useState } from 'react';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { usePane, usePaneWorkbook } from '../../paneContext';
import { paneService } from '../../services/paneService';
import { PrintService, type PrintKind } from '../../services/printService';
import { ErrorMessage } from '../ErrorMessage';

type Outcome = { kind: 'filled'; sheet: string } | { kind: 'noSheet' } | null;

export function PrintDocumentButton({ kind, id }: { kind: PrintKind; id: string }) {
  const { t, lang, clock, showPrintPage } = usePane();
  const workbook = usePaneWorkbook();
  // In browser mode the documents are made in the worker, beside the registers; only they cross to the page.
  const service = useMemo(() => paneService(workbook, 'print', clock, () => new PrintService(workbook)), [workbook, clock]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [error, setError] = useState<unknown>(null);

  const print = async () => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      if (showPrintPage) showPrintPage(await service.documents(kind, id, lang));
      else {
        const sheet = await service.fillSheet(kind, id);
        setOutcome(sheet ? { kind: 'filled', sheet } : { kind: 'noSheet' });
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button disabled={busy} onClick={() => void print()}>
        {t(kind === 'agreement' ? 'print.agreement' : 'print.volunteerPapers', { id })}
      </Button>
      {outcome?.kind === 'filled' && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t(`print.filled.${kind}`, { id, sheet: outcome.sheet })}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'noSheet' && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('print.noSheet')}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={error} />
    </>
  );
}

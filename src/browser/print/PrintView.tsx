/**
 * Browser mode's print page: the documents of one agreement or volunteer, laid over the work area
 * with a bar to print (or save as PDF, the browser's own choice in its print dialog) and to close.
 * On paper only the documents appear; nothing is stored, the page only shows what is in memory.
 */
import { useEffect, useRef } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { PrintDocument } from '../../core/documents/printDocument';
import { printCss, PrintDocumentView } from './PrintDocumentView';

const useStyles = makeStyles({
  overlay: { position: 'fixed', inset: 0, overflow: 'auto', backgroundColor: tokens.colorNeutralBackground3, zIndex: 1000 },
  bar: {
    position: 'sticky',
    top: 0,
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  paper: { backgroundColor: 'white', margin: '16px auto', padding: '20mm 18mm', maxWidth: '210mm', boxSizing: 'border-box' },
});

/** On paper, everything but the documents is hidden. */
const SCREEN_ONLY_CSS = `@media print { body * { visibility: hidden; } .samspill-print, .samspill-print * { visibility: visible; } .samspill-print { position: absolute; inset: 0; padding: 0 !important; margin: 0 !important; } .samspill-print-bar { display: none !important; } }`;

export interface PrintViewText {
  print: string;
  close: string;
  heading: string;
}

export function PrintView({ documents, text, onClose }: { documents: PrintDocument[]; text: PrintViewText; onClose: () => void }) {
  const styles = useStyles();
  const printButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    printButton.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className={styles.overlay} role="dialog" aria-modal="true" aria-label={text.heading}>
      <style>{printCss(documents[0]?.footer ?? '') + SCREEN_ONLY_CSS}</style>
      <div className={`${styles.bar} samspill-print-bar`}>
        <Button appearance="primary" ref={printButton} onClick={() => window.print()}>
          {text.print}
        </Button>
        <Button onClick={onClose}>{text.close}</Button>
      </div>
      <div className={`${styles.paper} samspill-print`}>
        {documents.map((d) => (
          <PrintDocumentView key={d.key} document={d} />
        ))}
      </div>
    </div>
  );
}

/**
 * What every tab is given: the workbook behind the port (Excel's adapter in Office; an
 * xlsx-backed one in browser mode later), the pane's language, and the language new templates get.
 * The tabs reach the workbook only through this context, never through an adapter.
 */
import { createContext, useContext } from 'react';
import type { Lang } from '../core/content/language';
import type { TextValues } from '../core/content/stringTable';
import { paneStrings, type PaneStringKey } from './i18n';
import type { PaneWorkbook } from './services/paneWorkbook';
import type { Clock } from './services/paneClock';
import type { PrintDocument } from '../core/documents/printDocument';

export interface PaneContextValue {
  /** Null outside a host: the pane then explains where it works instead of showing controls. */
  workbook: PaneWorkbook | null;
  lang: Lang;
  templateLang: Lang;
  setTemplateLang: (lang: Lang) => void;
  clock: Clock;
  /**
   * Browser mode shows printable documents on a print page; inside Excel there is none, and
   * printing fills the workbook's printable sheet instead.
   */
  showPrintPage?: (documents: PrintDocument[]) => void;
}

export const PaneContext = createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue & { t: (key: PaneStringKey, values?: TextValues) => string } {
  const value = useContext(PaneContext);
  if (!value) throw new Error('usePane outside PaneContext');
  return { ...value, t: (key, values) => paneStrings.text(key, value.lang, values) };
}

/** The workbook, for a tab that is only shown when there is one. */
export function usePaneWorkbook(): PaneWorkbook {
  const { workbook } = usePane();
  if (!workbook) throw new Error('a workbook tab was rendered without a workbook');
  return workbook;
}

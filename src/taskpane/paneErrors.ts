/**
 * Any error an action can end in, as a sentence for the user. Excel's own errors arrive from the
 * adapter as OfficeActionError with a stable code (recognised by shape, so the pane needs no
 * adapter import); the services' refusals carry their reason. Nothing is shown raw except, as a
 * detail for support, Excel's own message.
 */
import type { Lang } from '../core/content/language';
import { isPaneStringKey, paneText } from './i18n';

export interface PaneError {
  title: string;
  body: string;
  /** Excel's or the program's own text, for whoever helps the user. */
  detail?: string;
}

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  subject?: unknown;
  reason?: unknown;
  values?: unknown;
  message?: unknown;
}

export function paneError(error: unknown, lang: Lang): PaneError {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const detail = typeof shape.message === 'string' ? shape.message : String(error);
  const subject = typeof shape.subject === 'string' ? shape.subject : '';
  if (shape.name === 'OfficeActionError' && typeof shape.code === 'string') {
    const key = `error.office.${shape.code}`;
    const body = isPaneStringKey(key) ? paneText(key, lang, { subject }) : paneText('error.office.unknown', lang, { subject });
    return { title: paneText('error.office.title', lang), body, detail };
  }
  if (shape.name === 'TemplateRefusal' && typeof shape.reason === 'string') {
    const key = `error.templates.${shape.reason}`;
    const values = (shape.values ?? {}) as Record<string, string | number>;
    if (isPaneStringKey(key)) return { title: paneText('error.templates.title', lang), body: paneText(key, lang, values) };
  }
  if (shape.name === 'CellWritesUnavailable') {
    return { title: paneText('error.cellWrites.title', lang), body: paneText('error.cellWrites.body', lang) };
  }
  return { title: paneText('error.unexpected.title', lang), body: paneText('error.unexpected.body', lang), detail };
}

/**
 * Any error an action can end in, as what the pane shows: the one place the pane turns an error
 * into words. The errors it knows by class say themselves in the pane's language under a title
 * of their own — the workbook host's refusals (WorkbookActionError, from the port), the template
 * and cell-write refusals of the services, an export the import cannot read; anything else is "something went wrong", with what it
 * said (in the pane's language when it is one of ours) as the detail for support.
 */
import type { Lang } from '../core/content/language';
import { WorkbookActionError } from '../core/port';
import { phraseOf, type SamspillError } from '../core/samspillError';
import { paneStrings, type PaneStringKey } from './i18n';
import { CellWritesUnavailable } from './services/cellWriter';
import { TemplateRefusal } from './services/templateRefusal';
import { ExportReadError } from '../core/import/exportReadError';
import { ImportDefaultError } from '../core/import/importDefaults';
import { ExportNotReadable } from './services/importService';

export interface PaneError {
  title: string;
  body: string;
  /** Excel's or the program's own text, for whoever helps the user. */
  detail?: string;
}

export function paneError(error: unknown, lang: Lang): PaneError {
  const titled = (title: PaneStringKey, said: SamspillError, detail?: string): PaneError => ({
    title: paneStrings.text(title, lang),
    body: said.say(lang),
    ...(detail === undefined ? {} : { detail }),
  });
  if (error instanceof WorkbookActionError) return titled('error.office.title', error, error.detail);
  if (error instanceof TemplateRefusal) return titled('error.templates.title', error);
  if (error instanceof CellWritesUnavailable) return titled('error.cellWrites.title', error);
  if (error instanceof ExportReadError || error instanceof ExportNotReadable || error instanceof ImportDefaultError) return titled('import.error.title', error);
  return { title: paneStrings.text('error.unexpected.title', lang), body: paneStrings.text('error.unexpected.body', lang), detail: phraseOf(error).say(lang) };
}

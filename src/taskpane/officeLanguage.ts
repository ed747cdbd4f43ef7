/**
 * Which of our languages the task pane speaks. Office tells us the language of its own user
 * interface (`Office.context.displayLanguage`, e.g. "nn-NO"); opened outside Office, the browser's
 * language stands in. The mapping itself is the core's, so the pane and the CLI agree.
 */
import { langFromLocale, type Lang } from '../core/content/language';

export function paneLanguage(officeDisplayLanguage?: string | null, browserLanguage?: string | null): Lang {
  const office = officeDisplayLanguage?.trim();
  return langFromLocale(office ? office : browserLanguage?.trim());
}

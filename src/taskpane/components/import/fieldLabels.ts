/** The names the pane gives the fields a column of an export can fill: register labels, and the pane's own words for the rest. */
import { sheetDef } from '../../../core/content/content';
import type { Lang } from '../../../core/content/language';
import { IMPORT_FIELDS, type ImportField } from '../../../core/import/importMapping';
import { paneStrings } from '../../i18n';

const OWN: Partial<Record<ImportField, 'firstName' | 'lastName' | 'age' | 'consent' | 'submitted' | 'refused'>> = {
  firstName: 'firstName',
  lastName: 'lastName',
  age: 'age',
  consent: 'consent',
  submitted: 'submitted',
  refused: 'refused',
};

export function fieldLabel(field: ImportField, lang: Lang): string {
  const own = OWN[field];
  if (own) return paneStrings.text(`import.field.${own}`, lang);
  if (field === 'ignore') return paneStrings.text('import.field.none', lang);
  return sheetDef('volunteers').columns?.find((c) => c.key === field)?.label[lang] ?? field;
}

/** The fields a user may choose for a column: every one but "ignore" (shown as "not used") and "refused" (never chosen). */
export const CHOOSABLE_FIELDS = IMPORT_FIELDS.filter((f) => f !== 'ignore' && f !== 'refused');

/**
 * Why templates cannot be added to this workbook; the pane says so in the user's language. In a
 * module of its own so that the pane's error messages can recognise it without loading the
 * template service.
 */
import { SamspillError } from '../../core/samspillError';
import { paneStrings } from '../i18n';

export type TemplateRefusalCode = 'newerSchema' | 'upgradeNotAvailable' | 'columnOccupied';

export class TemplateRefusal extends SamspillError<TemplateRefusalCode> {
  override readonly name = 'TemplateRefusal';

  constructor(code: TemplateRefusalCode, values: Record<string, number | string>) {
    super(code, values, paneStrings.phrase(`error.templates.${code}`, values));
  }

  /** The code, under the name the template service's callers have used. */
  get reason(): TemplateRefusalCode {
    return this.code;
  }
}

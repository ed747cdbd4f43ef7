/**
 * The parameters the Innstillinger tab edits, and the refusal of values they must not take. In a
 * module of its own so that what recognises the refusal (the settings tab, browser mode's worker
 * boundary) does not load the settings service.
 */
import { SamspillError } from '../../core/samspillError';
import { paneStrings } from '../i18n';

/** The parameters the pane edits; lists and the municipality's name stay on the sheet. */
export const PANE_PARAMETERS = ['reportDate', 'hoursPerFte', 'valuePerHour', 'expiryWarningDays', 'reviewWarningDays', 'retentionMonths'] as const;
export type PaneParameter = (typeof PANE_PARAMETERS)[number];

export type ParameterProblem = { key: PaneParameter; problem: 'notNumber' | 'notWhole' | 'belowMin' | 'aboveMax'; min?: number; max?: number };

/** Values the settings sheet must not take; the settings tab marks each field with its problem. */
export class SettingsRefusal extends SamspillError<'invalidValues'> {
  override readonly name = 'SettingsRefusal';

  constructor(readonly problems: ParameterProblem[]) {
    super('invalidValues', {}, paneStrings.phrase('error.settings.refused'), {
      detail: `settings not written: ${problems.map((p) => `${p.key} ${p.problem}`).join(', ')}`,
    });
  }
}

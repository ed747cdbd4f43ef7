/**
 * The parameters the Innstillinger tab edits, and the errors a save of them can end in: values or
 * list items they must not take, and settings changed on the sheet since they were read. In a
 * module of its own so that what recognises these errors (the settings tab, browser mode's worker
 * boundary) does not load the settings service.
 */
import { SamspillError } from '../../core/samspillError';
import { paneStrings } from '../i18n';

/** The number parameters the pane edits (the municipality's name and the lists beside them, in settingsService). */
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

export type ListProblem = { index: number; problem: 'blank' | 'repeated' | 'tooLong' } | { index: -1; problem: 'tooMany'; max: number };

/** A list the pane would not write as it stands; the tab marks each item with its problem. */
export class ListRefusal extends SamspillError<'invalidList'> {
  override readonly name = 'ListRefusal';

  constructor(readonly problems: ListProblem[]) {
    super('invalidList', {}, paneStrings.phrase('error.settings.refused'), {
      detail: `list not written: ${problems.map((p) => `${p.index} ${p.problem}`).join(', ')}`,
    });
  }
}

/** Settings changed on the sheet since the pane read them: nothing was written. */
export class SettingsChanged extends SamspillError<'settingsChanged'> {
  override readonly name = 'SettingsChanged';

  constructor(readonly keys: string[]) {
    super('settingsChanged', { keys: keys.join(', ') }, paneStrings.phrase('error.settings.changed'), { detail: `changed on the sheet: ${keys.join(', ')}` });
  }
}

/**
 * The input for a new, empty Samspill workbook: default settings and lists, empty registers (the
 * action plan too: it grows from the first rated round), and one unrated evaluation round dated
 * today so the checklist is ready to fill in.
 */
import { checklistRound } from '../evaluation/checklistRows';
import { workbookStrings } from '../content/content';
import type { Lang } from '../content/language';
import { defaultSheetNames, type WorkbookInput } from './buildWorkbookPlan';
import { defaultSettings } from '../model/settingsModel';
import { defaultTableNames } from '../model/workbookData';

export function newWorkbookInput(lang: Lang, today: number): WorkbookInput {
  return {
    lang,
    settings: defaultSettings(lang),
    records: {
      partners: [],
      agreements: [],
      volunteers: [],
      hours: [],
      checklist: checklistRound(lang, today, workbookStrings.text('checklist.scope.whole', lang)),
      actions: [],
    },
    sheetNames: defaultSheetNames(lang),
    tables: defaultTableNames(lang),
    today,
    chosenAgreementId: null,
  };
}

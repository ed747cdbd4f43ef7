/**
 * The papers an individual volunteer signs or is given (templates/volunteerPapers.json): the
 * volunteer agreement, the confidentiality declaration and the privacy notice, filled from the
 * volunteer's register row chosen in the helper cells, each starting on a new A4 page.
 */
import { content } from '../content/content';
import { documentSheet, type DocumentSheetSpec } from '../documents/documentSheet';
import type { WorkbookData } from '../model/workbookData';
import type { FormulaRefs } from './formulaRefs';
import type { PlannedName, PlannedSheet } from './workbookPlan';

export const VOLUNTEER_ID_NAME = 'form_volunteer_id';

export function volunteerPapersSpec(sheetName: string): DocumentSheetSpec {
  return {
    key: 'volunteerPapers',
    sheetName,
    subject: 'volunteers',
    templates: content().volunteerPapers.documents,
    idName: VOLUNTEER_ID_NAME,
    chooseLabel: 'volunteerPapers.chooseId',
    chooseHelp: 'volunteerPapers.chooseHelp',
    title: 'volunteerPapers.title',
    tabColor: '2E7D32',
  };
}

export function volunteerPapersSheet(
  sheetName: string,
  data: WorkbookData,
  f: FormulaRefs,
  chosenId: string | null,
): { sheet: PlannedSheet; names: PlannedName[] } {
  return documentSheet(volunteerPapersSpec(sheetName), data, f, chosenId);
}

/**
 * The printable cooperation agreement (templates/agreement.json): choose an agreement id in the
 * helper cells beside the page and the document fills itself from the register, laid out for A4.
 */
import { content } from '../content/content';
import { documentSheet, type DocumentSheetSpec } from '../documents/documentSheet';
import type { WorkbookData } from '../model/workbookData';
import type { FormulaRefs } from './formulaRefs';
import type { PlannedName, PlannedSheet } from './workbookPlan';

export const AGREEMENT_ID_NAME = 'form_agreement_id';

export function agreementSpec(sheetName: string): DocumentSheetSpec {
  return {
    key: 'agreement',
    sheetName,
    subject: 'agreements',
    templates: content().agreement.documents,
    idName: AGREEMENT_ID_NAME,
    chooseLabel: 'agreement.chooseId',
    chooseHelp: 'agreement.chooseHelp',
    title: 'agreement.title',
    tabColor: '1565C0',
  };
}

export function agreementSheet(sheetName: string, data: WorkbookData, f: FormulaRefs, chosenId: string | null): { sheet: PlannedSheet; names: PlannedName[] } {
  return documentSheet(agreementSpec(sheetName), data, f, chosenId);
}

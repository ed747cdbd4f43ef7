/**
 * Printing an agreement or a volunteer's papers. Inside Excel the printable sheet is filled for
 * the chosen id (its one input cell, found by its workbook name wherever the sheet was moved) and
 * shown, ready to print; in browser mode the same documents are made from the workbook as read,
 * for a print page. Both come from one model (src/core/documents), so paper looks the same.
 */
import { content } from '../../core/content/content';
import type { Lang } from '../../core/content/language';
import { printDocuments } from '../../core/documents/documentSheet';
import type { PrintDocument } from '../../core/documents/printDocument';
import { parseCellReference } from '../../core/model/a1';
import { loadWorkbook } from '../../core/model/loadWorkbook';
import { AGREEMENT_ID_NAME } from '../../core/plan/agreementSheet';
import { VOLUNTEER_ID_NAME } from '../../core/plan/volunteerPapersSheet';
import { requireCellWriter } from './cellWriter';
import type { PaneWorkbook } from './paneWorkbook';

export type PrintKind = 'agreement' | 'volunteerPapers';

const FORMS = {
  agreement: { name: AGREEMENT_ID_NAME, subject: 'agreements' as const, templates: () => content().agreement.documents },
  volunteerPapers: { name: VOLUNTEER_ID_NAME, subject: 'volunteers' as const, templates: () => content().volunteerPapers.documents },
};

export class PrintService {
  constructor(private readonly workbook: PaneWorkbook) {}

  /** Fills the printable sheet for the id and shows it; the sheet's name, or null when the workbook has none. */
  async fillSheet(kind: PrintKind, id: string): Promise<string | null> {
    const names = await this.workbook.definedNames();
    const name = names.find((n) => n.name.toLowerCase() === FORMS[kind].name);
    const target = name ? parseCellReference(name.refersTo) : null;
    if (!target) return null;
    await requireCellWriter(this.workbook).writeCells(target.sheet, [{ address: target.address, value: id }]);
    await this.workbook.selectCell(target.sheet, target.address);
    return target.sheet;
  }

  /** The documents for the id, in the language asked for, as the print page shows them. */
  async documents(kind: PrintKind, id: string, lang: Lang): Promise<PrintDocument[]> {
    const loaded = await loadWorkbook(this.workbook);
    return printDocuments(FORMS[kind].templates(), FORMS[kind].subject, loaded.data, id, lang);
  }
}

/**
 * Fills the printable agreement (the Samarbeidsavtale sheet) from one row of the agreement
 * register: the form's lookup formulas follow the agreement id in its one input cell, found by its
 * workbook name `form_agreement_id` wherever the sheet was moved or renamed. Then the sheet is
 * shown, ready to print.
 */
import { parseCellReference } from '../../core/model/a1';
import { requireCellWriter } from './cellWriter';
import type { PaneWorkbook } from './paneWorkbook';

export const AGREEMENT_ID_NAME = 'form_agreement_id';

export class AgreementFormService {
  constructor(private readonly workbook: PaneWorkbook) {}

  /** False when the workbook has no printable agreement. */
  async fill(agreementId: string): Promise<boolean> {
    const names = await this.workbook.definedNames();
    const name = names.find((n) => n.name.toLowerCase() === AGREEMENT_ID_NAME);
    const target = name ? parseCellReference(name.refersTo) : null;
    if (!target) return false;
    await requireCellWriter(this.workbook).writeCells(target.sheet, [{ address: target.address, value: agreementId }]);
    await this.workbook.selectCell(target.sheet, target.address);
    return true;
  }
}

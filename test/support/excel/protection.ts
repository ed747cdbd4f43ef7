/** Sheet protection: what a protected sheet refuses, and `worksheet.protection`. */
import type { Area } from './addresses';
import { ClientObject } from './clientObject';
import type { StandInContext } from './context';
import { fail } from './errors';
import type { SheetModel } from './model';
import type { ExcelStandIn } from './standIn';

export function assertEditable(book: ExcelStandIn, sheet: SheetModel, areas: Area[], kind: 'content' | 'format' | 'structure' | 'columns' | 'rows'): void {
  if (!sheet.protection.protected) return;
  const options = sheet.protection.options;
  if (kind === 'format' && options.allowFormatCells) return;
  if (kind === 'columns' && options.allowFormatColumns) return;
  if (kind === 'rows' && options.allowFormatRows) return;
  if (kind === 'content') {
    const locked = areas.some((area) => {
      for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) if (sheet.cell(r, c)?.format.locked ?? true) return true;
      return false;
    });
    if (!locked) return;
  }
  void book;
  fail('AccessDenied', `The cell or chart you're trying to change is on the protected sheet "${sheet.name}".`);
}

const PROTECTION_OPTIONS = [
  'allowAutoFilter',
  'allowDeleteColumns',
  'allowDeleteRows',
  'allowEditObjects',
  'allowEditScenarios',
  'allowFormatCells',
  'allowFormatColumns',
  'allowFormatRows',
  'allowInsertColumns',
  'allowInsertHyperlinks',
  'allowInsertRows',
  'allowPivotTables',
  'allowSort',
  'selectionMode',
];

export class WorksheetProtectionProxy extends ClientObject {
  protected readonly loadable = ['protected', 'options'] as const;

  constructor(
    context: StandInContext,
    path: string,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, path);
  }

  protected resolve(): unknown {
    return this.sheet();
  }

  protected snapshot(prop: string): unknown {
    if (prop === 'protected') return this.sheet().protection.protected;
    if (prop === 'options') return { ...this.sheet().protection.options };
    return fail('InvalidArgument', `Unknown property ${prop}`);
  }

  get protected(): boolean {
    return this.read('protected');
  }

  /**
   * "Protects a worksheet. Fails if the worksheet has already been protected." (reference,
   * WorksheetProtection.protect; options 1.2, password 1.7). The code is taken from office-js #6784,
   * where a build threw AccessDenied ("You cannot perform the requested operation.") for it.
   */
  protect(options: Record<string, unknown> = {}, password?: string): void {
    const unknown = Object.keys(options).filter((k) => !PROTECTION_OPTIONS.includes(k));
    if (unknown.length > 0) fail('InvalidArgument', `Unknown protection options: ${unknown.join(', ')}`);
    this.call('protect', [options, password ?? null], () => {
      const sheet = this.sheet();
      if (sheet.protection.protected) fail('AccessDenied', 'You cannot perform the requested operation.');
      sheet.protection = { protected: true, options: { ...options }, ...(password ? { password } : {}) };
    });
  }

  /**
   * The reference says nothing of unprotecting a sheet that is not protected; office-js #6784 shows
   * a build (June 2026) that threw AccessDenied for it, and the stand-in does, the strictest case. A
   * sheet the user protected with a password needs it (password parameter: ExcelApi 1.7); which code
   * a missing or wrong one gives is not documented — InvalidArgument is believed, as pauseProtection
   * documents it ("If the password is incorrect, then this method throws an InvalidArgument error").
   */
  unprotect(password?: string): void {
    this.call('unprotect', [password ?? null], () => {
      const sheet = this.sheet();
      if (!sheet.protection.protected) fail('AccessDenied', 'You cannot perform the requested operation.');
      if (sheet.protection.password !== undefined && sheet.protection.password !== password)
        fail('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      sheet.protection = { protected: false, options: {} };
    });
  }
}

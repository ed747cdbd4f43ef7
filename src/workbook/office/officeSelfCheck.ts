/**
 * The in-Excel self-check: each capability the adapter relies on, tried in the user's own Excel
 * in a temporary very hidden sheet, which is removed afterwards — also when a step fails — with the
 * one workbook name it adds. The people who deploy the add-in run it from Innstillinger and send
 * its report (pass or fail per capability, Excel's platform and version) with a support request.
 * Each step is its own short batch, so one failing step does not hide the others.
 */
import { sameReference } from '../../core/model/a1';
import { SELF_CHECK_STEPS, type SelfCheckReport, type SelfCheckResult, type SelfCheckStep } from '../../core/port';
import { officeCodeOf } from './officeErrors';
import type { ExcelRun } from './officeWorkbook';

/** What Office.context.diagnostics says (reference, Office.ContextInformation). */
export interface HostDiagnostics {
  host: string;
  platform: string;
  version: string;
}

/** The names the check gives what it makes: a random suffix, so two people checking at once never meet. */
interface Scratch {
  sheet: string;
  table: string;
  name: string;
}

function scratchNames(): Scratch {
  const suffix = Math.floor(Math.random() * 36 ** 5)
    .toString(36)
    .padStart(5, '0');
  return { sheet: `_samspill_check_${suffix}`, table: `SamspillCheck_${suffix}`, name: `_samspill_check_${suffix}` };
}

function describe(error: unknown): string {
  const code = officeCodeOf(error);
  const message =
    error instanceof Error
      ? error.message
      : typeof error === 'object' && error && 'message' in error
        ? String((error as { message: unknown }).message)
        : String(error);
  return code ? `${code}: ${message}` : message;
}

/** A step's own check: what was read back, when it is not what was written. */
const expectThat = (ok: boolean, what: string): void => {
  if (!ok) throw new Error(what);
};

type StepBody = (context: Excel.RequestContext, sheet: Excel.Worksheet, scratch: Scratch) => Promise<string | void>;

/** Values, a text with leading zeros and a formula written, and read back as written. */
const valuesAndFormulas: StepBody = async (context, sheet) => {
  sheet.getRange('A1:C1').values = [[41, 'tekst', "'0047"]];
  sheet.getRange('A2').formulas = [['=A1+1']];
  const values = sheet.getRange('A1:C1').load('values');
  const formula = sheet.getRange('A2').load('formulas');
  await context.sync();
  expectThat(values.values[0][0] === 41 && values.values[0][1] === 'tekst' && values.values[0][2] === '0047', `read back ${JSON.stringify(values.values[0])}`);
  expectThat(formula.formulas[0][0] === '=A1+1', `formula read back as ${JSON.stringify(formula.formulas[0][0])}`);
};

/** A table, and rows.add with the formula column written as a formula (never left to AutoCorrect). */
const tableRowsWithFormula: StepBody = async (context, sheet, scratch) => {
  const formula = `=${scratch.table}[[#This Row],[Tall]]*2`;
  sheet.getRange('E1:F1').values = [['Tall', 'Dobbel']];
  const table = sheet.tables.add('E1:F2', true);
  table.name = scratch.table;
  table.getDataBodyRange().formulas = [[1, formula]];
  await context.sync();
  table.rows.add(undefined, [[2, formula]]);
  const added = sheet.getRange('E3:F3').load('formulas');
  await context.sync();
  expectThat(added.formulas[0][0] === 2 && added.formulas[0][1] === formula, `new row read back as ${JSON.stringify(added.formulas[0])}`);
};

/** A list validation whose source is a workbook name, as the registers' lists are made. */
const listFromName: StepBody = async (context, sheet, scratch) => {
  sheet.getRange('H1:H3').values = [['Ja'], ['Nei'], ['Vet ikke']];
  context.workbook.names.add(scratch.name, `=${quoted(scratch.sheet)}!$H$1:$H$3`);
  const target = sheet.getRange('I1');
  target.dataValidation.rule = { list: { inCellDropDown: true, source: `=${scratch.name}` } };
  const validation = target.dataValidation.load('rule');
  await context.sync();
  const source = validation.rule.list?.source;
  expectThat(
    typeof source === 'string' && source.replace(/^=/, '').toLowerCase() === scratch.name.toLowerCase(),
    `list source read back as ${JSON.stringify(source)}`,
  );
};

/** A data bar, as the summary's breakdowns carry. */
const dataBar: StepBody = async (context, sheet) => {
  sheet.getRange('J1:J3').values = [[1], [2], [3]];
  const format = sheet.getRange('J1:J3').conditionalFormats.add('DataBar');
  format.dataBar.positiveFormat.fillColor = '#5B9BD5';
  const count = sheet.getRange('J1:J3').conditionalFormats.getCount();
  await context.sync();
  expectThat(count.value === 1, `${count.value} conditional formats read back`);
};

/** Protect and unprotect, each after reading the state (protect() fails on a protected sheet). */
const protection: StepBody = async (context, sheet) => {
  const before = sheet.protection.load('protected');
  await context.sync();
  expectThat(!before.protected, 'the new sheet was already protected');
  sheet.protection.protect({ allowFormatColumns: true, selectionMode: 'Normal' });
  const during = sheet.protection.load('protected');
  await context.sync();
  expectThat(during.protected, 'protect() left the sheet unprotected');
  sheet.protection.unprotect();
  const after = sheet.protection.load('protected');
  await context.sync();
  expectThat(!after.protected, 'unprotect() left the sheet protected');
};

/** The name read back: Excel gives its formula in its own form, compared as a reference. */
const nameReadBack: StepBody = async (context, _sheet, scratch) => {
  const item = context.workbook.names.getItem(scratch.name).load('formula');
  await context.sync();
  const expected = `${quoted(scratch.sheet)}!$H$1:$H$3`;
  expectThat(sameReference(item.formula, expected), `read back as ${JSON.stringify(item.formula)}`);
  return item.formula;
};

/**
 * Several areas formatted at once through getRanges, whose separator is the user's on Windows
 * desktop (office-js #1167): which one this Excel takes is reported, the adapter depends on neither.
 */
const multiAreaFormat: StepBody = async (context, sheet) => {
  const taken: string[] = [];
  for (const separator of [',', ';']) {
    try {
      sheet.getRanges(`K1:K2${separator}M1:M2`).format.fill.color = '#FFF8E1';
      await context.sync();
      taken.push(separator);
    } catch {
      // This Excel does not take this separator.
    }
  }
  const fill = sheet.getRange('M2').format.fill.load('color');
  await context.sync();
  expectThat(taken.length > 0, 'getRanges took neither "," nor ";"');
  expectThat(fill.color.toUpperCase() === '#FFF8E1', `fill read back as ${fill.color}`);
  return `getRanges: "${taken.join('" "')}"`;
};

const STEPS: Record<SelfCheckStep, StepBody> = { valuesAndFormulas, tableRowsWithFormula, listFromName, dataBar, protection, nameReadBack, multiAreaFormat };

function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

async function makeScratchSheet(run: ExcelRun, scratch: Scratch): Promise<void> {
  await run(async (context) => {
    const sheet = context.workbook.worksheets.add(scratch.sheet);
    // Very hidden at once: the user never sees it, not even while the check runs.
    sheet.visibility = 'VeryHidden';
    await context.sync();
  });
}

/** Removes the sheet (made hidden first: a VeryHidden sheet cannot be deleted) and the name; true when nothing is left. */
async function removeScratch(run: ExcelRun, scratch: Scratch): Promise<boolean> {
  try {
    return await run(async (context) => {
      const name = context.workbook.names.getItemOrNullObject(scratch.name);
      const sheet = context.workbook.worksheets.getItemOrNullObject(scratch.sheet).load('visibility');
      await context.sync();
      if (!name.isNullObject) name.delete();
      if (!sheet.isNullObject) {
        if (sheet.visibility === 'VeryHidden') sheet.visibility = 'Hidden';
        sheet.delete();
      }
      await context.sync();
      const nameLeft = context.workbook.names.getItemOrNullObject(scratch.name);
      const sheetLeft = context.workbook.worksheets.getItemOrNullObject(scratch.sheet);
      await context.sync();
      return nameLeft.isNullObject && sheetLeft.isNullObject;
    });
  } catch {
    return false;
  }
}

export async function runSelfCheck(run: ExcelRun, diagnostics: () => HostDiagnostics): Promise<SelfCheckReport> {
  let host: HostDiagnostics;
  try {
    host = diagnostics();
  } catch {
    host = { host: '?', platform: '?', version: '?' };
  }
  const scratch = scratchNames();
  const steps: SelfCheckResult[] = [];
  let cleanedUp = false;
  try {
    let setupError: string | undefined;
    try {
      await makeScratchSheet(run, scratch);
    } catch (error) {
      setupError = describe(error);
    }
    for (const step of SELF_CHECK_STEPS) {
      if (setupError !== undefined) {
        steps.push({ step, ok: false, detail: setupError });
        continue;
      }
      try {
        const note = await run(async (context) => STEPS[step](context, context.workbook.worksheets.getItem(scratch.sheet), scratch));
        steps.push({ step, ok: true, ...(note ? { detail: note } : {}) });
      } catch (error) {
        steps.push({ step, ok: false, detail: describe(error) });
      }
    }
  } finally {
    cleanedUp = await removeScratch(run, scratch);
  }
  return { ...host, steps, cleanedUp };
}

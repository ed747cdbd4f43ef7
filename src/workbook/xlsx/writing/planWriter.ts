/**
 * Renders a WorkbookPlan into an exceljs workbook, working around the exceljs 4.4 faults recorded
 * in DESIGN.md so that Excel and LibreOffice open the result without repairs.
 */
import { withCalculatedColumns } from './calculatedColumns';
import ExcelJS from 'exceljs';
import type { WorkbookWriter } from '../../../core/port';
import {
  isFormula,
  type PlannedCell,
  type PlannedSheet,
  type PlannedTable,
  type PlannedValidation,
  type PlanValue,
  type ValidationRule,
  type WorkbookPlan,
} from '../../../core/plan/workbookPlan';
import { addWorkbookName, setPrintArea } from './definedNames';
import { argb, excelStyle } from './xlsxStyles';
import { cellAddress, parseCell } from '../../../core/model/a1';
import { encodeOoxmlEscapes, xmlSafe } from '../reading/xmlText';

/** Excel's limits for validation texts; longer ones make Excel report the file as damaged. */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MAX = 255;
const ERROR_TITLE_MAX = 32;
const ERROR_MAX = 225;
const A4 = 9;
/** Bounds standing in for "any number" when a numeric rule gives neither min nor max. */
const NUMBER_FLOOR = -1e307;
const NUMBER_CEILING = 1e307;

type CellContent = ExcelJS.CellValue;

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Turns a plan value into what exceljs stores: formulas without '=', with the core's result cached. */
function cellContent(value: PlanValue): CellContent {
  // Text from a user's rows or files may hold characters XML cannot carry: escaped as Excel does.
  if (typeof value === 'string') return encodeOoxmlEscapes(value);
  if (!isFormula(value)) return value;
  const formula = xmlSafe(value.formula.replace(/^=/, ''));
  if (value.result === null) return { formula } as ExcelJS.CellFormulaValue;
  return { formula, result: typeof value.result === 'string' ? encodeOoxmlEscapes(value.result) : value.result } as ExcelJS.CellFormulaValue;
}

function writeCell(worksheet: ExcelJS.Worksheet, planned: PlannedCell): void {
  const cell = worksheet.getCell(planned.row, planned.col);
  if (planned.style) cell.style = excelStyle(planned.style);
  if (planned.value !== null) cell.value = cellContent(planned.value);
}

function decodeCell(ref: string): { row: number; col: number } {
  const cell = parseCell(ref.trim());
  if (!cell) throw new Error(`Not a cell reference: ${ref}`);
  return cell;
}

function decodeArea(range: string): Area {
  const [first, last = first] = range.split(':');
  const a = decodeCell(first);
  const b = decodeCell(last);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function writeTable(worksheet: ExcelJS.Worksheet, table: PlannedTable): void {
  worksheet.addTable({
    name: table.name,
    ref: cellAddress(table.row, table.col),
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: table.headers.map((name) => ({ name: xmlSafe(name), filterButton: true })),
    rows: table.rows.map((row) => table.headers.map((_, c) => cellContent(row[c] ?? null))),
  });
  table.rows.forEach((_, r) => {
    table.columnStyles.forEach((style, c) => {
      if (style) worksheet.getCell(table.row + 1 + r, table.col + c).style = excelStyle(style);
    });
  });
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Never leave half of a surrogate pair behind.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * exceljs converts the formulas of date rules with `new Date(formula)`, so a serial must travel as
 * the UTC instant it stands for to come out as the same serial.
 */
function serialAsDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

type RuleShape = { type: string; operator?: string; formulae: unknown[] };

function boundsShape(type: 'decimal' | 'whole', min: number | undefined, max: number | undefined): RuleShape {
  if (min !== undefined && max !== undefined) return { type, operator: 'between', formulae: [min, max] };
  if (min !== undefined) return { type, operator: 'greaterThanOrEqual', formulae: [min] };
  if (max !== undefined) return { type, operator: 'lessThanOrEqual', formulae: [max] };
  return { type, operator: 'between', formulae: [NUMBER_FLOOR, NUMBER_CEILING] };
}

function ruleShape(rule: ValidationRule): RuleShape {
  switch (rule.type) {
    case 'list':
      return { type: 'list', formulae: [rule.source.replace(/^=/, '')] };
    case 'date': {
      const { min, max } = rule;
      if (min !== undefined && max !== undefined) return { type: 'date', operator: 'between', formulae: [serialAsDate(min), serialAsDate(max)] };
      if (max !== undefined) return { type: 'date', operator: 'lessThanOrEqual', formulae: [serialAsDate(max)] };
      // Excel's earliest date (1 Jan 1900) when no lower bound is given: any date is accepted.
      return { type: 'date', operator: 'greaterThanOrEqual', formulae: [serialAsDate(min ?? 1)] };
    }
    case 'decimal':
    case 'whole':
      return boundsShape(rule.type, rule.min, rule.max);
    case 'textLength':
      return { type: 'textLength', operator: 'lessThanOrEqual', formulae: [rule.max] };
  }
}

function addValidation(worksheet: ExcelJS.Worksheet, validation: PlannedValidation): void {
  // The per-cell API writes overlapping ranges (exceljs #2820); the range-level collection does not.
  const collection = (worksheet as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations;
  collection.add(validation.range, {
    ...ruleShape(validation.rule),
    allowBlank: true,
    showInputMessage: true,
    promptTitle: truncate(validation.prompt.title, PROMPT_TITLE_MAX),
    prompt: truncate(validation.prompt.message, PROMPT_MAX),
    showErrorMessage: true,
    errorStyle: validation.strict ? 'stop' : 'warning',
    errorTitle: truncate(validation.error.title, ERROR_TITLE_MAX),
    error: truncate(validation.error.message, ERROR_MAX),
  });
}

function addDataBar(worksheet: ExcelJS.Worksheet, range: string, color: string, priority: number): void {
  const rule = {
    type: 'dataBar',
    priority,
    gradient: false,
    cfvo: [{ type: 'min' }, { type: 'max' }],
    color: argb(color),
  } as unknown as ExcelJS.ConditionalFormattingRule;
  worksheet.addConditionalFormatting({ ref: range, rules: [rule] });
}

function protect(worksheet: ExcelJS.Worksheet, unlocked: string[]): void {
  for (const range of unlocked) {
    const area = decodeArea(range);
    for (let row = area.top; row <= area.bottom; row++) {
      for (let col = area.left; col <= area.right; col++) {
        const cell = worksheet.getCell(row, col);
        cell.protection = { ...cell.protection, locked: false };
      }
    }
  }
  // An empty password writes no hash: anyone can unprotect, the structure is only guarded from slips.
  // protect() sets the protection synchronously; its promise carries nothing.
  void worksheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
}

function sheetOptions(sheet: PlannedSheet): Partial<ExcelJS.AddWorksheetOptions> {
  const options: Partial<ExcelJS.AddWorksheetOptions> = { state: sheet.visibility };
  if (sheet.tabColor) options.properties = { tabColor: argb(sheet.tabColor) } as ExcelJS.WorksheetProperties;
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    options.views = [{ state: 'frozen', xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }];
  }
  if (sheet.print) {
    options.pageSetup = {
      paperSize: A4,
      orientation: sheet.print.orientation,
      ...(sheet.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    } as Partial<ExcelJS.PageSetup>;
  }
  return options;
}

function renderSheet(workbook: ExcelJS.Workbook, sheet: PlannedSheet): void {
  if (workbook.getWorksheet(sheet.name)) throw new Error(`The workbook already has a sheet named "${sheet.name}".`);
  const worksheet = workbook.addWorksheet(sheet.name, sheetOptions(sheet));
  sheet.columnWidths.forEach((width, i) => {
    if (width > 0) worksheet.getColumn(i + 1).width = width;
  });
  for (const cell of sheet.cells) writeCell(worksheet, cell);
  for (const table of sheet.tables) writeTable(worksheet, table);
  for (const range of sheet.merges) worksheet.mergeCells(range);
  for (const validation of sheet.validations) addValidation(worksheet, validation);
  sheet.dataBars.forEach((bar, i) => addDataBar(worksheet, bar.range, bar.color, i + 1));
  if (sheet.protection) protect(worksheet, sheet.protection.unlocked);
  if (sheet.print) setPrintArea(workbook, sheet.name, sheet.print.area);
  writePrintLayout(worksheet, sheet);
}

/** Row heights the host would not fit itself (wrapped text: rowHeights.ts), page breaks, and the footer with page numbers. */
function writePrintLayout(worksheet: ExcelJS.Worksheet, sheet: PlannedSheet): void {
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) worksheet.getRow(Number(row)).height = height;
  for (const row of sheet.rowBreaks ?? []) worksheet.getRow(row).addPageBreak();
  if (sheet.print?.footer) worksheet.headerFooter = { ...worksheet.headerFooter, oddFooter: `&C${sheet.print.footer}` };
}

/** Excel opens on the active tab; a very hidden one would leave the user on a sheet they cannot see. */
function ensureVisibleActiveTab(workbook: ExcelJS.Workbook): void {
  const sheets = workbook.worksheets;
  const firstVisible = sheets.findIndex((s) => s.state === 'visible' || s.state === undefined);
  if (firstVisible < 0) return;
  const views = workbook.views ?? [];
  const active = views[0]?.activeTab ?? 0;
  if (sheets[active] && sheets[active].state !== 'veryHidden' && sheets[active].state !== 'hidden') return;
  const base = views[0] ?? { x: 0, y: 0, width: 12000, height: 20000, visibility: 'visible' };
  workbook.views = [{ ...base, firstSheet: firstVisible, activeTab: firstVisible }, ...views.slice(1)];
}

/** Adds the plan's sheets and names to the workbook; the sheets must not exist yet. */
export function renderPlan(workbook: ExcelJS.Workbook, plan: WorkbookPlan): void {
  for (const sheet of plan.sheets) renderSheet(workbook, sheet);
  for (const name of plan.names) addWorkbookName(workbook, name.name, name.refersTo);
  ensureVisibleActiveTab(workbook);
  // Cached results are the core's numbers; Excel recomputes everything when the file opens.
  workbook.calcProperties.fullCalcOnLoad = true;
}

/** A complete new workbook holding the plan. */
export async function writePlanToBuffer(plan: WorkbookPlan): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samspill';
  renderPlan(workbook, plan);
  // A plain Uint8Array, not a Node Buffer: the browser mode writes workbooks too.
  const data = new Uint8Array(await workbook.xlsx.writeBuffer());
  return withCalculatedColumns(
    data,
    plan.sheets.flatMap((s) => s.tables),
  );
}

export class XlsxPlanWriter implements WorkbookWriter {
  constructor(private readonly workbook: ExcelJS.Workbook) {}

  async applyPlan(plan: WorkbookPlan): Promise<void> {
    renderPlan(this.workbook, plan);
  }
}

/**
 * Import in the pane: a sign-up form's export dropped on the Registrer tab, read, mapped, shown
 * with what each row would become, and appended to the volunteer register on confirmation —
 * through the same core as `samspill import` (exportTable, importMapping, importRows), so a row
 * the command line would skip is skipped here for the same reason. The export is read where the
 * pane's services run — the pane in Excel, browser mode's worker beside the workbook (a CSV by
 * the core, an .xlsx by the adapter's reader); nothing leaves the machine.
 */
import { loadWorkbook, type LoadedWorkbook } from '../../core/model/loadWorkbook';
import { bytesSource, csvTable, exportKind, readCsv, sheetTable, type ExportTable } from '../../core/import/exportTable';
import { ExportReadError } from '../../core/import/exportReadError';
import { mapColumns, type ColumnMapping, type ImportField } from '../../core/import/importMapping';
import { planImport, type ImportPlan } from '../../core/import/importRows';
import type { ImportDefaults } from '../../core/import/importDefaults';
import type { RegisterRows } from '../../core/model/registerRows';
import { SamspillError } from '../../core/samspillError';
import { paneStrings } from '../i18n';
import { todayOf, systemClock, type Clock } from './paneClock';
import type { PaneWorkbook } from './paneWorkbook';
import { tableRow } from './tableRow';

/** A file the user chose or dropped. */
export interface ExportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportPreview {
  kind: 'preview';
  plan: ImportPlan;
  mapping: ColumnMapping;
  /** The volunteer register's sheet. */
  sheet: string;
  /** The municipality's activities, for the default the pane offers. */
  activities: string[];
}

export type ImportOutcome = { kind: 'imported'; count: number; sheet: string } | { kind: 'noRegister' };

/** A spreadsheet export in a pane whose host cannot read one (only CSV there). */
export class ExportNotReadable extends SamspillError<'xlsxUnavailable'> {
  override readonly name = 'ExportNotReadable';

  constructor() {
    super('xlsxUnavailable', {}, paneStrings.phrase('import.error.xlsxUnavailable'));
  }
}

/** The sheet row after a register's last row: where the pane's appended rows land. */
function nextRow(register: RegisterRows): number {
  return register.rows.reduce((last, r) => Math.max(last, r.rowNumber), register.headerRow) + 1;
}

export class ImportService {
  constructor(
    private readonly workbook: PaneWorkbook,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The export as a table: an .xlsx by its first visible sheet, anything else as CSV in the dialect it was written in. */
  async read(file: ExportFile): Promise<ExportTable> {
    const kind = exportKind(file.bytes.subarray(0, 8192));
    if (kind === 'binary') throw new ExportReadError('notText');
    if (kind === 'text') {
      const { records, dialect } = await readCsv(bytesSource(file.bytes));
      return csvTable(records, dialect);
    }
    if (!this.workbook.openSpreadsheet) throw new ExportNotReadable();
    const reader = await this.workbook.openSpreadsheet(file.bytes);
    const sheets = await reader.listSheets();
    const first = sheets.find((s) => s.visibility === 'visible') ?? sheets[0];
    if (!first) throw new ExportReadError('noRows');
    return sheetTable(await reader.readSheet(first.name));
  }

  /** The mapping the headers give, for the pane to show and let the user change (async: in browser mode the service runs in the worker). */
  async mapping(table: ExportTable): Promise<ColumnMapping> {
    return mapColumns(table.headers);
  }

  /** What importing the table with this mapping and these defaults would do, against the workbook as it is now. */
  async preview(table: ExportTable, fields: (ImportField | null)[], defaults: ImportDefaults): Promise<ImportPreview | { kind: 'noRegister' }> {
    const loaded = await loadWorkbook(this.workbook);
    const planned = this.plan(loaded, table, fields, defaults);
    if (!planned) return { kind: 'noRegister' };
    return { kind: 'preview', ...planned, activities: loaded.data.settings.lists.activityTypes };
  }

  /**
   * Imports the rows: planned again against the workbook as it is at this moment (another tab may
   * have added a volunteer since the preview), then appended in one call, in the table's order.
   */
  async import(table: ExportTable, fields: (ImportField | null)[], defaults: ImportDefaults): Promise<ImportOutcome> {
    const loaded = await loadWorkbook(this.workbook);
    const planned = this.plan(loaded, table, fields, defaults);
    if (!planned) return { kind: 'noRegister' };
    const register = loaded.data.registers.volunteers;
    const rows = planned.plan.imported.map((v) => tableRow(register, v.values));
    if (rows.length) await this.workbook.appendRows(loaded.data.tables.volunteers, rows);
    return { kind: 'imported', count: rows.length, sheet: register.sheetName };
  }

  private plan(loaded: LoadedWorkbook, table: ExportTable, fields: (ImportField | null)[], defaults: ImportDefaults) {
    const register = loaded.data.registers.volunteers;
    if (!loaded.sheetNames.volunteers || register.headerRow === 0) return null;
    const mapping: ColumnMapping = { fields, overridden: [] };
    const plan = planImport({ data: loaded.data, table, mapping, defaults, today: todayOf(this.clock), firstSheetRow: nextRow(register) });
    return { plan, mapping, sheet: register.sheetName };
  }
}

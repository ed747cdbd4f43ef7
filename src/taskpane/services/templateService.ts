/**
 * The Maler tab's work: which templates the open workbook has, which are missing or outdated, and
 * adding the missing ones under free names. Placement is decided by the core (the same rules as
 * `samspill add`), the sheets are built by buildWorkbookPlan and written with applyPlan. A workbook
 * of an older schema is upgraded in place through the same steps as the command line: the new
 * register columns appended to the user's tables, the new sheets added, the metadata rewritten;
 * no row is rewritten. A second run finds everything present and current, and writes nothing.
 */
import type { Lang } from '../../core/content/language';
import { loadWorkbook, type LoadedWorkbook } from '../../core/model/loadWorkbook';
import { metaEntries } from '../../core/model/metaSheet';
import { additionPlan, placedMetaEntries, placeInWorkbook, upgradeColumns } from '../../core/plan/additionPlan';
import type { RegisterRows } from '../../core/model/registerRows';
import { schemaRefusal, type Placement, type SchemaStatus } from '../../core/plan/templatePlacement';
import { REGISTER_KEYS, SHEET_KEYS, type RegisterKey, type SheetKey } from '../../core/content/templateSchema';
import type { WorkbookPlan } from '../../core/plan/workbookPlan';
import { TableColumnOccupied, type TableColumnAppender } from '../../core/port';
import type { CellEdit } from './cellWriter';
import { requireCellWriter } from './cellWriter';
import { todayOf, systemClock, type Clock } from './paneClock';
import { TemplateRefusal } from './templateRefusal';
import type { PaneWorkbook } from './paneWorkbook';
import { cellAddress } from '../../core/model/a1';

export { TemplateRefusal } from './templateRefusal';

export const TEMPLATE_KEYS = SHEET_KEYS.filter((key): key is Exclude<SheetKey, '_meta'> => key !== '_meta');
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export type TemplateState =
  | { key: TemplateKey; state: 'present'; sheet: string }
  /** Present, but its register lacks columns of the current template (column keys listed). */
  | { key: TemplateKey; state: 'outdated'; sheet: string; missingColumns: string[] }
  | { key: TemplateKey; state: 'missing'; sheet: string };

export interface TemplateStatus {
  /** The workbook's language when it has templates; otherwise the language new templates get. */
  lang: Lang;
  templates: TemplateState[];
  schema: SchemaStatus;
  /** Whether "add" would change anything. */
  canAdd: boolean;
}

export interface AddResult {
  added: { key: TemplateKey; sheet: string }[];
  /** Templates whose own name was taken by a sheet of the user's, so they got another. */
  renamed: { key: SheetKey; wanted: string; name: string }[];
  /** Present when an older schema was upgraded: the versions, and the columns appended (by their header). */
  upgraded?: { from: number; to: number; columns: { register: RegisterKey; column: string; header: string; sheet: string }[] };
}

/** Table names share one namespace with defined names; the port lists only the latter. */
const MAX_NAME_RETRIES = 6;

export class TemplateService {
  constructor(
    private readonly workbook: PaneWorkbook,
    private readonly clock: Clock = systemClock,
  ) {}

  async status(lang: Lang): Promise<TemplateStatus> {
    const loaded = await loadWorkbook(this.workbook);
    const placement = await this.place(loaded, lang, []);
    return statusOf(loaded, placement);
  }

  /** Adds every missing template (with what it depends on) in `lang`, unless the workbook has its own. */
  async addMissing(lang: Lang): Promise<AddResult> {
    const loaded = await loadWorkbook(this.workbook);
    const takenTables: string[] = [];
    let upgraded: AddResult['upgraded'];
    for (let attempt = 0; ; attempt++) {
      const placement = await this.place(loaded, lang, takenTables);
      refuseSchema(placement);
      if (placement.toAdd.length === 0 && placement.metaAction === 'none') return { added: [], renamed: [] };
      // Checked before anything is written: the metadata of an existing workbook is edited in place.
      const cells = placement.metaAction === 'update' ? requireCellWriter(this.workbook) : null;
      const columns = attempt === 0 ? await this.appendUpgradeColumns(placement, loaded) : [];
      upgraded ??= upgradeResult(placement, columns);
      const plan = additionPlan(placement, loaded, todayOf(this.clock), placement.metaAction === 'add');
      try {
        if (plan.sheets.length > 0) await this.workbook.applyPlan(plan);
      } catch (error) {
        const clash = tableClash(error, plan);
        if (clash && attempt < MAX_NAME_RETRIES) {
          takenTables.push(clash);
          continue;
        }
        throw error;
      }
      if (cells) await cells.writeCells(placement.sheetNames._meta, metaEdits(placement, loaded));
      return {
        added: placement.toAdd.filter(isTemplateKey).map((key) => ({ key, sheet: placement.sheetNames[key] })),
        renamed: placement.renamed,
        ...(upgraded ? { upgraded } : {}),
      };
    }
  }

  /**
   * An upgrade's new columns, appended at the right end of the user's register tables before any
   * sheet is added: a column that cannot go in (the user's cells beside the table) refuses the
   * whole upgrade while nothing has changed yet. A column already there is not in the steps.
   */
  private async appendUpgradeColumns(placement: Placement, loaded: LoadedWorkbook): Promise<AppendedColumn[]> {
    const columns = upgradeColumns(placement);
    if (columns.length === 0) return [];
    const appender = columnAppenderOf(this.workbook);
    if (!appender) throw new TemplateRefusal('upgradeNotAvailable', { from: placement.upgrade!.from, to: placement.upgrade!.to });
    const appended: AppendedColumn[] = [];
    for (const { addition, column } of columns) {
      const sheet = loaded.data.registers[addition.register].sheetName;
      try {
        await appender.appendTableColumn(placement.tableNames[addition.register], {
          header: column.header,
          width: column.width,
          validation: column.validation,
        });
      } catch (error) {
        if (error instanceof TableColumnOccupied) {
          throw new TemplateRefusal('columnOccupied', { sheet, cell: error.cell, header: column.header });
        }
        throw error;
      }
      appended.push({ register: addition.register, column: addition.column, header: column.header, sheet });
    }
    return appended;
  }

  /** Placement by the names the port reports, and the table names a failed attempt found taken. */
  private async place(loaded: LoadedWorkbook, requested: Lang, takenTables: string[]): Promise<Placement> {
    const names = await this.workbook.definedNames();
    const taken = {
      sheetNames: loaded.sheets.map((s) => s.name),
      tableNames: [...Object.values(loaded.meta?.tables ?? {}), ...takenTables],
      definedNames: names.map((n) => n.name),
    };
    return placeInWorkbook(loaded, taken, TEMPLATE_KEYS, requested);
  }
}

function columnAppenderOf(workbook: object): TableColumnAppender | null {
  return typeof (workbook as Partial<TableColumnAppender>).appendTableColumn === 'function' ? (workbook as TableColumnAppender) : null;
}

type AppendedColumn = NonNullable<AddResult['upgraded']>['columns'][number];

function upgradeResult(placement: Placement, columns: AppendedColumn[]): AddResult['upgraded'] {
  return placement.upgrade ? { from: placement.upgrade.from, to: placement.upgrade.to, columns } : undefined;
}

function isTemplateKey(key: SheetKey): key is TemplateKey {
  return key !== '_meta';
}

function missingColumnsOf(register: RegisterRows): string[] {
  return register.missingColumns.map((c) => c.key);
}

function statusOf(loaded: LoadedWorkbook, placement: Placement): TemplateStatus {
  const templates = TEMPLATE_KEYS.map((key): TemplateState => {
    const sheet = placement.present[key];
    if (!sheet) return { key, state: 'missing', sheet: placement.sheetNames[key] };
    const register = (REGISTER_KEYS as readonly string[]).includes(key) ? loaded.data.registers[key as RegisterKey] : null;
    const missing = register && register.sheetName === sheet ? missingColumnsOf(register) : [];
    if (missing.length > 0 || placement.schema.kind === 'upgrade') return { key, state: 'outdated', sheet, missingColumns: missing };
    return { key, state: 'present', sheet };
  });
  const canAdd = placement.schema.kind !== 'newer' && (placement.toAdd.length > 0 || placement.metaAction !== 'none');
  return { lang: placement.lang, templates, schema: placement.schema, canAdd };
}

function refuseSchema(placement: Placement): void {
  const refusal = schemaRefusal(placement);
  if (refusal?.kind === 'newer') throw new TemplateRefusal('newerSchema', { found: refusal.found, supported: refusal.supported });
  if (refusal?.kind === 'upgradeNotAvailable') throw new TemplateRefusal('upgradeNotAvailable', { from: refusal.from, to: refusal.to });
}

/** The metadata rows rewritten in place: key/value from row 2, rows left over from before cleared. */
function metaEdits(placement: Placement, loaded: LoadedWorkbook): CellEdit[] {
  const entries = placedMetaEntries(placement, loaded);
  const before = loaded.meta ? metaEntries(loaded.meta).length : 0;
  const edits: CellEdit[] = [];
  for (let i = 0; i < Math.max(entries.length, before); i++) {
    const [key, value] = entries[i] ?? [null, null];
    edits.push({ address: cellAddress(i + 2, 1), value: key }, { address: cellAddress(i + 2, 2), value });
  }
  return edits;
}

/** The table name of the plan that the workbook already uses, when that is why applyPlan failed. */
function tableClash(error: unknown, plan: WorkbookPlan): string | null {
  const { code, subject } = (error ?? {}) as { code?: unknown; subject?: unknown };
  if (code !== 'alreadyExists' || typeof subject !== 'string') return null;
  const tables = plan.sheets.flatMap((s) => s.tables.map((t) => t.name));
  return tables.find((t) => t.toLowerCase() === subject.toLowerCase()) ?? null;
}

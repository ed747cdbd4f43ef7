/**
 * Working in a register from the pane: the records as a list to search, one record opened with
 * what refers to it, and the changes a coordinator makes to records already there — end a
 * volunteer or an agreement (a date and a reason, kept for the statistics), delete what the rules
 * allow (hours, actions, a mistaken row nothing refers to), merge two volunteers who are one
 * person (their hours move to the kept id), set an action's owner and deadline.
 *
 * Every change goes through the port, compared with the rows as they were read: a row someone
 * changed in the sheet meanwhile is refused (RowChanged), never overwritten.
 */
import { itemLabel, sheetDef } from '../../core/content/content';
import type { RegisterKey } from '../../core/content/templateSchema';
import { asNumber, asText } from '../../core/model/cellValues';
import { loadWorkbook, type LoadedWorkbook } from '../../core/model/loadWorkbook';
import { mayDelete, recordReferences } from '../../core/model/recordLinks';
import type { RegisterRow, RegisterRows } from '../../core/model/registerRows';
import { mergePlan } from '../../core/model/volunteerMerge';
import type { WorkbookData } from '../../core/model/workbookData';
import { RowChanged, type CellValue, type RowCellEdit, type RowUpdate } from '../../core/port';
import { paneStrings } from '../i18n';
import type { PaneWorkbook } from './paneWorkbook';
import { cellText, recordDetail, recordTitle } from './recordText';
import { rowSnapshot, volunteerChoices, type Choice, type FormRegister, type RecordRef } from './registerService';

export interface RecordSummary {
  key: FormRegister;
  rowNumber: number;
  title: string;
  detail: string;
  /** Every value as text, folded, for the search box. */
  search: string;
  /** Ended or done: listed after the others, shown dimmed. */
  closed: boolean;
}

export interface RecordList {
  key: FormRegister;
  /** The register's sheet; null when the workbook lacks it. */
  sheet: string | null;
  /** The records that match the search, in the list's order: at most as many as asked for. */
  records: RecordSummary[];
  /** How many records the register holds, and how many of them match the search. */
  total: number;
  found: number;
}

export interface RecordField {
  key: string;
  label: string;
  text: string;
}

export interface RecordView extends RecordRef {
  title: string;
  sheet: string;
  fields: RecordField[];
  /** What refers to the record from other registers: register and how many rows. */
  references: { register: RegisterKey; count: number }[];
  mayDelete: boolean;
  /** A volunteer or an agreement that is not ended yet. */
  mayEnd: boolean;
  /** A volunteer's latest hours, newest first. */
  hours: RecordSummary[];
  /** For a volunteer: the other volunteers, to merge a duplicate into this one. */
  others: Choice[];
  /** End reasons already used in the register, to choose from when ending another. */
  endReasons: string[];
}

const ENDABLE: Partial<Record<FormRegister, 'volunteerStatuses' | 'agreementStatuses'>> = { volunteers: 'volunteerStatuses', agreements: 'agreementStatuses' };
const fold = (text: string) => text.trim().toLowerCase();

function isClosed(key: FormRegister, row: RegisterRow, data: WorkbookData): boolean {
  const status = fold(asText(row.values.status));
  if (status === '') return false;
  if (key === 'volunteers') return status === fold(itemLabel('volunteerStatuses', 'ended', data.lang));
  if (key === 'agreements') return status === fold(itemLabel('agreementStatuses', 'ended', data.lang));
  if (key === 'actions') return [itemLabel('actionStatuses', 'done', data.lang), itemLabel('actionStatuses', 'dropped', data.lang)].map(fold).includes(status);
  return false;
}

function summaryOf(key: FormRegister, row: RegisterRow, data: WorkbookData): RecordSummary {
  const title = recordTitle(key, row.values, data);
  const detail = recordDetail(key, row.values, data.lang);
  const columns = sheetDef(key).columns ?? [];
  const search = fold([title, ...columns.map((c) => cellText(c, row.values[c.key], data.lang))].join(' '));
  return { key, rowNumber: row.rowNumber, title, detail, search, closed: isClosed(key, row, data) };
}

/** The order a list reads best in: people and partners by name, agreements by id, hours newest first, actions by deadline. */
function sortRecords(key: FormRegister, rows: RegisterRow[], data: WorkbookData): RegisterRow[] {
  const text = (row: RegisterRow, column: string) => asText(row.values[column]);
  const num = (row: RegisterRow, column: string) => asNumber(row.values[column]) ?? 0;
  const sorted = [...rows];
  if (key === 'volunteers' || key === 'partners') sorted.sort((a, b) => text(a, 'name').localeCompare(text(b, 'name'), 'nb'));
  else if (key === 'agreements') sorted.sort((a, b) => text(a, 'id').localeCompare(text(b, 'id'), 'nb', { numeric: true }));
  else if (key === 'hours') sorted.sort((a, b) => num(b, 'date') - num(a, 'date') || b.rowNumber - a.rowNumber);
  else if (key === 'actions') sorted.sort((a, b) => (num(a, 'deadline') || Infinity) - (num(b, 'deadline') || Infinity));
  return sorted.sort((a, b) => Number(isClosed(key, a, data)) - Number(isClosed(key, b, data)));
}

/** The records of a register that match what was typed in the search box: every word somewhere in the record. */
export function searchRecords(records: RecordSummary[], query: string): RecordSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return records;
  return records.filter((r) => words.every((w) => r.search.includes(w)));
}

function refOf(key: FormRegister, register: RegisterRows, row: RegisterRow): RecordRef {
  return { key, rowNumber: row.rowNumber, snapshot: rowSnapshot(register, row), values: row.values };
}

export class RecordService {
  constructor(private readonly workbook: PaneWorkbook) {}

  /**
   * The register's records that match the search, the first `limit` of them: searched where the
   * rows are (in browser mode, the worker), so a 200 000-row hours log sends the page a screenful.
   */
  async list(key: FormRegister, query = '', limit = Infinity): Promise<RecordList> {
    const loaded = await loadWorkbook(this.workbook);
    const register = loaded.data.registers[key];
    if (!loaded.sheetNames[key] || register.headerRow === 0) return { key, sheet: null, records: [], total: 0, found: 0 };
    const found = searchRecords(
      sortRecords(key, register.rows, loaded.data).map((row) => summaryOf(key, row, loaded.data)),
      query,
    );
    return { key, sheet: register.sheetName, records: found.slice(0, limit), total: register.rows.length, found: found.length };
  }

  /** The record in the given sheet row as it stands now; null when the row holds no record (any more). */
  async open(key: FormRegister, rowNumber: number): Promise<RecordView | null> {
    const loaded = await loadWorkbook(this.workbook);
    return viewOf(loaded, key, rowNumber);
  }

  /** The register and row a selected cell stands in, when it is a record's row (Excel's selection). */
  async recordAt(sheetName: string, rowNumber: number): Promise<{ key: FormRegister; rowNumber: number } | null> {
    const loaded = await loadWorkbook(this.workbook);
    for (const key of ['partners', 'agreements', 'volunteers', 'hours', 'actions'] as const) {
      const register = loaded.data.registers[key];
      if (register.sheetName.toLowerCase() === sheetName.toLowerCase() && register.rows.some((r) => r.rowNumber === rowNumber)) return { key, rowNumber };
    }
    return null;
  }

  /** The columns (1-based) of the register on a sheet that hold dates, so a preview of the sheet writes them as days. */
  async dateColumns(sheetName: string): Promise<number[]> {
    const loaded = await loadWorkbook(this.workbook);
    const found: number[] = [];
    for (const register of Object.values(loaded.data.registers)) {
      if (register.sheetName !== sheetName) continue;
      for (const column of sheetDef(register.key).columns ?? [])
        if (column.type === 'date' && register.columns.has(column.key)) found.push(register.columns.get(column.key)!);
    }
    return found;
  }

  /**
   * Ends a volunteer or an agreement: status ended, the end date, and why (in the end reason
   * column; in a workbook older than that column, at the front of the notes).
   */
  async end(ref: RecordRef, day: number, reason: string): Promise<void> {
    const loaded = await loadWorkbook(this.workbook);
    const list = ENDABLE[ref.key];
    if (!list) return;
    const register = loaded.data.registers[ref.key];
    const edits: RowCellEdit[] = [];
    const put = (column: string, value: CellValue) => {
      const at = register.columns.get(column);
      if (at !== undefined) edits.push({ column: at, value: value as RowCellEdit['value'] });
    };
    put('status', itemLabel(list, 'ended', loaded.data.lang));
    put('end', day);
    const why = reason.trim();
    if (why !== '') {
      if (register.columns.has('endReason')) put('endReason', why);
      else {
        const notes = asText(ref.values.notes);
        put(
          'notes',
          notes
            ? `${paneStrings.text('record.endReasonNote', loaded.data.lang, { reason: why })} ${notes}`
            : paneStrings.text('record.endReasonNote', loaded.data.lang, { reason: why }),
        );
      }
    }
    await this.workbook.updateRows([{ row: ref.snapshot, edits }]);
  }

  /** Deletes records the rules allow to be deleted; the others are left and named in the answer. */
  async remove(refs: RecordRef[]): Promise<{ deleted: number }> {
    if (refs.length === 0) return { deleted: 0 };
    const loaded = await loadWorkbook(this.workbook);
    const key = refs[0].key;
    const register = loaded.data.registers[key];
    const allowed = refs.filter((ref) => {
      const row = register.rows.find((r) => r.rowNumber === ref.rowNumber);
      return row !== undefined && mayDelete(loaded.data, key, row);
    });
    await this.workbook.deleteTableRows(
      loaded.data.tables[key],
      allowed.map((r) => r.snapshot),
    );
    return { deleted: allowed.length };
  }

  /**
   * Makes two volunteers one: the kept row takes what it lacks from the other, the other's hours
   * move to the kept id, then the other row goes. The rows are compared before each step.
   */
  async merge(keep: RecordRef, dropRow: number): Promise<{ hoursMoved: number }> {
    const loaded = await loadWorkbook(this.workbook);
    const volunteers = loaded.data.registers.volunteers;
    const other = volunteers.rows.find((r) => r.rowNumber === dropRow);
    if (!other) throw new RowChanged(volunteers.sheetName, dropRow, []);
    const drop = refOf('volunteers', volunteers, other);
    const hours = loaded.data.registers.hours;
    const plan = mergePlan(loaded.data, { rowNumber: keep.rowNumber, values: keep.values }, { rowNumber: drop.rowNumber, values: drop.values });
    const updates: RowUpdate[] = [];
    const fill = Object.entries(plan.fill)
      .filter(([column]) => volunteers.columns.has(column))
      .map(([column, value]) => ({
        column: volunteers.columns.get(column)!,
        value: (value !== null && typeof value === 'object' ? null : value) as RowCellEdit['value'],
      }));
    if (fill.length > 0) updates.push({ row: keep.snapshot, edits: fill });
    const idColumn = hours.columns.get('volunteerId');
    if (idColumn !== undefined) for (const row of plan.hours) updates.push({ row: rowSnapshot(hours, row), edits: [{ column: idColumn, value: plan.keepId }] });
    // The kept volunteer and the hours rows must still be as read; the other row is compared as it goes.
    await this.workbook.updateRows(updates.length > 0 ? updates : [{ row: keep.snapshot, edits: [] }]);
    await this.workbook.deleteTableRows(loaded.data.tables.volunteers, [drop.snapshot]);
    return { hoursMoved: plan.hours.length };
  }

  /**
   * An evaluation's barrier followed up: who is responsible and by when, on every action planned
   * for that round and statement, or, when the plan has none yet, beside the rating in the checklist.
   */
  async assign(round: number, statementId: string, responsible: string, deadline: number | null): Promise<{ actions: number }> {
    const loaded = await loadWorkbook(this.workbook);
    const actions = loaded.data.registers.actions;
    const matches = (row: RegisterRow) =>
      Math.floor(asNumber(row.values.round) ?? -1) === Math.floor(round) && fold(asText(row.values.statementId)) === fold(statementId);
    const planned = actions.rows.filter(matches);
    const target = planned.length > 0 ? actions : loaded.data.registers.checklist;
    const rows = planned.length > 0 ? planned : loaded.data.registers.checklist.rows.filter(matches);
    const updates = rows.map((row) => ({
      row: rowSnapshot(target, row),
      edits: [
        ...(target.columns.has('responsible') ? [{ column: target.columns.get('responsible')!, value: responsible.trim() || null }] : []),
        ...(target.columns.has('deadline') ? [{ column: target.columns.get('deadline')!, value: deadline }] : []),
      ],
    }));
    await this.workbook.updateRows(updates);
    return { actions: planned.length };
  }
}

export function viewOf(loaded: LoadedWorkbook, key: FormRegister, rowNumber: number): RecordView | null {
  const data = loaded.data;
  const register = data.registers[key];
  const row = register.rows.find((r) => r.rowNumber === rowNumber);
  if (!row) return null;
  const lang = data.lang;
  const fields = (sheetDef(key).columns ?? [])
    .filter((c) => register.columns.has(c.key))
    .map((c) => ({ key: c.key, label: c.label[lang], text: cellText(c, row.values[c.key], lang) }))
    .filter((f) => f.text !== '');
  const references = recordReferences(data, key, row).map((r) => ({ register: r.register, count: r.rows.length }));
  const endable = ENDABLE[key] !== undefined && !isClosed(key, row, data);
  const id = fold(asText(row.values.id));
  const hours =
    key === 'volunteers' && id !== ''
      ? sortRecords(
          'hours',
          data.registers.hours.rows.filter((r) => fold(asText(r.values.volunteerId)) === id),
          data,
        )
          .slice(0, 5)
          // In the volunteer's own record, an hours line need not name the volunteer.
          .map((r) => ({ ...summaryOf('hours', r, data), title: recordTitle('hours', { ...r.values, volunteerId: null, partner: null }, data) }))
      : [];
  return {
    ...refOf(key, register, row),
    title: recordTitle(key, row.values, data),
    sheet: register.sheetName,
    fields,
    references,
    mayDelete: mayDelete(data, key, row),
    mayEnd: endable,
    hours,
    others: key === 'volunteers' ? volunteerChoices(data).filter((c) => fold(c.value) !== id) : [],
    endReasons: [...new Set(register.rows.map((r) => asText(r.values.endReason)).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'nb')),
  };
}

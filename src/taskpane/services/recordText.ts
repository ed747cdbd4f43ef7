/**
 * A record as a person reads it in the pane: each value as the workbook's language writes it
 * (dates dd.mm.åååå, decimal commas), and a title that says whose or which record it is —
 * "Kari Nordmann (F0001)", "AVT-003 · Frivilligsentralen · Besøksvenn", "23.11.2026 · Kari
 * Nordmann (F0001) · 2 t". The same words in a list, a record view, a saved message and a choice.
 */
import { sheetDef } from '../../core/content/content';
import type { Lang } from '../../core/content/language';
import type { ColumnDef, RegisterKey } from '../../core/content/templateSchema';
import { asText } from '../../core/model/cellValues';
import type { WorkbookData } from '../../core/model/workbookData';
import type { CellValue } from '../../core/port';
import { formatDay, formatNumber } from '../../core/validation/messages';
import { paneStrings } from '../i18n';

export function columnDef(key: RegisterKey, column: string): ColumnDef | undefined {
  return (sheetDef(key).columns ?? []).find((c) => c.key === column);
}

/** One cell as text: a date column's serial as a day, a number with the language's decimal sign. */
export function cellText(column: ColumnDef | undefined, value: CellValue | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'number') return column?.type === 'date' && Number.isInteger(value) ? formatDay(value, lang) : formatNumber(value, lang);
  if (typeof value === 'boolean') return String(value);
  return value.trim();
}

/** "Kari Nordmann (F0001)": a volunteer as every chooser and message names them. */
export function volunteerLabel(values: Record<string, CellValue>): string {
  const name = asText(values.name ?? null);
  const id = asText(values.id ?? null);
  if (!name) return id;
  return id ? `${name} (${id})` : name;
}

/** The volunteer an id belongs to, named; the id as typed when no volunteer has it. */
export function volunteerNamed(data: WorkbookData, id: CellValue | undefined): string {
  const wanted = asText(id ?? null).toLowerCase();
  if (!wanted) return '';
  const row = data.registers.volunteers.rows.find((r) => asText(r.values.id).toLowerCase() === wanted);
  return row ? volunteerLabel(row.values) : asText(id ?? null);
}

const join = (parts: string[]) => parts.filter((p) => p !== '').join(' · ');

/** The record's title, whose or which it is, in a line. */
export function recordTitle(key: RegisterKey, values: Record<string, CellValue>, data: WorkbookData): string {
  const text = (column: string) => cellText(columnDef(key, column), values[column], data.lang);
  switch (key) {
    case 'volunteers':
      return volunteerLabel(values);
    case 'partners':
      return text('name');
    case 'agreements':
      return join([text('id'), text('partner'), text('measure')]);
    case 'hours': {
      const who = values.volunteerId ? volunteerNamed(data, values.volunteerId) : text('partner');
      return join([text('date'), who, text('activity')]);
    }
    case 'actions':
      return join([text('instrument'), text('problem')]);
    default:
      return join((sheetDef(key).columns ?? []).slice(0, 3).map((c) => text(c.key)));
  }
}

/** A second line under the title: what a list needs to tell records apart at a glance. */
export function recordDetail(key: RegisterKey, values: Record<string, CellValue>, lang: Lang): string {
  const text = (column: string) => cellText(columnDef(key, column), values[column], lang);
  switch (key) {
    case 'volunteers':
      return join([text('status'), text('activity'), text('phone')]);
    case 'partners':
      return join([text('type'), text('orgNumber'), text('contactPerson')]);
    case 'agreements':
      return join([text('status'), text('unit'), text('end') && `→ ${text('end')}`]);
    case 'hours':
      return join([
        text('unit'),
        text('hours') && paneStrings.text('record.hours', lang, { hours: text('hours') }),
        text('volunteerCount') && text('volunteerCount') !== '1' ? paneStrings.text('record.volunteerCount', lang, { count: text('volunteerCount') }) : '',
      ]);
    case 'actions':
      return join([text('status'), text('responsible'), text('deadline')]);
    default:
      return '';
  }
}

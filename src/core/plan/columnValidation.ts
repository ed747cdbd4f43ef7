/**
 * Native data validation for a register column: what Excel itself can check as the user types.
 * The rule engine checks the same things (and more) when the workbook is validated.
 */
import { workbookStrings, valueList } from '../content/content';
import type { Lang } from '../content/language';
import { listColumns, SETTINGS_LAYOUT, type SettingsListKey } from '../model/settingsModel';
import { columnRef } from './structuredRefs';
import type { ColumnDef } from '../content/templateSchema';
import type { PlannedValidation, ValidationRule } from './workbookPlan';
import { isoToSerial } from '../model/dates';
import { absoluteAddress, absoluteRange, columnLetter } from '../model/a1';

export interface ValidationContext {
  lang: Lang;
  settingsSheet: string;
  partnersTable: string;
  partnerNameHeader: string;
}

/** Dates before 1990 or after 2100 are typing mistakes in this domain. */
export const DATE_MIN = isoToSerial('1990-01-01');
export const DATE_MAX = isoToSerial('2100-12-31');

/** A list on the settings sheet, growing with what the municipality adds to it. */
export function settingsListSource(settingsSheet: string, key: SettingsListKey): string {
  const col = listColumns().get(key)!;
  const first = SETTINGS_LAYOUT.firstListRow;
  const last = first + SETTINGS_LAYOUT.listCapacity - 1;
  const letter = columnLetter(col);
  return `OFFSET(${absoluteAddress(settingsSheet, first, col)},0,0,MAX(1,COUNTA(${absoluteRange(settingsSheet, `${letter}${first}:${letter}${last}`)})),1)`;
}

function ruleFor(column: ColumnDef, ctx: ValidationContext): ValidationRule | null {
  switch (column.type) {
    case 'list':
    case 'yesno':
      if (column.list === 'partners') return { type: 'list', source: `INDIRECT("${columnRef(ctx.partnersTable, ctx.partnerNameHeader)}")` };
      return { type: 'list', source: settingsListSource(ctx.settingsSheet, column.list as SettingsListKey) };
    case 'date':
      return { type: 'date', min: DATE_MIN, max: DATE_MAX };
    case 'number':
      return { type: 'decimal', min: column.min, max: column.max };
    case 'integer':
      return { type: 'whole', min: column.min, max: column.max };
    case 'formula':
      return null;
    default:
      return column.maxLength ? { type: 'textLength', max: column.maxLength } : null;
  }
}

function errorMessage(column: ColumnDef, lang: Lang): string {
  const kind = column.type === 'yesno' ? 'list' : column.type;
  // Formula columns get no validation (see ruleFor), so they have no message of their own.
  const intro = kind === 'formula' ? '' : workbookStrings.text(`validation.${kind}`, lang);
  return `${intro} ${column.help[lang]}`.trim();
}

export function columnValidation(column: ColumnDef, range: string, ctx: ValidationContext): PlannedValidation | null {
  const rule = ruleFor(column, ctx);
  if (!rule) return null;
  const editableList = column.list !== undefined && column.list !== 'partners' && column.type === 'list' && valueList(column.list).editable;
  return {
    range,
    rule,
    prompt: { title: column.label[ctx.lang], message: column.help[ctx.lang] },
    error: { title: column.label[ctx.lang], message: errorMessage(column, ctx.lang) },
    // The municipality's own lists may lag behind practice: warn, do not refuse.
    strict: !editableList && column.list !== 'partners',
  };
}

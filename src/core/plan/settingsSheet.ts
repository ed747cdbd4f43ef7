/**
 * The settings sheet: parameters at the top, value lists below. Protected (no password) with the
 * input cells unlocked, so the structure the formulas rely on stays where it is.
 */
import { workbookStrings, valueList, type WorkbookStringKey } from '../content/content';
import type { Lang } from '../content/language';
import {
  FIRST_BLOCK_SIZE,
  listColumns,
  parameterLabelColumn,
  PARAMETERS,
  parameterRow,
  POLICE_COLUMN_LIST,
  SECOND_BLOCK_COLUMN,
  SETTINGS_LAYOUT,
  type ParameterKey,
  type SettingsValues,
} from '../model/settingsModel';
import type { PlannedCell, PlannedName, PlannedSheet, PlannedValidation, StyleKey } from './workbookPlan';
import { DATE_MAX, DATE_MIN, settingsListSource } from './columnValidation';
import { absoluteAddress, absoluteRange, columnLetter } from '../model/a1';

function parameterStyle(type: string): StyleKey {
  if (type === 'date') return 'inputDate';
  if (type === 'text' || type === 'list') return 'input';
  return 'inputNumber';
}

function parameterValidation(lang: Lang, key: ParameterKey, sheetName: string): PlannedValidation | null {
  const p = PARAMETERS.find((x) => x.key === key)!;
  const label = workbookStrings.text(`settings.param.${key}.label`, lang);
  const help = workbookStrings.text(`settings.param.${key}.help`, lang);
  const range = `${columnLetter(parameterLabelColumn(key) + 1)}${parameterRow(key)}`;
  const base = { range, prompt: { title: label, message: help }, strict: true };
  if (p.type === 'date')
    return { ...base, rule: { type: 'date', min: DATE_MIN, max: DATE_MAX }, error: { title: label, message: workbookStrings.text('validation.date', lang) } };
  if (p.type === 'number')
    return { ...base, rule: { type: 'decimal', min: p.min, max: p.max }, error: { title: label, message: workbookStrings.text('validation.number', lang) } };
  if (p.type === 'integer')
    return { ...base, rule: { type: 'whole', min: p.min, max: p.max }, error: { title: label, message: workbookStrings.text('validation.integer', lang) } };
  if (p.type === 'list')
    return {
      ...base,
      rule: { type: 'list', source: settingsListSource(sheetName, p.list!) },
      error: { title: label, message: workbookStrings.text('validation.list', lang) },
    };
  if (p.maxLength)
    return { ...base, rule: { type: 'textLength', max: p.maxLength }, error: { title: label, message: workbookStrings.text('validation.text', lang) } };
  return null;
}

export function settingsSheet(sheetName: string, lang: Lang, settings: SettingsValues): { sheet: PlannedSheet; names: PlannedName[] } {
  const cells: PlannedCell[] = [
    { row: 1, col: 1, value: workbookStrings.text('settings.title', lang), style: 'title' },
    { row: 2, col: 1, value: workbookStrings.text('settings.subtitle', lang), style: 'subtitle' },
    { row: 3, col: 1, value: workbookStrings.text('settings.parameters', lang), style: 'heading' },
    { row: 3, col: 4, value: workbookStrings.text('settings.basis', lang), style: 'heading' },
    { row: 3, col: SECOND_BLOCK_COLUMN, value: workbookStrings.text('settings.parameters2', lang), style: 'heading' },
  ];
  const names: PlannedName[] = [];
  const validations: PlannedValidation[] = [];
  const unlocked: string[] = [];
  const values = settings as unknown as Record<string, string | number | null>;

  for (const p of PARAMETERS) {
    const row = parameterRow(p.key);
    const col = parameterLabelColumn(p.key);
    const value = values[p.key];
    cells.push({ row, col, value: workbookStrings.text(`settings.param.${p.key}.label`, lang), style: 'label' });
    cells.push({ row, col: col + 1, value: value === '' ? null : (value ?? null), style: parameterStyle(p.type) });
    cells.push({ row, col: col + 2, value: workbookStrings.text(`settings.param.${p.key}.help`, lang), style: 'help' });
    if (p.basis) cells.push({ row, col: col + 3, value: workbookStrings.text(`settings.param.${p.key}.basis` as WorkbookStringKey, lang), style: 'help' });
    names.push({ name: p.name, refersTo: absoluteAddress(sheetName, row, col + 1) });
    unlocked.push(`${columnLetter(col + 1)}${row}`);
    const v = parameterValidation(lang, p.key, sheetName);
    if (v) validations.push(v);
  }

  const { listHeaderRow, firstListRow, listCapacity } = SETTINGS_LAYOUT;
  const lastListRow = firstListRow + listCapacity - 1;
  cells.push({ row: listHeaderRow - 1, col: 1, value: workbookStrings.text('settings.lists', lang), style: 'heading' });
  const widths: number[] = [];
  for (const [key, col] of listColumns()) {
    const list = valueList(key);
    const letter = columnLetter(col);
    cells.push({ row: listHeaderRow, col, value: list.title[lang], style: 'label' });
    const items = settings.lists[key];
    const style: StyleKey = list.editable ? 'input' : 'text';
    for (let i = 0; i < listCapacity; i++) {
      const value = items[i] ?? null;
      if (value !== null || list.editable) cells.push({ row: firstListRow + i, col, value, style });
    }
    names.push({ name: `list_${key}`, refersTo: absoluteRange(sheetName, `${letter}${firstListRow}:${letter}${lastListRow}`) });
    widths[col - 1] = 26;
    if (list.editable) unlocked.push(`${letter}${firstListRow}:${letter}${lastListRow}`);
    if (key === POLICE_COLUMN_LIST) {
      const policeCol = col + 1;
      const policeLetter = columnLetter(policeCol);
      cells.push({ row: listHeaderRow, col: policeCol, value: workbookStrings.text('settings.policeColumn', lang), style: 'label' });
      for (let i = 0; i < listCapacity; i++) {
        const label = items[i];
        const value =
          label === undefined ? null : valueList('yesNo').items.find((y) => y.key === (settings.policeActivities.includes(label) ? 'yes' : 'no'))!.label[lang];
        cells.push({ row: firstListRow + i, col: policeCol, value, style: 'input' });
      }
      names.push({ name: `list_${key}_police`, refersTo: absoluteRange(sheetName, `${policeLetter}${firstListRow}:${policeLetter}${lastListRow}`) });
      unlocked.push(`${policeLetter}${firstListRow}:${policeLetter}${lastListRow}`);
      validations.push({
        range: `${policeLetter}${firstListRow}:${policeLetter}${lastListRow}`,
        rule: { type: 'list', source: settingsListSource(sheetName, 'yesNo') },
        prompt: { title: workbookStrings.text('settings.policeColumn', lang), message: workbookStrings.text('validation.list', lang) },
        error: { title: workbookStrings.text('settings.policeColumn', lang), message: workbookStrings.text('validation.list', lang) },
        strict: true,
      });
      widths[policeCol - 1] = 16;
    }
  }
  widths[0] = Math.max(widths[0] ?? 0, 34);
  if (PARAMETERS.length > FIRST_BLOCK_SIZE) {
    widths[SECOND_BLOCK_COLUMN - 1] = Math.max(widths[SECOND_BLOCK_COLUMN - 1] ?? 0, 30);
    widths[SECOND_BLOCK_COLUMN] = Math.max(widths[SECOND_BLOCK_COLUMN] ?? 0, 26);
  }
  widths[1] = Math.max(widths[1] ?? 0, 26);
  widths[2] = Math.max(widths[2] ?? 0, 30);
  // The basis of the defaults (a source and its arithmetic) reads as a short paragraph beside them.
  widths[3] = Math.max(widths[3] ?? 0, 52);

  return {
    sheet: {
      key: 'settings',
      name: sheetName,
      visibility: 'visible',
      tabColor: '455A64',
      columnWidths: Array.from(widths, (w) => w ?? 14),
      cells,
      tables: [],
      validations,
      merges: [],
      freeze: undefined,
      protection: { unlocked },
      dataBars: [],
    },
    names,
  };
}

/**
 * The fields a printable document fills its sentences from: each as a formula for the sheet (a
 * lookup from the register row chosen in its id cell, a setting by its name) and as the value the
 * core computes from the same row, so the sheet's cached text and the browser's page agree. The
 * core finds rows and compares labels as the formulas do (model/criteria.ts: case ignored, nothing
 * trimmed, wildcards escaped in every MATCH), so LibreOffice's recalculation reads the same text.
 */
import { itemLabel, sheetDef, valueList } from '../content/content';
import type { Lang } from '../content/language';
import { cellText, matchesText } from '../model/criteria';
import { serialParts } from '../model/dates';
import { PARAMETERS, type SettingsValues } from '../model/settingsModel';
import type { RegisterRow } from '../model/registerRows';
import type { WorkbookData } from '../model/workbookData';
import type { CellValue } from '../port';
import type { FormulaRefs } from '../plan/formulaRefs';
import { columnRef, escapedText } from '../plan/structuredRefs';
import type { RegisterKey } from '../content/templateSchema';

export type DocumentSubject = 'agreements' | 'volunteers';

export interface FieldValue {
  /** As printed; '' when the field has no value. */
  text: string;
  /** For a field of a fixed list: the item's key. */
  key: string | null;
}
export type FieldValues = Record<string, FieldValue>;

export interface FieldDef {
  key: string;
  kind: 'text' | 'date' | 'number';
  /** The fixed list a field's label comes from, for conditions. */
  list?: string;
  /** The value of the field for one row, as a cell would hold it. */
  value: (data: WorkbookData, row: RegisterRow | undefined) => CellValue;
  /** The formula of the field's helper cell; `id` is the cell holding the chosen row's id. */
  formula: (f: FormulaRefs, id: string) => string;
}

export function formatDay(serial: number): string {
  const { year, month, day } = serialParts(serial);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

function blankIfError(value: string): string {
  return `IFERROR(IF(${value}="","",${value}),"")`;
}

function lookup(register: RegisterKey, column: string) {
  return (f: FormulaRefs, id: string) =>
    blankIfError(`INDEX(${f.col(register, column)},MATCH(${escapedText(id)},${columnRef(f.tables[register], f.header(register, 'id'))},0))`);
}

function registerField(register: RegisterKey, column: string, key = column): FieldDef {
  const def = sheetDef(register).columns!.find((c) => c.key === column)!;
  const kind = def.type === 'date' ? 'date' : def.type === 'number' || def.type === 'integer' ? 'number' : 'text';
  const list = def.list && def.list !== 'partners' && !valueList(def.list).editable ? def.list : undefined;
  return { key, kind, list, value: (_d, row) => row?.values[column] ?? null, formula: lookup(register, column) };
}

function settingField(key: keyof SettingsValues & string): FieldDef {
  const p = PARAMETERS.find((x) => x.key === key)!;
  return {
    key,
    kind: p.type === 'number' || p.type === 'integer' ? 'number' : 'text',
    list: p.type === 'list' ? p.list : undefined,
    value: (data) => (data.settings[key] as CellValue) ?? null,
    // An older workbook lacks the second block's names: the field is then blank and its sentences left out.
    formula: () => blankIfError(p.name),
  };
}

/** The partner row an agreement or a volunteer names. */
function partnerOf(data: WorkbookData, row: RegisterRow | undefined): RegisterRow | undefined {
  const name = cellText(row?.values.partner);
  return name === '' ? undefined : data.registers.partners.rows.find((p) => matchesText(p.values.name, name));
}

function partnerField(key: string, column: string, subject: DocumentSubject): FieldDef {
  return {
    key,
    kind: 'text',
    value: (data, row) => partnerOf(data, row)?.values[column] ?? null,
    formula: (f, id) => {
      const partner = `INDEX(${f.col(subject, 'partner')},MATCH(${escapedText(id)},${columnRef(f.tables[subject], f.header(subject, 'id'))},0))`;
      return blankIfError(`INDEX(${f.col('partners', column)},MATCH(${escapedText(partner)},${f.col('partners', 'name')},0))`);
    },
  };
}

/**
 * A volunteer's basis: their own when set, else the first agreement with their partner (whatever
 * its status: the paper is signed at the start, often before the agreement is active).
 */
function volunteerBasisField(key: string, column: string, list: string): FieldDef {
  return {
    key,
    kind: 'text',
    list,
    value: (data, row) => {
      const own = row?.values[column] ?? null;
      if (cellText(own) !== '') return own;
      const partner = cellText(row?.values.partner);
      if (partner === '') return null;
      return data.registers.agreements.rows.find((a) => matchesText(a.values.partner, partner))?.values[column] ?? null;
    },
    formula: (f, id) => {
      const find = (col: string) =>
        `INDEX(${f.col('volunteers', col)},MATCH(${escapedText(id)},${columnRef(f.tables.volunteers, f.header('volunteers', 'id'))},0))`;
      const own = blankIfError(find(column));
      const byAgreement = blankIfError(`INDEX(${f.col('agreements', column)},MATCH(${escapedText(find('partner'))},${f.col('agreements', 'partner')},0))`);
      return `IF(${own}<>"",${own},${byAgreement})`;
    },
  };
}

const SETTINGS_FIELDS = ['municipality', 'municipalityOrgNumber', 'privacyContact', 'personalDataBasis', 'retentionMonths'] as const;

export function documentFields(subject: DocumentSubject): FieldDef[] {
  const settings = SETTINGS_FIELDS.map((k) => settingField(k));
  if (subject === 'agreements') {
    const columns = sheetDef('agreements').columns!.filter((c) => c.type !== 'formula');
    return [
      ...columns.map((c) => registerField('agreements', c.key)),
      partnerField('partnerOrgNumber', 'orgNumber', 'agreements'),
      ...settings,
      settingField('grantRules'),
      settingField('grantReportDeadline'),
      settingField('grantAccountsRequired'),
    ];
  }
  const columns = sheetDef('volunteers')
    .columns!.filter((c) => c.type !== 'formula' && c.key !== 'policeBasis' && c.key !== 'confidentialityBasis')
    .map((c) => registerField('volunteers', c.key));
  return [
    ...columns,
    volunteerBasisField('policeBasis', 'policeBasis', 'policeBases'),
    volunteerBasisField('confidentialityBasis', 'confidentialityBasis', 'confidentialityBases'),
    ...settings,
  ];
}

/**
 * The fields' values for one row, as the document prints them: the cell's text as the sheet's
 * formula passes it on (untrimmed: the clause is TRIMmed whole, as the sheet does). A fixed list's
 * item is the one whose label in the workbook's language the cell holds (as the sheet's "=" finds
 * it); it is printed in the document's language, which may differ from the workbook's (a print
 * page in English of a workbook in bokmål); the sheet prints in the workbook's language.
 */
export function fieldValues(fields: FieldDef[], data: WorkbookData, row: RegisterRow | undefined, lang: Lang): FieldValues {
  const values: FieldValues = {};
  for (const field of fields) {
    const raw = field.value(data, row);
    const empty = raw === null || raw === '' || typeof raw === 'object';
    let text = empty ? '' : String(raw);
    if (!empty && field.kind === 'date' && typeof raw === 'number') text = formatDay(raw);
    const key = field.list && !empty ? (valueList(field.list).items.find((i) => matchesText(raw, i.label[data.lang]))?.key ?? null) : null;
    if (key && lang !== data.lang) text = itemLabel(field.list!, key, lang);
    values[field.key] = { text, key };
  }
  return values;
}

/**
 * Builds the plan of a complete Samspill workbook (or of some of its templates) from settings and
 * register records. Every formula's cached result is computed here from the same rows.
 */
import { SCHEMA_VERSION, sheetDef, workbookStrings } from '../content/content';
import { serialToIso } from '../model/dates';
import { FormulaRefs, type RegisterHeaders } from './formulaRefs';
import type { Lang } from '../content/language';
import { META_SHEET_NAME, metaEntries, type MetaRecord } from '../model/metaSheet';
import type { SettingsValues } from '../model/settingsModel';
import { effectiveReportDate, summarySections } from '../summary/summaryFigures';
import { REGISTER_KEYS, SHEET_KEYS, type RegisterKey, type SheetKey } from '../content/templateSchema';
import { derivedColumnValues, hoursLast12Formula, policeRequiredFormula } from '../model/volunteerDerived';
import { registerFromRecords, type RegisterRecord, type TableNames, type WorkbookData } from '../model/workbookData';
import type { PlannedName, PlannedSheet, WorkbookPlan } from './workbookPlan';
import { agreementSheet } from './agreementSheet';
import { volunteerPapersSheet } from './volunteerPapersSheet';
import { registerSheet } from './registerSheet';
import { settingsSheet } from './settingsSheet';
import { summarySheet } from './summarySheet';

export const GENERATOR = 'samspill 0.1.0';

export type SheetNames = Record<SheetKey, string>;

export interface WorkbookInput {
  lang: Lang;
  settings: SettingsValues;
  records: Record<RegisterKey, RegisterRecord[]>;
  sheetNames: SheetNames;
  tables: TableNames;
  /** Today's serial day: the report date when settings leave it blank. */
  today: number;
  /** The agreement the printable form shows at first. */
  chosenAgreementId?: string | null;
  /** The volunteer whose papers the printable sheet shows first. */
  chosenVolunteerId?: string | null;
  /**
   * The headers of registers the workbook already has, as read (see `RegisterRows.headers`): the
   * formulas written for it name those columns as they are. Absent for a new workbook.
   */
  headers?: RegisterHeaders;
  /**
   * When the program-computed parts of the summary (the evaluation) were computed: shown in their
   * stamp and recorded in the metadata. Defaults to the day `today`.
   */
  refreshedAt?: string;
}

export function refreshStamp(input: Pick<WorkbookInput, 'refreshedAt' | 'today'>): string {
  return input.refreshedAt ?? serialToIso(input.today);
}

export function defaultSheetNames(lang: Lang): SheetNames {
  const names = {} as SheetNames;
  for (const key of SHEET_KEYS) names[key] = key === '_meta' ? META_SHEET_NAME : sheetDef(key).name[lang];
  return names;
}

export function workbookData(input: WorkbookInput): WorkbookData {
  const registers = {} as WorkbookData['registers'];
  for (const key of REGISTER_KEYS) {
    registers[key] = registerFromRecords(key, input.sheetNames[key], input.records[key]);
    const headers = input.headers?.[key];
    if (headers) registers[key].headers = new Map(headers);
  }
  return { lang: input.lang, settings: input.settings, tables: input.tables, registers };
}

/** The volunteer register's derived columns, by column key: their formulas. */
function volunteerFormulas(f: FormulaRefs): { policeCertificateRequired: string; hoursLast12Months: string } {
  return { policeCertificateRequired: policeRequiredFormula(f), hoursLast12Months: hoursLast12Formula(f) };
}

/**
 * A register's derived (formula) columns, by column key, as a new row of its table must hold them
 * (without "="): for a record appended by a form or an import, whatever the table already holds.
 */
export function derivedColumnFormulas(key: RegisterKey, lang: Lang, tables: WorkbookInput['tables']): Partial<Record<string, string>> {
  return key === 'volunteers' ? volunteerFormulas(new FormulaRefs(lang, tables)) : {};
}

/** Fills the volunteer register's formula columns with their formulas and computed results. */
function withVolunteerFormulas(input: WorkbookInput, data: WorkbookData, f: FormulaRefs, reportDate: number): RegisterRecord[] {
  const values = derivedColumnValues(data, f, reportDate);
  const { policeCertificateRequired: policeFormula, hoursLast12Months: hoursFormula } = volunteerFormulas(f);
  return input.records.volunteers.map((record, i) => ({
    ...record,
    policeCertificateRequired: { formula: policeFormula, result: values[i].policeCertificateRequired },
    hoursLast12Months: { formula: hoursFormula, result: values[i].hoursLast12Months },
  }));
}

function metaSheet(input: Omit<WorkbookInput, 'records'>, keys: SheetKey[]): PlannedSheet {
  const meta: MetaRecord = {
    schemaVersion: SCHEMA_VERSION(),
    lang: input.lang,
    generator: GENERATOR,
    sheets: Object.fromEntries(keys.map((k) => [k, input.sheetNames[k]])),
    tables: Object.fromEntries(keys.filter((k): k is RegisterKey => (REGISTER_KEYS as readonly string[]).includes(k)).map((k) => [k, input.tables[k]])),
    ...(keys.includes('summary') ? { summaryRefreshed: refreshStamp(input) } : {}),
  };
  const cells = metaEntries(meta).map(([key, value], i) => [
    { row: i + 2, col: 1, value: key },
    { row: i + 2, col: 2, value },
  ]);
  return {
    key: '_meta',
    name: input.sheetNames._meta,
    visibility: 'veryHidden',
    columnWidths: [24, 40],
    cells: [{ row: 1, col: 1, value: workbookStrings.text('meta.note', input.lang) }, ...cells.flat()],
    tables: [],
    validations: [],
    merges: [],
    dataBars: [],
  };
}

/** The registers with the headers the workbook has, so the summary's formulas name its columns as they are. */
function withHeaders(data: WorkbookData, headers: WorkbookInput['headers']): WorkbookData {
  if (!headers) return data;
  const registers = { ...data.registers };
  for (const key of REGISTER_KEYS) {
    const own = headers[key];
    if (own) registers[key] = { ...registers[key], headers: new Map(own) };
  }
  return { ...data, registers };
}

/**
 * The summary and metadata sheets alone, from the workbook's data as read (a refresh): no
 * register is turned into records or rendered, which for a large hours log would cost more than
 * everything else the refresh does. The summary is the one buildWorkbookPlan would render for
 * these keys from the same rows. `keys` are the templates the workbook has.
 */
export function summaryRefreshPlan(input: Omit<WorkbookInput, 'records'>, read: WorkbookData, keys: readonly SheetKey[]): WorkbookPlan {
  const data = withHeaders(read, input.headers);
  const reportDate = effectiveReportDate(data, input.today);
  const sections = summarySections(data, reportDate, { refreshedAt: refreshStamp(input), writtenOn: input.today });
  const summary = summarySheet(input.sheetNames.summary, input.lang, sections);
  return { sheets: [summary.sheet, metaSheet(input, [...keys])], names: summary.names };
}

/** The plan for the given template keys (all by default), in the workbook's sheet order. */
export function buildWorkbookPlan(input: WorkbookInput, keys: readonly SheetKey[] = SHEET_KEYS): WorkbookPlan {
  const data = workbookData(input);
  const f = FormulaRefs.of(data);
  const reportDate = effectiveReportDate(data, input.today);
  const records = { ...input.records, volunteers: withVolunteerFormulas(input, data, f, reportDate) };
  const partnersHeader = f.header('partners', 'name');
  const validation = { lang: input.lang, settingsSheet: input.sheetNames.settings, partnersTable: input.tables.partners, partnerNameHeader: partnersHeader };

  const sheets: PlannedSheet[] = [];
  const names: PlannedName[] = [];
  const add = (part: { sheet: PlannedSheet; names: PlannedName[] }) => {
    sheets.push(part.sheet);
    names.push(...part.names);
  };
  for (const key of SHEET_KEYS) {
    if (!keys.includes(key)) continue;
    if (key === 'settings') add(settingsSheet(input.sheetNames.settings, input.lang, input.settings));
    else if (key === 'agreement') add(agreementSheet(input.sheetNames.agreement, data, f, input.chosenAgreementId ?? null));
    else if (key === 'volunteerPapers') add(volunteerPapersSheet(input.sheetNames.volunteerPapers, data, f, input.chosenVolunteerId ?? null));
    else if (key === 'summary')
      add(summarySheet(input.sheetNames.summary, input.lang, summarySections(data, reportDate, { refreshedAt: refreshStamp(input), writtenOn: input.today })));
    else if (key === '_meta') sheets.push(metaSheet(input, [...keys]));
    else
      sheets.push(
        registerSheet({
          key,
          lang: input.lang,
          sheetName: input.sheetNames[key],
          tableName: input.tables[key],
          records: records[key],
          validation,
          ...(key === 'volunteers' ? { formulas: volunteerFormulas(f) } : {}),
        }),
      );
  }
  return { sheets, names };
}

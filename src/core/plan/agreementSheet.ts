/**
 * The printable cooperation agreement: choose an agreement ID and the sheet fills itself from the
 * register, clause by clause (templates/agreement.json). A4, print area set, protected with only
 * the ID cell open.
 */
import { asText, sameText } from '../model/cellValues';
import { content, workbookStrings, type WorkbookStringKey } from '../content/content';
import { serialParts } from '../model/dates';
import type { FormulaRefs } from './formulaRefs';
import type { Lang } from '../content/language';
import type { RegisterRow } from '../model/registerRows';
import { isYes } from '../model/settingsModel';
import { columnRef, textLiteral } from './structuredRefs';
import type { WorkbookData } from '../model/workbookData';
import type { PlannedCell, PlannedName, PlannedSheet, PlanValue } from './workbookPlan';
import { isFormula } from './workbookPlan';
import { absoluteAddress } from '../model/a1';

const ID_ROW = 3;
const FIRST_FIELD_ROW = 6;
const ID_CELL = `$B$${ID_ROW}`;

/** Agreement columns shown as fields, in order; `orgNumber` comes from the partner catalogue. */
const FIELDS = [
  'partner',
  'orgNumber',
  'unit',
  'measure',
  'userGroup',
  'cooperationForm',
  'start',
  'end',
  'nextReview',
  'grantPerYear',
  'paymentPerActivity',
  'contactMunicipality',
  'contactPartner',
  'requiresConfidentiality',
  'requiresPoliceCertificate',
  'signedDate',
] as const;
type Field = (typeof FIELDS)[number];
const DATE_FIELDS = new Set<Field>(['start', 'end', 'nextReview', 'signedDate']);

/** Formula literals are limited to 255 characters: long text is joined from pieces. */
function literal(textValue: string): string {
  const pieces: string[] = [];
  for (let i = 0; i < textValue.length; i += 200) pieces.push(textLiteral(textValue.slice(i, i + 200)));
  return pieces.length ? pieces.join('&') : '""';
}

function lookupFormula(f: FormulaRefs, field: Field): string {
  const id = columnRef(f.tables.agreements, f.header('agreements', 'id'));
  if (field === 'orgNumber') {
    const partnerCell = `$B$${FIRST_FIELD_ROW}`;
    const value = `INDEX(${f.col('partners', 'orgNumber')},MATCH(${partnerCell},${f.col('partners', 'name')},0))`;
    return `IF(${partnerCell}="","",IFERROR(IF(${value}="","",${value}),""))`;
  }
  const value = `INDEX(${f.col('agreements', field)},MATCH(${ID_CELL},${id},0))`;
  return `IF(${ID_CELL}="","",IFERROR(IF(${value}="","",${value}),""))`;
}

function fieldRow(field: Field): number {
  return FIRST_FIELD_ROW + FIELDS.indexOf(field);
}

function fieldLabel(f: FormulaRefs, field: Field): string {
  return field === 'orgNumber' ? f.header('partners', 'orgNumber') : f.header('agreements', field);
}

/** How a placeholder reads inside clause text, as a formula and as the core computes it. */
interface Placeholder {
  formula: string;
  value: (fields: Record<Field, PlanValue>, municipality: string) => string;
}

function dayText(cell: string): string {
  return `IF(${cell}="","",TEXT(DAY(${cell}),"00")&"."&TEXT(MONTH(${cell}),"00")&"."&YEAR(${cell}))`;
}

function formatDay(value: PlanValue): string {
  const n = typeof value === 'number' ? value : null;
  if (n === null) return '';
  const { year, month, day } = serialParts(n);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

function placeholders(f: FormulaRefs, lang: Lang): Record<string, Placeholder> {
  const cell = (field: Field) => `$B$${fieldRow(field)}`;
  const plain = (field: Field): Placeholder => ({ formula: `${cell(field)}&""`, value: (v) => (v[field] === null ? '' : String(v[field])) });
  // An amount left blank reads as 0 kroner rather than leaving a gap in the sentence.
  const amount = (field: Field): Placeholder => ({
    formula: `IF(${cell(field)}="",0,${cell(field)})&""`,
    value: (v) => (v[field] === null ? '0' : String(v[field])),
  });
  const date = (field: Field): Placeholder => ({ formula: dayText(cell(field)), value: (v) => formatDay(v[field]) });
  const yes = f.item('yesNo', 'yes');
  const conf = `${cell('requiresConfidentiality')}=${yes}`;
  const police = `${cell('requiresPoliceCertificate')}=${yes}`;
  const t = (key: WorkbookStringKey) => workbookStrings.text(key, lang);
  return {
    municipality: { formula: 'cfg_municipality&""', value: (_v, m) => m },
    partner: plain('partner'),
    partnerOrgNr: plain('orgNumber'),
    unit: plain('unit'),
    measure: plain('measure'),
    userGroup: plain('userGroup'),
    cooperationForm: plain('cooperationForm'),
    start: date('start'),
    end: {
      formula: `IF(${cell('end')}="",${textLiteral(t('agreement.openEnded'))},${dayText(cell('end'))})`,
      value: (v) => (v.end === null ? t('agreement.openEnded') : formatDay(v.end)),
    },
    nextReview: date('nextReview'),
    signedDate: date('signedDate'),
    grantPerYear: amount('grantPerYear'),
    paymentPerActivity: amount('paymentPerActivity'),
    contactMunicipality: plain('contactMunicipality'),
    contactPartner: plain('contactPartner'),
    requirements: {
      formula:
        `IF(AND(NOT(${conf}),NOT(${police})),${textLiteral(t('agreement.req.none'))},` +
        `IF(${conf},${textLiteral(t('agreement.req.confidentiality'))},"")&IF(AND(${conf},${police}),${textLiteral(t('agreement.req.and'))},"")&IF(${police},${textLiteral(t('agreement.req.police'))},""))`,
      value: (v) => {
        const c = isYes(v.requiresConfidentiality as string);
        const p = isYes(v.requiresPoliceCertificate as string);
        if (!c && !p) return t('agreement.req.none');
        return [c ? t('agreement.req.confidentiality') : '', c && p ? t('agreement.req.and') : '', p ? t('agreement.req.police') : ''].join('');
      },
    },
  };
}

/** Splits clause text on {placeholders} into a concatenation formula and its computed text. */
function clauseValue(body: string, ph: Record<string, Placeholder>, fields: Record<Field, PlanValue>, municipality: string): PlanValue {
  const parts: string[] = [];
  let result = '';
  let last = 0;
  for (const match of body.matchAll(/\{(\w+)\}/g)) {
    const p = ph[match[1]];
    if (!p) continue;
    const before = body.slice(last, match.index);
    if (before) parts.push(literal(before));
    result += before;
    parts.push(`(${p.formula})`);
    result += p.value(fields, municipality);
    last = match.index! + match[0].length;
  }
  const rest = body.slice(last);
  if (rest) parts.push(literal(rest));
  result += rest;
  return { formula: parts.join('&') || '""', result };
}

/** The field values for the chosen agreement, as the lookup formulas will show them. */
function chosenFields(data: WorkbookData, chosen: RegisterRow | undefined): Record<Field, PlanValue> {
  const fields = {} as Record<Field, PlanValue>;
  for (const field of FIELDS) {
    const raw = field === 'orgNumber' ? null : chosen?.values[field];
    fields[field] = raw === undefined || raw === null || raw === '' || typeof raw === 'object' ? null : raw;
  }
  if (chosen) {
    const partner = data.registers.partners.rows.find((p) => sameText(p.values.name, asText(chosen.values.partner)));
    const org = partner?.values.orgNumber;
    fields.orgNumber = org === undefined || org === null || org === '' || typeof org === 'object' ? null : org;
  }
  return fields;
}

export function agreementSheet(sheetName: string, data: WorkbookData, f: FormulaRefs, chosenId: string | null): { sheet: PlannedSheet; names: PlannedName[] } {
  const lang = data.lang;
  const chosen = chosenId ? data.registers.agreements.rows.find((r) => sameText(r.values.id, chosenId)) : undefined;
  const fields = chosenFields(data, chosen);
  const cells: PlannedCell[] = [
    { row: 1, col: 1, value: workbookStrings.text('agreement.title', lang), style: 'title' },
    { row: ID_ROW, col: 1, value: workbookStrings.text('agreement.chooseId', lang), style: 'label' },
    { row: ID_ROW, col: 2, value: chosen ? asText(chosen.values.id) : null, style: 'input' },
    { row: ID_ROW + 1, col: 2, value: workbookStrings.text('agreement.chooseHelp', lang), style: 'help' },
    { row: FIRST_FIELD_ROW - 1, col: 1, value: workbookStrings.text('agreement.fields', lang), style: 'heading' },
  ];
  for (const field of FIELDS) {
    const row = fieldRow(field);
    cells.push({ row, col: 1, value: fieldLabel(f, field), style: 'label' });
    const isDate = DATE_FIELDS.has(field);
    const result = fields[field];
    const cached = result === null || isFormula(result) ? '' : result;
    cells.push({ row, col: 2, value: { formula: lookupFormula(f, field), result: cached }, style: isDate ? 'date' : 'text' });
  }
  let row = fieldRow('signedDate') + 2;
  cells.push({ row, col: 1, value: workbookStrings.text('agreement.clauses', lang), style: 'heading' });
  row++;
  const ph = placeholders(f, lang);
  content().agreement.clauses.forEach((clause, i) => {
    cells.push({ row, col: 1, value: `${i + 1}. ${clause.title[lang]}`, style: 'clauseTitle' });
    cells.push({ row, col: 2, value: clauseValue(clause.body[lang], ph, fields, data.settings.municipality), style: 'clause' });
    row++;
  });
  row++;
  cells.push({ row, col: 1, value: workbookStrings.text('agreement.signMunicipality', lang), style: 'signature' });
  cells.push({ row, col: 2, value: workbookStrings.text('agreement.signPartner', lang), style: 'signature' });
  row += 3;
  cells.push({ row, col: 1, value: null, style: 'signature' });
  cells.push({ row, col: 2, value: null, style: 'signature' });

  const idSource = `INDIRECT("${columnRef(f.tables.agreements, f.header('agreements', 'id'))}")`;
  return {
    sheet: {
      key: 'agreement',
      name: sheetName,
      visibility: 'visible',
      tabColor: '1565C0',
      columnWidths: [30, 80],
      cells,
      tables: [],
      validations: [
        {
          range: `B${ID_ROW}`,
          rule: { type: 'list', source: idSource },
          prompt: { title: workbookStrings.text('agreement.title', lang), message: workbookStrings.text('agreement.chooseHelp', lang) },
          error: { title: workbookStrings.text('agreement.title', lang), message: workbookStrings.text('validation.list', lang) },
          strict: true,
        },
      ],
      merges: [],
      protection: { unlocked: [`B${ID_ROW}`] },
      print: { area: `A1:B${row}`, orientation: 'portrait', fitToWidth: true },
      dataBars: [],
    },
    names: [{ name: 'form_agreement_id', refersTo: absoluteAddress(sheetName, ID_ROW, 2) }],
  };
}

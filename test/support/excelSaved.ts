/**
 * A workbook as Excel leaves it after the user saved it, for tests of what we do to such files:
 * the calculation chain Excel always writes (strictCheck/excelCalcChain.ts), defined names written
 * the way Excel writes them (a sheet name quoted only where it needs quotes: `Oppsummering!$B$5`,
 * never `'Oppsummering'!$B$5`; office-js #740, #2283 show Excel returning its own form), and
 * optionally formulas the user typed on a sheet.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { withExcelCalcChain } from './strictCheck';
import { readPackageParts } from './strictCheck/packageParts';
import { attr, kid, kids } from './strictCheck/xmlTree';

/** The worksheet part of the named sheet (e.g. xl/worksheets/sheet9.xml), for a UserFormula. */
export function sheetPartNamed(data: Uint8Array, sheetName: string): string {
  const parts = readPackageParts(data);
  const sheet = kids(kid(parts.xml('xl/workbook.xml'), 'sheets'), 'sheet').find((s) => attr(s, 'name') === sheetName);
  const rel = kids(parts.xml('xl/_rels/workbook.xml.rels'), 'Relationship').find((r) => attr(r, 'Id') === attr(sheet, 'id'));
  if (!rel) throw new Error(`sheetPartNamed: no sheet named ${sheetName}`);
  return `xl/${(attr(rel, 'Target') ?? '').replace(/^\/?xl\//, '')}`;
}

export interface UserFormula {
  /** The sheet part, e.g. xl/worksheets/sheet9.xml. */
  part: string;
  /** A cell in a row the sheet does not have yet, e.g. "E300". */
  cell: string;
  formula: string;
}

/** The sheet-name quoting Excel uses in references (believed, not documented: letters, digits, _ and . go bare). */
const needsQuotes = (sheet: string): boolean => !/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) || /^[A-Za-z]{1,3}\d+$/.test(sheet);

function excelNames(workbookXml: string): string {
  return workbookXml.replace(/(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g, (_, open: string, body: string, close: string) => {
    const text = body.replace(/&apos;/g, "'");
    const bare = text.replace(/'((?:[^']|'')+)'!/g, (whole, sheet: string) => (needsQuotes(sheet.replace(/''/g, "'")) ? whole : `${sheet}!`));
    return `${open}${bare.replace(/'/g, '&apos;')}${close}`;
  });
}

function withUserFormula(sheetXml: string, { cell, formula }: UserFormula): string {
  const row = Number(/\d+$/.exec(cell)![0]);
  const element = `<row r="${row}"><c r="${cell}"><f>${formula}</f><v>0</v></c></row>`;
  return sheetXml.replace('</sheetData>', `${element}</sheetData>`);
}

export function asExcelSaved(data: Uint8Array, userFormulas: UserFormula[] = []): Uint8Array {
  const files = unzipSync(data);
  files['xl/workbook.xml'] = strToU8(excelNames(strFromU8(files['xl/workbook.xml'])));
  for (const added of userFormulas) files[added.part] = strToU8(withUserFormula(strFromU8(files[added.part]), added));
  return withExcelCalcChain(zipSync(files));
}

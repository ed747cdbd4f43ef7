/**
 * Single-cell writes inside an existing package (the browser mode's settings, evaluation and
 * summary edits): values replace or join the right row in column order, new rows go in row order,
 * styles stay, the workbook asks for recalculation, no other part changes, and LibreOffice opens
 * the result and computes the formula written without a cached value.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CellEditError, writeCells } from '../../src/workbook/xlsx/editing/cellEdit';
import { entryBytes, readStoredEntries } from '../../src/workbook/xlsx/editing/packageZip';
import { openXlsxBuffer } from '../../src/workbook/xlsx/reading/xlsxReader';
import { asExcelSaved } from '../support/excelSaved';
import { recalcToCsv, requireLibreOffice } from '../support/libreoffice';
import { expectStrict } from '../support/strictCheck';

const SHEET = 'Ark 1';
let original: Uint8Array;
let dir: string;

/** Rows 1, 2 and 5 hold cells; 3, 4 and 6+ do not exist in the sheet part. */
async function sampleWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET);
  sheet.getCell('A1').value = 'Navn';
  sheet.getCell('A1').font = { bold: true };
  sheet.getCell('B1').value = 'Tall';
  sheet.getCell('A2').value = 'Kari';
  sheet.getCell('B2').value = 5;
  sheet.getCell('B2').numFmt = '0.00';
  sheet.getCell('A5').value = 'slutt';
  sheet.getCell('B5').value = 9;
  workbook.addWorksheet('Annet').getCell('A1').value = 'urørt';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function part(data: Uint8Array, suffix: string): string {
  const entry = readStoredEntries(data).find((e) => e.name.endsWith(suffix))!;
  return new TextDecoder().decode(entryBytes(entry));
}

function rowOrder(xml: string): number[] {
  return [...xml.matchAll(/<row\b[^>]*\br="(\d+)"/g)].map((m) => Number(m[1]));
}

function cellOrder(xml: string, row: number): string[] {
  const rowXml = new RegExp(`<row\\b[^>]*\\br="${row}"[^>]*>(.*?)</row>`).exec(xml)![1];
  return [...rowXml.matchAll(/<c\b[^>]*\br="([A-Z]+\d+)"/g)].map((m) => m[1]);
}

beforeAll(async () => {
  original = await sampleWorkbook();
  dir = mkdtempSync(join(tmpdir(), 'cell-edit-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeCells', () => {
  const edits = [
    { address: 'B2', value: 7 },
    { address: 'D2', value: 'ny' },
    { address: 'C2', value: { formula: 'B2*2', result: null } },
    { address: 'A4', value: '=1+1' },
    { address: 'A7', value: true },
    { address: 'B5', value: null },
    { address: 'A3', value: 'første' },
    { address: 'A3', value: 'andre' },
  ];

  it('replaces and inserts cells in row and column order, read back through the fast reader', async () => {
    const data = writeCells(original, SHEET, edits);
    const grid = await openXlsxBuffer(data).readSheet(SHEET);
    const cell = (address: string) => {
      const [, letters, row] = /^([A-Z])(\d+)$/.exec(address)!;
      return grid.rows[Number(row) - 1]?.[letters.charCodeAt(0) - 65] ?? null;
    };
    expect(['A1', 'B2', 'D2', 'A3', 'A4', 'A5', 'B5', 'A7'].map(cell)).toEqual(['Navn', 7, 'ny', 'andre', '=1+1', 'slutt', null, true]);

    const xml = part(data, 'worksheets/sheet1.xml');
    expect(rowOrder(xml)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(cellOrder(xml, 2)).toEqual(['A2', 'B2', 'C2', 'D2']);
    // The formula has no cached value; text that looks like a formula is an inline string.
    expect(xml).toMatch(/<c r="C2"[^>]*><f>B2\*2<\/f><\/c>/);
    expect(xml).toMatch(/<c r="A4" t="inlineStr"><is><t xml:space="preserve">=1\+1<\/t><\/is><\/c>/);
    expect(xml).toMatch(/<dimension ref="A1:D7"\/>/);
  });

  it('keeps the style of a replaced cell', () => {
    const style = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*?\\ss="(\\d+)"`).exec(xml)?.[1];
    const before = part(original, 'worksheets/sheet1.xml');
    const after = part(writeCells(original, SHEET, edits), 'worksheets/sheet1.xml');
    expect(style(before, 'B2')).toBeDefined();
    expect(style(after, 'B2')).toBe(style(before, 'B2'));
    expect(style(after, 'B5')).toBe(style(before, 'B5'));
  });

  it('changes only the sheet and workbook.xml, and asks for a full recalculation on open', () => {
    const data = writeCells(original, SHEET, edits);
    const kept = new Map(readStoredEntries(data).map((e) => [e.name, e]));
    const changed = readStoredEntries(original)
      .filter((e) => Buffer.compare(Buffer.from(kept.get(e.name)!.raw), Buffer.from(e.raw)) !== 0)
      .map((e) => e.name);
    expect(changed.sort()).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(part(data, 'xl/workbook.xml')).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
  });

  it('refuses a sheet that is not there and an address that is not one', () => {
    expect(() => writeCells(original, 'Finnes ikke', edits)).toThrow(CellEditError);
    expect(() => writeCells(original, SHEET, [{ address: 'B', value: 1 }])).toThrow(/badAddress/);
    expect(writeCells(original, SHEET, [])).toBe(original);
  });

  it('gives LibreOffice a workbook it opens and recalculates, the new formula included', async () => {
    if (!requireLibreOffice()) return;
    const file = join(dir, 'edited.xlsx');
    writeFileSync(file, writeCells(original, SHEET, edits));
    const sheets = await recalcToCsv(file);
    const rows = sheets.get(SHEET)!;
    expect(rows[1].slice(0, 4)).toEqual(['Kari', '7.00', '14', 'ny']);
    expect(rows[3][0]).toBe('=1+1');
    expect(sheets.get('Annet')![0][0]).toBe('urørt');
  }, 120_000);

  it('passes the strict check, and on a copy Excel saved takes a cell written with a value out of the calculation chain', () => {
    expectStrict(writeCells(original, SHEET, edits), original);
    // C2 and D2 hold formulas when Excel saves; its calcChain lists both.
    const saved = asExcelSaved(
      writeCells(original, SHEET, [
        { address: 'C2', value: { formula: 'B2*2', result: null } },
        { address: 'D2', value: { formula: 'B2*3', result: null } },
      ]),
    );
    const oneLeft = writeCells(saved, SHEET, [{ address: 'C2', value: 5 }]);
    expectStrict(oneLeft, saved);
    expect(part(oneLeft, 'xl/calcChain.xml')).not.toMatch(/r="C2"/);
    expect(part(oneLeft, 'xl/calcChain.xml')).toMatch(/<c r="D2" i="\d+"\/>/);
    // With the last formula gone, so is the chain, with its relationship and content type.
    const none = writeCells(oneLeft, SHEET, [{ address: 'D2', value: 'tekst' }]);
    expectStrict(none, saved);
    expect(readStoredEntries(none).map((e) => e.name)).not.toContain('xl/calcChain.xml');
    expect(part(none, 'xl/_rels/workbook.xml.rels')).not.toMatch(/calcChain/);
    expect(part(none, '[Content_Types].xml')).not.toMatch(/calcChain/);
  });
});

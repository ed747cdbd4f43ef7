/**
 * The xlsx reader against workbooks exceljs writes, against real-world files from the corpus
 * (checked against exceljs's own reading and, for the XML scanner, against saxes), against files
 * that are not workbooks, and against a sheet large enough to need streaming.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { CellValue } from '../../src/core/port';
import { openXlsxBuffer, openXlsxFile, WorkbookReadError } from '../../src/workbook/xlsx';
import { XmlScanner, type TagAttributes, type XmlHandler } from '../../src/workbook/xlsx/reading/xmlScanner';
import { SheetScanner } from '../../src/workbook/xlsx/reading/sheetScanner';
import { RowCollector } from '../../src/workbook/xlsx/reading/cellSink';
import { SharedStrings } from '../../src/workbook/xlsx/reading/sharedStrings';
import { ymdToSerial } from '../../src/core/model/dates';
import { CORPUS_DIR } from '../support/sharedFiles';

const CORPUS = CORPUS_DIR();
const corpusFiles = readdirSync(CORPUS).filter((file) => /\.xls[xm]$/.test(file));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xlsx-reader-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const QUOTED_SHEET = "Ola's ark æøå";

/** A small workbook with every kind of cell value the reader distinguishes. */
async function writeSampleWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet('Data');
  data.getCell('A1').value = 'Navn';
  data.getCell('B1').value = 'Antall';
  data.getCell('A2').value = 'Kari Nordmann & «venner» <3';
  data.getCell('B2').value = 42;
  data.getCell('C2').value = true;
  data.getCell('D2').value = false;
  data.getCell('E2').value = { error: '#N/A' };
  data.getCell('F2').value = { formula: 'B2*2', result: 84 };
  data.getCell('G2').value = { formula: 'A1&"x"', result: 'Navnx' };
  data.getCell('H2').value = new Date(Date.UTC(2024, 2, 1));
  data.getCell('I2').value = { richText: [{ text: 'Fet', font: { bold: true } }, { text: ' og vanlig' }] };
  data.getCell('J2').value = -0.125;
  data.getCell('AB7').value = 'langt ute';
  data.getCell('B5').value = { formula: 'SUM(B2:B3)' } as ExcelJS.CellFormulaValue;
  data.getCell('A3').value = 'linje 1\nlinje 2';
  const quoted = workbook.addWorksheet(QUOTED_SHEET);
  quoted.getCell('A1').value = 'sitat';
  const meta = workbook.addWorksheet('_meta', { state: 'veryHidden' });
  meta.getCell('A1').value = 'schemaVersion';
  meta.getCell('B1').value = 1;
  workbook.addWorksheet('Skjult', { state: 'hidden' });
  workbook.definedNames.add(`'${QUOTED_SHEET.replace(/'/g, "''")}'!$A$1`, 'kpi_quote');
  workbook.definedNames.add('Data!$B$2', 'kpi_count');
  data.pageSetup.printArea = 'A1:B2';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('reading a workbook exceljs wrote', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeSampleWorkbook();
  });

  test('lists sheets in workbook order with their visibility', async () => {
    const sheets = await openXlsxBuffer(bytes).listSheets();
    expect(sheets).toEqual([
      { name: 'Data', visibility: 'visible' },
      { name: QUOTED_SHEET, visibility: 'visible' },
      { name: '_meta', visibility: 'veryHidden' },
      { name: 'Skjult', visibility: 'hidden' },
    ]);
  });

  test('reads every kind of value back as written', async () => {
    const grid = await openXlsxBuffer(bytes).readSheet('Data');
    expect(grid.name).toBe('Data');
    expect(grid.rows[0]).toEqual(['Navn', 'Antall']);
    expect(grid.rows[1]).toEqual([
      'Kari Nordmann & «venner» <3',
      42,
      true,
      false,
      { error: '#N/A' },
      84,
      'Navnx',
      45352, // 2024-03-01 as an Excel serial
      'Fet og vanlig',
      -0.125,
    ]);
    expect(grid.rows[2]).toEqual(['linje 1\nlinje 2']);
    expect(grid.rows[3]).toBeUndefined();
    expect(grid.rows[4]).toBeUndefined(); // a formula without a cached result reads as empty
    expect(grid.rows[6]?.[27]).toBe('langt ute');
    expect(grid.rows[6]?.slice(0, 27).every((cell) => cell === null)).toBe(true);
  });

  test('reads a sheet whose name has æøå and an apostrophe, and a very hidden one', async () => {
    const reader = openXlsxBuffer(bytes);
    expect((await reader.readSheet(QUOTED_SHEET)).rows).toEqual([['sitat']]);
    const meta = await reader.readSheet('_meta');
    expect(meta.visibility).toBe('veryHidden');
    expect(meta.rows).toEqual([['schemaVersion', 1]]);
    expect((await reader.readSheet('Skjult')).rows).toEqual([]);
  });

  test('gives workbook-level defined names as written, without print areas', async () => {
    const names = await openXlsxBuffer(bytes).definedNames();
    expect(names).toHaveLength(2);
    expect(names).toEqual(
      expect.arrayContaining([
        { name: 'kpi_quote', refersTo: "'Ola''s ark æøå'!$A$1" },
        { name: 'kpi_count', refersTo: 'Data!$B$2' },
      ]),
    );
  });

  test('readSheetRows visits the same rows readSheet returns', async () => {
    const reader = openXlsxBuffer(bytes);
    const grid = await reader.readSheet('Data');
    const visited: [number, CellValue[]][] = [];
    await reader.readSheetRows('Data', (row, cells) => visited.push([row, cells]));
    expect(visited.map(([row]) => row)).toEqual([1, 2, 3, 7]);
    for (const [row, cells] of visited) expect(cells).toEqual(grid.rows[row - 1]);
  });

  test('refuses a sheet that does not exist, and a sheet whose part is missing', async () => {
    await expect(openXlsxBuffer(bytes).readSheet('Finnes ikke')).rejects.toThrow(/Finnes ikke/);
    const parts = unzipSync(bytes);
    delete parts['xl/worksheets/sheet2.xml'];
    const reader = openXlsxBuffer(zipSync(parts));
    await expect(reader.readSheet('Data')).resolves.toBeDefined();
    const failure = await reader.readSheet(QUOTED_SHEET).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkbookReadError);
    expect((failure as WorkbookReadError).code).toBe('damaged');
    expect((failure as WorkbookReadError).message).toContain(QUOTED_SHEET);
  });

  test('reads the same values when every element carries a namespace prefix', async () => {
    const parts = unzipSync(bytes);
    for (const name of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']) {
      parts[name] = strToU8(prefixElements(strFromU8(parts[name])));
    }
    expect(strFromU8(parts['xl/worksheets/sheet1.xml'])).toContain('<x:c ');
    const plain = openXlsxBuffer(bytes);
    const prefixed = openXlsxBuffer(zipSync(parts));
    expect(await prefixed.listSheets()).toEqual(await plain.listSheets());
    expect(await prefixed.definedNames()).toEqual(await plain.definedNames());
    expect((await prefixed.readSheet('Data')).rows).toEqual((await plain.readSheet('Data')).rows);
  });
});

/** Rewrites `<c>`, `</c>` … to `<x:c>`, `</x:c>` with the main namespace bound to `x`. */
function prefixElements(xml: string): string {
  return xml.replace(/<(\/?)([A-Za-z][\w]*)(?=[\s/>])/g, '<$1x:$2').replace(/<x:(\w+) xmlns="([^"]+)"/, '<x:$1 xmlns:x="$2"');
}

describe('the corpus of real-world workbooks', () => {
  test.each(corpusFiles)('%s opens and every sheet reads', async (file) => {
    const reader = await openXlsxFile(join(CORPUS, file));
    const sheets = await reader.listSheets();
    expect(sheets.length).toBeGreaterThan(0);
    for (const sheet of sheets) {
      const grid = await reader.readSheet(sheet.name);
      expect(grid.name).toBe(sheet.name);
    }
    await expect(reader.definedNames()).resolves.toBeInstanceOf(Array);
  });

  test.each(corpusFiles)('%s: strings and numbers of the first 50 rows equal exceljs', async (file) => {
    const path = join(CORPUS, file);
    const reader = await openXlsxFile(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    let compared = 0;
    for (const worksheet of workbook.worksheets) {
      const grid = await reader.readSheet(worksheet.name);
      worksheet.eachRow((row, rowNumber) => {
        if (rowNumber > 50) return;
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          // exceljs repeats a merged range's value in every cell of it; the file holds it once.
          if (cell.isMerged && cell.master.address !== cell.address) return;
          const expected = plainValue(cell.value);
          if (expected === undefined) return;
          expect({ at: `${worksheet.name}!${cell.address}`, value: grid.rows[rowNumber - 1]?.[col - 1] }).toEqual({
            at: `${worksheet.name}!${cell.address}`,
            value: expected,
          });
          compared++;
        });
      });
    }
    // Strict OOXML is the one corpus file exceljs reads as empty; every other has cells to compare.
    if (file !== 'apache__SampleSS.strict.xlsx') expect(compared).toBeGreaterThan(0);
  });

  test('the Strict OOXML file reads its cells although its namespaces differ', async () => {
    const reader = await openXlsxFile(join(CORPUS, 'apache__SampleSS.strict.xlsx'));
    const sheets = await reader.listSheets();
    const cells = (await Promise.all(sheets.map((sheet) => reader.readSheet(sheet.name)))).flatMap((grid) =>
      grid.rows.flatMap((row) => row ?? []).filter((cell) => cell !== null),
    );
    expect(cells.length).toBeGreaterThan(0);
    const transitional = strFromU8(unzipSync(readFileSync(join(CORPUS, 'apache__SampleSS.strict.xlsx')))['xl/workbook.xml']);
    expect(transitional).toContain('purl.oclc.org/ooxml/spreadsheetml/main');
  });

  test('sheet visibility of the visibility sample', async () => {
    const sheets = await (await openXlsxFile(join(CORPUS, 'sjs__sheet_visibility.xlsx'))).listSheets();
    expect(sheets.map((sheet) => sheet.visibility)).toEqual(['visible', 'hidden', 'veryHidden']);
  });

  test('the XML scanner reports what saxes reports for every worksheet and shared string table', () => {
    let parts = 0;
    for (const file of corpusFiles) {
      const entries = unzipSync(readFileSync(join(CORPUS, file)), {
        filter: (entry) => /^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/i.test(entry.name),
      });
      for (const [name, bytes] of Object.entries(entries)) {
        const expected = saxesEvents(strFromU8(bytes));
        // Small pieces put piece boundaries inside tags, attributes, entities and characters.
        expect({ part: `${file}:${name}`, events: scannerEvents(bytes, 997) }).toEqual({
          part: `${file}:${name}`,
          events: expected,
        });
        parts++;
      }
    }
    expect(parts).toBeGreaterThan(40);
  });
});

describe('the sheet scanner', () => {
  test('reads every worksheet of the corpus as a saxes-based reading does, in pieces split anywhere', () => {
    let sheets = 0;
    for (const file of corpusFiles) {
      const entries = unzipSync(readFileSync(join(CORPUS, file)), {
        filter: (entry) => /^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/i.test(entry.name),
      });
      const sharedPart = Object.keys(entries).find((name) => /sharedStrings/i.test(name));
      const strings = sharedPart ? saxesSharedStrings(strFromU8(entries[sharedPart])) : [];
      for (const [name, bytes] of Object.entries(entries)) {
        if (name === sharedPart) continue;
        const expected = saxesRows(strFromU8(bytes), strings);
        for (const pieceSize of [997, 1 << 16]) {
          expect({ part: `${file}:${name}`, pieceSize, rows: scannedRows(bytes, strings, pieceSize) }).toEqual({
            part: `${file}:${name}`,
            pieceSize,
            rows: expected,
          });
        }
        sheets++;
      }
    }
    expect(sheets).toBeGreaterThan(30);
  });

  test('reads comments, CDATA, nested markup and phonetic runs inside cells, and cells and rows without addresses', () => {
    const xml = [
      '<?xml version="1.0"?><x:worksheet xmlns:x="main"><x:sheetData>',
      '<x:row><x:c><x:v>1<!-- one -->2</x:v></x:c><x:c t="str"><x:f>A1&amp;"x"</x:f><x:v><![CDATA[a<b>]]>&amp;c</x:v></x:c></x:row>',
      '<!-- between rows --><x:row r="4"><x:c r="C4" t="inlineStr"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t>Fet</x:t></x:r><x:r><x:t xml:space="preserve"> tekst</x:t></x:r>',
      '<x:rPh sb="0" eb="1"><x:t>fonetisk</x:t></x:rPh></x:is></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c>',
      '<x:c t="d"><x:v>2024-03-01T12:00:00</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c s="3"/><x:c><x:v>-0.125</x:v></x:c>',
      '<x:c><x:v>1.5E+3</x:v></x:c><x:c><x:v>ikke tall</x:v></x:c><x:c t="str"><x:v>_x000D_linje</x:v></x:c></x:row>',
      '<x:row r="6"/></x:sheetData><x:mergeCells count="0"/></x:worksheet>',
    ].join('');
    const bytes = strToU8(xml);
    const rows = scannedRows(bytes, ['null', 'én'], 7);
    expect(rows).toEqual([
      [1, [12, 'a<b>&c']],
      [4, [null, null, 'Fet tekst', { error: '#N/A' }, true, ymdToSerial(2024, 3, 1) + 0.5, 'én', null, -0.125, 1500, 'ikke tall', '\rlinje']],
    ]);
    expect(rows).toEqual(saxesRows(xml, ['null', 'én']));
  });
});

/** The rows the sheet scanner gives for a worksheet handed over in pieces of the given size. */
function scannedRows(bytes: Uint8Array, strings: string[], pieceSize: number): [number, CellValue[]][] {
  const rows: [number, CellValue[]][] = [];
  const scanner = new SheetScanner(new RowCollector((row, cells) => rows.push([row, cells])), new SharedStrings(strings));
  for (let at = 0; at < bytes.length; at += pieceSize) scanner.write(bytes.slice(at, at + pieceSize));
  scanner.close();
  return rows;
}

function saxesSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string | undefined;
  let phonetic = 0;
  let inText = false;
  const parser = new SaxesParser();
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    if (name === 'si') current = '';
    else if (name === 'rPh') phonetic++;
    else if (name === 't' && phonetic === 0) inText = true;
  });
  const text = (value: string) => {
    if (inText && current !== undefined) current += value;
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (name === 't') inText = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'si' && current !== undefined) {
      strings.push(ooxmlUnescaped(current));
      current = undefined;
    }
  });
  parser.write(xml).close();
  return strings;
}

/**
 * A worksheet's rows as a complete XML parser sees them: what each cell shows (a formula's cached
 * result, a shared string, an inline string without its phonetic runs, a date as its serial).
 */
function saxesRows(xml: string, strings: string[]): [number, CellValue[]][] {
  const rows: [number, CellValue[]][] = [];
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  let inSheetData = false;
  let row = 0;
  let column = 0;
  let cells: CellValue[] = [];
  let type = '';
  let value: string | undefined;
  let inline: string | undefined;
  let capture: 'value' | 'inline' | undefined;
  let phonetic = 0;
  let depthInValue = 0;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    const attributes = (tag as SaxesTagPlain).attributes;
    if (!inSheetData) {
      if (name === 'sheetData') inSheetData = true;
      return;
    }
    if (capture) depthInValue++;
    if (name === 'row') {
      row = Number(attributes.r) || row + 1;
      column = 0;
      cells = [];
    } else if (name === 'c') {
      const letters = /^[A-Za-z]+/.exec(attributes.r ?? '')?.[0] ?? '';
      column = [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) || column + 1;
      type = attributes.t ?? '';
      value = undefined;
      inline = undefined;
    } else if (name === 'v' && !capture) {
      value = '';
      capture = 'value';
      depthInValue = 0;
    } else if (name === 'is') inline = '';
    else if (name === 'rPh') phonetic++;
    else if (name === 't' && inline !== undefined && phonetic === 0 && !capture) {
      capture = 'inline';
      depthInValue = 0;
    }
  });
  const text = (chunk: string) => {
    if (capture === 'value') value += chunk;
    else if (capture === 'inline') inline += chunk;
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (!inSheetData) return;
    if (capture && depthInValue > 0) {
      depthInValue--;
      return;
    }
    if (capture && (name === 'v' || name === 't')) capture = undefined;
    else if (name === 'rPh') phonetic--;
    else if (name === 'sheetData') inSheetData = false;
    else if (name === 'row' && cells.length > 0) rows.push([row, cells]);
    else if (name === 'c') {
      const shown = referenceValue(type, value, inline, strings);
      if (shown === null) return;
      while (cells.length < column - 1) cells.push(null);
      cells[column - 1] = shown;
    }
  });
  parser.write(xml).close();
  return rows;
}

function ooxmlUnescaped(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function referenceValue(type: string, raw: string | undefined, inline: string | undefined, strings: string[]): CellValue {
  if (type === 'inlineStr' && inline !== undefined) return ooxmlUnescaped(inline);
  if (raw === undefined) return null;
  switch (type) {
    case 's':
      return strings[Number(raw)] ?? null;
    case 'inlineStr':
    case 'str':
      return ooxmlUnescaped(raw);
    case 'b':
      return raw.trim() === '1' || raw.trim() === 'true';
    case 'e':
      return { error: raw.trim() };
    case 'd': {
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(raw.trim());
      if (!m) return raw.trim();
      return ymdToSerial(Number(m[1]), Number(m[2]), Number(m[3])) + (Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0)) / 86_400;
    }
    default: {
      if (raw.length === 0) return null;
      const number = Number(raw);
      return Number.isNaN(number) ? raw : number;
    }
  }
}

/** exceljs's value where it is a plain string or number; undefined for what is not compared. */
function plainValue(value: ExcelJS.CellValue): string | number | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (value === null || typeof value !== 'object' || value instanceof Date) return undefined;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('result' in value) return plainValue(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value && 'text' in value) return plainValue(value.text as ExcelJS.CellValue);
  return undefined;
}

type XmlEvent = ['open', string, Record<string, string>] | ['text', string] | ['close', string];

function saxesEvents(xml: string): XmlEvent[] {
  const events: XmlEvent[] = [];
  const parser = new SaxesParser();
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  parser.on('opentag', (tag) => events.push(['open', local(tag.name), { ...(tag as SaxesTagPlain).attributes }]));
  parser.on('text', (text) => pushText(events, text));
  parser.on('cdata', (text) => pushText(events, text));
  parser.on('closetag', (tag) => events.push(['close', local(tag.name)]));
  parser.write(xml).close();
  return events;
}

function scannerEvents(bytes: Uint8Array, pieceSize: number): XmlEvent[] {
  const events: XmlEvent[] = [];
  const handler: XmlHandler = {
    wantsText: true,
    open: (name: string, attributes: TagAttributes) => events.push(['open', name, attributes.all()]),
    text: (text: string) => pushText(events, text),
    close: (name: string) => events.push(['close', name]),
  };
  const scanner = new XmlScanner(handler);
  for (let at = 0; at < bytes.length; at += pieceSize) scanner.write(bytes.slice(at, at + pieceSize));
  scanner.close();
  return events;
}

/** Joins adjacent text and drops whitespace-only runs: the two parsers split text differently. */
function pushText(events: XmlEvent[], text: string): void {
  const last = events[events.length - 1];
  if (last?.[0] === 'text') last[1] += text;
  else events.push(['text', text]);
  const current = events[events.length - 1] as ['text', string];
  if (current[1].trim() === '') events.pop();
}

describe('files that are not readable workbooks', () => {
  async function failure(path: string): Promise<WorkbookReadError> {
    const error = await openXlsxFile(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkbookReadError);
    return error as WorkbookReadError;
  }

  test('a text file renamed .xlsx is not a workbook', async () => {
    const path = join(dir, 'notes.xlsx');
    writeFileSync(path, 'Navn;Telefon\nKari;12345678\n');
    const error = await failure(path);
    expect(error.code).toBe('notXlsx');
    expect(error.message).toMatch(/er ikke en Excel-arbeidsbok.*\/ .*is not an Excel workbook/s);
    expect(error.message).toContain('notes.xlsx');
  });

  test('a truncated workbook is damaged', async () => {
    const path = join(dir, 'truncated.xlsx');
    const whole = readFileSync(join(CORPUS, 'apache__57181.xlsm'));
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const error = await failure(path);
    expect(error.code).toBe('damaged');
    expect(error.message).toMatch(/skadet eller ufullstendig.*\/ .*damaged or incomplete/s);
  });

  test('a workbook whose sheet data is cut short is damaged when the sheet is read', async () => {
    const parts = unzipSync(await writeSampleWorkbook());
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
    parts['xl/worksheets/sheet1.xml'] = strToU8(sheet.slice(0, sheet.indexOf('<row r="2"') + 20));
    const reader = openXlsxBuffer(zipSync(parts));
    await expect(reader.readSheet('Data')).rejects.toMatchObject({ code: 'damaged' });
  });

  test('an OLE compound file (how Excel stores a password-protected workbook) is encrypted', async () => {
    const path = join(dir, 'secret.xlsx');
    const header = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const body = new Uint8Array(4096);
    body.set(header);
    body.set(strToU8('EncryptedPackage'.split('').join('\0') + '\0'), 1024);
    writeFileSync(path, body);
    const error = await failure(path);
    expect(error.code).toBe('encrypted');
    expect(error.message).toMatch(/passordbeskyttet.*\/ .*password-protected/s);
  });

  test('a zip that is not a workbook, and a missing file', async () => {
    const zipPath = join(dir, 'archive.xlsx');
    writeFileSync(zipPath, zipSync({ 'readme.txt': strToU8('hei') }));
    expect((await failure(zipPath)).code).toBe('notXlsx');
    const missing = await failure(join(dir, 'finnes-ikke.xlsx'));
    expect(missing.code).toBe('notFound');
    expect(missing.message).toMatch(/finnes ikke.*\/ .*does not exist/s);
  });
});

describe('a large sheet', () => {
  const ROWS = 50_000;
  const activities = ['Besøksvenn', 'Turgruppe', 'Kafé & prat', 'Sang <og> musikk'];
  /** Row i (0-based) of the generated hours log, as the reader should return it. */
  const expectedRow = (i: number): CellValue[] => [45292 + (i % 366), activities[i % 4], `F${i % 700}`, 1 + (i % 3), (i % 17) / 4];

  test.each([true, false])('streams every row (shared strings: %s) and agrees with readSheet', async (useSharedStrings) => {
    const path = join(dir, `hours-${useSharedStrings}.xlsx`);
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings });
    const sheet = writer.addWorksheet('Timer');
    sheet.addRow(['Dato', 'Aktivitet', 'Frivillig', 'Antall', 'Timer']).commit();
    for (let i = 0; i < ROWS; i++) sheet.addRow(expectedRow(i)).commit();
    sheet.commit();
    await writer.commit();

    const reader = await openXlsxFile(path);
    let visited = 0;
    const mismatches: string[] = [];
    await reader.readSheetRows('Timer', (rowNumber, cells) => {
      const expected = rowNumber === 1 ? ['Dato', 'Aktivitet', 'Frivillig', 'Antall', 'Timer'] : expectedRow(rowNumber - 2);
      if (rowNumber !== visited + 1 || JSON.stringify(cells) !== JSON.stringify(expected)) {
        mismatches.push(`row ${rowNumber}: ${JSON.stringify(cells)}`);
      }
      visited++;
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(visited).toBe(ROWS + 1);

    const grid = await reader.readSheet('Timer');
    expect(grid.rows).toHaveLength(ROWS + 1);
    expect(grid.rows[ROWS]).toEqual(expectedRow(ROWS - 1));
    expect(grid.rows[12_345]).toEqual(expectedRow(12_344));
  });
});

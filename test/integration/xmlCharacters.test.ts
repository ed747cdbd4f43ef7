/**
 * Characters XML 1.0 cannot hold (NUL, vertical tab, ESC, a lone surrogate), and text that looks
 * like Excel's own `_xHHHH_` escape, through every way Samspill writes a cell: the plan writer
 * (new, add, summary, aggregate, --public), cell edits (pane settings, browser mode) and table
 * appends (import, pane forms). Every part written parses strictly and passes the strict check
 * (schemas, Excel's cross-part rules, on a copy Excel saved where an edit prunes its calculation
 * chain), and the text reads back as it went in.
 */
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { loadWorkbook } from '../../src/core/model/loadWorkbook';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { appendTableRows, openXlsxBuffer, verifyWellFormed, verifyWrittenParts, writeCells } from '../../src/workbook/xlsx';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { encodeOoxmlEscapes, decodeOoxmlEscapes } from '../../src/workbook/xlsx/reading/xmlText';
import { asExcelSaved, sheetPartNamed } from '../support/excelSaved';
import { expectStrict } from '../support/strictCheck';

const HOSTILE = ['Nora\u0000 Nul', 'a\u000bb', 'esc\u001b[2J', 'literal _x0041_ stays', 'lone \ud800 half', 'tab\tand\nline'];

describe('text XML cannot hold, written as Excel writes it', () => {
  it('encodes and decodes back exactly', () => {
    for (const text of HOSTILE) expect(decodeOoxmlEscapes(encodeOoxmlEscapes(text))).toBe(text);
    expect(encodeOoxmlEscapes('a\u0000b')).toBe('a_x0000_b');
    expect(encodeOoxmlEscapes('_x0041_')).toBe('_x005F_x0041_');
  });

  it('the plan writer: names in a register and a user-typed municipality', async () => {
    const demo = demoWorkbook({ lang: 'nb', seed: 4, today: isoToSerial('2026-11-23'), volunteers: 30 });
    HOSTILE.forEach((name, i) => (demo.input.records.volunteers[i].name = name));
    demo.input.settings.municipality = 'Ond\u001b]0;x\u0007 kommune';
    const bytes = await writePlanToBuffer(buildWorkbookPlan(demo.input));
    expect(() => verifyWellFormed(bytes)).not.toThrow();
    expectStrict(bytes);
    const data = (await loadWorkbook(openXlsxBuffer(bytes))).data;
    expect(data.registers.volunteers.rows.slice(0, HOSTILE.length).map((r) => r.values.name)).toEqual(HOSTILE);
    expect(data.settings.municipality).toBe('Ond\u001b]0;x\u0007 kommune');
  });

  it('cell edits and table appends, on a copy Excel saved', async () => {
    const demo = demoWorkbook({ lang: 'nb', seed: 4, today: isoToSerial('2026-11-23'), volunteers: 30 });
    const fresh = await writePlanToBuffer(buildWorkbookPlan(demo.input));
    // Below the settings; the last text goes over a formula the user typed there, which Excel's calculation chain lists: the edit prunes the chain.
    const formulaAt = `H${300 + HOSTILE.length - 1}`;
    const plain = asExcelSaved(fresh, [{ part: sheetPartNamed(fresh, 'Innstillinger'), cell: formulaAt, formula: '1+1' }]);
    const edited = writeCells(
      plain,
      'Innstillinger',
      HOSTILE.map((value, i) => ({ address: `H${300 + i}`, value })),
    );
    expect(() => verifyWellFormed(edited)).not.toThrow();
    expectStrict(edited, plain);
    const grid = await openXlsxBuffer(edited).readSheet('Innstillinger');
    expect(HOSTILE.map((_, i) => grid.rows[299 + i]?.[7])).toEqual(HOSTILE);

    const register = (await loadWorkbook(openXlsxBuffer(plain))).data.registers.volunteers;
    const nameCol = register.columns.get('name')!;
    const appended = appendTableRows(plain, {
      sheetName: register.sheetName,
      headerRow: register.headerRow,
      rows: HOSTILE.map((name) => new Map([[nameCol, name]])),
    });
    expect(() => verifyWellFormed(appended.data)).not.toThrow();
    expectStrict(appended.data, plain);
    const after = (await loadWorkbook(openXlsxBuffer(appended.data))).data.registers.volunteers.rows;
    expect(after.slice(-HOSTILE.length).map((r) => r.values.name)).toEqual(HOSTILE);
  });
});

describe('the verification before a file is replaced', () => {
  const broken = (data: Uint8Array, part: string): Uint8Array => {
    const files = unzipSync(data);
    files[part] = strToU8(
      strFromU8(files[part]).replace('</sheetData>', '<row r="900"><c r="A900" t="inlineStr"><is><t>raw \u0001 byte</t></is></c></row></sheetData>'),
    );
    return zipSync(files);
  };

  it('parses every part that differs from the original, whichever step wrote it, and leaves the original’s own parts alone', async () => {
    const demo = demoWorkbook({ lang: 'nb', seed: 4, today: isoToSerial('2026-11-23'), volunteers: 30 });
    const original = await writePlanToBuffer(buildWorkbookPlan(demo.input));
    const part = sheetPartNamed(original, 'Innstillinger');
    expect(() => verifyWrittenParts(original, broken(original, part))).toThrow(new RegExp(`part ${part} is not well-formed XML`));
    const usersOwn = broken(original, part);
    expect(() => verifyWrittenParts(usersOwn, writeCells(usersOwn, 'Frivillige', [{ address: 'Z900', value: 'ok' }]))).not.toThrow();
  });
});

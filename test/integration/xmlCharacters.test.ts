/**
 * Characters XML 1.0 cannot hold (NUL, vertical tab, ESC, a lone surrogate), and text that looks
 * like Excel's own `_xHHHH_` escape, through every way Samspill writes a cell: the plan writer
 * (new, add, summary, aggregate, --public), cell edits (pane settings, browser mode) and table
 * appends (import, pane forms). Every part written parses strictly, and the text reads back as
 * it went in.
 */
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { loadWorkbook } from '../../src/core/model/loadWorkbook';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { appendTableRows, openXlsxBuffer, verifyWellFormed, writeCells } from '../../src/workbook/xlsx';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { encodeOoxmlEscapes, decodeOoxmlEscapes } from '../../src/workbook/xlsx/reading/xmlText';

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
    const data = (await loadWorkbook(openXlsxBuffer(bytes))).data;
    expect(data.registers.volunteers.rows.slice(0, HOSTILE.length).map((r) => r.values.name)).toEqual(HOSTILE);
    expect(data.settings.municipality).toBe('Ond\u001b]0;x\u0007 kommune');
  });

  it('cell edits and table appends', async () => {
    const demo = demoWorkbook({ lang: 'nb', seed: 4, today: isoToSerial('2026-11-23'), volunteers: 30 });
    const plain = await writePlanToBuffer(buildWorkbookPlan(demo.input));
    const edited = writeCells(
      plain,
      'Innstillinger',
      HOSTILE.map((value, i) => ({ address: `H${3 + i}`, value })),
    );
    expect(() => verifyWellFormed(edited)).not.toThrow();
    const grid = await openXlsxBuffer(edited).readSheet('Innstillinger');
    expect(HOSTILE.map((_, i) => grid.rows[2 + i]?.[7])).toEqual(HOSTILE);

    const register = (await loadWorkbook(openXlsxBuffer(plain))).data.registers.volunteers;
    const nameCol = register.columns.get('name')!;
    const appended = appendTableRows(plain, {
      sheetName: register.sheetName,
      headerRow: register.headerRow,
      rows: HOSTILE.map((name) => new Map([[nameCol, name]])),
    });
    expect(() => verifyWellFormed(appended.data)).not.toThrow();
    const after = (await loadWorkbook(openXlsxBuffer(appended.data))).data.registers.volunteers.rows;
    expect(after.slice(-HOSTILE.length).map((r) => r.values.name)).toEqual(HOSTILE);
  });
});

/**
 * The two adapters render the same plan alike: what the Office adapter builds in the Excel
 * stand-in and what the xlsx adapter writes to a file have the same sheets, tables with their
 * columns, validations, defined names and formulas, in every language.
 */
import { sameReference } from '../../src/core/model/a1';
import { strFromU8, unzipSync } from 'fflate';
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { LANGUAGES } from '../../src/core/content/language';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { openXlsxBuffer } from '../../src/workbook/xlsx/reading/xlsxReader';
import { colLetters, ExcelStandIn, MAX_COLS } from '../support/excel';

const VISIBILITY: Record<string, string> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

function rangeText(area: { top: number; left: number; bottom: number; right: number }): string {
  const a = `${colLetters(area.left)}${area.top}`;
  const b = `${colLetters(area.right)}${area.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

const unescape = (t: string) =>
  t
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Sheet part XML by sheet name, through the workbook's relationships. */
function sheetParts(zip: Record<string, Uint8Array>): Map<string, { xml: string; rels: string }> {
  const workbook = strFromU8(zip['xl/workbook.xml']);
  const rels = strFromU8(zip['xl/_rels/workbook.xml.rels']);
  const out = new Map<string, { xml: string; rels: string }>();
  for (const m of workbook.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)![1];
    const part = target.replace(/^\/?(xl\/)?/, 'xl/');
    const relsPart = part.replace(/worksheets\//, 'worksheets/_rels/') + '.rels';
    out.set(unescape(m[1]), { xml: strFromU8(zip[part]), rels: zip[relsPart] ? strFromU8(zip[relsPart]) : '' });
  }
  return out;
}

describe.each(LANGUAGES)('the Office and xlsx adapters agree (%s)', (lang) => {
  const demo = demoWorkbook({ lang, seed: 8, today: isoToSerial('2026-11-23'), volunteers: 25 });
  const plan = buildWorkbookPlan(demo.input);
  const standIn = new ExcelStandIn();
  let zip: Record<string, Uint8Array>;
  let bytes: Uint8Array;

  beforeAll(async () => {
    await new OfficeWorkbook(standIn.run).applyPlan(plan);
    bytes = await writePlanToBuffer(plan);
    zip = unzipSync(bytes);
  });

  it('has the same sheets in the same order and visibility', async () => {
    const file = await openXlsxBuffer(bytes).listSheets();
    expect(standIn.sheets.map((s) => ({ name: s.name, visibility: VISIBILITY[s.visibility] }))).toEqual(file);
  });

  it('has the same tables with the same columns and extent', () => {
    const fromFile = Object.entries(zip)
      .filter(([name]) => /^xl\/tables\/[^/]+\.xml$/.test(name))
      .map(([, data]) => {
        const xml = strFromU8(data);
        return {
          name: /displayName="([^"]+)"/.exec(xml)![1],
          ref: /\bref="([^"]+)"/.exec(xml)![1],
          columns: [...xml.matchAll(/<tableColumn [^>]*name="([^"]+)"/g)].map((m) => unescape(m[1])),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    const inExcel = standIn.tables
      .map((t) => ({ name: t.name, ref: rangeText(t.area), columns: standIn.tableContent(t.name).headers.map(String) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(inExcel).toEqual(fromFile);
    expect(inExcel.length).toBe(6);
  });

  it('has the same validations on the same ranges, of the same kind', () => {
    const kinds: Record<string, string> = { list: 'list', date: 'date', decimal: 'decimal', wholeNumber: 'whole', textLength: 'textLength' };
    const parts = sheetParts(zip);
    for (const sheet of standIn.sheets) {
      const inExcel = sheet.validations.map((v) => `${rangeText(v.area)} ${kinds[Object.keys(v.rule ?? {})[0]]}`).sort();
      const xml = parts.get(sheet.name)!.xml;
      const fromFile = [...xml.matchAll(/<dataValidation [^>]*>/g)].map((m) => `${/sqref="([^"]+)"/.exec(m[0])![1]} ${/type="([^"]+)"/.exec(m[0])![1]}`).sort();
      expect([sheet.name, inExcel]).toEqual([sheet.name, fromFile]);
    }
  });

  it('defines the same workbook names, pointing at the same cells', async () => {
    const fromFile = new Map((await openXlsxBuffer(bytes).definedNames()).map((n) => [n.name, n.refersTo]));
    const inExcel = new Map(standIn.names.map((n) => [n.name, n.formula.replace(/^=/, '')]));
    expect(inExcel.size).toBeGreaterThan(100);
    expect([...inExcel.keys()].sort()).toEqual([...fromFile.keys()].sort());
    // Excel gives a name's formula back in its own form (quotes only where needed): compared as references.
    const differ = [...inExcel].filter(([name, formula]) => !sameReference(formula, fromFile.get(name) ?? ''));
    expect(differ).toEqual([]);
  });

  it('writes the same formula in every formula cell', () => {
    const parts = sheetParts(zip);
    let compared = 0;
    for (const sheet of standIn.sheets) {
      const fromFile = new Map<string, string>();
      for (const m of parts.get(sheet.name)!.xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*(?<!\/)>(?:(?!<\/c>).)*?<f>([^<]*)<\/f>/gs))
        fromFile.set(m[1], unescape(m[2]));
      const inExcel = new Map<string, string>();
      for (const [key, cell] of sheet.cells) {
        if (!cell.formula) continue;
        const row = Math.floor(key / MAX_COLS);
        const col = (key % MAX_COLS) + 1;
        inExcel.set(`${colLetters(col)}${row}`, cell.formula.replace(/^=/, ''));
      }
      compared += inExcel.size;
      const differing = [...new Set([...inExcel.keys(), ...fromFile.keys()])].filter((cell) => inExcel.get(cell) !== fromFile.get(cell));
      expect([sheet.name, differing.map((cell) => `${cell}: ${inExcel.get(cell)?.slice(0, 60)} | ${fromFile.get(cell)?.slice(0, 60)}`)]).toEqual([
        sheet.name,
        [],
      ]);
    }
    expect(compared).toBeGreaterThan(150);
  });
});

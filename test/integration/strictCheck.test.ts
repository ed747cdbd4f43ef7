/**
 * The strict checker itself: a workbook we write passes; each rule it knows, broken on purpose in a
 * copy, is found in the part it concerns; and a problem the original already had is set apart.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { isoToSerial } from '../../src/core/model/dates';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { writePlanToBuffer } from '../../src/workbook/xlsx';
import { strictCheck, withExcelCalcChain, type StrictProblem } from '../support/strictCheck';

let clean: Uint8Array;

beforeAll(async () => {
  const demo = demoWorkbook({ lang: 'nb', seed: 3, today: isoToSerial('2026-11-23'), volunteers: 12 });
  clean = await writePlanToBuffer(buildWorkbookPlan(demo.input));
});

/** A copy with one part's text edited (the edit must change something). */
function edited(data: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(data);
  const before = strFromU8(files[part]);
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${part} changed nothing`);
  files[part] = strToU8(after);
  return zipSync(files);
}

const found = (data: Uint8Array, original?: Uint8Array): Pick<StrictProblem, 'rule' | 'part'>[] =>
  strictCheck(data, original).problems.map(({ rule, part }) => ({ rule, part }));

describe('the strict checker', () => {
  test('a workbook we write passes the schemas and every cross-part rule, also with a calcChain as Excel writes it', () => {
    const report = strictCheck(clean);
    expect(report.problems).toEqual([]);
    expect(report.partsChecked).toBeGreaterThan(20);
    expect(strictCheck(withExcelCalcChain(clean)).problems).toEqual([]);
  });

  test('drops the markup a part declares ignorable before the schema sees it, but keeps what is not', () => {
    // dyDescent (x14ac, declared ignorable) passes; the same attribute undeclared is an error.
    const undeclared = edited(clean, 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/ mc:Ignorable="x14ac"/, ''));
    expect(found(undeclared)).toContainEqual({ rule: 'schema', part: 'xl/worksheets/sheet1.xml' });
    const badElement = edited(clean, 'xl/styles.xml', (xml) => xml.replace('<fonts', '<nonsense/><fonts'));
    expect(found(badElement)).toContainEqual({ rule: 'schema', part: 'xl/styles.xml' });
  });

  test.each([
    [
      'calcChain',
      'xl/calcChain.xml',
      (d: Uint8Array) => edited(withExcelCalcChain(d), 'xl/calcChain.xml', (x) => x.replace('</calcChain>', '<c r="A1" i="1"/></calcChain>')),
    ],
    [
      'tableHeader',
      'xl/tables/table1.xml',
      (d: Uint8Array) => edited(d, 'xl/tables/table1.xml', (x) => x.replace(/(<tableColumn id="1" name=")[^"]*"/, '$1Noe annet"')),
    ],
    ['tableId', 'xl/tables/table2.xml', (d: Uint8Array) => edited(d, 'xl/tables/table2.xml', (x) => x.replace(/ id="\d+"/, ' id="1"'))],
    [
      'tableName',
      'xl/tables/table2.xml',
      (d: Uint8Array) =>
        edited(d, 'xl/tables/table2.xml', (x) =>
          x.replace(/ displayName="[^"]*"/, ` displayName="${/ displayName="([^"]*)"/.exec(strFromU8(unzipSync(d)['xl/tables/table1.xml']))![1]}"`),
        ),
    ],
    [
      'contentType',
      'xl/worksheets/sheet1.xml',
      (d: Uint8Array) => edited(d, '[Content_Types].xml', (x) => x.replace(/<Override PartName="\/xl\/worksheets\/sheet1\.xml"[^>]*\/>/, '')),
    ],
    [
      'relationship',
      'xl/_rels/workbook.xml.rels',
      (d: Uint8Array) => edited(d, 'xl/_rels/workbook.xml.rels', (x) => x.replace('Target="theme/theme1.xml"', 'Target="theme/theme9.xml"')),
    ],
    [
      'styleIndex',
      'xl/worksheets/sheet1.xml',
      (d: Uint8Array) => edited(d, 'xl/worksheets/sheet1.xml', (x) => x.replace(/<c r="A1"( s="\d+")?/, '<c r="A1" s="999"')),
    ],
    [
      'definedName',
      'xl/workbook.xml',
      (d: Uint8Array) =>
        edited(d, 'xl/workbook.xml', (x) =>
          x.replace('name="cfg_municipality"', `name="${/ displayName="([^"]*)"/.exec(strFromU8(unzipSync(d)['xl/tables/table1.xml']))![1]}"`),
        ),
    ],
    [
      'validationLength',
      'xl/worksheets/sheet1.xml',
      (d: Uint8Array) => edited(d, 'xl/worksheets/sheet1.xml', (x) => x.replace(/<formula1>[^<]*<\/formula1>/, `<formula1>"${'a,'.repeat(140)}a"</formula1>`)),
    ],
    [
      'tableOverlap',
      'xl/tables/table1.xml',
      (d: Uint8Array) =>
        edited(d, 'xl/worksheets/sheet2.xml', (x) => x.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells>')),
    ],
    ['spacePreserved', 'xl/sharedStrings.xml', (d: Uint8Array) => edited(d, 'xl/sharedStrings.xml', (x) => x.replace(/<t>([^<]+)<\/t>/, '<t> $1 </t>'))],
  ])('finds %s in %s', (rule, part, breakIt) => {
    expect(found(breakIt(clean))).toContainEqual({ rule, part });
  });

  test('sets apart what the original already had', () => {
    const broken = edited(clean, 'xl/worksheets/sheet1.xml', (x) => x.replace(/<c r="A1"( s="\d+")?/, '<c r="A1" s="999"'));
    const further = edited(broken, 'xl/_rels/workbook.xml.rels', (x) => x.replace('Target="theme/theme1.xml"', 'Target="theme/theme9.xml"'));
    const report = strictCheck(further, broken);
    expect(report.inherited.map((p) => p.rule)).toEqual(['styleIndex']);
    expect(report.problems.map((p) => p.rule)).toEqual(['relationship']);
  });
});

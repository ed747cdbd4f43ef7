/**
 * `summary` edits the workbook in steps before it merges the fresh summary in (cached results of
 * the register's formula columns, a report date, new actions): the verification before the rename
 * must parse what those steps wrote too, not only what the merge changed. Here the cached-results
 * step is made to write a character XML cannot hold, raw; the summary must refuse and leave the file.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { sheetPartNamed } from '../support/excelSaved';
import { runCli } from '../support/cli';

jest.mock('../../src/workbook/xlsx', () => {
  const actual = jest.requireActual('../../src/workbook/xlsx');
  return {
    ...actual,
    writeCachedResults: (data: Uint8Array, sheetName: string, results: unknown) => {
      const written: Uint8Array = actual.writeCachedResults(data, sheetName, results);
      const files = unzipSync(written);
      const part = sheetPartNamed(written, sheetName);
      files[part] = strToU8(
        strFromU8(files[part]).replace('</sheetData>', '<row r="9000"><c r="A9000" t="inlineStr"><is><t>raw \u0001</t></is></c></row></sheetData>'),
      );
      return zipSync(files);
    },
  };
});

const TODAY = '2026-11-23';
const dir = mkdtempSync(join(tmpdir(), 'samspill-written-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('summary refuses when a step before the merge wrote a part that is not well-formed, and leaves the file as it was', async () => {
  const file = join(dir, 'kommune.xlsx');
  writeFileSync(file, await writePlanToBuffer(buildWorkbookPlan(demoWorkbook({ lang: 'nb', seed: 3, today: isoToSerial(TODAY), volunteers: 20 }).input)));
  const before = createHash('sha256').update(readFileSync(file)).digest('hex');
  const run = await runCli('summary', file, '--today', TODAY);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/sheet\d+\.xml is not well-formed XML.*Ingen filer er endret/);
  expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
});

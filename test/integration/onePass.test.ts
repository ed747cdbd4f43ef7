/**
 * validate reads a workbook in one pass: every sheet is inflated once (a large sheet's first rows,
 * where its header is looked for, a second time), and what it reports is exactly what reading
 * every sheet whole and scanning every cell reports — fødselsnumre in a register column, in a
 * column of the user's own beside a large register, above its header, and on a large sheet of
 * the user's own included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SCHEMA_VERSION, sheetDef } from '../../src/core/content/content';
import { cellAddress } from '../../src/core/model/a1';
import { isoToSerial } from '../../src/core/model/dates';
import { loadWorkbook } from '../../src/core/model/loadWorkbook';
import { META_SHEET_NAME, metaEntries } from '../../src/core/model/metaSheet';
import { GENERATOR } from '../../src/core/plan/buildWorkbookPlan';
import { validateWorkbook, type ValidationCell } from '../../src/core/validation/validateWorkbook';
import { runValidation } from '../../src/cli/validateCommand';
import { openXlsxFile } from '../../src/workbook/xlsx';
import { ZipArchive } from '../../src/workbook/xlsx/reading/zipArchive';

const TODAY = isoToSerial('2026-11-23');
/** Made up for the tests (see privacyRules.test.ts): a fødselsnummer and a D-number. */
const FNR = '01019012480';
const DNR = '41019012474';
const ROWS = 30_000;

let dir: string;
let file: string;

/** A workbook with a large hours log (header in row 3, a column of the user's own) and a large sheet of notes. */
async function writeWorkbook(path: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  const volunteers = writer.addWorksheet(sheetDef('volunteers').name.nb);
  const volunteerColumns = sheetDef('volunteers').columns!;
  volunteers.addRow(volunteerColumns.map((c) => c.label.nb)).commit();
  for (let i = 0; i < 20; i++) {
    volunteers
      .addRow(
        volunteerColumns.map((c) => (c.key === 'id' ? `F-${i}` : c.key === 'name' ? `Frivillig ${i}` : c.key === 'notes' && i === 7 ? `Født ${FNR}` : null)),
      )
      .commit();
  }
  volunteers.commit();
  const hours = writer.addWorksheet(sheetDef('hours').name.nb);
  const hourColumns = sheetDef('hours').columns!;
  hours.addRow([`Timelogg, spør ${DNR}`]).commit();
  hours.addRow([]).commit();
  hours.addRow([...hourColumns.map((c) => c.label.nb), 'Notat fra meg']).commit();
  for (let i = 0; i < ROWS; i++) {
    const own = i === 20_000 ? Number(FNR) : `egen ${i % 13}`;
    hours
      .addRow([
        ...hourColumns.map((c) =>
          c.key === 'date'
            ? TODAY - 1 - (i % 300)
            : c.key === 'volunteerId'
              ? `F-${i % 20}`
              : c.key === 'hours'
                ? 1 + (i % 4)
                : c.key === 'notes' && i === 27_000
                  ? `Ring ${FNR.slice(0, 6)} ${FNR.slice(6)}`
                  : null,
        ),
        own,
      ])
      .commit();
  }
  hours.commit();
  const notes = writer.addWorksheet('Mine notater');
  for (let i = 0; i < ROWS; i++)
    notes
      .addRow([`Notat ${i}`, i, i === 29_000 ? `Kontakt ${DNR}` : 'ingenting her', 'litt mer tekst for å gjøre arket stort nok til å bli lest i strøm'])
      .commit();
  notes.commit();
  const meta = writer.addWorksheet(META_SHEET_NAME, { state: 'veryHidden' });
  meta.addRow(['Samspill']).commit();
  const sheets = { volunteers: volunteers.name, hours: hours.name, _meta: META_SHEET_NAME };
  for (const [k, v] of metaEntries({ schemaVersion: SCHEMA_VERSION(), lang: 'nb', generator: GENERATOR, sheets, tables: {} })) meta.addRow([k, v]).commit();
  meta.commit();
  await writer.commit();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'one-pass-'));
  file = join(dir, 'stor.xlsx');
  await writeWorkbook(file);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('validate inflates each sheet once and reports what reading every sheet whole reports', async () => {
  const inflated = new Map<string, number>();
  const original = ZipArchive.prototype.streamBytes;
  const spy = jest.spyOn(ZipArchive.prototype, 'streamBytes').mockImplementation(function (this: ZipArchive, part, onBytes, onProgress) {
    return original.call(
      this,
      part,
      (bytes) => {
        inflated.set(part, (inflated.get(part) ?? 0) + bytes.length);
        onBytes(bytes);
      },
      onProgress,
    );
  });
  let onePass: Awaited<ReturnType<typeof runValidation>>;
  try {
    onePass = await runValidation(file, TODAY);
  } finally {
    spy.mockRestore();
  }

  const reader = await openXlsxFile(file);
  const sizes = new Map((await reader.listSheets()).map((s) => [s.name, reader.sheetByteSize(s.name)]));
  const large = [...sizes].filter(([, size]) => size > 4 << 20).map(([name]) => name);
  expect(large.sort()).toEqual(['Mine notater', 'Timer']);
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const read = [...inflated.values()].reduce((a, b) => a + b, 0);
  // Every byte once, and the first rows of the two large sheets again: a few megabytes at most.
  expect(read).toBeGreaterThanOrEqual(total);
  expect(read - total).toBeLessThan(2 * (4 << 20));

  const loaded = await loadWorkbook(reader);
  const keyOf = new Map(Object.entries(loaded.sheetNames).map(([key, name]) => [name, key]));
  const cells: ValidationCell[] = [];
  for (const sheet of loaded.sheets) {
    if (sheet.name === META_SHEET_NAME) continue;
    const grid = await reader.readSheet(sheet.name);
    grid.rows.forEach((row, r) =>
      row?.forEach((value, c) =>
        cells.push({ sheetKey: (keyOf.get(sheet.name) ?? null) as ValidationCell['sheetKey'], sheet: sheet.name, cell: cellAddress(r + 1, c + 1), value }),
      ),
    );
  }
  const whole = validateWorkbook({
    data: loaded.data,
    today: TODAY,
    allCells: () => cells,
    structure: { missingSheets: loaded.missingSheets, schemaVersion: loaded.meta?.schemaVersion ?? null, knownSchemaVersion: SCHEMA_VERSION() },
  });
  expect(onePass.loaded.data.registers.hours.rows).toHaveLength(ROWS);
  expect(onePass.loaded.data.registers.hours.rows).toEqual(loaded.data.registers.hours.rows);
  expect(onePass.issues).toEqual(whole);
  const privacy = onePass.issues.filter((issue) => issue.rule === 'privacy.fodselsnummer.found').map((issue) => `${issue.sheet}!${issue.cell}`);
  const ownColumn = cellAddress(3, sheetDef('hours').columns!.length + 1).replace(/\d+$/, '');
  const notesColumn = cellAddress(1, sheetDef('hours').columns!.findIndex((c) => c.key === 'notes') + 1).replace(/\d+$/, '');
  const volunteerNotes = cellAddress(1, sheetDef('volunteers').columns!.findIndex((c) => c.key === 'notes') + 1).replace(/\d+$/, '');
  expect(privacy.sort()).toEqual(
    [`Frivillige!${volunteerNotes}9`, 'Mine notater!C29001', 'Timer!A1', `Timer!${notesColumn}27004`, `Timer!${ownColumn}20004`].sort(),
  );
}, 120_000);

/**
 * `samspill import` end to end on real files: sign-up exports written the way Microsoft Forms,
 * Nettskjema and Google Forms write them, imported into a demo workbook; the result read back by
 * our reader, checked at the XML level, and opened and recalculated by LibreOffice.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { isoToSerial } from '../../src/core/model/dates';
import { columnLetter } from '../../src/core/model/a1';
import { sheetDef } from '../../src/core/content/content';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { loadWorkbook } from '../../src/core/model/loadWorkbook';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { effectiveReportDate, figureValues, summarySections } from '../../src/core/summary/summaryFigures';
import { importCommand, type ImportOptions } from '../../src/cli/importCommand';
import { UserFacingError } from '../../src/cli/cliText';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { openXlsxFile } from '../../src/workbook/xlsx';
import { recalcToXlsx, requireLibreOffice } from '../support/libreoffice';
import { expectStrict } from '../support/strictCheck';
import { asExcelSaved } from '../support/excelSaved';
import { newWorkbookInput } from '../../src/core/plan/newWorkbookInput';

const dir = mkdtempSync(join(tmpdir(), 'samspill-import-'));
const TODAY = '2026-11-23';
const demo = demoWorkbook({ lang: 'nb', seed: 5, today: isoToSerial(TODAY) });
let template: Uint8Array;

beforeAll(async () => {
  template = await writePlanToBuffer(buildWorkbookPlan(demo.input));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function workbook(name: string): string {
  const file = join(dir, name);
  writeFileSync(file, template);
  return file;
}

async function runImport(
  file: string,
  csv: string,
  map: string[] = [],
  set: string[] = [],
  more: ImportOptions = {},
): Promise<{ code: number; out: string[]; error: string }> {
  const out: string[] = [];
  try {
    const code = await importCommand(file, csv, { map, set, today: TODAY, ...more }, (line) => out.push(line));
    return { code, out, error: '' };
  } catch (error) {
    if (error instanceof UserFacingError) return { code: error.exitCode, out, error: error.message };
    throw error;
  }
}

function csvFile(name: string, text: string, bom = false): string {
  const file = join(dir, name);
  writeFileSync(file, Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]));
  return file;
}

async function volunteers(file: string) {
  return (await loadWorkbook(await openXlsxFile(file))).data.registers.volunteers;
}

function sheetXml(file: string, sheetName: string): string {
  const files = unzipSync(readFileSync(file));
  const workbook = strFromU8(files['xl/workbook.xml']);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const rid = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="(rId\\d+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return strFromU8(files[`xl/${target}`]);
}

/** The <c> element of a cell. */
function cellXml(xml: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`).exec(xml);
  return m ? m[0] : '';
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const existing = demo.input.records.volunteers;
const csvQuote = (value: string) => `"${value.replace(/"/g, '""')}"`;

describe('Microsoft Forms export (comma, BOM, quoted line breaks)', () => {
  const header = [
    'ID',
    'Starttidspunkt',
    'Fullføringstidspunkt',
    'E-post',
    'Navn',
    'Fornavn',
    'Etternavn',
    'Mobilnummer',
    'E-postadresse',
    'Alder',
    'Hva vil du bidra med?',
    'Kommentar',
  ];
  const rows = [
    [
      '1',
      '11.3.2026 09:58:12',
      '11.3.2026 10:02:40',
      'anonymous',
      '',
      'Åse',
      'Ødegård',
      '912 34 567',
      'ase.odegard@example.no',
      '34',
      'Besøksvenn',
      'Kan bidra\nhver tirsdag, «gjerne» på sykehjemmet',
    ],
    [
      '2',
      '12.3.2026 14:00:01',
      '12.3.2026 14:03:55',
      'anonymous',
      '',
      '=HYPERLINK("http://evil.example","klikk")',
      'Hansen',
      '+47 41234567',
      'hansen@example.no',
      '71',
      'Handlehjelp',
      '@SUM(A1:A9)',
    ],
    ['3', '13.3.2026 08:00:00', '13.3.2026 08:01:00', 'anonymous', '', '', '', '99887766', 'uten.navn@example.no', '40', 'Besøksvenn', ''],
    [
      '4',
      '14.3.2026 19:30:00',
      '14.3.2026 19:33:10',
      'anonymous',
      '',
      'Bjørn',
      'Kvæstad',
      '45 11 22 33',
      'bjorn@example.no',
      '25',
      'Sang og musikk',
      '-ingen-',
    ],
  ];
  const text = [header, ...rows].map((r) => r.map(csvQuote).join(',')).join('\r\n') + '\r\n';

  it('imports the named rows, skips the nameless one, stores formula-looking text as text', async () => {
    const file = workbook('forms.xlsx');
    const before = await volunteers(file);
    const run = await runImport(file, csvFile('forms.csv', text, true));
    expect(run.error).toBe('');
    expect(run.code).toBe(0);
    const after = await volunteers(file);
    expect(after.rows.length).toBe(before.rows.length + 3);
    const added = after.rows.slice(before.rows.length);
    expect(added.map((r) => r.values.name)).toEqual(['Åse Ødegård', '=HYPERLINK("http://evil.example","klikk") Hansen', 'Bjørn Kvæstad']);
    const ids = added.map((r) => String(r.values.id));
    for (const id of ids) expect(id).toMatch(/^F[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(new Set(ids).size).toBe(3);
    expect(added[0].values.notes).toBe('Kan bidra\nhver tirsdag, «gjerne» på sykehjemmet');
    expect(added[0].values.ageGroup).toBe('30-54 år');
    expect(added[1].values.ageGroup).toBe('67-79 år');
    expect(added[0].values.start).toBe(isoToSerial('2026-03-11'));
    // A sign-up is "interested" until a coordinator makes the volunteer active: no compliance follow-ups yet.
    expect(added.map((r) => r.values.status)).toEqual(['Interessert', 'Interessert', 'Interessert']);
    expect(run.out.join('\n')).toMatch(/Rad 4: hoppet over, navn mangler/);
    expect(run.out.join('\n')).toMatch(/3 importert \(0 med noe å følge opp\), 1 hoppet over, av 4 rader/);
    expect(run.out[0]).toBe('Lest som CSV: UTF-8 med BOM, komma som skilletegn, linjeslutt CRLF (Windows).');

    // Formula-looking values: inline strings, never <f>, marked quotePrefix so an edit keeps them text.
    const xml = sheetXml(file, 'Frivillige');
    const row = added[1].rowNumber;
    const letterOf = (key: string) => columnLetter(sheetDef('volunteers').columns!.findIndex((c) => c.key === key) + 1);
    const notes = letterOf('notes');
    for (const ref of [`B${row}`, `C${row}`, `${notes}${row}`]) {
      const c = cellXml(xml, ref);
      expect(c).toContain('t="inlineStr"');
      expect(c).not.toContain('<f>');
      const style = Number(/ s="(\d+)"/.exec(c)![1]);
      const styles = strFromU8(unzipSync(readFileSync(file))['xl/styles.xml']);
      const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)![1].match(/<xf [^>]*?(\/>|>.*?<\/xf>)/gs)!;
      expect(xfs[style]).toContain('quotePrefix="1"');
    }
    expect(cellXml(xml, `${notes}${added[2].rowNumber}`)).toContain('<t xml:space="preserve">-ingen-</t>');
    // Dates keep the date style of the row above; the computed columns carry their formulas.
    const start = letterOf('start');
    expect(cellXml(xml, `${start}${row}`)).toMatch(/ s="\d+"/);
    expect(/ s="(\d+)"/.exec(cellXml(xml, `${start}${row}`))![1]).toBe(/ s="(\d+)"/.exec(cellXml(xml, `${start}${row - 2}`))![1]);
    expect(cellXml(xml, `${letterOf('policeCertificateRequired')}${row}`)).toContain('<f>');
    // The table grew with the rows, and a backup of the original was left beside it.
    const table = strFromU8(unzipSync(readFileSync(file))['xl/tables/table3.xml']);
    expect(table).toContain(`ref="A1:${letterOf('notes')}${added[2].rowNumber}"`);
    expect(readdirSync(dir).some((f) => f.startsWith('forms.samspill-backup-'))).toBe(true);
    expectStrict(file, template);
  });

  it('imports into an empty register, and into a copy Excel saved with its calculation chain, giving files that pass the strict check', async () => {
    const empty = join(dir, 'tom.xlsx');
    writeFileSync(empty, await writePlanToBuffer(buildWorkbookPlan(newWorkbookInput('nb', isoToSerial(TODAY)))));
    const emptyOriginal = readFileSync(empty);
    expect((await runImport(empty, csvFile('forms-empty.csv', text, true))).code).toBe(0);
    expectStrict(empty, emptyOriginal);
    // The first imported volunteer takes the new register's blank row.
    expect((await volunteers(empty)).rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    const saved = join(dir, 'lagret.xlsx');
    writeFileSync(saved, asExcelSaved(template));
    const savedOriginal = readFileSync(saved);
    expect((await runImport(saved, csvFile('forms-saved.csv', text, true))).code).toBe(0);
    expectStrict(saved, savedOriginal);
  });

  it('changes only the sheet, its table, the styles and workbook.xml; every other part is byte-identical', async () => {
    const file = workbook('forms-parts.xlsx');
    const original = unzipSync(readFileSync(file));
    await runImport(file, csvFile('forms2.csv', text, true));
    const after = unzipSync(readFileSync(file));
    const changed = Object.keys(original)
      .filter((name) => Buffer.compare(Buffer.from(original[name]), Buffer.from(after[name])) !== 0)
      .sort();
    // workbook.xml changes only when it did not already ask for recalculation on open.
    const recalcAlready = strFromU8(original['xl/workbook.xml']).includes('fullCalcOnLoad="1"');
    expect(changed).toEqual(['xl/styles.xml', 'xl/tables/table3.xml', ...(recalcAlready ? [] : ['xl/workbook.xml']), 'xl/worksheets/sheet5.xml']);
    expect(strFromU8(after['xl/workbook.xml'])).toContain('fullCalcOnLoad="1"');
    expect(Object.keys(after).sort()).toEqual(Object.keys(original).sort());
  });

  it('LibreOffice opens the result and counts exactly the imported volunteers more as active (--set status=Aktiv)', async () => {
    if (!requireLibreOffice()) return;
    const file = workbook('forms-lo.xlsx');
    const data = (await loadWorkbook(await openXlsxFile(file))).data;
    const activeBefore = figureValues(summarySections(data, effectiveReportDate(data, isoToSerial(TODAY)))).get('kpi_active_volunteers') as number;
    const run = await runImport(file, csvFile('forms3.csv', text, true), [], ['status=Aktiv']);
    const imported = Number(/(\d+) importert/.exec(run.out.join('\n'))![1]);
    expect(imported).toBe(3);
    const recalculated = await openXlsxFile(await recalcToXlsx(file));
    const name = (await recalculated.definedNames()).find((n) => n.name === 'kpi_active_volunteers')!;
    const m = /^'?(.+?)'?!\$([A-Z]+)\$(\d+)$/.exec(name.refersTo)!;
    const grid = await recalculated.readSheet(m[1]);
    const col = m[2].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    expect(grid.rows[Number(m[3]) - 1]![col - 1]).toBe(activeBefore + imported);
  }, 120_000);
});

describe('Nettskjema export (semicolon, no BOM)', () => {
  it('skips duplicates and a bad phone with the reason; keeps answers that fit no column in the notes, as follow-ups', async () => {
    const known = existing.find((v) => typeof v.phone === 'string' && /^\d{8}$/.test(v.phone))!;
    const header = 'Innsendt;Navn;Telefon;E-post;Aldersgruppe;Aktivitet;Startdato';
    const lines = [
      `2026-03-01 12:00:00;Kari Nordmann;48 00 11 22;kari@example.no;55-66 år;Besøksvenn;`,
      `2026-03-01 12:05:00;${known.name};${known.phone};;Under 30 år;Handlehjelp;`,
      `2026-03-02 09:00:00;kari  nordmann;+47 48001122;annen@example.no;55-66 år;Besøksvenn;`,
      `2026-03-02 10:00:00;Ola Æsop;41 00 00 01;ola@example.no;30-54 år;Besøksvenn;31.02.2026`,
      `2026-03-02 11:00:00;Per Ås;41 00 00 02;per@example.no;100 år;Besøksvenn;`,
      `2026-03-02 12:00:00;Rolf Feilnummer;4100;rolf@example.no;30-54 år;Besøksvenn;`,
    ];
    const file = workbook('nettskjema.xlsx');
    const before = await volunteers(file);
    const run = await runImport(file, csvFile('nettskjema.csv', [header, ...lines].join('\n')));
    expect(run.code).toBe(0);
    const added = (await volunteers(file)).rows.slice(before.rows.length);
    expect(added.map((r) => r.values.name)).toEqual(['Kari Nordmann', 'Ola Æsop', 'Per Ås']);
    // The impossible start date: the start is the day the form was sent, the answer kept in the notes.
    expect(added[1].values.start).toBe(isoToSerial('2026-03-02'));
    expect(added[1].values.notes).toBe('Startdato: 31.02.2026');
    expect(added[2].values.ageGroup).toBeNull();
    expect(added[2].values.notes).toBe('Aldersgruppe: 100 år');
    const report = run.out.join('\n');
    expect(report).toContain(`Rad 3: hoppet over, finnes allerede som ${known.id}`);
    expect(report).toContain('Rad 4: hoppet over, samme person som rad 2 i filen.');
    expect(report).toMatch(
      /Rad 5: importert som F\w+ \(Ola Æsop\)[^\n]*\n\s+å følge opp: svaret «31\.02\.2026» på «Startdato» passer ikke i kolonnen Start; det er lagt i Merknader\./,
    );
    expect(report).toMatch(/Rad 6: importert[^\n]*\n\s+å følge opp: svaret «100 år» på «Aldersgruppe» passer ikke/);
    expect(report).toMatch(/Rad 7: hoppet over:\n.*\[volunteers\.phone\.invalid\]/);
    expect(report).toMatch(/3 importert \(2 med noe å følge opp\), 3 hoppet over, av 6 rader/);
    expectStrict(file, template);
  });
});

describe('Google Forms export (comma, no BOM, multiple choice)', () => {
  it('matches question-style headers and keeps the first known choice', async () => {
    const text = [
      'Tidsstempel,Fullt navn,E-postadresse,Telefonnummer,Hvor gammel er du?,"Hva vil du bidra med? (velg en eller flere)",Fødselsdato',
      '"2026/03/04 8:15:02 PM GMT+1",Siri Lund,siri@example.no,93 00 00 03,19,"Trim og turgrupper, Sang og musikk",01.02.2007',
    ].join('\n');
    const file = workbook('google.xlsx');
    const before = await volunteers(file);
    const run = await runImport(file, csvFile('google.csv', text));
    expect(run.code).toBe(0);
    const added = (await volunteers(file)).rows.slice(before.rows.length);
    expect(added).toHaveLength(1);
    expect(added[0].values).toMatchObject({ name: 'Siri Lund', activity: 'Trim og turgrupper', ageGroup: 'Under 30 år', phone: '93 00 00 03' });
    const report = run.out.join('\n');
    expect(report).toContain('Bevisst utelatt');
    expect(report).toContain('Fødselsdato');
    expect(report).toContain('Sang og musikk');
    // The birth date was never written anywhere in the sheet.
    expect(sheetXml(file, 'Frivillige')).not.toContain('01.02.2007');
  });

  it('--map names a column the headers alone do not give', async () => {
    const text = 'Hvem er du,Tlf,Interesse\nTone Berg,93000004,Besøksvenn\n';
    const file = workbook('mapped.xlsx');
    const before = await volunteers(file);
    const run = await runImport(file, csvFile('mapped.csv', text), ['Hvem er du=name', 'Interesse=Aktivitet']);
    expect(run.code).toBe(0);
    const added = (await volunteers(file)).rows.slice(before.rows.length);
    expect(added.map((r) => [r.values.name, r.values.activity, r.values.phone])).toEqual([['Tone Berg', 'Besøksvenn', '93000004']]);
    const unknown = await runImport(file, csvFile('mapped2.csv', text), ['Hvem er du=shoeSize']);
    expect(unknown.code).toBe(2);
    expect(unknown.error).toContain('shoeSize');
  });
});

describe('files that cannot be imported', () => {
  it('an unparseable CSV gives exit 2 and leaves the workbook byte-identical', async () => {
    const file = workbook('broken.xlsx');
    const before = digest(file);
    const run = await runImport(file, csvFile('broken.csv', 'Navn,Telefon\n"Kari Nordmann,48001122\nOla,41000001\n'));
    expect(run.code).toBe(2);
    expect(run.error).toMatch(/kan ikke leses som CSV/);
    expect(digest(file)).toBe(before);
    expect(readdirSync(dir).some((f) => f.startsWith('broken.samspill-backup-'))).toBe(false);
  });

  it('a CSV without a name column gives exit 2 and says how to name it', async () => {
    const file = workbook('noname.xlsx');
    const before = digest(file);
    const run = await runImport(file, csvFile('noname.csv', 'Farge;Tall\nblå;3\n'));
    expect(run.code).toBe(2);
    expect(run.error).toContain('--map');
    expect(digest(file)).toBe(before);
  });
});

describe('CSV in every dialect Excel reads', () => {
  const rows = [
    ['Navn', 'Mobilnummer', 'Kommentar'],
    ['Åse «Kua» Ødegård', '912 34 567', 'Sa "ja" på telefonen'],
    ['Bjørn Kvæstad', '41 22 33 44', 'Liker «sang»'],
  ];
  const plain = (sep: string, end: string) => rows.map((r) => r.join(sep)).join(end) + end;
  const cp1252 = (text: string) =>
    Buffer.from([...text].map((ch) => ({ Å: 0xc5, å: 0xe5, Ø: 0xd8, ø: 0xf8, Æ: 0xc6, æ: 0xe6, '«': 0xab, '»': 0xbb })[ch] ?? ch.charCodeAt(0)));
  const variants: [string, Buffer, string][] = [
    [
      'UTF-16 LE with BOM and tabs (Excel "Unicode text")',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(plain('\t', '\r\n'), 'utf16le')]),
      'UTF-16 LE (Excels «Unicode-tekst»), tabulator som skilletegn, linjeslutt CRLF (Windows)',
    ],
    ['Windows-1252 with semicolons', cp1252(plain(';', '\r\n')), 'Windows-1252 (eldre Excel), semikolon som skilletegn, linjeslutt CRLF (Windows)'],
    ['UTF-8 with CR line ends only', Buffer.from(plain(',', '\r')), 'UTF-8, komma som skilletegn, linjeslutt CR (gammel Mac)'],
    [
      'UTF-8 with a sep= line',
      Buffer.from(`sep=;\n${plain(';', '\n')}`),
      'UTF-8, semikolon som skilletegn, linjeslutt LF. Første linje («sep=») oppga skilletegnet',
    ],
  ];

  it.each(variants)('%s: the same two volunteers, quotes inside unquoted fields kept, the dialect reported', async (name, bytes, dialect) => {
    const file = workbook(`dialect-${name.length}.xlsx`);
    const before = await volunteers(file);
    const source = join(dir, `dialect-${name.length}.csv`);
    writeFileSync(source, bytes);
    const run = await runImport(file, source);
    expect(run.error).toBe('');
    expect(run.out[0]).toContain(dialect);
    const added = (await volunteers(file)).rows.slice(before.rows.length);
    expect(added.map((r) => [r.values.name, r.values.phone, r.values.notes])).toEqual([
      ['Åse «Kua» Ødegård', '912 34 567', 'Sa "ja" på telefonen'],
      ['Bjørn Kvæstad', '41 22 33 44', 'Liker «sang»'],
    ]);
    expectStrict(file, template);
  });

  it('a quoted field followed by text is read as Excel reads it', async () => {
    const file = workbook('dialect-quoted.xlsx');
    const before = await volunteers(file);
    const run = await runImport(file, csvFile('quoted.csv', 'Navn,Mobilnummer\n"Kari ""K"" Hansen",41000001\n"Ola" Nordmann,41000002\n'));
    expect(run.error).toBe('');
    expect((await volunteers(file)).rows.slice(before.rows.length).map((r) => r.values.name)).toEqual(['Kari "K" Hansen', 'Ola Nordmann']);
  });
});

/** An .xlsx export made the way the form services lay theirs out: a header row of questions, answers below. */
async function xlsxExport(name: string, sheets: { name: string; rows: (string | number | Date | null)[][] }[]): Promise<string> {
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'dd.mm.yyyy hh:mm:ss';
      }),
    );
  }
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
  return file;
}

describe('Excel exports', () => {
  it('Microsoft Forms "Open in Excel": first sheet, completion time as a date cell, follow-ups for what the form did not ask', async () => {
    const at = (iso: string) => new Date(`${iso}Z`);
    const source = await xlsxExport('forms-export.xlsx', [
      {
        name: 'Form1',
        rows: [
          [
            'ID',
            'Starttidspunkt',
            'Fullføringstidspunkt',
            'E-post',
            'Navn',
            'Tidspunkt for siste endring',
            'Fullt navn',
            'Mobilnummer',
            'Hvor gammel er du?',
            'Kommentar',
          ],
          [1, at('2026-03-11T09:58:12'), at('2026-03-11T10:02:40'), 'anonymous', null, null, 'Åse Ødegård', '912 34 567', 34, 'Tirsdager passer'],
          [2, at('2026-03-12T14:00:01'), at('2026-03-12T14:03:55'), 'anonymous', null, null, 'Hans Hansen', 4741234567, 71, null],
        ],
      },
    ]);
    const file = workbook('forms-xlsx.xlsx');
    const before = await volunteers(file);
    const run = await runImport(file, source);
    expect(run.error).toBe('');
    expect(run.out[0]).toBe('Lest fra arket «Form1» i Excel-eksporten (1 ark).');
    const added = (await volunteers(file)).rows.slice(before.rows.length);
    expect(added.map((r) => [r.values.name, r.values.phone, r.values.ageGroup, r.values.start, r.values.status])).toEqual([
      ['Åse Ødegård', '912 34 567', '30-54 år', isoToSerial('2026-03-11'), 'Interessert'],
      ['Hans Hansen', '+4741234567', '67-79 år', isoToSerial('2026-03-12'), 'Interessert'],
    ]);
    // The form does not ask which activity: imported, and the missing piece reported for each row.
    expect(added.every((r) => r.values.activity === null)).toBe(true);
    expect(run.out.filter((l) => l.includes('[volunteers.activity.required]'))).toHaveLength(2);
    expect(run.out.join('\n')).toMatch(/2 importert \(2 med noe å følge opp\), 0 hoppet over, av 2 rader/);
    expectStrict(file, template);
  });

  it("Nettskjema's Excel download: its $ columns, codebook headers and --sheet", async () => {
    const source = await xlsxExport('nettskjema-export.xlsx', [
      {
        name: 'Kodebok',
        rows: [
          ['Variabel', 'Spørsmål'],
          ['navn', 'Ditt navn'],
        ],
      },
      {
        name: 'Svar',
        rows: [
          ['$submission_id', '$created', '$answer_time_ms', 'Navn', 'Telefon', 'Epost', 'Hva vil du bidra med?'],
          [31_400_001, '2026-04-02 08:15:00', 81234, 'Siri Lund', '93 00 00 03', 'siri@example.no', 'Handlehjelp'],
        ],
      },
    ]);
    const file = workbook('nettskjema-xlsx.xlsx');
    const before = await volunteers(file);
    const first = await runImport(file, source);
    expect(first.code).toBe(2);
    expect(first.error).toContain('Ingen kolonne i');
    const run = await runImport(file, source, [], [], { sheet: 'svar' });
    expect(run.error).toBe('');
    expect(run.out.join('\n')).toContain('Ikke brukt: $submission_id, $answer_time_ms');
    const added = (await volunteers(file)).rows.slice(before.rows.length);
    expect(added.map((r) => [r.values.name, r.values.activity, r.values.start])).toEqual([['Siri Lund', 'Handlehjelp', isoToSerial('2026-04-02')]]);
    const missing = await runImport(file, source, [], [], { sheet: 'Data' });
    expect(missing.code).toBe(2);
    expect(missing.error).toContain('ikke noe ark som heter «Data» (arkene er: Kodebok, Svar)');
  });
});

describe('defaults, --set and --dry-run', () => {
  const text = 'Navn;Mobilnummer;E-post\nTone Berg;93000004;tone@example.no\nTor Berg;93000005;tor@example.no\n';

  it("--set fills what the form does not ask, checked against the workbook's lists", async () => {
    const file = workbook('set.xlsx');
    const before = await volunteers(file);
    const run = await runImport(file, csvFile('set.csv', text), [], ['activity=besøksvenn', 'unit=' + demo.input.settings.lists.units[0], 'start=2026-05-01']);
    expect(run.error).toBe('');
    expect(run.out.join('\n')).toContain(
      `Verdier for det skjemaet ikke spør om: Aktivitet = Besøksvenn; Enhet = ${demo.input.settings.lists.units[0]}; Start = 2026-05-01; Status = Interessert;`,
    );
    const added = (await volunteers(file)).rows.slice(before.rows.length);
    expect(added.map((r) => [r.values.activity, r.values.start, r.values.status])).toEqual([
      ['Besøksvenn', isoToSerial('2026-05-01'), 'Interessert'],
      ['Besøksvenn', isoToSerial('2026-05-01'), 'Interessert'],
    ]);
    expect(run.out.join('\n')).toMatch(/2 importert \(0 med noe å følge opp\)/);
    const wrong = await runImport(file, csvFile('set2.csv', text), [], ['activity=Dykking']);
    expect(wrong.code).toBe(2);
    expect(wrong.error).toMatch(/«Dykking» står ikke i listen for activity\. Velg en av: .*Besøksvenn/);
    const notSettable = await runImport(file, csvFile('set3.csv', text), [], ['name=Ola']);
    expect(notSettable.error).toMatch(/name kommer fra skjemaet/);
  });

  it('--dry-run prints what would be imported, skipped and followed up, and writes nothing', async () => {
    const file = workbook('dry.xlsx');
    const before = digest(file);
    const run = await runImport(file, csvFile('dry.csv', `${text}Tom Feil;12;x@example.no\n`), [], [], { dryRun: true });
    expect(run.code).toBe(0);
    expect(run.out.at(-1)).toBe(
      'Prøvekjøring: 2 ville blitt importert (2 med noe å følge opp), 1 hoppet over, av 3 rader i ' +
        join(dir, 'dry.csv') +
        '. Ingenting er skrevet; ' +
        file +
        ' er uendret.',
    );
    expect(digest(file)).toBe(before);
    expect(readdirSync(dir).some((f) => f.startsWith('dry.samspill-'))).toBe(false);
  });
});

/**
 * CSV as Excel reads it: each dialect a sign-up export comes in, quotes inside unquoted fields,
 * every line end, the encodings, and the limits that refuse a file no form could have written.
 */
import fc from 'fast-check';
import { CsvRecordReader } from '../../../../src/core/import/csvRecords';
import { bytesSource, csvTable, exportKind, readCsv } from '../../../../src/core/import/exportTable';
import { ExportReadError } from '../../../../src/core/import/exportReadError';

const records = (text: string) => {
  const reader = new CsvRecordReader();
  reader.push(text);
  return reader.end();
};

const utf16le = (text: string, bom = true) => new Uint8Array(Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]));

describe('CsvRecordReader', () => {
  it('keeps quotes inside an unquoted field as text, as Excel does', () => {
    expect(records('Navn,Kommentar\nKari "Kua" Hansen,sier "hei"\n')).toEqual([
      ['Navn', 'Kommentar'],
      ['Kari "Kua" Hansen', 'sier "hei"'],
    ]);
  });

  it('reads quoted fields with doubled quotes, separators and line breaks, and text after the closing quote', () => {
    expect(records('a;b\n"x;""y""\nz";"ab"cd\n')).toEqual([
      ['a', 'b'],
      ['x;"y"\nz', 'abcd'],
    ]);
  });

  it.each([
    ['\r\n', 'CRLF'],
    ['\n', 'LF'],
    ['\r', 'CR'],
  ])('ends records at %j (%s) and reports it', (end) => {
    const reader = new CsvRecordReader();
    reader.push(['Navn;Tlf', 'Kari;1', '', 'Ola;2'].join(end));
    expect(reader.end()).toEqual([
      ['Navn', 'Tlf'],
      ['Kari', '1'],
      ['Ola', '2'],
    ]);
    expect(reader.dialect.lineEnd).toBe(end);
  });

  it.each([
    ['Navn,Tlf,Epost', ','],
    ['Navn;Tlf;Epost', ';'],
    ['Navn\tTlf\tEpost', '\t'],
    ['"Navn, fullt";Tlf;Epost', ';'],
  ])('finds the separator of %j', (header, delimiter) => {
    const reader = new CsvRecordReader();
    reader.push(`${header}\n`);
    reader.end();
    expect(reader.dialect.delimiter).toBe(delimiter);
  });

  it("honours Excel's sep= line and does not take it for data", () => {
    const reader = new CsvRecordReader();
    reader.push('sep=,\r\nNavn;fullt,Tlf\r\nKari;K,1\r\n');
    expect(reader.end()).toEqual([
      ['Navn;fullt', 'Tlf'],
      ['Kari;K', '1'],
    ]);
    expect(reader.dialect).toMatchObject({ delimiter: ',', sepLine: true });
  });

  it('gives the same records however the text is split into pieces', () => {
    const text = 'Navn;"Kommentar"\r\n"Kari ""K"" H";"linje 1\r\nlinje 2"\r\nOla "O";x\rPer;"a""b"c\n\nSiv;\n';
    const whole = records(text);
    fc.assert(
      fc.property(fc.array(fc.nat(text.length), { maxLength: 8 }), (cuts) => {
        const at = [...new Set(cuts)].sort((a, b) => a - b);
        const reader = new CsvRecordReader();
        let from = 0;
        for (const cut of [...at, text.length]) {
          reader.push(text.slice(from, cut));
          from = cut;
        }
        expect(reader.end()).toEqual(whole);
      }),
    );
  });

  it('refuses a quote that never closes, naming the line it opened on', () => {
    expect(() => records('Navn,Tlf\nOla,1\n"Kari,2\nPer,3\n')).toThrow(expect.objectContaining({ code: 'unterminatedQuote', values: { line: 3 } }));
  });

  it('refuses a record longer than the limit as soon as it is passed, without a line end', () => {
    const reader = new CsvRecordReader({ maxBytes: Infinity, maxRecordChars: 1000, maxColumns: 100, maxRecords: 100 });
    reader.push('Navn;Tlf\n');
    expect(() => {
      for (let i = 0; i < 100; i++) reader.push('a'.repeat(100));
    }).toThrow(ExportReadError);
    const header = new CsvRecordReader({ maxBytes: Infinity, maxRecordChars: 1000, maxColumns: 100, maxRecords: 100 });
    expect(() => header.push('x'.repeat(1001))).toThrow(expect.objectContaining({ code: 'recordTooLong', values: { line: 1, limit: 1000 } }));
  });

  it('refuses more columns than Excel has', () => {
    expect(() => records(`${'a;'.repeat(16_384)}a\n`)).toThrow(expect.objectContaining({ code: 'tooManyColumns' }));
  });
});

describe('readCsv: the encodings Excel saves', () => {
  const table = async (bytes: Uint8Array) => {
    const { records: r, dialect } = await readCsv(bytesSource(bytes, 7));
    return { table: csvTable(r, dialect), dialect };
  };

  it('UTF-16 LE with a byte order mark and tabs ("Unicode text")', async () => {
    const { table: t, dialect } = await table(utf16le('Navn\tMobilnummer\r\nÅse Ødegård\t91234567\r\n'));
    expect(t.rows).toEqual([['Åse Ødegård', '91234567']]);
    expect(dialect).toMatchObject({ encoding: 'utf-16le', bom: true, delimiter: '\t', lineEnd: '\r\n' });
  });

  it('UTF-16 LE without a mark, by its zero bytes', async () => {
    const { dialect } = await table(utf16le('Navn\tTlf\nKari\t1\n', false));
    expect(dialect.encoding).toBe('utf-16le');
  });

  it('UTF-8 with and without BOM', async () => {
    const text = 'Navn;Tlf\nBjørn Kvæstad;1\n';
    const withBom = await table(new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])));
    const without = await table(new Uint8Array(Buffer.from(text)));
    expect(withBom.table.rows).toEqual([['Bjørn Kvæstad', '1']]);
    expect(without.table.rows).toEqual(withBom.table.rows);
    expect([withBom.dialect.bom, without.dialect.bom]).toEqual([true, false]);
  });

  it('Windows-1252 when the bytes are not UTF-8, even far into the file', async () => {
    const ascii = `Navn;Tlf\n${'Ola Nordmann;1\n'.repeat(500)}`;
    const bytes = new Uint8Array([...Buffer.from(ascii), ...[0xc5, 0x73, 0x65, 0x20, 0xd8, 0x64, 0x65, 0x67, 0xe5, 0x72, 0x64], ...Buffer.from(';2\n')]);
    const { table: t, dialect } = await table(bytes);
    expect(t.rows.at(-1)).toEqual(['Åse Ødegård', '2']);
    expect(dialect.encoding).toBe('windows-1252');
  });

  it('refuses a file larger than the limit while it streams', async () => {
    const big = new Uint8Array(2048).fill(0x61);
    await expect(readCsv(bytesSource(big, 100), { maxBytes: 1000, maxRecordChars: 1 << 20, maxColumns: 10, maxRecords: 10 })).rejects.toMatchObject({
      code: 'tooLarge',
    });
  });

  it('tells an .xlsx, an old binary file and text apart by their first bytes', () => {
    expect(exportKind(new Uint8Array([0x50, 0x4b, 3, 4, 0]))).toBe('xlsx');
    expect(exportKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toBe('binary');
    expect(exportKind(new Uint8Array(Buffer.from('Navn;Tlf\nNora\u0000 Nul;1\n')))).toBe('text');
    expect(exportKind(utf16le('Navn\tTlf\n'))).toBe('text');
  });
});

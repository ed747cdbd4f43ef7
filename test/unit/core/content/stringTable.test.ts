/**
 * The one way a sentence is looked up: keys checked by the compiler, one argument order, and a
 * sentence put inside another said in that sentence's language, never in two at once.
 */
import { sayBoth, stringTable } from '../../../../src/core/content/stringTable';

const table = stringTable({
  'file.missing': { nb: 'Fant ikke {file} ({reason}).', nn: 'Fann ikkje {file} ({reason}).', en: 'Could not find {file} ({reason}).' },
  'reason.deleted': { nb: 'den er slettet', nn: 'ho er sletta', en: 'it was deleted' },
  'app.name': { nb: 'Samspill', nn: 'Samspill', en: 'Samspill' },
});

test('text says a sentence in one language, filling its placeholders; an unknown one stays visible', () => {
  expect(table.text('file.missing', 'nn', { file: 'a.xlsx', reason: 404 })).toBe('Fann ikkje a.xlsx (404).');
  expect(table.text('file.missing', 'en', { file: 'a.xlsx' })).toBe('Could not find a.xlsx ({reason}).');
});

test('both says it in bokmål and English, as the command line prints messages', () => {
  expect(table.both('file.missing', { file: 'a.xlsx', reason: 'ENOENT' })).toBe('Fant ikke a.xlsx (ENOENT). / Could not find a.xlsx (ENOENT).');
});

test("a phrase inside a sentence is said in that sentence's language, so no language is doubled", () => {
  const reason = table.phrase('reason.deleted');
  expect(table.text('file.missing', 'nn', { file: 'a.xlsx', reason })).toBe('Fann ikkje a.xlsx (ho er sletta).');
  expect(table.both('file.missing', { file: 'a.xlsx', reason })).toBe('Fant ikke a.xlsx (den er slettet). / Could not find a.xlsx (it was deleted).');
  const nested = table.phrase('file.missing', { file: 'b.xlsx', reason });
  expect(table.text('file.missing', 'en', { file: 'a.xlsx', reason: nested })).toBe('Could not find a.xlsx (Could not find b.xlsx (it was deleted).).');
});

test('a phrase keeps its key and values for whoever needs them', () => {
  expect(table.phrase('file.missing', { file: 'a.xlsx' })).toMatchObject({ key: 'file.missing', values: { file: 'a.xlsx' } });
});

test('sayBoth says once what reads the same in both languages', () => {
  expect(sayBoth(table.phrase('app.name'))).toBe('Samspill');
  expect(sayBoth({ say: () => 'zip64 packages are not rewritten' })).toBe('zip64 packages are not rewritten');
  expect(sayBoth(table.phrase('reason.deleted'))).toBe('den er slettet / it was deleted');
});

test('a key the file does not have is a compile error (and fails loudly if forced)', () => {
  // @ts-expect-error: not a key of the table
  expect(() => table.text('file.gone', 'nb')).toThrow(TypeError);
});

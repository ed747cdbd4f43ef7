/** The template model in templates/sheets.json: what Excel will accept, in every language. */
import { content, sheetDef, valueList } from '../../../../src/core/content/content';
import { sheetsFileSchema } from '../../../../src/core/content/templateSchema';
import { LANGUAGES } from '../../../../src/core/content/language';
import { REGISTER_KEYS, SHEET_KEYS } from '../../../../src/core/content/templateSchema';
import sheetsJson from '../../../../templates/sheets.json';

describe('the template model', () => {
  it('defines every sheet key once', () => {
    expect(
      content()
        .sheets.sheets.map((s) => s.key)
        .sort(),
    ).toEqual([...SHEET_KEYS].sort());
  });

  it.each(LANGUAGES)('gives sheet names Excel accepts in %s: at most 31 characters, none of []:*?/\\, unique', (lang) => {
    const names = SHEET_KEYS.map((k) => sheetDef(k).name[lang]);
    for (const name of names) expect(name).toMatch(/^[^[\]:*?/\\]{1,31}$/);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it.each(LANGUAGES)('gives every register a valid, unique table name and unique column headers in %s', (lang) => {
    const tables = REGISTER_KEYS.map((k) => sheetDef(k).table![lang]);
    for (const t of tables) expect(t).toMatch(/^[A-Za-zÆØÅæøå_][A-Za-z0-9ÆØÅæøå_.]{0,254}$/);
    expect(new Set(tables).size).toBe(tables.length);
    for (const key of REGISTER_KEYS) {
      const headers = sheetDef(key).columns!.map((c) => c.label[lang].toLowerCase());
      expect([key, new Set(headers).size]).toEqual([key, headers.length]);
    }
  });

  it('has help text for every column and a list for every list column', () => {
    for (const key of REGISTER_KEYS)
      for (const column of sheetDef(key).columns!) {
        for (const lang of LANGUAGES) expect(column.help[lang].length).toBeGreaterThan(3);
        if (column.type === 'list' || column.type === 'yesno') {
          expect([key, column.key, column.list !== undefined]).toEqual([key, column.key, true]);
          if (column.list !== 'partners') expect(() => valueList(column.list!)).not.toThrow();
        }
      }
  });

  it('marks the personal columns of the volunteer register, which the public copy leaves out', () => {
    const personal = sheetDef('volunteers')
      .columns!.filter((c) => c.personal)
      .map((c) => c.key);
    expect(personal).toEqual(expect.arrayContaining(['name', 'phone', 'email']));
    expect(personal).not.toContain('ageGroup');
  });

  it('rejects a column without an English label, naming where', () => {
    const broken = JSON.parse(JSON.stringify(sheetsJson));
    delete broken.sheets[4].columns[1].label.en;
    const result = sheetsFileSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error!.issues[0].path)).toBe(JSON.stringify(['sheets', 4, 'columns', 1, 'label', 'en']));
  });
});

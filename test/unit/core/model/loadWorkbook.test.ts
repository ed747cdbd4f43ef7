/**
 * Finding the templates in a workbook people have changed: renamed sheets, moved and extra
 * columns, a title above the header, blank rows, a lost metadata sheet. The reader here is an
 * in-memory implementation of our own port, holding grids as a file reader would return them.
 */
import { sheetDef } from '../../../../src/core/content/content';
import { loadWorkbook } from '../../../../src/core/model/loadWorkbook';
import { META_SHEET_NAME, metaEntries } from '../../../../src/core/model/metaSheet';
import type { CellValue, SheetGrid, SheetInfo, WorkbookReader } from '../../../../src/core/port';

class GridReader implements WorkbookReader {
  constructor(private readonly grids: SheetGrid[]) {}
  async listSheets(): Promise<SheetInfo[]> {
    return this.grids.map(({ name, visibility }) => ({ name, visibility }));
  }
  async readSheet(name: string): Promise<SheetGrid> {
    return this.grids.find((g) => g.name === name)!;
  }
  async definedNames() {
    return [];
  }
}

const sheet = (name: string, rows: CellValue[][], visibility: SheetInfo['visibility'] = 'visible'): SheetGrid => ({ name, visibility, rows });

function volunteerHeader(lang: 'nb' | 'nn' | 'en', order: string[]): string[] {
  return order.map((key) => sheetDef('volunteers').columns!.find((c) => c.key === key)?.label[lang] ?? key);
}

describe('loadWorkbook', () => {
  it('finds a renamed register through the metadata sheet, with columns moved and the user’s own column added', async () => {
    const header = volunteerHeader('nb', ['status', 'Min egen kolonne', 'name', 'id', 'start', 'affiliation', 'activity']);
    const meta = metaEntries({
      schemaVersion: 1,
      lang: 'nb',
      generator: 'test',
      sheets: { volunteers: 'Våre frivillige' },
      tables: { volunteers: 'Frivillige' },
    });
    const loaded = await loadWorkbook(
      new GridReader([
        sheet('Våre frivillige', [
          header,
          ['Aktiv', 'x', 'Kari Nordmann', 'F1', 46000, 'Uformell hjelper', 'Besøksvenn'],
          [],
          ['Avsluttet', null, 'Per Hansen', 'F2', 45000, null, null],
        ]),
        sheet(META_SHEET_NAME, [['note'], ...meta.map(([k, v]) => [k, v])], 'veryHidden'),
      ]),
    );
    const volunteers = loaded.data.registers.volunteers;
    expect(loaded.sheetNames.volunteers).toBe('Våre frivillige');
    expect(volunteers.columns.get('name')).toBe(3);
    expect(volunteers.columns.get('id')).toBe(4);
    expect(volunteers.rows.map((r) => [r.rowNumber, r.values.id, r.values.name])).toEqual([
      [2, 'F1', 'Kari Nordmann'],
      [4, 'F2', 'Per Hansen'],
    ]);
    expect(volunteers.missingColumns.map((c) => c.key)).toContain('phone');
    expect(loaded.missingSheets).toContain('hours');
  });

  it('finds a register by its headers when the metadata is gone and the sheet renamed, below a title row', async () => {
    const header = volunteerHeader('en', ['id', 'name', 'affiliation', 'activity', 'start', 'status']);
    const loaded = await loadWorkbook(
      new GridReader([sheet('Diverse', [['Noe annet']]), sheet('People 2026', [['Our volunteers'], [], header, ['V1', 'Ann', null, null, 46000, 'Active']])]),
    );
    expect(loaded.meta).toBeNull();
    expect(loaded.sheetNames.volunteers).toBe('People 2026');
    expect(loaded.data.registers.volunteers.headerRow).toBe(3);
    expect(loaded.data.registers.volunteers.rows).toHaveLength(1);
  });

  it('recognises headers typed in another of the three languages', async () => {
    const header = volunteerHeader('nn', ['id', 'name', 'affiliation', 'activity', 'start', 'status']);
    const loaded = await loadWorkbook(new GridReader([sheet('Frivillige', [header, ['F1', 'Ola', null, null, 46000, 'Aktiv']])]));
    expect(loaded.data.registers.volunteers.rows[0].values.name).toBe('Ola');
  });

  it('does not take an unrelated sheet for a register', async () => {
    const loaded = await loadWorkbook(
      new GridReader([
        sheet('Budsjett', [
          ['Post', 'Beløp', 'Status'],
          ['Lønn', 100, 'Aktiv'],
        ]),
      ]),
    );
    expect(loaded.sheetNames.volunteers).toBeUndefined();
    expect(loaded.data.registers.volunteers.rows).toEqual([]);
    expect(loaded.missingSheets).toEqual(expect.arrayContaining(['volunteers', 'hours', 'settings', '_meta']));
  });
});

/**
 * The declared schema migrations and the steps an older workbook needs: what is added, what is
 * skipped because it is already there, and which versions have no way up.
 */
import { SCHEMA_VERSION, sheetDef } from '../../../../src/core/content/content';
import { columnToAppend, migrationPath, SCHEMA_MIGRATIONS, upgradeSteps, type SchemaMigration } from '../../../../src/core/model/schemaMigrations';
import { REGISTER_KEYS, SHEET_KEYS, type SheetKey } from '../../../../src/core/content/templateSchema';

const V1_PRESENT = SHEET_KEYS.filter((k) => k !== 'actions');
const V1_CHECKLIST = (sheetDef('checklist').columns ?? []).map((c) => c.key).filter((k) => k !== 'participants');
const ctx = { lang: 'nb' as const, settingsSheet: 'Innstillinger', partnersTable: 'Partnere', partnerNameHeader: 'Organisasjon' };

describe('the declared migrations', () => {
  test('lead from version 1 to the current version, one step at a time', () => {
    const path = migrationPath(1, SCHEMA_VERSION());
    expect(path).not.toBeNull();
    expect(path!.at(-1)!.to).toBe(SCHEMA_VERSION());
    path!.forEach((m, i) => expect(m.from).toBe(i === 0 ? 1 : path![i - 1].to));
  });

  test('name only sheets and register columns the current templates have', () => {
    for (const m of SCHEMA_MIGRATIONS) {
      for (const key of m.addSheets) expect(SHEET_KEYS).toContain(key);
      for (const a of m.addColumns) {
        expect(REGISTER_KEYS).toContain(a.register);
        expect((sheetDef(a.register).columns ?? []).map((c) => c.key)).toContain(a.column);
      }
    }
  });

  test('a version with no declared way up, or a downgrade, has no path', () => {
    expect(migrationPath(0, 2)).toBeNull();
    expect(migrationPath(1, 1)).toEqual([]);
    expect(upgradeSteps({ version: 3, present: V1_PRESENT, columns: {} }, 2)).toBeNull();
    expect(upgradeSteps({ version: 2, present: V1_PRESENT, columns: {} }, 2)).toBeNull();
  });

  test('chains several migrations, adding each thing once', () => {
    const chain: SchemaMigration[] = [
      { from: 1, to: 2, addSheets: ['actions'], addColumns: [{ register: 'checklist', column: 'participants' }] },
      {
        from: 2,
        to: 3,
        addSheets: ['actions', 'summary'],
        addColumns: [
          { register: 'hours', column: 'notes' },
          { register: 'checklist', column: 'participants' },
        ],
      },
    ];
    const steps = upgradeSteps({ version: 1, present: ['settings', 'checklist', 'hours'], columns: { checklist: ['round'], hours: ['date'] } }, 3, chain);
    expect(steps).toEqual({
      from: 1,
      to: 3,
      addSheets: ['actions', 'summary'],
      addColumns: [
        { register: 'checklist', column: 'participants' },
        { register: 'hours', column: 'notes' },
      ],
    });
    expect(upgradeSteps({ version: 2, present: ['hours'], columns: { hours: ['date'] } }, 3, chain)?.addColumns).toEqual([
      { register: 'hours', column: 'notes' },
    ]);
  });
});

describe('steps for a version-1 workbook', () => {
  test('a complete one needs the action plan and the participants column', () => {
    expect(upgradeSteps({ version: 1, present: V1_PRESENT, columns: { checklist: V1_CHECKLIST } }, 2)).toEqual({
      from: 1,
      to: 2,
      addSheets: ['actions'],
      addColumns: [{ register: 'checklist', column: 'participants' }],
    });
  });

  test('what is already there is not added again', () => {
    const present: SheetKey[] = [...V1_PRESENT, 'actions'];
    const steps = upgradeSteps({ version: 1, present, columns: { checklist: [...V1_CHECKLIST, 'participants'] } }, 2);
    expect(steps).toEqual({ from: 1, to: 2, addSheets: [], addColumns: [] });
  });

  test('a register that is missing, or whose header was not found, gets no column', () => {
    const without = V1_PRESENT.filter((k) => k !== 'checklist');
    expect(upgradeSteps({ version: 1, present: without, columns: { checklist: V1_CHECKLIST } }, 2)?.addColumns).toEqual([]);
    expect(upgradeSteps({ version: 1, present: V1_PRESENT, columns: {} }, 2)?.addColumns).toEqual([]);
    expect(upgradeSteps({ version: 1, present: V1_PRESENT, columns: { checklist: [] } }, 2)?.addColumns).toEqual([]);
  });
});

describe('the column to append', () => {
  test('participants: its label in the language, its width, and a text-length check', () => {
    for (const lang of ['nb', 'nn', 'en'] as const) {
      const column = columnToAppend({ register: 'checklist', column: 'participants' }, lang, ctx);
      const def = (sheetDef('checklist').columns ?? []).find((c) => c.key === 'participants')!;
      expect(column.header).toBe(def.label[lang]);
      expect(column.width).toBe(def.width);
      expect(column.validation?.rule).toEqual({ type: 'textLength', max: def.maxLength });
      expect(column.validation?.prompt.message).toBe(def.help[lang]);
      expect(column.validation).not.toHaveProperty('range');
    }
  });

  test('an unknown column is a programming error', () => {
    expect(() => columnToAppend({ register: 'checklist', column: 'nope' }, 'nb', ctx)).toThrow(RangeError);
  });
});

/**
 * Editing and deleting register rows through the port, in both adapters: the Office adapter over
 * the Excel stand-in and the package adapter over the same plan written as .xlsx. The same edits
 * leave the same registers; a row changed in the sheet since it was read is refused by both with
 * RowChanged, writing nothing; the package edit keeps every other part byte for byte; the Office
 * adapter spends a fixed number of round trips.
 */
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { loadWorkbook, type LoadedWorkbook } from '../../src/core/model/loadWorkbook';
import type { RegisterRow, RegisterRows } from '../../src/core/model/registerRows';
import { RowChanged, RowsNotDeleted, type RowEditor, type RowSnapshot, type WorkbookReader } from '../../src/core/port';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { PackageWorkbook } from '../../src/workbook/xlsx/editing/packageWorkbook';
import { entryBytes, readStoredEntries } from '../../src/workbook/xlsx/editing/packageZip';
import { writePlanToBuffer } from '../../src/workbook/xlsx/writing/planWriter';
import { ExcelStandIn } from '../support/excel';
import { expectStrict } from '../support/strictCheck';

const TODAY = isoToSerial('2026-11-23');

type Adapter = WorkbookReader & RowEditor;

function snapshot(register: RegisterRows, row: RegisterRow): RowSnapshot {
  return {
    sheetName: register.sheetName,
    rowNumber: row.rowNumber,
    cells: [...register.columns].map(([key, column]) => ({ column, value: row.values[key] ?? null })),
  };
}

async function both(): Promise<{ office: OfficeWorkbook; standIn: ExcelStandIn; pkg: PackageWorkbook }> {
  const plan = buildWorkbookPlan(demoWorkbook({ lang: 'nb', seed: 8, today: TODAY, volunteers: 25 }).input);
  const standIn = new ExcelStandIn();
  const office = new OfficeWorkbook(standIn.run);
  await office.applyPlan(plan);
  const pkg = new PackageWorkbook(await writePlanToBuffer(plan));
  return { office, standIn, pkg };
}

/** The registers' values by row, as the core reads them (formula columns left out: the stand-in computes none). */
function registerValues(loaded: LoadedWorkbook, key: 'volunteers' | 'hours') {
  const register = loaded.data.registers[key];
  return register.rows.map((r) =>
    Object.fromEntries(Object.entries(r.values).filter(([k]) => !['policeCertificateRequired', 'hoursLast12Months'].includes(k))),
  );
}

describe('row edits agree between the Office and package adapters', () => {
  it("updates a volunteer's phone and status in both, the same way", async () => {
    const { office, pkg } = await both();
    for (const adapter of [office, pkg] as Adapter[]) {
      const loaded = await loadWorkbook(adapter);
      const volunteers = loaded.data.registers.volunteers;
      const row = volunteers.rows[2];
      await adapter.updateRows([
        {
          row: snapshot(volunteers, row),
          edits: [
            { column: volunteers.columns.get('phone')!, value: '+47 912 34 567' },
            { column: volunteers.columns.get('end')!, value: TODAY },
          ],
        },
      ]);
    }
    const [a, b] = await Promise.all([loadWorkbook(office), loadWorkbook(pkg)]);
    expect(registerValues(a, 'volunteers')).toEqual(registerValues(b, 'volunteers'));
    expect(a.data.registers.volunteers.rows[2].values).toMatchObject({ phone: '+47 912 34 567', end: TODAY });
  });

  it('refuses, writing nothing, when the row changed in the sheet since it was read', async () => {
    const { office, standIn, pkg } = await both();
    for (const adapter of [office, pkg] as Adapter[]) {
      const loaded = await loadWorkbook(adapter);
      const volunteers = loaded.data.registers.volunteers;
      const row = volunteers.rows[1];
      const stale = snapshot(volunteers, row);
      const nameCell = { column: volunteers.columns.get('name')!, value: 'Endret i arket' };
      // Someone types in the row meanwhile.
      if (adapter === office) standIn.sheet(volunteers.sheetName).cellForWrite(row.rowNumber, nameCell.column).value = nameCell.value;
      else await pkg.updateRows([{ row: stale, edits: [nameCell] }]);
      const attempt = adapter.updateRows([{ row: stale, edits: [{ column: volunteers.columns.get('phone')!, value: '99999999' }] }]);
      await expect(attempt).rejects.toBeInstanceOf(RowChanged);
      await expect(attempt).rejects.toMatchObject({ rowNumber: row.rowNumber, sheetName: volunteers.sheetName });
      const after = (await loadWorkbook(adapter)).data.registers.volunteers.rows[1];
      expect([after.values.name, after.values.phone]).toEqual(['Endret i arket', row.values.phone]);
    }
  });

  it('deletes hours rows in both: the rows below move up, the table shrinks, the same rows remain', async () => {
    const { office, pkg } = await both();
    let expected: unknown[] = [];
    for (const adapter of [office, pkg] as Adapter[]) {
      const loaded = await loadWorkbook(adapter);
      const hours = loaded.data.registers.hours;
      const gone = [hours.rows[0], hours.rows[3], hours.rows[4]];
      expected = registerValues(loaded, 'hours').filter((_, i) => ![0, 3, 4].includes(i));
      await adapter.deleteTableRows(
        loaded.data.tables.hours,
        gone.map((r) => snapshot(hours, r)),
      );
    }
    const [a, b] = await Promise.all([loadWorkbook(office), loadWorkbook(pkg)]);
    expect(registerValues(a, 'hours')).toEqual(expected);
    expect(registerValues(b, 'hours')).toEqual(expected);
    expect(a.data.registers.hours.rows.at(-1)!.rowNumber).toBe(b.data.registers.hours.rows.at(-1)!.rowNumber);
  });

  it('deletes nothing when one of the rows changed', async () => {
    const { office, standIn, pkg } = await both();
    for (const adapter of [office, pkg] as Adapter[]) {
      const loaded = await loadWorkbook(adapter);
      const hours = loaded.data.registers.hours;
      const rows = [snapshot(hours, hours.rows[0]), snapshot(hours, hours.rows[1])];
      const hoursColumn = hours.columns.get('hours')!;
      if (adapter === office) standIn.sheet(hours.sheetName).cellForWrite(hours.rows[1].rowNumber, hoursColumn).value = 99;
      else await pkg.updateRows([{ row: rows[1], edits: [{ column: hoursColumn, value: 99 }] }]);
      await expect(adapter.deleteTableRows(loaded.data.tables.hours, rows)).rejects.toBeInstanceOf(RowChanged);
      expect((await loadWorkbook(adapter)).data.registers.hours.rows).toHaveLength(hours.rows.length);
    }
  });

  it('reads one row as it stands now', async () => {
    const { office, pkg } = await both();
    for (const adapter of [office, pkg] as Adapter[]) {
      const volunteers = (await loadWorkbook(adapter)).data.registers.volunteers;
      const row = volunteers.rows[0];
      const read = await adapter.readRow(volunteers.sheetName, row.rowNumber, 4);
      expect(read.slice(0, 2)).toEqual([row.values.id, row.values.name]);
      expect(read).toHaveLength(4);
    }
  });
});

describe('the package adapter keeps the rest of the package', () => {
  it('changes only the sheet and its table (and workbook.xml, to recalculate) when deleting rows', async () => {
    const { pkg } = await both();
    const original = readStoredEntries(pkg.data());
    const loaded = await loadWorkbook(pkg);
    const hours = loaded.data.registers.hours;
    await pkg.deleteTableRows(loaded.data.tables.hours, [snapshot(hours, hours.rows[1])]);
    const changed = readStoredEntries(pkg.data())
      .filter((e) => original.find((o) => o.name === e.name)?.crc !== e.crc)
      .map((e) => e.name)
      .sort();
    // workbook.xml changes only when it did not ask for recalculation on open already.
    expect(changed.filter((name) => name !== 'xl/workbook.xml')).toEqual([
      expect.stringMatching(/^xl\/tables\/table\d+\.xml$/),
      expect.stringMatching(/^xl\/worksheets\/sheet\d+\.xml$/),
    ]);
  });

  it("moves a volunteer's calculated columns with their rows: each remaining row keeps its formulas", async () => {
    const { pkg } = await both();
    const original = pkg.data();
    const formulas = () =>
      readStoredEntries(pkg.data())
        .filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
        .map((e) => new TextDecoder().decode(entryBytes(e)))
        .filter((xml) => xml.includes('[[#This Row],'))
        .reduce((n, xml) => n + (xml.match(/<f>[^<]*\[\[#This Row\],/g)?.length ?? 0), 0);
    const before = formulas();
    const loaded = await loadWorkbook(pkg);
    const volunteers = loaded.data.registers.volunteers;
    await pkg.deleteTableRows(loaded.data.tables.volunteers, [snapshot(volunteers, volunteers.rows[0])]);
    expect(before - formulas()).toBe(2);
    // Rows moved up, the table shrunk: still a file Excel opens without repair.
    expectStrict(pkg.data(), original);
    const after = (await loadWorkbook(pkg)).data.registers.volunteers.rows;
    expect(after.map((r) => r.values.id)).toEqual(volunteers.rows.slice(1).map((r) => r.values.id));
    expect(after.map((r) => r.values.hoursLast12Months)).toEqual(volunteers.rows.slice(1).map((r) => r.values.hoursLast12Months));
  });

  it('refuses to move a formula that points at its own row, deleting nothing', async () => {
    const { pkg } = await both();
    const loaded = await loadWorkbook(pkg);
    const hours = loaded.data.registers.hours;
    const notes = hours.columns.get('notes')!;
    const moving = hours.rows[2];
    await pkg.updateRows([{ row: snapshot(hours, moving), edits: [{ column: notes, value: { formula: `LEN(A${moving.rowNumber})`, result: null } }] }]);
    const fresh = (await loadWorkbook(pkg)).data.registers.hours;
    await expect(pkg.deleteTableRows(loaded.data.tables.hours, [snapshot(fresh, fresh.rows[0])])).rejects.toBeInstanceOf(RowsNotDeleted);
    expect((await loadWorkbook(pkg)).data.registers.hours.rows).toHaveLength(hours.rows.length);
  });
});

describe('the Office adapter', () => {
  it('spends two round trips on updating rows and two on deleting rows, whatever their number', async () => {
    const { office, standIn } = await both();
    const loaded = await loadWorkbook(office);
    const hours = loaded.data.registers.hours;
    standIn.resetLog();
    await office.updateRows(hours.rows.slice(0, 4).map((r) => ({ row: snapshot(hours, r), edits: [{ column: hours.columns.get('hours')!, value: 3 }] })));
    expect(standIn.syncCount).toBe(2);
    const fresh = (await loadWorkbook(office)).data.registers.hours;
    standIn.resetLog();
    await office.deleteTableRows(
      loaded.data.tables.hours,
      fresh.rows.slice(1, 6).map((r) => snapshot(fresh, r)),
    );
    expect(standIn.syncCount).toBe(2);
  });

  it("passes the user's selections on, not the ones the pane makes itself", async () => {
    const { office, standIn } = await both();
    const volunteers = (await loadWorkbook(office)).data.registers.volunteers;
    const seen: string[] = [];
    const stop = await office.watchSelection((s) => seen.push(`${s.sheetName}!${s.address}`));
    await standIn.userSelects(volunteers.sheetName, 'B4:C4');
    await office.selectCell(volunteers.sheetName, 'D6');
    await new Promise((resolve) => setTimeout(resolve, 10));
    await standIn.userSelects(volunteers.sheetName, 'A3');
    stop();
    await standIn.userSelects(volunteers.sheetName, 'A5');
    expect(seen).toEqual([`${volunteers.sheetName}!B4:C4`, `${volunteers.sheetName}!A3`]);
  });
});

/**
 * Round trips of the Office adapter per user action, counted by the recording Excel stand-in for
 * registers of 10, 10 000 and 100 000 hours rows: the number must not grow with the rows (except
 * through ~4 MB request blocks).
 */
import { isoToSerial } from '../../src/core/model/dates';
import { demoWorkbook } from '../../src/core/demo/demoWorkbook';
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { ExcelStandIn } from '../support/excel';

export interface RoundTrips {
  rows: number;
  addTemplates: number;
  appendRow: number;
  readHours: number;
  writeCells: number;
}

export async function officeRoundTrips(rows: number): Promise<RoundTrips> {
  const today = isoToSerial('2026-11-23');
  const demo = demoWorkbook({ lang: 'nb', seed: 2, today, volunteers: 20 });
  const template = demo.input.records.hours[0];
  demo.input.records.hours = Array.from({ length: rows }, (_, i) => ({
    ...template,
    date: today - 1 - (i % 300),
    volunteerId: null,
    volunteerCount: 2,
    hours: 1 + (i % 5),
  }));
  const plan = buildWorkbookPlan(demo.input);
  const standIn = new ExcelStandIn();
  const workbook = new OfficeWorkbook(standIn.run);
  const count = async (action: () => Promise<unknown>) => {
    standIn.resetLog();
    await action();
    return standIn.syncCount;
  };
  const hours = plan.sheets.find((s) => s.key === 'hours')!;
  const settings = plan.sheets.find((s) => s.key === 'settings')!;
  return {
    rows,
    addTemplates: await count(() => workbook.applyPlan(plan)),
    appendRow: await count(() => workbook.appendRows(hours.tables[0].name, [hours.tables[0].rows[0]])),
    readHours: await count(() => workbook.readSheet(hours.name)),
    writeCells: await count(() => workbook.writeCells(settings.name, [{ address: 'B6', value: 1700 }])),
  };
}

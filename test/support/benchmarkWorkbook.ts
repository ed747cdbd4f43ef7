/**
 * A large, deterministic workbook for timing the rule engine (npm run bench): a volunteer register
 * and an hours log of any length, with a sprinkling of the problems validation looks for, so the
 * timing includes reporting as well as checking.
 */
import { itemLabel, sheetDef } from '../../src/core/content/content';
import { ymdToSerial } from '../../src/core/model/dates';
import type { Lang } from '../../src/core/content/language';
import type { RegisterRows } from '../../src/core/model/registerRows';
import { defaultSettings } from '../../src/core/model/settingsModel';
import { REGISTER_KEYS, type RegisterKey } from '../../src/core/content/templateSchema';
import { defaultTableNames, registerFromRecords, type RegisterRecord, type WorkbookData } from '../../src/core/model/workbookData';

/** One hours row in this many carries two problems: an unknown volunteer id and zero hours. */
const PROBLEM_EVERY = 1000;

/** A day after every date in the benchmark workbook: pass it as `today`. */
export const BENCHMARK_TODAY = ymdToSerial(2025, 6, 30);

export function benchmarkWorkbook(hoursRows: number, options: { lang?: Lang; volunteers?: number } = {}): WorkbookData {
  const lang = options.lang ?? 'nb';
  const volunteerCount = options.volunteers ?? 2000;
  const settings = defaultSettings(lang);
  const active = itemLabel('volunteerStatuses', 'active', lang);
  const activity = settings.lists.activityTypes.find((a) => !settings.policeActivities.includes(a)) ?? settings.lists.activityTypes[0];
  const unit = settings.lists.units[0];
  const start = ymdToSerial(2020, 1, 1);

  const volunteers: RegisterRecord[] = [];
  for (let i = 0; i < volunteerCount; i++) {
    volunteers.push({
      id: `F-${i}`,
      name: `Frivillig ${i}`,
      phone: String(40000000 + i),
      email: `f${i}@example.no`,
      affiliation: settings.lists.affiliationForms[0],
      activity,
      unit,
      start,
      confidentialityDate: start,
      consentDate: start,
      status: active,
    });
  }
  const hours: RegisterRecord[] = [];
  for (let i = 0; i < hoursRows; i++) {
    const problem = i % PROBLEM_EVERY === 0;
    hours.push({
      // One row per volunteer per day, as a real log has, counting back from the day before
      // BENCHMARK_TODAY so the report year's figures have rows to sum.
      date: BENCHMARK_TODAY - 1 - (Math.floor(i / volunteerCount) % 1800),
      activity,
      unit,
      volunteerId: problem ? `X-${i}` : `F-${i % volunteerCount}`,
      volunteerCount: 1,
      hours: problem ? 0 : 1 + (i % 4),
      usersReached: i % 7,
    });
  }
  const records: Partial<Record<RegisterKey, RegisterRecord[]>> = { volunteers, hours };
  const registers = {} as Record<RegisterKey, RegisterRows>;
  for (const key of REGISTER_KEYS) registers[key] = registerFromRecords(key, sheetDef(key).name[lang], records[key] ?? []);
  return { lang, settings, tables: defaultTableNames(lang), registers };
}

/**
 * What every rule family receives: the workbook's data, the day to judge deadlines by, where to
 * report, and a few lookups built once so that no rule has to search a register per row.
 */
import type { CellValue } from '../port';
import { asNumber, asText } from '../model/cellValues';
import { itemLabel } from '../content/content';
import type { Lang } from '../content/language';
import type { RegisterRow, RegisterRows } from '../model/registerRows';
import type { WorkbookData } from '../model/workbookData';
import type { IssueCollector } from './issueCollector';

export interface RuleContext {
  data: WorkbookData;
  /** Serial day that "today", "overdue" and "in the future" are judged by. */
  today: number;
  lang: Lang;
  issues: IssueCollector;
  facts: WorkbookFacts;
}

/**
 * Text folded for comparing as Excel's COUNTIFS and "=" do: trimmed, case ignored. Plain
 * toLowerCase folds æ, ø and å as the Norwegian locale does, at a fraction of the cost of
 * toLocaleLowerCase, which matters on half a million rows.
 */
export function foldText(text: string): string {
  return text.trim().toLowerCase();
}

export function textKey(value: CellValue | undefined): string {
  if (typeof value === 'string') return foldText(value);
  if (value === null || value === undefined) return '';
  return foldText(asText(value));
}

/** Whether the user's sheet has the column; rules about a blank cell say nothing when there is no cell. */
export function hasColumn(register: RegisterRows, columnKey: string): boolean {
  return register.columns.has(columnKey);
}

/** A fixed list item's label in the workbook's language, as textKey compares it. */
export function labelKey(listKey: string, itemKey: string, lang: Lang): string {
  return foldText(itemLabel(listKey, itemKey, lang));
}

export interface WorkbookFacts {
  /** Volunteer id (textKey) → the first row with that id. */
  volunteerById: Map<string, RegisterRow>;
  /** Volunteer id (textKey) → the latest date hours were logged. */
  lastHoursById: Map<string, number>;
  /**
   * The volunteer of each hours row, by position, as a number into `hoursVolunteers` (-1 for a
   * group entry): the longest register's ids are folded and looked up once, here.
   */
  hoursVolunteer: Int32Array;
  /** Per volunteer number: the volunteer's row, or undefined when the id is not in the register. */
  hoursVolunteers: (RegisterRow | undefined)[];
}

type Primitive = string | number | boolean;

export function workbookFacts(data: WorkbookData): WorkbookFacts {
  const volunteerById = new Map<string, RegisterRow>();
  for (const row of data.registers.volunteers.rows) {
    const id = textKey(row.values.id);
    if (id !== '' && !volunteerById.has(id)) volunteerById.set(id, row);
  }
  const hoursRows = data.registers.hours.rows;
  const hoursVolunteer = new Int32Array(hoursRows.length).fill(-1);
  const hoursVolunteers: (RegisterRow | undefined)[] = [];
  const lastHours: number[] = [];
  const numberOfFolded = new Map<string, number>();
  // Ids as typed repeat row after row; most rows cost one lookup of the id as typed.
  const numberOfTyped = new Map<Primitive, number>();
  for (let i = 0; i < hoursRows.length; i++) {
    const values = hoursRows[i].values;
    const typed = values.volunteerId;
    if (typed === null || typed === undefined || typed === '') continue;
    let n = typeof typed === 'object' ? undefined : numberOfTyped.get(typed);
    if (n === undefined) {
      const id = textKey(typed);
      if (id === '') continue;
      n = numberOfFolded.get(id);
      if (n === undefined) {
        numberOfFolded.set(id, (n = hoursVolunteers.length));
        hoursVolunteers.push(volunteerById.get(id));
        lastHours.push(-Infinity);
      }
      if (typeof typed !== 'object') numberOfTyped.set(typed, n);
    }
    hoursVolunteer[i] = n;
    const date = asNumber(values.date);
    if (date !== null && date > lastHours[n]) lastHours[n] = date;
  }
  const lastHoursById = new Map<string, number>();
  for (const [id, n] of numberOfFolded) if (lastHours[n] > -Infinity) lastHoursById.set(id, lastHours[n]);
  return { volunteerById, lastHoursById, hoursVolunteer, hoursVolunteers };
}

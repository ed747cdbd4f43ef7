/**
 * The Kontroll tab's work: validate the open workbook with the core's rules and hand the issues
 * back as a to-do list — identical messages of one rule as one item with its cells, grouped by
 * sheet in the order the rules sort them, each item with the fix the pane can make: open the
 * record, merge a duplicate volunteer, set the owner and deadline of a barrier's action, go on
 * rating the evaluation. And show the user the cell an issue points to.
 */
import { SCHEMA_VERSION } from '../../core/content/content';
import type { RegisterKey } from '../../core/content/templateSchema';
import { asNumber, asText } from '../../core/model/cellValues';
import { loadWorkbook, type LoadedWorkbook } from '../../core/model/loadWorkbook';
import { parseAddress } from '../../core/validation/issueCollector';
import { possibleDuplicates } from '../../core/validation/possibleDuplicates';
import { countIssues, validateWorkbook, type Issue } from '../../core/validation/validateWorkbook';
import { todayOf, systemClock, type Clock } from './paneClock';
import type { PaneWorkbook } from './paneWorkbook';
import { FORM_REGISTERS, type FormRegister } from './registerService';

/** What the pane can do about an issue. */
export type IssueFix =
  | { kind: 'open'; register: FormRegister; rowNumber: number }
  | { kind: 'merge'; keep: number; drop: number }
  | { kind: 'assign'; round: number; statementId: string; statement: string }
  | { kind: 'evaluate' };

/** One message of one rule, with every cell it was found in. */
export interface IssueGroup {
  rule: string;
  severity: Issue['severity'];
  sheetKey: Issue['sheetKey'];
  sheet: string;
  message: string;
  issues: Issue[];
  /** The fix for each issue, where the pane has one (same order as `issues`). */
  fixes: (IssueFix | null)[];
}

export interface SheetIssues {
  /** The sheet as the user sees it; '' for issues about the workbook as a whole. */
  sheet: string;
  groups: IssueGroup[];
}

export interface ValidationReport {
  sheets: SheetIssues[];
  counts: Record<Issue['severity'], number>;
}

const ASSIGNABLE = new Set(['checklist.instrument.missing', 'checklist.responsible.missing', 'checklist.deadline.missing']);

function rowOf(loaded: LoadedWorkbook, key: RegisterKey, issue: Issue) {
  const row = parseAddress(issue.cell).row;
  return loaded.data.registers[key].rows.find((r) => r.rowNumber === row);
}

/** The fix the pane offers for an issue; null where it has none (structure, a cell outside the registers). */
export function fixOf(loaded: LoadedWorkbook, issue: Issue): IssueFix | null {
  const key = issue.sheetKey;
  if (!key || !issue.cell) return null;
  if (issue.rule === 'checklist.rating.missing') return { kind: 'evaluate' };
  if (key === 'checklist' && ASSIGNABLE.has(issue.rule)) {
    const row = rowOf(loaded, 'checklist', issue);
    const round = asNumber(row?.values.round);
    if (!row || round === null) return null;
    return { kind: 'assign', round, statementId: asText(row.values.statementId), statement: asText(row.values.statement) };
  }
  if (!(FORM_REGISTERS as readonly string[]).includes(key)) return null;
  const row = rowOf(loaded, key as RegisterKey, issue);
  if (!row) return null;
  if (issue.rule === 'volunteers.name.duplicate') {
    const first = possibleDuplicates(loaded.data, 'volunteers', row.values, row.rowNumber).find((d) => d.rowNumber < row.rowNumber);
    if (first) return { kind: 'merge', keep: first.rowNumber, drop: row.rowNumber };
  }
  return { kind: 'open', register: key as FormRegister, rowNumber: row.rowNumber };
}

/** Issues by sheet, and within a sheet identical messages of one rule as one group, in the rules' order. */
export function groupIssues(issues: Issue[], fix: (issue: Issue) => IssueFix | null = () => null): SheetIssues[] {
  const sheets = new Map<string, Map<string, IssueGroup>>();
  for (const issue of issues) {
    let groups = sheets.get(issue.sheet);
    if (!groups) sheets.set(issue.sheet, (groups = new Map()));
    const key = `${issue.rule}\u0000${issue.message}`;
    let group = groups.get(key);
    if (!group) {
      group = { rule: issue.rule, severity: issue.severity, sheetKey: issue.sheetKey, sheet: issue.sheet, message: issue.message, issues: [], fixes: [] };
      groups.set(key, group);
    }
    group.issues.push(issue);
    group.fixes.push(fix(issue));
  }
  return [...sheets].map(([sheet, groups]) => ({ sheet, groups: [...groups.values()] }));
}

export class ValidationService {
  constructor(
    private readonly workbook: PaneWorkbook,
    private readonly clock: Clock = systemClock,
  ) {}

  async validate(): Promise<ValidationReport> {
    const loaded = await loadWorkbook(this.workbook);
    const issues = validateWorkbook({
      data: loaded.data,
      today: todayOf(this.clock),
      structure: { missingSheets: loaded.missingSheets, schemaVersion: loaded.meta?.schemaVersion ?? null, knownSchemaVersion: SCHEMA_VERSION() },
    });
    return { sheets: groupIssues(issues, (issue) => fixOf(loaded, issue)), counts: countIssues(issues) };
  }

  /** False when the issue names no cell (it concerns a sheet or the workbook as a whole). */
  async show(issue: Issue): Promise<boolean> {
    if (!issue.cell || !issue.sheet) return false;
    await this.workbook.selectCell(issue.sheet, issue.cell);
    return true;
  }
}

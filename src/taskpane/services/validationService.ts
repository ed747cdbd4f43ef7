/**
 * The Kontroll tab's work: validate the open workbook with the core's rules and hand the issues
 * back grouped by sheet, in the order the rules sort them; and show the user the cell an issue
 * points to.
 */
import { SCHEMA_VERSION } from '../../core/content/content';
import { loadWorkbook } from '../../core/model/loadWorkbook';
import { countIssues, validateWorkbook, type Issue } from '../../core/validation/validateWorkbook';
import { todayOf, systemClock, type Clock } from './paneClock';
import type { PaneWorkbook } from './paneWorkbook';

export interface SheetIssues {
  /** The sheet as the user sees it; '' for issues about the workbook as a whole. */
  sheet: string;
  issues: Issue[];
}

export interface ValidationReport {
  groups: SheetIssues[];
  counts: Record<Issue['severity'], number>;
}

export function groupBySheet(issues: Issue[]): SheetIssues[] {
  const groups = new Map<string, Issue[]>();
  for (const issue of issues) {
    const list = groups.get(issue.sheet);
    if (list) list.push(issue);
    else groups.set(issue.sheet, [issue]);
  }
  return [...groups].map(([sheet, list]) => ({ sheet, issues: list }));
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
    return { groups: groupBySheet(issues), counts: countIssues(issues) };
  }

  /** False when the issue names no cell (it concerns a sheet or the workbook as a whole). */
  async show(issue: Issue): Promise<boolean> {
    if (!issue.cell || !issue.sheet) return false;
    await this.workbook.selectCell(issue.sheet, issue.cell);
    return true;
  }
}

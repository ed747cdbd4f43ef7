/**
 * The rule engine's entry point: runs every rule family over the workbook's data and returns the
 * issues sorted by sheet, row and column. Pure: it reads, it never changes a cell.
 */
import { actionRules } from './actionRules';
import { agreementRules } from './agreementRules';
import { checklistRules } from './checklistRules';
import { columnRules } from './columnRules';
import { hoursRules } from './hoursRules';
import type { Issue } from './issue';
import { IssueCollector } from './issueCollector';
import { partnerRules } from './partnerRules';
import { privacyRules } from './privacyRules';
import { workbookFacts, type RuleContext } from './ruleContext';
import { structureRules } from './structureRules';
import type { ValidationInput } from './validationInput';
import { volunteerRules } from './volunteerRules';

export type { Issue, Severity } from './issue';
export type { ValidationCell, ValidationInput, StructureFacts } from './validationInput';

export function validateWorkbook(input: ValidationInput): Issue[] {
  const { data, today } = input;
  const ctx: RuleContext = { data, today, lang: data.lang, issues: new IssueCollector(data.lang), facts: workbookFacts(data) };
  structureRules(ctx, input.structure);
  columnRules(ctx);
  partnerRules(ctx);
  agreementRules(ctx);
  volunteerRules(ctx);
  hoursRules(ctx);
  checklistRules(ctx);
  actionRules(ctx);
  privacyRules(ctx, input.allCells);
  return ctx.issues.sorted();
}

/** Issues counted by severity, as `validate --format json` reports them. */
export function countIssues(issues: Issue[]): Record<Issue['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity]++;
  return counts;
}

/**
 * The action plan: measures against the barriers the evaluation found. A measure that is still
 * planned or under way after its deadline needs following up.
 */
import { asNumber } from '../model/cellValues';
import { formatDay } from './messages';
import { labelKey, textKey, type RuleContext } from './ruleContext';

export function actionRules(ctx: RuleContext): void {
  const actions = ctx.data.registers.actions;
  if (actions.rows.length === 0) return;
  const open = new Set([labelKey('actionStatuses', 'planned', ctx.lang), labelKey('actionStatuses', 'inProgress', ctx.lang)]);
  for (const row of actions.rows) {
    const deadline = asNumber(row.values.deadline);
    if (deadline === null || deadline >= ctx.today || !open.has(textKey(row.values.status))) continue;
    ctx.issues.atCell('actions.deadline.overdue', actions, row.rowNumber, 'deadline', { date: formatDay(deadline, ctx.lang) });
  }
}

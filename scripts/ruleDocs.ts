/**
 * The generated list of validation rules (docs/rules.md), rendered from the rule catalogue and
 * the English messages. A test regenerates the file and fails when it is out of date.
 */
import { SHEET_KEYS } from '../src/core/content/templateSchema';
import { ruleMessages } from '../src/core/validation/messages';
import { ruleCatalog, type RuleDef } from '../src/core/validation/ruleCatalog';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function groupOf(rule: RuleDef): string {
  return rule.id.split('.')[0];
}

export function renderRuleDocs(): string {
  const rules = ruleCatalog();
  const groups = [...new Set(rules.map(groupOf))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const r of rules) counts[r.severity]++;
  const lines = [
    '# Validation rules',
    '',
    '<!-- Generated from src/core/validation/ruleCatalog.ts and templates/ui/rules.json.',
    '     Do not edit by hand: run `UPDATE_DOCS=1 npx jest test/unit/scripts/ruleDocs.test.ts`. -->',
    '',
    `\`samspill validate\` and the task pane check a workbook against these ${rules.length} rules ` +
      `(${counts.error} errors, ${counts.warning} warnings, ${counts.info} hints). Rule ids are stable: ` +
      'scripts may depend on them.',
    '',
    '- **error**: breaks the figures or the law; `samspill validate` exits with 1.',
    '- **warning**: due soon, or needs a decision.',
    '- **info**: a hint.',
    '',
    "Messages are shown in the workbook's language (bokmål, nynorsk or English); the English text is given here, " +
      'with `{placeholders}` that are filled in for each finding.',
  ];
  const messages = ruleMessages();
  for (const group of groups) {
    lines.push('', `## ${group}`, '', '| id | severity | checks | why | message |', '| --- | --- | --- | --- | --- |');
    for (const r of rules.filter((x) => groupOf(x) === group)) {
      lines.push(`| \`${r.id}\` | ${r.severity} | ${cell(r.checks)} | ${cell(r.why)} | ${cell(messages[r.message]?.en ?? '')} |`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Template sheets in workbook order, then privacy and structure. */
function rank(group: string): number {
  const index = (SHEET_KEYS as readonly string[]).indexOf(group);
  if (index >= 0) return index;
  return SHEET_KEYS.length + (group === 'privacy' ? 0 : 1);
}

/**
 * The generated list of summary figures (docs/figures.md), rendered from the figures the summary
 * builds — each names its definition where its formula and value are made — and the English texts
 * of templates/ui/figures.json. A test regenerates the file and fails when it is out of date.
 */
import { isoToSerial } from '../src/core/model/dates';
import { newWorkbookInput } from '../src/core/plan/newWorkbookInput';
import { workbookData } from '../src/core/plan/buildWorkbookPlan';
import { figureStrings } from '../src/core/summary/figureDefinitions';
import { summarySections, type Figure } from '../src/core/summary/summaryFigures';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The names of a family of rows (one per list item) shortened to first … last, plus the row for the rest. */
function nameList(names: string[]): string {
  const code = (n: string) => `\`${n}\``;
  const rest = names.filter((n) => n.endsWith('_other'));
  const rows = names.filter((n) => !n.endsWith('_other'));
  const shown = rows.length > 3 ? [code(rows[0]), '…', code(rows.at(-1)!)] : rows.map(code);
  return [...shown, ...rest.map(code)].join(', ');
}

export function renderFigureDocs(): string {
  const input = newWorkbookInput('en', isoToSerial('2026-06-30'));
  const sections = summarySections(workbookData(input), isoToSerial('2026-06-30'));
  const lines = [
    '# Summary figures',
    '',
    '<!-- Generated from src/core/summary/summaryFigures.ts, src/core/evaluation/evaluationFigures.ts and templates/ui/figures.json.',
    '     Do not edit by hand: run `UPDATE_DOCS=1 npx jest test/unit/scripts/figureDocs.test.ts`. -->',
    '',
    'Every key figure on the summary sheet has a workbook-level name `kpi_<key>` and a one-line definition. The same',
    'definitions are printed at the end of the summary sheet ("How the figures are computed"), in the workbook\'s language',
    '(bokmål, nynorsk or English); the English text is given here. Rows that follow a list (activities, units) are one',
    'per item of the list in the settings, here the default lists.',
    '',
    `**${figureStrings.text('rule.active.label', 'en')}.** ${figureStrings.text('rule.active', 'en')}`,
  ];
  for (const section of sections.filter((s) => s.key !== 'definitions')) {
    const byDefinition = new Map<string, Figure[]>();
    for (const figure of section.figures) {
      if (!figure.definition) continue;
      byDefinition.set(figure.definition, [...(byDefinition.get(figure.definition) ?? []), figure]);
    }
    if (byDefinition.size === 0) continue;
    lines.push('', `## ${section.title}`, '', '| name | label | how it is computed |', '| --- | --- | --- |');
    for (const [key, figures] of byDefinition) {
      const names = figures.flatMap((f) => [f.name, ...(f.second ? [f.second.name] : [])]);
      const label = figures.length > 2 ? section.title : figures.map((f) => f.labelFormula?.result ?? f.label).join(' / ');
      lines.push(`| ${nameList(names)} | ${cell(label)} | ${cell(figureStrings.text(`definition.${key as 'fte'}`, 'en'))} |`);
    }
  }
  return lines.join('\n') + '\n';
}

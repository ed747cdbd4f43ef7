/**
 * docs/figures.md is generated from the summary's figures and their definitions. With
 * UPDATE_DOCS=1 this test writes it; otherwise it fails when the file is out of date, so the docs
 * cannot drift from what the figures compute.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFigureDocs } from '../../../scripts/figureDocs';

const DOCS = join(__dirname, '../../../docs/figures.md');

describe('docs/figures.md', () => {
  const rendered = renderFigureDocs();

  it('lists the key figures by name with their definitions', () => {
    for (const name of [
      'kpi_active_agreements',
      'kpi_due_for_deletion',
      'kpi_hours_activity_other',
      'kpi_eval_statements_not_assessed',
      'kpi_eval_top_barrier_1',
    ])
      expect(rendered).toContain(`\`${name}\``);
    expect(rendered).toContain('An agreement or volunteer is active on the report date');
  });

  it('is up to date (regenerate with UPDATE_DOCS=1 npx jest test/unit/scripts/figureDocs.test.ts)', () => {
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOCS, rendered);
    expect(existsSync(DOCS)).toBe(true);
    expect(readFileSync(DOCS, 'utf8')).toBe(rendered);
  });
});

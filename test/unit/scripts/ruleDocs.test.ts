/**
 * docs/rules.md is generated from the rule catalogue. With UPDATE_DOCS=1 this test writes it;
 * otherwise it fails when the file is out of date, so the docs cannot drift from the rules.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleCatalog } from '../../../src/core/validation/ruleCatalog';
import { renderRuleDocs } from '../../../scripts/ruleDocs';

const DOCS = join(__dirname, '../../../docs/rules.md');

describe('docs/rules.md', () => {
  const rendered = renderRuleDocs();

  it('lists every rule with its severity', () => {
    for (const r of ruleCatalog()) expect(rendered).toContain(`| \`${r.id}\` | ${r.severity} |`);
  });

  it('is up to date (regenerate with UPDATE_DOCS=1 npx jest test/unit/scripts/ruleDocs.test.ts)', () => {
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOCS, rendered);
    expect(existsSync(DOCS)).toBe(true);
    expect(readFileSync(DOCS, 'utf8')).toBe(rendered);
  });
});

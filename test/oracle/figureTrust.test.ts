/**
 * The hand-worked cases of issue 15 (test/support/figureTrustCases.ts), written as workbooks and
 * recalculated by LibreOffice: each figure it computes equals the answer counted by hand, and every
 * formula of the workbook equals the value the core cached for it. All cases go through one
 * LibreOffice run.
 */
import { buildWorkbookPlan } from '../../src/core/plan/buildWorkbookPlan';
import { figureCases } from '../support/figureTrustCases';
import { recalculatePlans, type Recalculated } from '../support/figureOracle';
import { requireLibreOffice } from '../support/libreoffice';

const run = requireLibreOffice() ? describe : describe.skip;

run('LibreOffice recalculates the hand-worked cases', () => {
  const cases = figureCases();
  let results: Recalculated[];

  beforeAll(async () => {
    results = await recalculatePlans(cases.map((c) => buildWorkbookPlan(c.input)));
  }, 180_000);

  it.each(cases.map((c, i) => [`${c.point}: ${c.title}`, i] as const))('%s', (_, i) => {
    const { figures, disagreements } = results[i];
    const actual = Object.fromEntries(Object.keys(cases[i].expected).map((name) => [name, figures.get(name)]));
    expect(actual).toEqual(cases[i].expected);
    expect(disagreements).toEqual([]);
  });
});

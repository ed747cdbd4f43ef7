/**
 * The printed agreement's requirement sentence joins its parts with the words as written in
 * templates/ui/workbook.json, spaces included (" og "): strings are used as the file has them.
 */
import { demoWorkbook } from '../../../../src/core/demo/demoWorkbook';
import { agreementSheet } from '../../../../src/core/plan/agreementSheet';
import { workbookData } from '../../../../src/core/plan/buildWorkbookPlan';
import { FormulaRefs } from '../../../../src/core/plan/formulaRefs';
import type { Lang } from '../../../../src/core/content/language';

test.each([
  ['nb', 'signert taushetserklæring og politiattest'],
  ['en', 'a signed confidentiality declaration and a police certificate'],
] as [Lang, string][])('an agreement needing both a declaration and a police certificate names both, spaced (%s)', (lang, words) => {
  // Vefsn's written agreement with Termik asks for both (the volunteers visit the seriously ill at home).
  const input = demoWorkbook({ lang, seed: 3, today: 46000, case: 'vefsn' }).input;
  const data = workbookData(input);
  const f = new FormulaRefs(lang, data.tables);
  const yes = f.label('yesNo', 'yes');
  const both = data.registers.agreements.rows.find((r) => r.values.requiresConfidentiality === yes && r.values.requiresPoliceCertificate === yes);
  expect(both).toBeDefined();
  const { sheet } = agreementSheet('Avtale', data, f, String(both!.values.id));
  // Clauses are formulas over the register, with the computed text as their cached result.
  const texts = sheet.cells
    .map((c) => (typeof c.value === 'object' && c.value !== null && 'result' in c.value ? c.value.result : c.value))
    .filter((v): v is string => typeof v === 'string');
  expect(texts.some((t) => t.includes(words))).toBe(true);
});

/**
 * The region workbook lists each file it could not include with the reason said in the region's
 * language only (the command line's two-language message is not copied into a cell).
 */
import { regionPlan } from '../../../../src/core/summary/regionPlan';
import { readErrorStrings } from '../../../../src/core/readErrorStrings';
import type { Lang } from '../../../../src/core/content/language';

test.each(['nb', 'nn', 'en'] as Lang[])('the "not included" sheet gives each reason in the region language (%s)', (lang) => {
  const reason = readErrorStrings.phrase('read.legacyXls', { subject: readErrorStrings.phrase('read.subject.named', { file: 'gammel.xls' }) });
  const plan = regionPlan({ lang, included: [], excluded: [{ file: 'gammel.xls', reason }], madeAt: '2026-11-23 12:00' });
  const rows = plan.sheets[2].tables[0].rows;
  expect(rows).toEqual([['gammel.xls', reason.say(lang)]]);
  expect(String(rows[0][1])).not.toContain(' / ');
});

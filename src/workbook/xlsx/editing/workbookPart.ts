/** Edits of workbook.xml that every package edit may need. */
import { child, children, localName, replaceSpan, rootElement, startTag, withAttribute } from './xmlEdit';

/** workbook.xml children that follow <calcPr> in CT_Workbook's order: a new <calcPr> goes before the first present. */
export const AFTER_CALC_PR = [
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

/**
 * workbook.xml asking for a full recalculation on open: cached results written before the edit
 * (the summary's counts, formulas reading edited cells) are recomputed by Excel and LibreOffice.
 */
export function withFullCalcOnLoad(xml: string): string {
  const root = rootElement(xml);
  const calc = child(xml, root, 'calcPr');
  if (calc) return replaceSpan(xml, calc.start, calc.openEnd, withAttribute(startTag(xml, calc), 'fullCalcOnLoad', '1'));
  const later = children(xml, root).find((span) => AFTER_CALC_PR.includes(localName(span.name)));
  const at = later?.start ?? root.closeStart;
  return replaceSpan(xml, at, at, `<${root.prefix ? `${root.prefix}:` : ''}calcPr fullCalcOnLoad="1"/>`);
}

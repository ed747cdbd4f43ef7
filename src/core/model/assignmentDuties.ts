/**
 * Which volunteers carry the duties of a volunteer on assignment: a signed confidentiality
 * declaration, a police certificate shown where one is required, consent to being registered.
 *
 * Informal helpers — the neighbour who looks in — are outside the municipality's facilitation
 * and management (003_5b756f3ba21c4f06.txt:179-182): a municipality may register them, but it
 * does not ask of them what it asks of a volunteer it places in a service. Volunteers who are
 * unorganised still relate to the service they work in (003_5b756f3ba21c4f06.txt:66-68), so they
 * keep the duties. The affiliation list says which is which (`assignmentDuties` on each item of
 * `affiliationForms` in templates/lists.json), so the rules and the formulas read it from one place.
 */
import { valueList } from '../content/content';
import { LANGUAGES, type Lang } from '../content/language';
import type { CellValue } from '../port';
import { asText, normaliseLabel } from './cellValues';
import { matchesText } from './criteria';
import { escapeWildcards, textLiteral } from '../plan/structuredRefs';

/** The affiliations whose volunteers are not asked for the duties of an assignment. */
function exemptItems() {
  return valueList('affiliationForms').items.filter((i) => i.attributes?.assignmentDuties === false);
}

let exemptLabels: Set<string> | undefined;

/**
 * Whether a volunteer of this affiliation has the duties of an assignment (blank or unknown: yes).
 * Validation reads a label in any language; with `lang`, the label of that language is compared as
 * the workbook's formulas compare it (criteria.ts), so a figure and its formula agree.
 */
export function hasAssignmentDuties(affiliation: CellValue | undefined, lang?: Lang): boolean {
  if (lang) return !exemptItems().some((i) => matchesText(affiliation, i.label[lang]));
  exemptLabels ??= new Set(exemptItems().flatMap((i) => LANGUAGES.map((l) => normaliseLabel(i.label[l]))));
  return !exemptLabels.has(normaliseLabel(asText(affiliation ?? null)));
}

/**
 * The same test inside a row formula: `(affiliation<>"label")` for each exempt affiliation, joined
 * by `*`, for AND(…); "1" when no affiliation is exempt.
 */
export function assignmentDutiesTerm(affiliationRef: string, lang: Lang): string {
  const terms = exemptItems().map((i) => `(${affiliationRef}<>${textLiteral(i.label[lang])})`);
  return terms.length ? terms.join('*') : '1';
}

/** The same test as COUNTIFS criteria ("range,criterion" pairs): the affiliation is none of the exempt ones. */
export function assignmentDutiesCriteria(affiliationRange: string, lang: Lang): string[] {
  return exemptItems().map((i) => `${affiliationRange},${textLiteral(`<>${escapeWildcards(i.label[lang])}`)}`);
}

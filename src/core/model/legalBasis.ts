/**
 * The legal basis of an assignment, per agreement and per volunteer: for the police certificate
 * (helse- og omsorgstjenesteloven § 5-4, the child care certificate, another basis, or none) and
 * for confidentiality. The law decides per assignment (templates/legal.json hol-5-4-volunteers),
 * so a volunteer's own basis wins over the partner's agreement; the activity table only suggests.
 * An agreement counts while it is active on the report date (activeRule.ts), as the summary counts it.
 */
import { itemLabel, valueList } from '../content/content';
import { LANGUAGES, type Lang } from '../content/language';
import type { CellValue } from '../port';
import { isActiveOn } from './activeRule';
import { hasAssignmentDuties } from './assignmentDuties';
import { asText, normaliseLabel } from './cellValues';
import { cellText, matchesText } from './criteria';
import type { RegisterRow } from './registerRows';
import type { WorkbookData } from './workbookData';

export type PoliceBasisKey = 'hol54' | 'childCare' | 'otherBasis' | 'none';
export type ConfidentialityBasisKey = 'healthServices' | 'municipalWork' | 'promise';

/** The key of a fixed list's item whose label (in any language) the cell holds; null when blank or unknown. */
export function fixedItemKey(listKey: string, value: CellValue | undefined): string | null {
  const text = normaliseLabel(asText(value ?? null));
  if (text === '') return null;
  return valueList(listKey).items.find((i) => LANGUAGES.some((l) => normaliseLabel(i.label[l]) === text))?.key ?? null;
}

export const policeBasisKey = (value: CellValue | undefined) => fixedItemKey('policeBases', value) as PoliceBasisKey | null;
export const confidentialityBasisKey = (value: CellValue | undefined) => fixedItemKey('confidentialityBases', value) as ConfidentialityBasisKey | null;

export interface PoliceRequirement {
  required: boolean;
  /** The basis named, when one is; a legacy "requires: yes" without a basis gives null. */
  basis: PoliceBasisKey | null;
  /** Where the requirement comes from: the volunteer's own assignment, or the partner's active agreement. */
  from: 'assignment' | 'agreement' | null;
}

/**
 * Whether an agreement requires a police certificate: its basis when one is written (any but
 * «Ingen»), else the older yes/no column. Texts are compared as the register's formula compares
 * them (criteria.ts: case ignored, nothing trimmed, the workbook's language), so the core and the
 * spreadsheet agree on every row.
 */
export function agreementPolice(agreement: RegisterRow, lang: Lang): { required: boolean; basis: PoliceBasisKey | null } {
  const written = cellText(agreement.values.policeBasis);
  if (written !== '') return { required: !matchesText(written, itemLabel('policeBases', 'none', lang)), basis: policeBasisKey(written) };
  return { required: matchesText(agreement.values.requiresPoliceCertificate, itemLabel('yesNo', 'yes', lang)), basis: null };
}

/** The partner's agreements active on the date, by the one rule the summary counts them with (activeRule.ts). */
export function activeAgreementsOf(data: WorkbookData, partner: string, date: number): RegisterRow[] {
  if (partner === '') return [];
  return data.registers.agreements.rows.filter((a) => matchesText(a.values.partner, partner) && isActiveOn(a, 'agreements', data.lang, date));
}

/**
 * The police certificate requirement for one volunteer's assignment on the date: none for an
 * informal helper (no duties of an assignment, assignmentDuties.ts, compared in the workbook's
 * language as the formula compares it); else the volunteer's own basis when one is written (none:
 * not required), else a partner's active agreement that requires one (agreementPolice). The
 * register's formula column (volunteerDerived.ts) says the same.
 */
export function policeRequirement(data: WorkbookData, volunteer: RegisterRow, date: number): PoliceRequirement {
  if (!hasAssignmentDuties(volunteer.values.affiliation, data.lang)) return { required: false, basis: null, from: null };
  const own = cellText(volunteer.values.policeBasis);
  if (own !== '') return { required: !matchesText(own, itemLabel('policeBases', 'none', data.lang)), basis: policeBasisKey(own), from: 'assignment' };
  for (const agreement of activeAgreementsOf(data, cellText(volunteer.values.partner), date)) {
    const police = agreementPolice(agreement, data.lang);
    if (police.required) return { required: true, basis: police.basis, from: 'agreement' };
  }
  return { required: false, basis: null, from: null };
}

/** The confidentiality basis of a volunteer's assignment: their own, else the first active agreement's that names one. */
export function confidentialityBasis(data: WorkbookData, volunteer: RegisterRow, date: number): ConfidentialityBasisKey | null {
  const own = confidentialityBasisKey(volunteer.values.confidentialityBasis);
  if (own) return own;
  for (const agreement of activeAgreementsOf(data, cellText(volunteer.values.partner), date)) {
    const basis = confidentialityBasisKey(agreement.values.confidentialityBasis);
    if (basis) return basis;
  }
  return null;
}

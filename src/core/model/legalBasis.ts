/**
 * The legal basis of an assignment, per agreement and per volunteer: for the police certificate
 * (helse- og omsorgstjenesteloven § 5-4, the child care certificate, another basis, or none) and
 * for confidentiality. The law decides per assignment (templates/legal.json hol-5-4-volunteers),
 * so a volunteer's own basis wins over the partner's agreement; the activity table only suggests.
 */
import { valueList } from '../content/content';
import { LANGUAGES } from '../content/language';
import type { CellValue } from '../port';
import { asText, normaliseLabel, sameText } from './cellValues';
import type { RegisterRow } from './registerRows';
import { isYes } from './settingsModel';
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

/** Whether an agreement requires a police certificate: its basis when set, else the older yes/no column. */
export function agreementPolice(agreement: RegisterRow): { required: boolean; basis: PoliceBasisKey | null } {
  const basis = policeBasisKey(agreement.values.policeBasis);
  if (basis) return { required: basis !== 'none', basis };
  return { required: isYes(agreement.values.requiresPoliceCertificate), basis: null };
}

export function activeAgreementsOf(data: WorkbookData, partner: string, activeLabel: string): RegisterRow[] {
  if (partner === '') return [];
  return data.registers.agreements.rows.filter((a) => sameText(a.values.partner, partner) && sameText(a.values.status, activeLabel));
}

/** The police certificate requirement for one volunteer's assignment. */
export function policeRequirement(data: WorkbookData, volunteer: RegisterRow, activeAgreementLabel: string): PoliceRequirement {
  const own = policeBasisKey(volunteer.values.policeBasis);
  if (own) return { required: own !== 'none', basis: own, from: 'assignment' };
  for (const agreement of activeAgreementsOf(data, asText(volunteer.values.partner), activeAgreementLabel)) {
    const police = agreementPolice(agreement);
    if (police.required) return { required: true, basis: police.basis, from: 'agreement' };
  }
  return { required: false, basis: null, from: null };
}

/** The confidentiality basis of a volunteer's assignment: their own, else the first active agreement's that names one. */
export function confidentialityBasis(data: WorkbookData, volunteer: RegisterRow, activeAgreementLabel: string): ConfidentialityBasisKey | null {
  const own = confidentialityBasisKey(volunteer.values.confidentialityBasis);
  if (own) return own;
  for (const agreement of activeAgreementsOf(data, asText(volunteer.values.partner), activeAgreementLabel)) {
    const basis = confidentialityBasisKey(agreement.values.confidentialityBasis);
    if (basis) return basis;
  }
  return null;
}

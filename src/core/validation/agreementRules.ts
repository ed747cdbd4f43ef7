/**
 * The agreement register: dates that contradict each other, agreements running out or due for
 * review, and requirements the agreement sets that its volunteers do not meet.
 */
import { isActiveOn } from '../model/activeRule';
import { hasAssignmentDuties } from '../model/assignmentDuties';
import { asNumber, asText, isBlank, normaliseLabel } from '../model/cellValues';
import { valueList } from '../content/content';
import { LANGUAGES } from '../content/language';
import type { CellValue } from '../port';
import type { RegisterRow } from '../model/registerRows';
import { isYes } from '../model/settingsModel';
import { agreementPolice, fixedItemKey, policeBasisKey } from '../model/legalBasis';
import { formatDay, formatExamples } from './messages';
import { reportDuplicates } from './duplicates';
import { hasColumn, labelKey, textKey, type RuleContext } from './ruleContext';

const EXAMPLES = 5;

/** Volunteers who lack something, counted with a few of their ids to name in the message. */
interface Lacking {
  count: number;
  examples: string[];
}

function addTo(map: Map<string, Lacking>, key: string, example: string): void {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = { count: 0, examples: [] }));
  entry.count++;
  if (entry.examples.length < EXAMPLES) entry.examples.push(example);
}

/**
 * Active volunteers lacking a date, grouped so that an agreement finds its volunteers in constant
 * time: by partner, by partner and unit, and by partner for volunteers without a unit.
 */
class LackingIndex {
  readonly byPartner = new Map<string, Lacking>();
  readonly byPartnerUnit = new Map<string, Lacking>();
  readonly byPartnerNoUnit = new Map<string, Lacking>();

  add(volunteer: RegisterRow): void {
    const partner = textKey(volunteer.values.partner);
    if (partner === '') return;
    const unit = textKey(volunteer.values.unit);
    const example = asText(volunteer.values.id) || `#${volunteer.rowNumber}`;
    addTo(this.byPartner, partner, example);
    if (unit === '') addTo(this.byPartnerNoUnit, partner, example);
    else addTo(this.byPartnerUnit, `${partner}\u0000${unit}`, example);
  }

  /** Volunteers linked to an agreement: same partner, and the same unit when both name one. */
  forAgreement(partner: string, unit: string): Lacking {
    if (unit === '') return this.byPartner.get(partner) ?? { count: 0, examples: [] };
    const same = this.byPartnerUnit.get(`${partner}\u0000${unit}`);
    const open = this.byPartnerNoUnit.get(partner);
    return {
      count: (same?.count ?? 0) + (open?.count ?? 0),
      examples: [...(same?.examples ?? []), ...(open?.examples ?? [])].slice(0, EXAMPLES),
    };
  }
}

/**
 * Whether an agreement's form of cooperation is one the parties sign (`signed` on the items of
 * cooperationForms in templates/lists.json). A blank or unknown form counts as signed: the rule
 * then asks, as it always did. Formal cooperation is written agreements and partnerships
 * (000_816c9c010d52404f.txt:807-809); a committee or informal contact has nothing to sign.
 */
function isSignedForm(value: CellValue | undefined): boolean {
  const label = normaliseLabel(asText(value ?? null));
  if (label === '') return true;
  const item = valueList('cooperationForms').items.find((i) => LANGUAGES.some((l) => normaliseLabel(i.label[l]) === label));
  return item ? item.attributes?.signed !== false : true;
}

function lackingIndexes(ctx: RuleContext): { confidentiality: LackingIndex | null; police: LackingIndex | null } {
  const volunteers = ctx.data.registers.volunteers;
  const active = labelKey('volunteerStatuses', 'active', ctx.lang);
  const confidentiality = hasColumn(volunteers, 'confidentialityDate') ? new LackingIndex() : null;
  const police = hasColumn(volunteers, 'policeCertificateDate') ? new LackingIndex() : null;
  for (const v of volunteers.rows) {
    if (textKey(v.values.status) !== active || !hasAssignmentDuties(v.values.affiliation)) continue;
    if (confidentiality && isBlank(v.values.confidentialityDate)) confidentiality.add(v);
    // A volunteer whose own assignment has no basis for a certificate is not asked for one.
    if (police && isBlank(v.values.policeCertificateDate) && policeBasisKey(v.values.policeBasis) !== 'none') police.add(v);
  }
  return { confidentiality, police };
}

function dateRules(ctx: RuleContext, row: RegisterRow, active: boolean): void {
  const agreements = ctx.data.registers.agreements;
  const { today, lang } = ctx;
  const { expiryWarningDays, reviewWarningDays } = ctx.data.settings;
  const start = asNumber(row.values.start);
  const end = asNumber(row.values.end);
  const at = (ruleId: string, column: string, values = {}) => ctx.issues.atCell(ruleId, agreements, row.rowNumber, column, values);

  if (start !== null && end !== null && end < start) at('agreements.end.beforeStart', 'end', { start: formatDay(start, lang), end: formatDay(end, lang) });
  if (!active) return;
  if (start !== null && start > today) at('agreements.status.activeBeforeStart', 'status', { start: formatDay(start, lang) });
  if (end !== null && end < today) at('agreements.end.passed', 'end', { end: formatDay(end, lang) });
  else if (end !== null && end <= today + expiryWarningDays) at('agreements.end.soon', 'end', { end: formatDay(end, lang), days: Math.floor(end - today) });

  const review = asNumber(row.values.nextReview);
  if (review !== null && review < today) at('agreements.nextReview.overdue', 'nextReview', { date: formatDay(review, lang) });
  else if (review !== null && review <= today + reviewWarningDays)
    at('agreements.nextReview.soon', 'nextReview', { date: formatDay(review, lang), days: Math.floor(review - today) });
  else if (isBlank(row.values.nextReview) && hasColumn(agreements, 'nextReview')) at('agreements.nextReview.missing', 'nextReview');

  if (isBlank(row.values.signedDate) && hasColumn(agreements, 'signedDate') && isSignedForm(row.values.cooperationForm))
    at('agreements.signedDate.missing', 'signedDate');
}

/** What a lawyer asks of an active agreement: the legal basis of its police certificate, and whether a payment is a grant or a purchase. */
function basisRules(ctx: RuleContext, row: RegisterRow): void {
  const agreements = ctx.data.registers.agreements;
  if (hasColumn(agreements, 'policeBasis') && isYes(row.values.requiresPoliceCertificate) && policeBasisKey(row.values.policeBasis) === null) {
    ctx.issues.atCell('agreements.policeBasis.missing', agreements, row.rowNumber, 'policeBasis');
  }
  const payment = asNumber(row.values.paymentPerActivity);
  if (hasColumn(agreements, 'paymentKind') && payment !== null && payment > 0 && fixedItemKey('paymentKinds', row.values.paymentKind) === null) {
    ctx.issues.atCell('agreements.paymentKind.missing', agreements, row.rowNumber, 'paymentKind');
  }
}

export function agreementRules(ctx: RuleContext): void {
  const agreements = ctx.data.registers.agreements;
  if (agreements.rows.length === 0) return;
  reportDuplicates(ctx, agreements, 'id', 'agreements.id.duplicate', (r) => textKey(r.values.id));
  const active = labelKey('agreementStatuses', 'active', ctx.lang);
  const lacking = lackingIndexes(ctx);

  for (const row of agreements.rows) {
    const isActive = textKey(row.values.status) === active;
    dateRules(ctx, row, isActive);
    if (isActive) basisRules(ctx, row);
    const partner = textKey(row.values.partner);
    // Requirements bind from the start date to the end date, as the summary counts agreements (activeRule.ts).
    if (!isActiveOn(row, 'agreements', ctx.lang, ctx.today) || partner === '') continue;
    const unit = textKey(row.values.unit);
    const requirement = (index: LackingIndex | null, required: boolean, column: string, ruleId: string) => {
      if (!index || !required) return;
      const found = index.forAgreement(partner, unit);
      if (found.count > 0) {
        ctx.issues.atCell(ruleId, agreements, row.rowNumber, column, { count: found.count, ids: formatExamples(found.examples, found.count, ctx.lang) });
      }
    };
    requirement(lacking.confidentiality, isYes(row.values.requiresConfidentiality), 'requiresConfidentiality', 'agreements.requirements.confidentiality');
    requirement(lacking.police, agreementPolice(row, ctx.lang).required, 'requiresPoliceCertificate', 'agreements.requirements.policeCertificate');
  }
}
